"""The board read model: each cycle's cards in To do · Doing · Done, in order.

One JSON document per cycle (`board_fold.BoardDoc`), owned by the employee,
so opening a board is a single indexed read however long the history behind
it; and one small row per cycle, so the list of an employee's boards never
decodes the boards themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from projections import board_fold
from projections.board_fold import BoardCard, BoardDoc
from projections.database import Cursor, Database
from projections.json_text import parse_json
from projections.read_model import Batch, ReadModel
from projections.storage import DocumentTable, RowTable

TABLE = "rm_boards"
INDEX = "rm_board_index"
COLUMNS = ("todo", "doing", "done")

DOCS = DocumentTable[BoardDoc](TABLE, lambda board: (board["employee_id"], board["opened_at"]))
LIST = RowTable(INDEX, ("cycle_id", "employee_id", "opened_at", "session_held_on", "status"))


class BoardReadModel(ReadModel):
    name = "board"
    tables = (TABLE, INDEX)
    schema = (
        *DOCS.schema,
        f"CREATE TABLE IF NOT EXISTS {INDEX} (cycle_id TEXT PRIMARY KEY, "
        "employee_id TEXT NOT NULL, opened_at TEXT NOT NULL, session_held_on TEXT, "
        "status TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {INDEX}_employee ON {INDEX} (employee_id, opened_at)",
    )
    # 2: every card says whether it is shown to the team, every board when its session was.
    revision = 2

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        boards = DOCS.load(cursor, board_fold.keys_to_load(batch))
        changes = board_fold.fold(boards, batch)
        DOCS.write(cursor, changes.boards)
        LIST.upsert(
            cursor,
            [
                (key, b["employee_id"], b["opened_at"], b["session_held_on"], b["status"])
                for key, b in changes.listed.items()
            ],
        )


class Board(BoardDoc):
    """A board as it is read: the document, and per column (lane) its cards in order.

    A dict, not a dataclass: a mutation's answer is kept as JSON for a retry
    (`service.idempotency`) and read back in this shape. `team_view`: what a
    colleague sees, only the cards shown to the team.
    """

    lanes: dict[str, list[BoardCard]]
    team_view: bool


def read(doc: BoardDoc) -> Board:
    columns = doc["columns"] or {name: [] for name in COLUMNS}
    lanes = {name: [doc["cards"][c] for c in ids] for name, ids in columns.items()}
    return Board(**doc, lanes=lanes, team_view=False)


@dataclass(frozen=True, slots=True)
class BoardLine:
    """One board in the list of an employee's boards (without its cards)."""

    cycle_id: str
    opened_at: str
    session_held_on: str | None
    status: str


# -- queries -------------------------------------------------------------------


def get_board(database: Database, employee_id: str, cycle_id: str | None = None) -> Board | None:
    """The board of one cycle (default: the employee's latest)."""
    if cycle_id is None:
        rows = database.query(
            f"SELECT doc FROM {TABLE} WHERE owner = ? ORDER BY sort_key DESC LIMIT 1",
            (str(employee_id),),
        )
    else:
        rows = database.query(
            f"SELECT doc FROM {TABLE} WHERE key = ? AND owner = ?",
            (str(cycle_id), str(employee_id)),
        )
    return read(parse_json(rows[0]["doc"])) if rows else None


def list_boards(database: Database, employee_id: str) -> list[BoardLine]:
    """Every cycle's board of an employee, newest first (without the cards)."""
    rows = database.query(
        f"SELECT cycle_id, opened_at, session_held_on, status FROM {INDEX} "
        "WHERE employee_id = ? ORDER BY opened_at DESC",
        (str(employee_id),),
    )
    return [BoardLine(**row) for row in rows]


def employee_of_cycle(database: Database, cycle_id: str) -> str | None:
    """Whose board a cycle's is (one indexed read, without the board itself)."""
    rows = database.query(f"SELECT employee_id FROM {INDEX} WHERE cycle_id = ?", (str(cycle_id),))
    return str(rows[0]["employee_id"]) if rows else None
