"""Follow-ups due: one row per cycle with what managers and HR must act on, and its fold.

A row says who the cycle is of and who leads it, its stage, the planned
session date, the follow-up's due date and, while a POP waits for
approval, which parties it waits for; its `state` keeps what the stage is
worked out from. Card moves and drafts change none of this and are skipped.
The fold is pure: it is handed the stored rows a batch concerns and changes
them in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict

from domain.growth_cycle import GrowthCycle
from domain.vocabulary import Stage
from projections.read_model import Event


class FollowUpState(TypedDict):
    """What a cycle's stage follows from (JSON in the row's `state` column)."""

    prepared: list[str]  # the parties that submitted a preparation
    session: bool
    board: bool
    plan_version: int  # 0: no POP yet
    approvals: dict[str, int]  # party → the POP version it approved
    approved_version: int | None
    completed: bool
    closed: bool


@dataclass(slots=True)
class FollowUpRow:
    cycle_id: str
    employee_id: str
    manager_id: str  # "" while nobody leads the cycle: no manager's list shows it, HR's does
    stage: str
    planned_session_on: str
    due_on: str | None
    waiting_for: str | None  # the parties, comma-separated, whose approval the POP needs
    state: FollowUpState


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    return {key for event, key, _ in batch if isinstance(event, _FOLDED)}


def fold(
    rows: dict[str, FollowUpRow], batch: Iterable[tuple[Event, str, str]]
) -> dict[str, FollowUpRow]:
    """Folds events in log order into `rows` (the stored ones by cycle id; new ones are
    added); returns the rows that changed."""
    changed: dict[str, FollowUpRow] = {}
    for event, key, _ in batch:
        if isinstance(event, GrowthCycle.Opened):
            row = rows[key] = opened(event, key)
        elif isinstance(event, _FOLDED):
            found = rows.get(key)
            if found is None:
                continue
            row = found
            process_event(row, event)
        else:
            continue  # card moves, drafts, other aggregates: nothing to read or write
        row.stage = stage_of(row)
        row.waiting_for = waiting_for(row)
        changed[key] = row
    return changed


_FOLDED = (
    GrowthCycle.ManagerHandedOver,
    GrowthCycle.PreparationSubmitted,
    GrowthCycle.SessionHeld,
    GrowthCycle.CardsSelected,
    GrowthCycle.PlanDrafted,  # PlanRevised too: a subclass
    GrowthCycle.PlanApproved,
    GrowthCycle.PlanApprovedByBoth,
    GrowthCycle.FollowUpScheduled,
    GrowthCycle.FollowUpCompleted,
    GrowthCycle.Closed,
)


def opened(event: GrowthCycle.Opened, key: str) -> FollowUpRow:
    return FollowUpRow(
        cycle_id=key,
        employee_id=str(event.employee_id),
        manager_id=str(event.manager_id),
        stage=Stage.PREPARING.value,
        planned_session_on=event.planned_session_on.isoformat(),
        due_on=None,
        waiting_for=None,
        state=FollowUpState(
            prepared=[],
            session=False,
            board=False,
            plan_version=0,
            approvals={},
            approved_version=None,
            completed=False,
            closed=False,
        ),
    )


def process_event(row: FollowUpRow, event: GrowthCycle.Event) -> None:
    state = row.state
    match event:
        case GrowthCycle.PreparationSubmitted():
            if event.party not in state["prepared"]:
                state["prepared"].append(event.party)
        case GrowthCycle.SessionHeld():
            state["session"] = True
        case GrowthCycle.CardsSelected():
            state["board"] = True
        case GrowthCycle.PlanDrafted():
            state["plan_version"] = event.version
            state["approvals"] = {}
        case GrowthCycle.PlanApproved():
            state["approvals"][event.party] = event.version
        case GrowthCycle.PlanApprovedByBoth():
            state["approved_version"] = event.version
        case GrowthCycle.FollowUpScheduled():
            row.due_on = event.due_on.isoformat()
        case GrowthCycle.FollowUpCompleted():
            state["completed"] = True
        case GrowthCycle.Closed():
            state["closed"] = True
        case GrowthCycle.ManagerHandedOver():
            row.manager_id = str(event.to_manager_id) if event.to_manager_id else ""
            if event.approval_withdrawn is not None:
                state["approvals"].pop("manager", None)


def stage_of(row: FollowUpRow) -> str:
    state = row.state
    if state["closed"]:
        return Stage.CLOSED.value
    if state["completed"]:
        return Stage.COMPLETED.value
    if row.due_on is not None:
        return Stage.FOLLOW_UP_SCHEDULED.value
    if state["approved_version"] is not None and state["approved_version"] == state["plan_version"]:
        return Stage.PLAN_AGREED.value
    if state["board"]:
        return Stage.ON_BOARD.value
    if state["session"]:
        return Stage.SESSION_HELD.value
    return Stage.PREPARING.value


def waiting_for(row: FollowUpRow) -> str | None:
    """The parties (comma-separated) whose approval the current POP still needs."""
    state = row.state
    if row.stage in (Stage.CLOSED, Stage.COMPLETED, Stage.PLAN_AGREED):
        return None
    if not state["plan_version"] or state["approved_version"] == state["plan_version"]:
        return None
    missing = [p for p in ("employee", "manager") if p not in state["approvals"]]
    return ",".join(missing) or None
