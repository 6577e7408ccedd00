"""The audit trail: every event of every cycle and person, for HR.

One row per event, in log order (`seq` is the event's notification id, its
position in the log: stable, so a cursor made of it stays right), with
when, which aggregate and version, which cycle and employee it concerns,
and its kind: an index into the event log, not a copy of it. A row's fields are read from the
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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent

from domain.attribution import ACTOR_FIELD, Attribution, attribution_of
from projections import audit_fold
from projections.audit_fold import Subject, TrailRow
from projections.database import Cursor, Database
from projections.json_text import compact_json, parse_json
from projections.read_model import Batch, ReadModel, event_names, utc_iso
from projections.storage import RowTable, placeholders

TABLE = "rm_audit"
SUBJECTS = "rm_audit_subjects"
# The envelope every event carries: stored in columns of their own.
ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp", "originator_topic"})
SECRET_WORDS = ("password", "secret", "token", "hash", "key")
# Fields that only their author may read, per event name: never in the trail.
PRIVATE_FIELDS = {"PreparationDraftSaved": frozenset({"preparation"})}
COLUMNS = ("seq", "aggregate_id", "version", "at", "aggregate", "kind", "employee_id", "cycle_id")

OF = RowTable(SUBJECTS, ("aggregate_id", "employee_id", "cycle_id"))


@dataclass(frozen=True)
class EventLog:
    """Where audit rows find their events: the application's events table (in the
    same database as the read models) and the mapper that turns a stored event
    back into a domain event (it knows the transcodings, and any cipher)."""

    table: str
    mapper: Mapper[Any]


class AuditReadModel(ReadModel):
    name = "audit"
    revision = 2  # rows are keyed by their events' notification ids
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
        stored = OF.load(cursor, audit_fold.keys_to_load(batch))
        subjects: dict[str, Subject] = {
            key: (row["employee_id"], row["cycle_id"]) for key, row in stored.items()
        }
        changes = audit_fold.fold(subjects, batch)
        if changes.subjects:
            cursor.executemany(
                f"INSERT INTO {SUBJECTS} (aggregate_id, employee_id, cycle_id) VALUES (?, ?, ?) "
                "ON CONFLICT (aggregate_id) DO NOTHING",
                changes.subjects,
            )
        if changes.rows:
            cursor.executemany(
                f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({placeholders(len(COLUMNS))})",
                changes.rows,
            )


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One event of the trail: its row, the event's own fields and who caused it."""

    seq: int
    aggregate_id: str
    version: int
    at: str
    aggregate: str
    kind: str
    employee_id: str | None
    cycle_id: str | None
    # The event's own fields as plain JSON (dates and ids as text), secrets left out:
    # the shape is each event's, so values are as JSON has them.
    changes: dict[str, Any]
    actor: Attribution | None  # None: saved before actors were recorded


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: list[AuditRow]
    next_after: int | None  # where the next page starts; None on the last page


def _fields(event: object) -> dict[str, object]:
    fields = _FIELDS.get(type(event))
    if fields is None:
        private = PRIVATE_FIELDS.get(event_names(type(event))[1], frozenset())
        fields = _FIELDS[type(event)] = tuple(
            field
            for field in vars(event)
            if field not in ENVELOPE
            and field != ACTOR_FIELD
            and field not in private
            and not any(word in field.lower() for word in SECRET_WORDS)
        )
    state = vars(event)
    return {field: state[field] for field in fields if field in state}


# The fields worth recording, per event class: worked out once, not per event.
_FIELDS: dict[type, tuple[str, ...]] = {}


# -- queries -------------------------------------------------------------------


def select_with_changes(
    database: Database, log: EventLog, where: str, params: Sequence[object]
) -> list[AuditRow]:
    """Audit rows (`a.` columns in `where`) with each event's own fields and actor.

    The join finds each row's event by its primary key (aggregate, version);
    SQLite's store writes the id as 32 hex digits, PostgreSQL's as a uuid.
    """
    own_id = (
        "replace(a.aggregate_id, '-', '')"
        if database.dialect == "sqlite"
        else "CAST(a.aggregate_id AS uuid)"
    )
    rows = database.query(
        f"SELECT {', '.join(f'a.{c}' for c in COLUMNS)}, e.topic AS event_topic, "
        f"e.state AS event_state FROM {TABLE} a "
        f"LEFT JOIN {log.table} e ON e.originator_id = {own_id} "
        f"AND e.originator_version = a.version WHERE {where}",
        params,
    )
    return [_row(log, row) for row in rows]


