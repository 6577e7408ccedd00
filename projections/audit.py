"""The audit trail: every event of every cycle and person, for HR.

One row per event, in log order (`seq` increases by one per event, so the
row count equals the number of events applied), with when, which aggregate
and version, which cycle and employee it concerns, and its kind: an index
into the event log, not a copy of it. A row's fields are read from the
stored event itself when a page of the trail is shown (`EventLog`), so a
rebuild neither encodes every event again nor writes it a second time.
Fields whose name marks them as secret are left out, whatever event grows
them later, and so is the content of a preparation draft: a draft is its
author's alone, so the trail shows that one was saved, never what it says.
Who caused each event (`domain.attribution`) comes with the row as `actor`,
apart from the event's own fields; events saved before actors were recorded
have None there.

`get_plan_as_of` folds a cycle's rows up to a moment: the POP version that
was current then, and who had approved which version by then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent

from domain.attribution import ACTOR_FIELD, attribution_of
from domain.employee_cycles import EmployeeCycles
from domain.growth_cycle import GrowthCycle
from projections.database import Cursor, Database
from projections.read_model import (
    Batch,
    ReadModel,
    compact_json,
    event_names,
    parse_json,
    utc_iso,
)

TABLE = "rm_audit"
SUBJECTS = "rm_audit_subjects"
# The envelope every event carries: stored in columns of their own.
ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp", "originator_topic"})
SECRET_WORDS = ("password", "secret", "token", "hash", "key")
# Fields that only their author may read, per event name: never in the trail.
PRIVATE_FIELDS = {"PreparationDraftSaved": frozenset({"preparation"})}
PLAN_KINDS = ("PlanDrafted", "PlanRevised", "PlanApproved", "PlanApprovedByBoth")

Subject = tuple[str | None, str | None]  # (employee_id, cycle_id)


@dataclass(frozen=True)
class EventLog:
    """Where audit rows find their events: the application's events table (in the
    same database as the read models) and the mapper that turns a stored event
    back into a domain event (it knows the transcodings, and any cipher)."""

    table: str
    mapper: Mapper[Any]


class AuditReadModel(ReadModel):
    name = "audit"
    tables = (TABLE, SUBJECTS)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "seq BIGINT PRIMARY KEY, aggregate_id TEXT NOT NULL, version BIGINT NOT NULL, "
        "at TEXT NOT NULL, aggregate TEXT NOT NULL, kind TEXT NOT NULL, "
        "employee_id TEXT, cycle_id TEXT)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_employee ON {TABLE} (employee_id, seq)",
        f"CREATE TABLE IF NOT EXISTS {SUBJECTS} ("
        "aggregate_id TEXT PRIMARY KEY, employee_id TEXT, cycle_id TEXT)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        cursor.execute(f"SELECT MAX(seq) AS seq FROM {TABLE}")
        seq = int(cursor.fetchone()["seq"] or 0)
        subjects: dict[str, Subject | None] = {}
        new_subjects: list[tuple[str, str | None, str | None]] = []
        rows: list[tuple[Any, ...]] = []
        for event, key, at in batch:
            kind = type(event)
            aggregate, name = event_names(kind)
            subject = _own_subject(kind, event, key)
            if subject is None:
                subject = _lookup(cursor, subjects, key)
            elif kind is GrowthCycle.Opened or kind is EmployeeCycles.Started:
                subjects[key] = subject
                new_subjects.append((key, *subject))
            employee_id, cycle_id = subject or (None, None)
            if isinstance(event, EmployeeCycles.CycleAdded):
                cycle_id = str(event.cycle_id)
            seq += 1
            rows.append(
                (
                    seq,
                    key,
                    event.originator_version,
                    at,
                    aggregate,
                    name,
                    employee_id,
                    cycle_id,
                )
            )
        if new_subjects:
            cursor.executemany(
                f"INSERT INTO {SUBJECTS} (aggregate_id, employee_id, cycle_id) VALUES (?, ?, ?) "
                "ON CONFLICT (aggregate_id) DO NOTHING",
                new_subjects,
            )
        if rows:
            cursor.executemany(
                f"INSERT INTO {TABLE} (seq, aggregate_id, version, at, aggregate, kind, "
                "employee_id, cycle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )


def _own_subject(kind: type, event: Any, key: str) -> Subject | None:
    """Whom an event concerns when the event itself says so (else: look it up)."""
    if kind is GrowthCycle.Opened:
        return str(event.employee_id), key
    if kind is EmployeeCycles.Started:
        return str(event.employee_id), None
    if event_names(kind)[0] == "Person":
        return key, None
    person = getattr(event, "person_id", None)
    if person is not None:
        return str(person), None
    return None


def _lookup(cursor: Cursor, subjects: dict[str, Subject | None], key: str) -> Subject | None:
    if key not in subjects:
        cursor.execute(
            f"SELECT employee_id, cycle_id FROM {SUBJECTS} WHERE aggregate_id = ?", (key,)
        )
        row = cursor.fetchone()
        subjects[key] = (row["employee_id"], row["cycle_id"]) if row else None
    return subjects[key]


def _fields(event: Any) -> dict[str, Any]:
    fields = _FIELDS.get(type(event))
    if fields is None:
        private = PRIVATE_FIELDS.get(event_names(type(event))[1], frozenset())
        fields = _FIELDS[type(event)] = tuple(
            field
            for field in event.__dict__
            if field not in ENVELOPE
            and field != ACTOR_FIELD
            and field not in private
            and not any(word in field.lower() for word in SECRET_WORDS)
        )
    state = event.__dict__
    return {field: state[field] for field in fields if field in state}


# The fields worth recording, per event class: worked out once, not per event.
_FIELDS: dict[type, tuple[str, ...]] = {}


# -- queries -------------------------------------------------------------------


def select_with_changes(
    database: Database, log: EventLog, columns: str, where: str, params: Sequence[Any]
) -> list[dict[str, Any]]:
    """Audit rows (`a.` columns) with each event's own fields as `changes`, plain JSON.

    The join finds each row's event by its primary key (aggregate, version);
    SQLite's store writes the id as 32 hex digits, PostgreSQL's as a uuid.
    """
    own_id = (
        "replace(a.aggregate_id, '-', '')"
        if database.dialect == "sqlite"
        else "CAST(a.aggregate_id AS uuid)"
    )
    rows = database.query(
        f"SELECT {columns}, e.topic AS event_topic, e.state AS event_state FROM {TABLE} a "
        f"LEFT JOIN {log.table} e ON e.originator_id = {own_id} "
        f"AND e.originator_version = a.version WHERE {where}",
        params,
    )
    for row in rows:
        topic, state = row.pop("event_topic"), row.pop("event_state")
        row["changes"], row["actor"] = {}, None
        if state is not None:
            event = _event(log, row, topic, bytes(state))
            # Through JSON and back: dates and ids as text, as every reader expects.
            row["changes"] = dict(parse_json(compact_json(_fields(event))))
            row["actor"] = attribution_of(event)
    return rows


def _event(log: EventLog, row: dict[str, Any], topic: str, state: bytes) -> Any:
    stored = StoredEvent(
        originator_id=UUID(row["aggregate_id"]),
        originator_version=int(row["version"]),
        topic=topic,
        state=state,
    )
    return log.mapper.to_domain_event(stored)


def list_audit(
    database: Database,
    log: EventLog,
    *,
    limit: int = 100,
    after: int = 0,
    **filters: Any,
) -> dict[str, Any]:
    """One page of the trail in log order, from position `after` (exclusive).

    Filters: `employee_id`, `cycle_id`, `kinds` (event names such as
    `CardMoved`), `since` (inclusive) and `until` (exclusive). Returns rows and
    `next_after` (None on the last page).
    """
    where, params = _where(database, filters)
    where.append("a.seq > ?")
    params.append(int(after))
    limit = max(1, min(int(limit), 1000))
    page = select_with_changes(
        database,
        log,
        "a.seq, a.aggregate_id, a.version, a.at, a.aggregate, a.kind, a.employee_id, a.cycle_id",
        f"{' AND '.join(where)} ORDER BY a.seq LIMIT ?",
        [*params, limit + 1],
    )
    more = len(page) > limit
    page = page[:limit]
    return {"rows": page, "next_after": page[-1]["seq"] if more else None}


def count_audit(database: Database, **filters: Any) -> int:
    """How many rows the same filters select in all (for a connection's totalCount)."""
    where, params = _where(database, filters)
    rows = database.query(
        f"SELECT COUNT(*) AS n FROM {TABLE} a WHERE {' AND '.join(where) or '1 = 1'}", params
    )
    return int(rows[0]["n"])


def _where(database: Database, filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
    unknown = set(filters) - {"employee_id", "cycle_id", "kinds", "since", "until"}
    if unknown:
        raise TypeError(f"unknown audit filters: {sorted(unknown)}")
    where: list[str] = []
    params: list[Any] = []
    if filters.get("employee_id") is not None:
        where.append("a.employee_id = ?")
        params.append(str(filters["employee_id"]))
    if filters.get("cycle_id") is not None:
        # A cycle's rows are found through its employee's index (one index fewer to
        # keep up on every event): the cycle belongs to one employee for good.
        cycle_id = str(filters["cycle_id"])
        where.append("a.employee_id = ? AND a.cycle_id = ?")
        params += [_employee_of(database, cycle_id), cycle_id]
    if filters.get("kinds"):
        kinds = list(filters["kinds"])
        where.append(f"a.kind IN ({', '.join('?' for _ in kinds)})")
        params += kinds
    if filters.get("since") is not None:
        where.append("a.at >= ?")
        params.append(utc_iso(filters["since"]))
    if filters.get("until") is not None:
        where.append("a.at < ?")
        params.append(utc_iso(filters["until"]))
    return where, params


def _employee_of(database: Database, cycle_id: str) -> str | None:
    rows = database.query(f"SELECT employee_id FROM {SUBJECTS} WHERE aggregate_id = ?", (cycle_id,))
    return rows[0]["employee_id"] if rows else None


def get_plan_as_of(
    database: Database, log: EventLog, cycle_id: str, at: datetime
) -> dict[str, Any] | None:
    """The POP as it stood at `at`: its current version then, and the approvals by then.

    None when no POP had been written yet.
    """
    rows = select_with_changes(
        database,
        log,
        "a.aggregate_id, a.version, a.at, a.kind",
        "a.employee_id = ? AND a.cycle_id = ? AND a.at <= ? "
        f"AND a.kind IN ({', '.join('?' for _ in PLAN_KINDS)}) ORDER BY a.seq",
        (_employee_of(database, str(cycle_id)), str(cycle_id), utc_iso(at), *PLAN_KINDS),
    )
    plan: dict[str, Any] | None = None
    for row in rows:
        changes = row["changes"]
        if row["kind"] in ("PlanDrafted", "PlanRevised"):
            plan = {
                "cycle_id": str(cycle_id),
                "version": changes["version"],
                "plan": changes["plan"],
                "written_at": row["at"],
                "approvals": {},
                "approved_by_both": plan["approved_by_both"] if plan else None,
            }
        elif plan is not None and row["kind"] == "PlanApproved":
            plan["approvals"][changes["party"]] = {"version": changes["version"], "at": row["at"]}
        elif plan is not None:
            plan["approved_by_both"] = {"version": changes["version"], "at": row["at"]}
    return plan
