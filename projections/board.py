"""The board read model: each cycle's cards in To do · Doing · Done, in order.

One JSON document per cycle, owned by the employee, so opening a board is a
single indexed read however long the history behind it.
"""

from __future__ import annotations

from typing import Any

from domain.growth_cycle import GrowthCycle
from projections.database import Cursor, Database
from projections.read_model import (
    Batch,
    Documents,
    ReadModel,
    document_table,
    event_names,
    parse_json,
)

TABLE = "rm_boards"
# One small row per cycle, so the list of an employee's boards never decodes
# the boards themselves (five years of cycles stay one cheap query).
INDEX = "rm_board_index"
SUMMARY = ("cycle_id", "opened_at", "session_held_on", "status")


class BoardReadModel(ReadModel):
    name = "board"
    tables = (TABLE, INDEX)
    schema = (
        *document_table(TABLE),
        f"CREATE TABLE IF NOT EXISTS {INDEX} (cycle_id TEXT PRIMARY KEY, "
        "employee_id TEXT NOT NULL, opened_at TEXT NOT NULL, session_held_on TEXT, "
        "status TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {INDEX}_employee ON {INDEX} (employee_id, opened_at)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        docs = Documents(cursor, TABLE)
        summaries: dict[str, dict[str, Any]] = {}
        for event, key, at in batch:
            kind = type(event)
            if kind is GrowthCycle.Opened:
                summaries[key] = _opened(docs, event, key, at)
                continue
            if event_names(kind)[0] != "GrowthCycle":
                continue  # people, indexes: no board to look up
            board = docs.get(key)
            if board is None:
                continue
            handler = _HANDLERS.get(kind)
            if handler is not None:
                handler(board, event, at)
                if kind in _LISTED:
                    summaries[key] = board
            board["version"] = event.originator_version
            docs.touch(key)
        docs.flush()
        if summaries:
            cursor.executemany(
                f"INSERT INTO {INDEX} (cycle_id, employee_id, opened_at, session_held_on, status) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (cycle_id) DO UPDATE SET "
                "session_held_on = excluded.session_held_on, status = excluded.status",
                [
                    (key, b["employee_id"], b["opened_at"], b.get("session_held_on"), b["status"])
                    for key, b in summaries.items()
                ],
            )


def _opened(docs: Documents, event: Any, key: str, at: str) -> dict[str, Any]:
    board = {
        "cycle_id": key,
        "employee_id": str(event.employee_id),
        "manager_id": str(event.manager_id),
        "opened_at": at,
        "planned_session_on": event.planned_session_on.isoformat(),
        "status": "active",
        "cards": {},
        "columns": None,
        "version": event.originator_version,
    }
    docs.put(key, board, owner=board["employee_id"], sort_key=at)
    return board


def _session_held(board: dict[str, Any], event: Any, at: str) -> None:
    board["session_held_on"] = event.held_on.isoformat()
    board["cards"] = {card["id"]: dict(card, column=None, entered_at=None) for card in event.cards}


def _cards_selected(board: dict[str, Any], event: Any, at: str) -> None:
    board["columns"] = {"todo": list(event.card_ids), "doing": [], "done": []}
    for card_id in event.card_ids:
        board["cards"][card_id].update(column="todo", entered_at=at)


def _card_moved(board: dict[str, Any], event: Any, at: str) -> None:
    columns = board["columns"]
    columns[event.from_column].remove(event.card_id)
    columns[event.to_column].insert(event.position, event.card_id)
    card = board["cards"][event.card_id]
    if event.from_column != event.to_column:
        card.update(column=event.to_column, entered_at=at)


def _status(status: str) -> Any:
    def handler(board: dict[str, Any], event: Any, at: str) -> None:
        board["status"] = status

    return handler


def _card_visibility(board: dict[str, Any], event: Any, at: str) -> None:
    board["cards"][event.card_id]["visible_to_team"] = event.visible


def _handed_over(board: dict[str, Any], event: Any, at: str) -> None:
    new = event.to_manager_id
    board["manager_id"] = str(new) if new is not None else None


_HANDLERS = {
    GrowthCycle.ManagerHandedOver: _handed_over,
    GrowthCycle.SessionHeld: _session_held,
    GrowthCycle.CardsSelected: _cards_selected,
    GrowthCycle.CardMoved: _card_moved,
    GrowthCycle.CardVisibilityChanged: _card_visibility,
    GrowthCycle.FollowUpCompleted: _status("completed"),
    GrowthCycle.Closed: _status("closed"),
}


# Events that change what the list of an employee's boards shows.
_LISTED = (GrowthCycle.SessionHeld, GrowthCycle.FollowUpCompleted, GrowthCycle.Closed)


# -- queries -------------------------------------------------------------------


def get_board(
    database: Database, employee_id: str, cycle_id: str | None = None
) -> dict[str, Any] | None:
    """The board of one cycle (default: the employee's latest), columns filled with cards."""
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
    if not rows:
        return None
    board: dict[str, Any] = parse_json(rows[0]["doc"])
    columns = board["columns"] or {"todo": [], "doing": [], "done": []}
    board["lanes"] = {name: [board["cards"][c] for c in ids] for name, ids in columns.items()}
    return board


def list_boards(database: Database, employee_id: str) -> list[dict[str, Any]]:
    """Every cycle's board of an employee, newest first (without the cards)."""
    return database.query(
        f"SELECT {', '.join(SUMMARY)} FROM {INDEX} WHERE employee_id = ? ORDER BY opened_at DESC",
        (str(employee_id),),
    )


def employee_of_cycle(database: Database, cycle_id: str) -> str | None:
    """Whose board a cycle's is (one indexed read, without the board itself)."""
    rows = database.query(f"SELECT employee_id FROM {INDEX} WHERE cycle_id = ?", (str(cycle_id),))
    return str(rows[0]["employee_id"]) if rows else None
