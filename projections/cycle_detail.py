"""The cycle detail read model: one document per cycle with everything its pages show.

The document and its fold are in `cycle_fold`; here are its tables and its
queries. A second table lists every cycle with who leads it now, its stage
and when it opened, so a manager's cycles, and the cycles across people
that HR filters and pages, are indexed reads that decode only the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.vocabulary import Stage
from projections import cycle_fold
from projections import people as people_rows
from projections.cycle_fold import CycleDoc
from projections.database import Cursor, Database
from projections.json_text import parse_json
from projections.read_model import Batch, ReadModel
from projections.storage import DocumentTable, RowTable

TABLE = "rm_cycles"
LIST = "rm_cycle_list"

DOCS = DocumentTable[CycleDoc](TABLE, lambda doc: (doc["employee_id"], doc["opened_at"]))
# manager_id is "" while nobody leads the cycle (handed over, no coach yet).
LINES = RowTable(LIST, ("cycle_id", "employee_id", "manager_id", "stage", "opened_at"))
ENDED = (Stage.COMPLETED.value, Stage.CLOSED.value)


class CycleDetailReadModel(ReadModel):
    name = "cycle_detail"
    tables = (TABLE, LIST)
    schema = (
        *DOCS.schema,
        f"CREATE TABLE IF NOT EXISTS {LIST} (cycle_id TEXT PRIMARY KEY, "
        "employee_id TEXT NOT NULL, manager_id TEXT NOT NULL, stage TEXT NOT NULL, "
        "opened_at TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {LIST}_manager ON {LIST} (manager_id, opened_at)",
        f"CREATE INDEX IF NOT EXISTS {LIST}_opened ON {LIST} (opened_at, cycle_id)",
    )
    # 2: every document lists its handovers, none too.
    # 3: and its candidate cards written at the session, and the session report.
    # 4: and the questions it asks.
    revision = 4

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        cycles = DOCS.load(cursor, cycle_fold.keys_to_load(batch))
        changes = cycle_fold.fold(cycles, batch)
        DOCS.write(cursor, changes.cycles)
        LINES.upsert(cursor, [_line(changes.cycles[key]) for key in sorted(changes.listed)])


def _line(doc: CycleDoc) -> tuple[str, str, str, str, str]:
    return (
        doc["cycle_id"],
        doc["employee_id"],
        doc["manager_id"] or "",
        doc["stage"],
        doc["opened_at"],
    )


# -- queries -------------------------------------------------------------------


def get_cycle(database: Database, cycle_id: str) -> CycleDoc | None:
    """The whole document of one cycle, drafts included: the caller decides who sees them."""
    rows = database.query(f"SELECT doc FROM {TABLE} WHERE key = ?", (str(cycle_id),))
    return parse_json(rows[0]["doc"]) if rows else None


def list_cycles(
    database: Database, employee_id: str | None = None, manager_id: str | None = None
) -> list[CycleDoc]:
    """Cycles of an employee, of a manager, or (neither given) all; newest first."""
    where: list[str] = []
    params: list[str] = []
    if employee_id is not None:
        where.append("c.owner = ?")
        params.append(str(employee_id))
    if manager_id is not None:
        where.append("m.manager_id = ?")
        params.append(str(manager_id))
    sql = f"SELECT c.doc FROM {TABLE} c"
    if manager_id is not None:
        sql += f" JOIN {LIST} m ON m.cycle_id = c.key"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.sort_key DESC, c.key"
    return [parse_json(row["doc"]) for row in database.query(sql, params)]


@dataclass(frozen=True, slots=True)
class CycleFilter:
    """Which cycles a list across people shows; every part optional. `team` is the
    employee's team now; `opened_from` and `opened_to` are days, both included."""

    employee_id: str | None = None
    manager_id: str | None = None
    team: str | None = None
    stage: str | None = None
    opened_from: date | None = None
    opened_to: date | None = None


def page_of_cycles(
    database: Database,
    where: CycleFilter,
    *,
    readable_by: str | None,
    after: tuple[str, str] | None,
    limit: int,
) -> list[CycleDoc]:
    """Up to `limit + 1` cycles, newest first, after the cycle at `after` (keyset: a
    cycle opened meanwhile never shifts a page; the one more says whether a page
    follows). `readable_by`: only the cycles that person reads (their own, their
    reports', the open ones they lead); None: all."""
    sql, params = _matching(where, readable_by)
    if after is not None:
        sql += " AND (l.opened_at < ? OR (l.opened_at = ? AND l.cycle_id < ?))"
        params += [after[0], after[0], after[1]]
    sql += " ORDER BY l.opened_at DESC, l.cycle_id DESC LIMIT ?"
    rows = database.query(
        f"SELECT c.doc, l.opened_at, l.cycle_id FROM {LIST} l JOIN {TABLE} c "
        f"ON c.key = l.cycle_id {sql}",
        [*params, limit + 1],
    )
    return [parse_json(row["doc"]) for row in rows]


def count_cycles(database: Database, where: CycleFilter, *, readable_by: str | None) -> int:
    sql, params = _matching(where, readable_by)
    rows = database.query(f"SELECT COUNT(*) AS n FROM {LIST} l {sql}", params)
    return int(rows[0]["n"])


def _matching(where: CycleFilter, readable_by: str | None) -> tuple[str, list[object]]:
    """The joins and conditions (after FROM … l) that pick the cycles `where` describes."""
    joins = ""
    conditions = ["1 = 1"]
    params: list[object] = []
    if where.team is not None or readable_by is not None:
        joins = f" LEFT JOIN {people_rows.TABLE} p ON p.person_id = l.employee_id"
    for column, value in (
        ("l.employee_id", where.employee_id),
        ("l.manager_id", where.manager_id),
        ("l.stage", where.stage),
        ("p.team", where.team),
    ):
        if value is not None:
            conditions.append(f"{column} = ?")
            params.append(value)
    if where.opened_from is not None:
        conditions.append("l.opened_at >= ?")
        params.append(where.opened_from.isoformat())
    if where.opened_to is not None:
        conditions.append("l.opened_at < ?")
        params.append((where.opened_to + timedelta(days=1)).isoformat())
    if readable_by is not None:
        # What `ReadQueries.cycle` lets a person read: their own cycles, every cycle of
        # the people they manage now, and the open cycles they lead (as a coach).
        conditions.append(
            "(l.employee_id = ? OR p.manager_id = ? OR (l.manager_id = ? AND l.stage NOT IN (?, ?)))"
        )
        params += [readable_by, readable_by, readable_by, *ENDED]
    return f"{joins} WHERE {' AND '.join(conditions)}", params
