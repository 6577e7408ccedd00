"""How many cards and preparations point at each skill of the company backlog.

HR's backlog page shows the counts beside each skill. They are folded here
(see `backlog_use_fold`) rather than counted per request, which would read
every cycle's events. The counts of a skill are kept as additions: a batch
adds what its events changed, so a batch touches only the skills they name.
"""

from __future__ import annotations

from dataclasses import dataclass

from projections import backlog_use_fold
from projections.backlog_use_fold import COUNTS, CyclePointers
from projections.database import Cursor, Database
from projections.read_model import Batch, ReadModel
from projections.storage import DocumentTable

TABLE = "rm_backlog_use"
CYCLES = "rm_backlog_use_cycles"

# A cycle's pointers are found by its key alone: no owner to list them by.
POINTERS = DocumentTable[CyclePointers](CYCLES, lambda pointers: ("", ""))


class BacklogUseReadModel(ReadModel):
    name = "backlog_use"
    revision = 2  # the chosen cards are kept whether or not they point at a skill
    tables = (TABLE, CYCLES)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "skill_id TEXT PRIMARY KEY, cards INTEGER NOT NULL, on_boards INTEGER NOT NULL, "
        "preparations INTEGER NOT NULL)",
        *POINTERS.schema,
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        cycles = POINTERS.load(cursor, backlog_use_fold.keys_to_load(batch))
        changes = backlog_use_fold.fold(cycles, batch)
        POINTERS.write(cursor, changes.cycles)
        if changes.added:
            cursor.executemany(
                f"INSERT INTO {TABLE} (skill_id, {', '.join(COUNTS)}) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (skill_id) DO UPDATE SET "
                + ", ".join(f"{c} = {TABLE}.{c} + excluded.{c}" for c in COUNTS),
                [(skill, *added) for skill, added in sorted(changes.added.items())],
            )


@dataclass(frozen=True, slots=True)
class BacklogUse:
    """What points at one skill: cards written at sessions, the share of them chosen
    for a board, and submitted preparations."""

    cards: int = 0
    on_boards: int = 0
    preparations: int = 0


NOT_USED = BacklogUse()


def get_backlog_use(database: Database) -> dict[str, BacklogUse]:
    """The counts of every skill something ever pointed at, by skill id."""
    rows = database.query(f"SELECT skill_id, {', '.join(COUNTS)} FROM {TABLE}")
    return {
        row["skill_id"]: BacklogUse(
            cards=int(row["cards"]),
            on_boards=int(row["on_boards"]),
            preparations=int(row["preparations"]),
        )
        for row in rows
    }


def merged(uses: dict[str, BacklogUse], into: dict[str, str]) -> dict[str, BacklogUse]:
    """The counts with those of each merged skill added to the skill it was merged into
    (`into`: merged skill id → the skill that counts for it); the merged one keeps its own."""
    together = dict(uses)
    for skill_id, target in into.items():
        use = uses.get(skill_id)
        if use is None:
            continue
        now = together.get(target, NOT_USED)
        together[target] = BacklogUse(
            cards=now.cards + use.cards,
            on_boards=now.on_boards + use.on_boards,
            preparations=now.preparations + use.preparations,
        )
    return together
