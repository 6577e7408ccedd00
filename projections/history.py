"""The retrospective history: per employee, one timeline across all their cycles.

Who prepared and when (which version), the session, the cards and every
move, each POP version and who approved which version when (a revision
says whose approval it reset), the follow-up and its retrospective, and the
changes of manager, team and function between cycles. Drafts are private
to their author and never appear here.

The timeline is read from the audit trail's rows of the employee (one
indexed range, in log order, only the kinds a timeline shows) with their
events' fields, and folded here into entries. The audit trail already
indexes every event per employee; keeping a second index for the history
would add to the cost of every rebuild for no gain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from domain.attribution import Attribution
from projections.audit import AuditRow, EventLog, select_with_changes
from projections.database import Database
from projections.storage import placeholders


class HistoryKind(StrEnum):
    """What an entry of the history tells."""

    CYCLE_OPENED = "cycle_opened"
    PREPARATION_SUBMITTED = "preparation_submitted"
    SESSION_HELD = "session_held"
    CARDS_SELECTED = "cards_selected"
    CARD_MOVED = "card_moved"
    CARD_VISIBILITY_CHANGED = "card_visibility_changed"
    PLAN_DRAFTED = "plan_drafted"
    PLAN_REVISED = "plan_revised"
    PLAN_APPROVED = "plan_approved"
    PLAN_APPROVED_BY_BOTH = "plan_approved_by_both"
    FOLLOW_UP_SCHEDULED = "follow_up_scheduled"
    FOLLOW_UP_COMPLETED = "follow_up_completed"
    CYCLE_HANDED_OVER = "cycle_handed_over"
    CYCLE_CLOSED = "cycle_closed"
    MANAGER_CHANGED = "manager_changed"
    TEAM_CHANGED = "team_changed"
    FUNCTION_CHANGED = "function_changed"


# An entry's own fields, and the event's that it is made from: JSON, each kind its own.
Summary = dict[str, Any]
# Each handler returns (kind, the party acting or None, summary fields).
Entry = tuple[HistoryKind, str | None, Summary]


@dataclass
class State:
    """What a cycle's later entries need of its earlier ones."""

    cards: dict[str, str] = field(default_factory=dict)  # card id → its skill (title)
    approvals: dict[str, int] = field(default_factory=dict)  # party → POP version approved


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One moment in an employee's history."""

    seq: int  # the event's place in the audit trail: later entries have higher ones
    at: str
    cycle_id: str | None
    kind: HistoryKind
    party: str | None  # the party acting: employee, manager, or None (both, or HR)
    actor: Attribution | None  # who did it; None: before actors were recorded
    employee_id: str
    version: int  # of the aggregate, after the event
    details: Summary  # the entry's own fields, per kind


def _opened(state: State, c: Summary) -> Entry:
    summary = {k: c[k] for k in ("manager_id", "planned_session_on", "previous_cycle_id")}
    return HistoryKind.CYCLE_OPENED, "manager", summary


def _prepared(state: State, c: Summary) -> Entry:
    return HistoryKind.PREPARATION_SUBMITTED, c["party"], {"preparation_version": c["version"]}


def _session_held(state: State, c: Summary) -> Entry:
    state.cards = {card["id"]: card["i_want_to"] for card in c["cards"]}
    cards = [{"id": x["id"], "kind": x["kind"], "title": x["i_want_to"]} for x in c["cards"]]
    return (
        HistoryKind.SESSION_HELD,
        "manager",
        {"held_on": c["held_on"], "notes": c["notes"], "cards": cards},
    )


def _cards_selected(state: State, c: Summary) -> Entry:
    cards = [{"id": i, "title": state.cards.get(i)} for i in c["card_ids"]]
    return HistoryKind.CARDS_SELECTED, None, {"cards": cards}


def _card_moved(state: State, c: Summary) -> Entry:
    summary = {
        "card_id": c["card_id"],
        "title": state.cards.get(c["card_id"]),
        "from_column": c["from_column"],
        "to_column": c["to_column"],
        "position": c["position"],
    }
    return HistoryKind.CARD_MOVED, "employee", summary


def _card_visibility(state: State, c: Summary) -> Entry:
    summary = {
        "card_id": c["card_id"],
        "title": state.cards.get(c["card_id"]),
        "visible_to_team": c["visible"],
    }
    return HistoryKind.CARD_VISIBILITY_CHANGED, "employee", summary


def _plan_drafted(state: State, c: Summary) -> Entry:
    state.approvals = {}
    return HistoryKind.PLAN_DRAFTED, "manager", {"plan_version": c["version"]}


