"""Follow-ups due: what managers and HR must act on.

One row per cycle with its manager, employee, stage, planned session date,
follow-up due date and, while a POP waits for approval, which party it waits
for. Queries compare the dates with a given day, so "overdue" and "due soon"
never go stale in storage. Card moves do not change any of this and are
skipped without reading anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from domain.growth_cycle import GrowthCycle
from domain.vocabulary import Stage
from projections.database import Cursor, Database
from projections.read_model import Batch, ReadModel, Rows, compact_json, parse_json

TABLE = "rm_follow_ups"
COLUMNS = (
    "cycle_id",
    "employee_id",
    "manager_id",
    "stage",
    "planned_session_on",
    "due_on",
    "waiting_for",
    "state",
)

Row = dict[str, Any]


class FollowUpsReadModel(ReadModel):
    name = "follow_ups"
    tables = (TABLE,)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "cycle_id TEXT PRIMARY KEY, employee_id TEXT NOT NULL, manager_id TEXT NOT NULL, "
        "stage TEXT NOT NULL, planned_session_on TEXT NOT NULL, due_on TEXT, "
        "waiting_for TEXT, state TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_manager ON {TABLE} (manager_id, stage)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_stage ON {TABLE} (stage, due_on)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        rows = Rows(cursor, TABLE, COLUMNS)
        states: dict[str, dict[str, Any]] = {}
        for event, key, _ in batch:
            kind = type(event)
            if kind is not GrowthCycle.Opened and kind not in _HANDLERS:
                continue  # card moves, drafts, other aggregates: nothing to read or write
            if isinstance(event, GrowthCycle.Opened):
                row: Row | None = {
                    "cycle_id": key,
                    "employee_id": str(event.employee_id),
                    "manager_id": str(event.manager_id),
                    "planned_session_on": event.planned_session_on.isoformat(),
                    "due_on": None,
                }
                states[key] = {
                    "prepared": [],
                    "session": False,
                    "board": False,
                    "plan_version": 0,
                    "approvals": {},
                    "approved_version": None,
                    "completed": False,
                    "closed": False,
                }
                rows.put(key, row)  # type: ignore[arg-type]
            else:
                handler = _HANDLERS[kind]
                row = rows.get(key)
                if row is None:
                    continue
                if key not in states:
                    states[key] = parse_json(row["state"])
                handler(row, states[key], event)
                rows.touch(key)
            assert row is not None
            state = states[key]
            row["stage"] = _stage(row, state)
            row["waiting_for"] = _waiting_for(state, row["stage"])
        # Encoded once per cycle and batch, not once per event.
        for key, state in states.items():
            found = rows.get(key)
            if found is not None:
                found["state"] = compact_json(state)
        rows.flush()


def _stage(row: Row, state: dict[str, Any]) -> str:
    if state["closed"]:
        return Stage.CLOSED.value
    if state["completed"]:
        return Stage.COMPLETED.value
    if row["due_on"] is not None:
        return Stage.FOLLOW_UP_SCHEDULED.value
    if (
        state["approved_version"] is not None
        and state["approved_version"] == (state["plan_version"])
    ):
        return Stage.PLAN_AGREED.value
    if state["board"]:
        return Stage.ON_BOARD.value
    if state["session"]:
        return Stage.SESSION_HELD.value
    return Stage.PREPARING.value


def _waiting_for(state: dict[str, Any], stage: str) -> str | None:
    """The parties (comma-separated) whose approval the current POP still needs."""
    if stage in (Stage.CLOSED, Stage.COMPLETED, Stage.PLAN_AGREED):
        return None
    if not state["plan_version"] or state["approved_version"] == state["plan_version"]:
        return None
    missing = [p for p in ("employee", "manager") if p not in state["approvals"]]
    return ",".join(missing) or None


def _submitted(row: Row, state: dict[str, Any], event: Any) -> None:
    if event.party not in state["prepared"]:
        state["prepared"].append(event.party)


def _session_held(row: Row, state: dict[str, Any], event: Any) -> None:
    state["session"] = True


def _cards_selected(row: Row, state: dict[str, Any], event: Any) -> None:
    state["board"] = True


def _plan_written(row: Row, state: dict[str, Any], event: Any) -> None:
    state["plan_version"] = event.version
    state["approvals"] = {}


def _approved(row: Row, state: dict[str, Any], event: Any) -> None:
    state["approvals"][event.party] = event.version


def _approved_by_both(row: Row, state: dict[str, Any], event: Any) -> None:
    state["approved_version"] = event.version


def _scheduled(row: Row, state: dict[str, Any], event: Any) -> None:
    row["due_on"] = event.due_on.isoformat()


def _completed(row: Row, state: dict[str, Any], event: Any) -> None:
    state["completed"] = True


def _closed(row: Row, state: dict[str, Any], event: Any) -> None:
    state["closed"] = True


def _handed_over(row: Row, state: dict[str, Any], event: Any) -> None:
    # "" while nobody leads the cycle: no manager's list shows it, HR's does.
    row["manager_id"] = str(event.to_manager_id) if event.to_manager_id else ""
    if event.approval_withdrawn is not None:
        state["approvals"].pop("manager", None)


_HANDLERS: dict[type, Callable[[Row, dict[str, Any], Any], None]] = {
    GrowthCycle.ManagerHandedOver: _handed_over,
    GrowthCycle.PreparationSubmitted: _submitted,
    GrowthCycle.SessionHeld: _session_held,
    GrowthCycle.CardsSelected: _cards_selected,
    GrowthCycle.PlanDrafted: _plan_written,
    GrowthCycle.PlanRevised: _plan_written,
    GrowthCycle.PlanApproved: _approved,
    GrowthCycle.PlanApprovedByBoth: _approved_by_both,
    GrowthCycle.FollowUpScheduled: _scheduled,
    GrowthCycle.FollowUpCompleted: _completed,
    GrowthCycle.Closed: _closed,
}


# -- queries -------------------------------------------------------------------


def list_follow_ups(
    database: Database, today: date, manager_id: str | None = None, soon_days: int = 30
) -> dict[str, list[dict[str, Any]]]:
    """What needs attention on `today`, for one manager or (no manager given) for HR.

    - overdue: follow-ups whose due date has passed;
    - due_soon: follow-ups due within `soon_days` from today;
    - scheduled: every other follow-up still ahead;
    - waiting: cycles stuck in a stage: prepared but the planned session date
      has passed without a session (`waiting_on: "session"`), or a POP that
      one or both parties have not approved yet (`waiting_on: "approval"`,
      `waiting_for`: the parties).
    Each list is sorted by its date, earliest first.
    """
    where = "stage IN (?, ?, ?, ?, ?)"
    params: list[Any] = [
        Stage.FOLLOW_UP_SCHEDULED.value,
        Stage.PREPARING.value,
        Stage.SESSION_HELD.value,
        Stage.ON_BOARD.value,
        Stage.PLAN_AGREED.value,
    ]
    if manager_id is not None:
        where += " AND manager_id = ?"
        params.append(str(manager_id))
    rows = database.query(
        f"SELECT cycle_id, employee_id, manager_id, stage, planned_session_on, due_on, "
        f"waiting_for, state FROM {TABLE} WHERE {where}",
        params,
    )
    today_iso = today.isoformat()
    soon_iso = (today + timedelta(days=soon_days)).isoformat()
    result: dict[str, list[dict[str, Any]]] = {
        "overdue": [],
        "due_soon": [],
        "scheduled": [],
        "waiting": [],
    }
    for row in rows:
        item = {k: row[k] for k in ("cycle_id", "employee_id", "manager_id", "stage")}
        item["planned_session_on"] = row["planned_session_on"]
        item["due_on"] = row["due_on"]
        if row["stage"] == Stage.FOLLOW_UP_SCHEDULED:
            due = row["due_on"]
            if due < today_iso:
                item["days_overdue"] = (today - date.fromisoformat(due)).days
                result["overdue"].append(item)
            elif due <= soon_iso:
                result["due_soon"].append(item)
            else:
                result["scheduled"].append(item)
        if row["waiting_for"]:
            result["waiting"].append(
                dict(item, waiting_on="approval", waiting_for=row["waiting_for"].split(","))
            )
        elif row["stage"] == Stage.PREPARING and row["planned_session_on"] < today_iso:
            prepared = parse_json(row["state"])["prepared"]
            if prepared:
                result["waiting"].append(
                    dict(item, waiting_on="session", prepared=sorted(prepared), waiting_for=[])
                )
    for name, field in (("overdue", "due_on"), ("due_soon", "due_on"), ("scheduled", "due_on")):
        result[name].sort(key=lambda i, f=field: (i[f], i["cycle_id"]))  # type: ignore[misc]
    result["waiting"].sort(key=lambda i: (i["planned_session_on"], i["cycle_id"]))
    return result
