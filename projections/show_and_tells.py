"""Show & tells: the days announced to the team (rows and fold in `show_and_tells_fold`).

A cycle's employee id comes with its `Opened` event, long before a show &
tell is announced, so the read model keeps whose each cycle is in a small
table of its own; the announced days are in the other.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from projections import show_and_tells_fold
from projections.database import Cursor, Database
from projections.read_model import Batch, ReadModel
from projections.show_and_tells_fold import ShowAndTellRow
from projections.storage import RowTable, chunks, placeholders

TABLE = "rm_show_and_tells"
CYCLES = "rm_show_and_tell_cycles"
ROWS = RowTable(TABLE, ("cycle_id", "employee_id", "on_day"))
OWNERS = RowTable(CYCLES, ("cycle_id", "employee_id"))


class ShowAndTellsReadModel(ReadModel):
    name = "show_and_tells"
    tables = (TABLE, CYCLES)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "cycle_id TEXT PRIMARY KEY, employee_id TEXT NOT NULL, on_day TEXT)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_day ON {TABLE} (on_day)",
        f"CREATE TABLE IF NOT EXISTS {CYCLES} (cycle_id TEXT PRIMARY KEY, employee_id TEXT NOT NULL)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        keys = show_and_tells_fold.keys_to_load(batch)
        rows = {
            key: ShowAndTellRow(r["cycle_id"], r["employee_id"], r["on_day"])
            for key, r in ROWS.load(cursor, keys).items()
        }
        employees = {key: r["employee_id"] for key, r in OWNERS.load(cursor, keys).items()}
        known = set(employees)
        changed = show_and_tells_fold.fold(rows, batch, employees)
        OWNERS.upsert(cursor, [(k, e) for k, e in employees.items() if k not in known])
        ROWS.upsert(cursor, [(r.cycle_id, r.employee_id, r.on) for r in changed.values()])


def list_upcoming(
    database: Database, employee_ids: Collection[str], today: date
) -> list[ShowAndTellRow]:
    """The show & tells of these employees on `today` or later, earliest first."""
    found: list[ShowAndTellRow] = []
    for part in chunks(sorted(employee_ids)):
        rows = database.query(
            f"SELECT cycle_id, employee_id, on_day FROM {TABLE} "
            f"WHERE on_day >= ? AND employee_id IN ({placeholders(len(part))})",
            [today.isoformat(), *part],
        )
        found += [ShowAndTellRow(r["cycle_id"], r["employee_id"], r["on_day"]) for r in rows]
    return sorted(found, key=lambda r: (r.on or "", r.cycle_id))


def get_show_and_tell(database: Database, cycle_id: str) -> str | None:
    """The day announced for this cycle's show & tell, if one is."""
    rows = database.query(f"SELECT on_day FROM {TABLE} WHERE cycle_id = ?", (cycle_id,))
    return rows[0]["on_day"] if rows else None
