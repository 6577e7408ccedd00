"""The cycle detail read model: one document per cycle with everything its pages show.

The document and its fold are in `cycle_fold`; here are its tables and its
queries. A second table says who leads each cycle now, so a manager's
cycles are one indexed read.
"""

from __future__ import annotations

from projections import cycle_fold
from projections.cycle_fold import CycleDoc
from projections.database import Cursor, Database
from projections.json_text import parse_json
from projections.read_model import Batch, ReadModel
from projections.storage import DocumentTable, RowTable

TABLE = "rm_cycles"
MANAGERS = "rm_cycle_managers"

DOCS = DocumentTable[CycleDoc](TABLE, lambda doc: (doc["employee_id"], doc["opened_at"]))
LEADS = RowTable(MANAGERS, ("cycle_id", "manager_id", "sort_key"))


class CycleDetailReadModel(ReadModel):
    name = "cycle_detail"
    tables = (TABLE, MANAGERS)
    schema = (
        *DOCS.schema,
        f"CREATE TABLE IF NOT EXISTS {MANAGERS} ("
        "cycle_id TEXT PRIMARY KEY, manager_id TEXT NOT NULL, sort_key TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {MANAGERS}_manager ON {MANAGERS} (manager_id, sort_key)",
    )
    # 2: every document lists its handovers, none too.
    revision = 2

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        cycles = DOCS.load(cursor, cycle_fold.keys_to_load(batch))
        changes = cycle_fold.fold(cycles, batch)
        DOCS.write(cursor, changes.cycles)
        LEADS.upsert(
            cursor,
            [
                (key, manager, changes.cycles[key]["opened_at"])
                for key, manager in changes.managers.items()
            ],
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
        sql += f" JOIN {MANAGERS} m ON m.cycle_id = c.key"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.sort_key DESC, c.key"
    return [parse_json(row["doc"]) for row in database.query(sql, params)]


def page_cycles(
    database: Database, employee_id: str, after: tuple[str, str] | None, limit: int
) -> list[CycleDoc]:
    """Up to `limit` cycles of an employee, newest first (as `list_cycles`), those after
    (opened at, cycle id) `after`."""
    where, params = "owner = ?", [str(employee_id)]
    if after is not None:
        opened, key = after
        where += " AND (sort_key < ? OR (sort_key = ? AND key > ?))"
        params += [opened, opened, key]
    rows = database.query(
        f"SELECT doc FROM {TABLE} WHERE {where} ORDER BY sort_key DESC, key LIMIT ?",
        (*params, limit),
    )
    return [parse_json(row["doc"]) for row in rows]


def count_cycles(database: Database, employee_id: str) -> int:
    rows = database.query(f"SELECT COUNT(*) AS n FROM {TABLE} WHERE owner = ?", (str(employee_id),))
    return int(rows[0]["n"])