def _plan_revised(state: State, c: Summary) -> Entry:
    # A revision asks both parties again: say whose approval it set aside.
    reset = sorted(state.approvals.items())
    state.approvals = {}
    summary = {
        "plan_version": c["version"],
        "approvals_reset": [{"party": p, "plan_version": v} for p, v in reset],
    }
    return HistoryKind.PLAN_REVISED, "manager", summary


def _approved(state: State, c: Summary) -> Entry:
    state.approvals[c["party"]] = c["version"]
    return HistoryKind.PLAN_APPROVED, c["party"], {"plan_version": c["version"]}


def _approved_by_both(state: State, c: Summary) -> Entry:
    return HistoryKind.PLAN_APPROVED_BY_BOTH, None, {"plan_version": c["version"]}


def _follow_up_scheduled(state: State, c: Summary) -> Entry:
    return HistoryKind.FOLLOW_UP_SCHEDULED, "manager", {"due_on": c["due_on"]}


def _follow_up_completed(state: State, c: Summary) -> Entry:
    fields = ("held_on", "went_well", "could_be_better", "show_and_tell_on")
    return HistoryKind.FOLLOW_UP_COMPLETED, None, {k: c[k] for k in fields}


def _handed_over(state: State, c: Summary) -> Entry:
    withdrawn = c["approval_withdrawn"]
    if withdrawn is not None:
        state.approvals.pop("manager", None)
    summary = {
        "from_manager_id": c["from_manager_id"],
        "to_manager_id": c["to_manager_id"],
        "approval_withdrawn": withdrawn,
    }
    return HistoryKind.CYCLE_HANDED_OVER, None, summary


def _closed(state: State, c: Summary) -> Entry:
    return HistoryKind.CYCLE_CLOSED, "manager", {"reason": c["reason"]}


_CYCLE_EVENTS: dict[str, Callable[[State, Summary], Entry]] = {
    "Opened": _opened,
    "PreparationSubmitted": _prepared,
    "SessionHeld": _session_held,
    "CardsSelected": _cards_selected,
    "CardMoved": _card_moved,
    "CardVisibilityChanged": _card_visibility,
    "PlanDrafted": _plan_drafted,
    "PlanRevised": _plan_revised,
    "PlanApproved": _approved,
    "PlanApprovedByBoth": _approved_by_both,
    "FollowUpScheduled": _follow_up_scheduled,
    "FollowUpCompleted": _follow_up_completed,
    "Closed": _closed,
    "ManagerHandedOver": _handed_over,
}

_PERSON_EVENTS: dict[str, Callable[[Summary], tuple[HistoryKind, Summary]]] = {
    "ManagerChanged": lambda c: (HistoryKind.MANAGER_CHANGED, {"manager_id": c["manager_id"]}),
    "TeamChanged": lambda c: (HistoryKind.TEAM_CHANGED, {"team": c["team"]}),
    "FunctionChanged": lambda c: (HistoryKind.FUNCTION_CHANGED, {"function": c["function"]}),
}


KINDS = sorted({*_CYCLE_EVENTS, *_PERSON_EVENTS})


def get_history(database: Database, log: EventLog, employee_id: str) -> list[HistoryEntry]:
    """The employee's timeline, oldest first."""
    rows = select_with_changes(
        database,
        log,
        "a.employee_id = ? AND a.aggregate IN ('GrowthCycle', 'Person') "
        f"AND a.kind IN ({placeholders(len(KINDS))}) ORDER BY a.seq",
        (str(employee_id), *KINDS),
    )
    return timeline(employee_id, rows)


def timeline(employee_id: str, rows: Iterable[AuditRow]) -> list[HistoryEntry]:
    """Folds the employee's audit rows, in log order, into the entries of a timeline."""
    cycles: dict[str | None, State] = {}
    entries: list[HistoryEntry] = []
    for row in rows:
        if row.aggregate == "Person":
            person_event = _PERSON_EVENTS.get(row.kind)
            if person_event is None:
                continue
            kind, summary = person_event(row.changes)
            party = None
        elif row.aggregate == "GrowthCycle":
            cycle_event = _CYCLE_EVENTS.get(row.kind)
            if cycle_event is None:
                continue  # drafts stay with their author
            kind, party, summary = cycle_event(
                cycles.setdefault(row.cycle_id, State()), row.changes
            )
        else:
            continue
        entries.append(
            HistoryEntry(
                seq=row.seq,
                at=row.at,
                cycle_id=row.cycle_id,
                kind=kind,
                party=party,
                actor=row.actor,
                employee_id=employee_id,
                version=row.version,
                details=summary,
            )
        )
    return entries