def _row(log: EventLog, row: Mapping[str, Any]) -> AuditRow:
    event = None
    if row["event_state"] is not None:
        stored = StoredEvent(
            originator_id=UUID(row["aggregate_id"]),
            originator_version=int(row["version"]),
            topic=row["event_topic"],
            state=bytes(row["event_state"]),
        )
        event = log.mapper.to_domain_event(stored)
    trail: TrailRow = (
        int(row["seq"]),
        row["aggregate_id"],
        int(row["version"]),
        row["at"],
        row["aggregate"],
        row["kind"],
        row["employee_id"],
        row["cycle_id"],
    )
    return entry_of(trail, event)


def entry_of(row: TrailRow, event: object | None) -> AuditRow:
    """A row of the trail with its event's own fields and who caused it (None: the
    event is not in the log the trail reads)."""
    seq, aggregate_id, version, at, aggregate, kind, employee_id, cycle_id = row
    changes: dict[str, Any] = {}
    if event is not None:
        # Through JSON and back: dates and ids as text, as every reader expects.
        changes = dict(parse_json(compact_json(_fields(event))))
    return AuditRow(
        seq=seq,
        aggregate_id=aggregate_id,
        version=version,
        at=at,
        aggregate=aggregate,
        kind=kind,
        employee_id=employee_id,
        cycle_id=cycle_id,
        changes=changes,
        actor=attribution_of(event) if event is not None else None,
    )


def list_audit(
    database: Database,
    log: EventLog,
    *,
    limit: int = 100,
    after: int = 0,
    **filters: Any,
) -> AuditPage:
    """One page of the trail in log order, from position `after` (exclusive).

    Filters: `employee_id`, `cycle_id`, `kinds` (event names such as
    `CardMoved`), `since` (inclusive) and `until` (exclusive).
    """
    where, params = _where(database, filters)
    where.append("a.seq > ?")
    params.append(int(after))
    limit = max(1, min(int(limit), 1000))
    page = select_with_changes(
        database, log, f"{' AND '.join(where)} ORDER BY a.seq LIMIT ?", [*params, limit + 1]
    )
    more = len(page) > limit
    page = page[:limit]
    return AuditPage(rows=page, next_after=page[-1].seq if more else None)


def count_audit(database: Database, **filters: Any) -> int:
    """How many rows the same filters select in all (for a connection's totalCount)."""
    where, params = _where(database, filters)
    rows = database.query(
        f"SELECT COUNT(*) AS n FROM {TABLE} a WHERE {' AND '.join(where) or '1 = 1'}", params
    )
    return int(rows[0]["n"])


def _where(database: Database, filters: Mapping[str, Any]) -> tuple[list[str], list[object]]:
    unknown = set(filters) - {"employee_id", "cycle_id", "kinds", "since", "until"}
    if unknown:
        raise TypeError(f"unknown audit filters: {sorted(unknown)}")
    where: list[str] = []
    params: list[object] = []
    if filters.get("employee_id") is not None:
        where.append("a.employee_id = ?")
        params.append(str(filters["employee_id"]))
    if filters.get("cycle_id") is not None:
        # A cycle's rows are found through its employee's index (one index fewer to
        # keep up on every event): the cycle belongs to one employee for good.
        cycle_id = str(filters["cycle_id"])
        where.append("a.employee_id = ? AND a.cycle_id = ?")
        params += [employee_of(database, cycle_id), cycle_id]
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


def employee_of(database: Database, cycle_id: str) -> str | None:
    rows = database.query(f"SELECT employee_id FROM {SUBJECTS} WHERE aggregate_id = ?", (cycle_id,))
    return rows[0]["employee_id"] if rows else None
