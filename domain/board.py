"""The personal kanban: which cards go on it, where a card stands, where it may go."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, TypedDict

from domain.error_texts import (
    BOARD_EMPTY,
    CARD_CHOSEN_TWICE,
    CARD_NOT_OF_SESSION,
    CARD_NOT_ON_BOARD,
    NOT_A_POSITION,
    THREE_CARDS,
)
from domain.errors import InvalidInput, NotAllowedNow
from domain.vocabulary import Column, parse_choice

# The seed's deliberate work-in-progress limit: three cards on the board, no fewer.
BOARD_SIZE = 3


def column_of(board: Mapping[str, list[str]] | None, card_id: str) -> Column | None:
    for column, ids in (board or {}).items():
        if card_id in ids:
            return Column(column)
    return None


class CardMove(TypedDict):
    card_id: str
    from_column: str
    to_column: str
    position: int


def parse_card_choice(card_ids: Any, candidates: Collection[str]) -> list[str]:
    """The ids of the cards chosen for the board, from the session's candidates."""
    if not isinstance(card_ids, list):
        raise InvalidInput(THREE_CARDS, "card_ids", limit=BOARD_SIZE, count=0)
    ids = [str(c) for c in card_ids]
    if len(set(ids)) != len(ids):
        raise InvalidInput(CARD_CHOSEN_TWICE, "card_ids")
    if len(ids) != BOARD_SIZE:
        raise InvalidInput(THREE_CARDS, "card_ids", limit=BOARD_SIZE, count=len(ids))
    unknown = [c for c in ids if c not in candidates]
    if unknown:
        raise InvalidInput(CARD_NOT_OF_SESSION, "card_ids")
    return ids


def parse_move(
    board: Mapping[str, list[str]] | None, card_id: str, to_column: Any, position: Any
) -> CardMove | None:
    """Where the card goes, or None when it is already there."""
    if board is None:
        raise NotAllowedNow(BOARD_EMPTY)
    from_column = column_of(board, card_id)
    if from_column is None:
        raise NotAllowedNow(CARD_NOT_ON_BOARD)
    to = parse_choice(Column, "to_column", to_column)
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise InvalidInput(NOT_A_POSITION, "position")
    others = [c for c in board[to.value] if c != card_id]
    position = min(position, len(others))
    if from_column is to and board[to.value].index(card_id) == position:
        return None
    return CardMove(
        card_id=card_id, from_column=from_column.value, to_column=to.value, position=position
    )
