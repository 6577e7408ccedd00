"""Skill cards: the session's outcome, written as user stories (seed 000, "individuele kanban")."""

from __future__ import annotations

from typing import Any, TypedDict
from uuid import UUID, uuid5

from domain.error_texts import CARD_NOT_A_SET, NO_CARDS, TOO_MANY_CANDIDATES
from domain.errors import InvalidInput
from domain.text import LONG, check_text
from domain.vocabulary import SkillKind, parse_choice

MAX_CANDIDATES = 8


class CardStory(TypedDict):
    kind: str
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str
    support: str
    backlog_skill_id: str | None


def parse_card(prefix: str, data: Any) -> CardStory:
    if not isinstance(data, dict):
        raise InvalidInput(CARD_NOT_A_SET, prefix)
    backlog = data.get("backlog_skill_id") or None
    return CardStory(
        kind=parse_choice(SkillKind, f"{prefix}.kind", data.get("kind")).value,
        as_a=check_text(f"{prefix}.as_a", data.get("as_a")),
        i_want_to=check_text(f"{prefix}.i_want_to", data.get("i_want_to")),
        in_order_to=check_text(f"{prefix}.in_order_to", data.get("in_order_to"), max_length=LONG),
        actions=check_text(
            f"{prefix}.actions",
            data.get("actions"),
            required=False,
            max_length=LONG,
            multiline=True,
        ),
        support=check_text(
            f"{prefix}.support",
            data.get("support"),
            required=False,
            max_length=LONG,
            multiline=True,
        ),
        backlog_skill_id=(check_text(f"{prefix}.backlog_skill_id", backlog) if backlog else None),
    )


def parse_cards(data: Any) -> list[CardStory]:
    if not isinstance(data, list) or not data:
        raise InvalidInput(NO_CARDS, "cards")
    if len(data) > MAX_CANDIDATES:
        raise InvalidInput(TOO_MANY_CANDIDATES, "cards", limit=MAX_CANDIDATES)
    return [parse_card(f"cards.{i}", card) for i, card in enumerate(data)]


def number_cards(cycle_id: UUID, stories: list[CardStory]) -> list[dict[str, Any]]:
    """Each candidate card with an id made from the cycle's id and the card's place."""
    return [{"id": str(uuid5(cycle_id, f"card-{i}")), **story} for i, story in enumerate(stories)]
