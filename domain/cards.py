"""Skill cards: the session's outcome, written as user stories (seed 000, "individuele kanban")."""

from __future__ import annotations

from typing import Any, TypedDict
from uuid import UUID, uuid5

from domain.error_texts import CARD_NOT_A_SET, FOUR_CARDS
from domain.errors import InvalidInput
from domain.text import LONG, check_text
from domain.vocabulary import SkillKind, parse_choice

# Seed 000: the session writes four cards, two hard skills and two soft skills,
# and three of them go onto the board.
CANDIDATES_PER_KIND = {SkillKind.HARD: 2, SkillKind.SOFT: 2}


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
    """The session's candidate cards: each one checked, then two of each kind."""
    if not isinstance(data, list) or len(data) > 2 * sum(CANDIDATES_PER_KIND.values()):
        raise InvalidInput(FOUR_CARDS, "cards", hard=0, soft=0)
    stories = [parse_card(f"cards.{i}", card) for i, card in enumerate(data)]
    counts = {kind: sum(s["kind"] == kind.value for s in stories) for kind in CANDIDATES_PER_KIND}
    if counts != CANDIDATES_PER_KIND:
        hard, soft = counts[SkillKind.HARD], counts[SkillKind.SOFT]
        raise InvalidInput(FOUR_CARDS, "cards", hard=hard, soft=soft)
    return stories


def number_cards(cycle_id: UUID, stories: list[CardStory]) -> list[dict[str, Any]]:
    """Each candidate card with an id made from the cycle's id and the card's place."""
    return [{"id": str(uuid5(cycle_id, f"card-{i}")), **story} for i, story in enumerate(stories)]
