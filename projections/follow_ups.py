"""Follow-ups due: what managers and HR must act on.

The rows and their fold are in `follow_ups_fold`. Queries compare the
dates with a given day, so "overdue" and "due soon" never go stale in
storage: `due` sorts rows into what needs attention that day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from domain.vocabulary import Stage
from projections import follow_ups_fold
from projections.database import Cursor, Database
from projections.follow_ups_fold import FollowUpRow
from projections.json_text import compact_json, parse_json
from projections.read_model import Batch, ReadModel
from projections.storage import RowTable

TABLE = "rm_follow_ups"
ROWS = RowTable(
    TABLE,
    (
        "cycle_id",
        "employee_id",
        "manager_id",
        "stage",
        "planned_session_on",
        "due_on",
        "waiting_for",
        "state",
    ),
)
# The stages a follow-up or a wait can be in; completed and closed cycles ask nothing.
OPEN = (
    Stage.FOLLOW_UP_SCHEDULED.value,
    Stage.PREPARING.value,
    Stage.SESSION_HELD.value,
    Stage.ON_BOARD.value,
    Stage.PLAN_AGREED.value,
)


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
        stored = ROWS.load(cursor, follow_ups_fold.keys_to_load(batch))
        rows = {key: _row(row) for key, row in stored.items()}
        changed = follow_ups_fold.fold(rows, batch)
        ROWS.upsert(
            cursor,
            [
                (
                    r.cycle_id,
                    r.employee_id,
                    r.manager_id,
                    r.stage,
                    r.planned_session_on,
                    r.due_on,
                    r.waiting_for,
                    compact_json(r.state),  # once per row and batch, not per event
                )
                for r in changed.values()
            ],
        )


def _row(columns: Mapping[str, Any]) -> FollowUpRow:
    """A row as stored: the columns as the database gives them back, the state as JSON."""
    return FollowUpRow(
        cycle_id=columns["cycle_id"],
        employee_id=columns["employee_id"],
        manager_id=columns["manager_id"],
        stage=columns["stage"],
        planned_session_on=columns["planned_session_on"],
        due_on=columns["due_on"],
        waiting_for=columns["waiting_for"],
        state=parse_json(columns["state"]),
    )


class WaitingOn(StrEnum):
    """What a cycle stuck in its stage waits for."""

    APPROVAL = "approval"  # of the POP, by one party or both
    SESSION = "session"  # prepared, but the planned session date has passed


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    """A cycle that needs attention, and why."""

    cycle_id: str
    employee_id: str
    manager_id: str
    stage: str
    planned_session_on: str
    due_on: str | None
    days_overdue: int | None = None
    waiting_on: WaitingOn | None = None
    waiting_for: list[str] | None = None  # the parties whose approval the POP waits for
    prepared: list[str] | None = None  # waiting on the session: the parties who prepared


@dataclass(frozen=True, slots=True)
class FollowUps:
    """Each list sorted by its date, earliest first.

    - overdue: follow-ups whose due date has passed;
    - due_soon: follow-ups due within the days asked;
    - scheduled: every other follow-up still ahead;
    - waiting: cycles stuck in a stage: prepared, but the planned session date has
      passed without a session; or a POP one or both parties have not approved yet.
    """

    overdue: list[FollowUpItem] = field(default_factory=list)
    due_soon: list[FollowUpItem] = field(default_factory=list)
    scheduled: list[FollowUpItem] = field(default_factory=list)
    waiting: list[FollowUpItem] = field(default_factory=list)


def due(rows: Iterable[FollowUpRow], today: date, soon_days: int = 30) -> FollowUps:
    """What needs attention on `today` among these rows."""
    today_iso = today.isoformat()
    soon_iso = (today + timedelta(days=soon_days)).isoformat()
    result = FollowUps()
    for row in rows:
        if row.stage not in OPEN:
            continue
        item = FollowUpItem(
            row.cycle_id,
            row.employee_id,
            row.manager_id,
            row.stage,
            row.planned_session_on,
            row.due_on,
        )
        if row.stage == Stage.FOLLOW_UP_SCHEDULED and row.due_on is not None:
            if row.due_on < today_iso:
                days = (today - date.fromisoformat(row.due_on)).days
                result.overdue.append(replace(item, days_overdue=days))
            elif row.due_on <= soon_iso:
                result.due_soon.append(item)
            else:
                result.scheduled.append(item)
        if row.waiting_for:
            waiting = row.waiting_for.split(",")
            result.waiting.append(replace(item, waiting_on=WaitingOn.APPROVAL, waiting_for=waiting))
        elif row.stage == Stage.PREPARING and row.planned_session_on < today_iso:
            prepared = sorted(row.state["prepared"])
            if prepared:
                result.waiting.append(
                    replace(item, waiting_on=WaitingOn.SESSION, prepared=prepared, waiting_for=[])
                )
    for dated in (result.overdue, result.due_soon, result.scheduled):
        dated.sort(key=lambda i: (i.due_on or "", i.cycle_id))
    result.waiting.sort(key=lambda i: (i.planned_session_on, i.cycle_id))
    return result


# -- queries -------------------------------------------------------------------


def list_follow_ups(
    database: Database,
    today: date,
    manager_id: str | None = None,
    soon_days: int = 30,
    *,
    employee_id: str | None = None,
) -> FollowUps:
    """What needs attention on `today`: one manager's reports', one employee's own, or (no
    one given) everyone's, for HR."""
    where = f"stage IN ({', '.join('?' for _ in OPEN)})"
    params = list(OPEN)
    for column, value in (("manager_id", manager_id), ("employee_id", employee_id)):
        if value is not None:
            where += f" AND {column} = ?"
            params.append(str(value))
    rows = database.query(f"SELECT {', '.join(ROWS.columns)} FROM {TABLE} WHERE {where}", params)
    return due((_row(row) for row in rows), today, soon_days)
