"""The board's document, and how a cycle's events fold into it.

One document per cycle: its cards, the column each stands in and since when,
each column's cards in order, and whether the cycle is still active. The fold
is pure: it is handed the stored boards a batch concerns and changes them in
place; `projections.board` loads and writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypedDict

from domain.growth_cycle import GrowthCycle
from projections.read_model import Event


class BoardStatus(StrEnum):
    """Whether a board can still change: its cycle is open, completed or closed."""

    ACTIVE = "active"
    COMPLETED = "completed"
    CLOSED = "closed"


class BoardCard(TypedDict):
    """A skill card as a user story, where it stands on the board."""

    id: str
    kind: str
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str
    support: str
    backlog_skill_id: str | None
    column: str | None  # None: a candidate the session did not choose
    entered_at: str | None  # when it entered its column
    visible_to_team: bool


class BoardDoc(TypedDict):
    """One cycle's board as stored (JSON)."""

    cycle_id: str
    employee_id: str
    manager_id: str | None  # None while nobody leads the cycle
    opened_at: str
    planned_session_on: str
    session_held_on: str | None
    status: str  # a BoardStatus
    cards: dict[str, BoardCard]
    # todo / doing / done → card ids in order; None until the cards are chosen
    columns: dict[str, list[str]] | None
    version: int


@dataclass
class BoardChanges:
    """What a batch changed: every board it touched, and those whose line in the
    employee's list of boards (held on, status) changed."""

    boards: dict[str, BoardDoc] = field(default_factory=dict)
    listed: dict[str, BoardDoc] = field(default_factory=dict)


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    """The boards a batch folds into that it does not open itself."""
    return {
        key
        for event, key, _ in batch
        if isinstance(event, GrowthCycle.Event) and not isinstance(event, GrowthCycle.Opened)
    }


def fold(boards: dict[str, BoardDoc], batch: Iterable[tuple[Event, str, str]]) -> BoardChanges:
    """Folds events in log order into `boards` (the stored ones, by cycle id; new ones
    are added); returns what changed."""
    changes = BoardChanges()
    for event, key, at in batch:
        if not isinstance(event, GrowthCycle.Event):
            continue  # people, indexes: no board to look up
        if isinstance(event, GrowthCycle.Opened):
            board = boards[key] = opened(event, key, at)
            changes.listed[key] = board
        else:
            found = boards.get(key)
            if found is None:
                continue
            board = found
            if process_event(board, event, at):
                changes.listed[key] = board
        board["version"] = event.originator_version
        changes.boards[key] = board
    return changes


def opened(event: GrowthCycle.Opened, key: str, at: str) -> BoardDoc:
    return BoardDoc(
        cycle_id=key,
        employee_id=str(event.employee_id),
        manager_id=str(event.manager_id),
        opened_at=at,
        planned_session_on=event.planned_session_on.isoformat(),
        session_held_on=None,
        status=BoardStatus.ACTIVE,
        cards={},
        columns=None,
        version=event.originator_version,
    )


def process_event(board: BoardDoc, event: GrowthCycle.Event, at: str) -> bool:
    """Folds one later event of the board's cycle into it; True when the board's line
    in the employee's list changes."""
    match event:
        case GrowthCycle.CardMoved():  # by far the most frequent: matched first
            columns = board["columns"]
            assert columns is not None, "a card moves only once the cards are chosen"
            columns[event.from_column].remove(event.card_id)
            columns[event.to_column].insert(event.position, event.card_id)
            if event.from_column != event.to_column:
                card = board["cards"][event.card_id]
                card["column"], card["entered_at"] = event.to_column, at
        case GrowthCycle.CardVisibilityChanged():
            board["cards"][event.card_id]["visible_to_team"] = event.visible
        case GrowthCycle.CardLinkedToBacklog():
            board["cards"][event.card_id]["backlog_skill_id"] = event.backlog_skill_id
        case GrowthCycle.SessionHeld():
            board["session_held_on"] = event.held_on.isoformat()
            board["cards"] = {card["id"]: candidate(card) for card in event.cards}
            return True
        case GrowthCycle.CardsSelected():
            board["columns"] = {"todo": list(event.card_ids), "doing": [], "done": []}
            for card_id in event.card_ids:
                chosen = board["cards"][card_id]
                chosen["column"], chosen["entered_at"] = "todo", at
        case GrowthCycle.ManagerHandedOver():
            new = event.to_manager_id
            board["manager_id"] = str(new) if new is not None else None
        case GrowthCycle.FollowUpCompleted():
            board["status"] = BoardStatus.COMPLETED
            return True
        case GrowthCycle.Closed():
            board["status"] = BoardStatus.CLOSED
            return True
    return False


def candidate(card: dict[str, object]) -> BoardCard:
    """A card of the session (the event's JSON), not on the board yet."""
    backlog = card.get("backlog_skill_id")
    return BoardCard(
        id=str(card["id"]),
        kind=str(card["kind"]),
        as_a=str(card.get("as_a", "")),
        i_want_to=str(card.get("i_want_to", "")),
        in_order_to=str(card.get("in_order_to", "")),
        actions=str(card.get("actions", "")),
        support=str(card.get("support", "")),
        backlog_skill_id=str(backlog) if backlog is not None else None,
        column=None,
        entered_at=None,
        visible_to_team=False,
    )
