"""The board read model: each cycle's cards in To do · Doing · Done, in order.

One JSON document per cycle, owned by the employee, so opening a board is a
single indexed read however long the history behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from projections.database import Cursor, Database
from projections.read_model import (
    Documents,
    ReadModel,
    document_table,
    event_at,
    event_key,
    event_name,
)

TABLE = "rm_boards"


class BoardReadModel(ReadModel):
    name = "board"
    tables = (TABLE,)
    schema = document_table(TABLE)

    def apply(self, cursor: Cursor, events: Sequence[Any]) -> None:
        docs = Documents(cursor, TABLE)
        for event in events:
            kind = event_name(event)
            if kind == "Opened" and hasattr(event, "planned_session_on"):
                _opened(docs, event)
                continue
            if not type(event).__qualname__.startswith("GrowthCycle."):
                continue  # people, indexes: no board to look up
            key = event_key(event)
            board = docs.get(key)
            if board is None:
                continue  # an event of another kind of aggregate
            handler = _HANDLERS.get(kind)
            if handler is not None:
                handler(board, event)
            board["version"] = event.originator_version
            docs.touch(key)
        docs.flush()


def _opened(docs: Documents, event: Any) -> None:
    opened_at = event_at(event)
    docs.put(
        event_key(event),
        {
            "cycle_id": event_key(event),
            "employee_id": str(event.employee_id),
            "manager_id": str(event.manager_id),
            "opened_at": opened_at,
            "planned_session_on": event.planned_session_on.isoformat(),
            "status": "active",
            "cards": {},
            "columns": None,
            "version": event.originator_version,
        },
        owner=str(event.employee_id),
        sort_key=opened_at,
    )


def _session_held(board: dict[str, Any], event: Any) -> None:
    board["session_held_on"] = event.held_on.isoformat()
    board["cards"] = {card["id"]: dict(card, column=None, entered_at=None) for card in event.cards}


def _cards_selected(board: dict[str, Any], event: Any) -> None:
    board["columns"] = {"todo": list(event.card_ids), "doing": [], "done": []}
    for card_id in event.card_ids:
        board["cards"][card_id].update(column="todo", entered_at=event_at(event))


def _card_moved(board: dict[str, Any], event: Any) -> None:
    columns = board["columns"]
    columns[event.from_column].remove(event.card_id)
    columns[event.to_column].insert(event.position, event.card_id)
    card = board["cards"][event.card_id]
    if event.from_column != event.to_column:
        card.update(column=event.to_column, entered_at=event_at(event))


def _status(status: str) -> Any:
    def handler(board: dict[str, Any], event: Any) -> None:
        board["status"] = status

    return handler


def _card_visibility(board: dict[str, Any], event: Any) -> None:
    board["cards"][event.card_id]["visible_to_team"] = event.visible


_HANDLERS = {
    "SessionHeld": _session_held,
    "CardsSelected": _cards_selected,
    "CardMoved": _card_moved,
    "CardVisibilityChanged": _card_visibility,
    "FollowUpCompleted": _status("completed"),
    "Closed": _status("closed"),
}


# -- queries -------------------------------------------------------------------


def get_board(
    database: Database, employee_id: str, cycle_id: str | None = None
) -> dict[str, Any] | None:
    """The board of one cycle (default: the employee's latest), columns filled with cards."""
    import json

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
    board: dict[str, Any] = json.loads(rows[0]["doc"])
    columns = board["columns"] or {"todo": [], "doing": [], "done": []}
    board["lanes"] = {name: [board["cards"][c] for c in ids] for name, ids in columns.items()}
    return board


def list_boards(database: Database, employee_id: str) -> list[dict[str, Any]]:
    """Every cycle's board of an employee, newest first (without the cards)."""
    import json

    rows = database.query(
        f"SELECT doc FROM {TABLE} WHERE owner = ? ORDER BY sort_key DESC", (str(employee_id),)
    )
    summaries = []
    for row in rows:
        doc = json.loads(row["doc"])
        summaries.append(
            {k: doc.get(k) for k in ("cycle_id", "opened_at", "session_held_on", "status")}
        )
    return summaries
