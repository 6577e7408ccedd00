"""The session at the table: the candidate cards the employee and the manager write together.

Seed 000: "Tijdens de groeisessie ... worden de formulieren samen verder
ingevuld." Before the session is recorded, both parties write, change and
remove candidate cards (the user stories of question 4: as a · I want to ·
in order to · actions · support). At most two of each kind, so that the
table ends where the seed does: four cards, two hard and two soft, of which
three go onto the board. Each card keeps a version, so that two people
editing it at once learn that the other changed it instead of overwriting it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID, uuid5

from domain.cards import CANDIDATES_PER_KIND, CardStory, parse_card, parse_cards
from domain.cycle_stages import check_open
from domain.error_texts import CARDS_SETTLED, KIND_FULL, NO_SUCH_CANDIDATE
from domain.errors import InvalidInput, NotAllowedNow
from domain.vocabulary import SkillKind

if TYPE_CHECKING:
    from domain.cycle_state import CycleState

STORY_FIELDS = tuple(CardStory.__annotations__)


class CandidateCard(CardStory):
    id: str
    version: int  # 1 when written, one more at every change
    party: str  # who wrote the current version


def check_at_the_table(cycle: CycleState) -> None:
    """Candidate cards change only until the session is recorded (then three are chosen)."""
    check_open(cycle)
    if cycle.session is not None:
        raise NotAllowedNow(CARDS_SETTLED)


def candidate_id(cycle_id: UUID, written_before: int) -> str:
    """A new card's id: from the cycle's id and how many cards were written before it."""
    return str(uuid5(cycle_id, f"candidate-{written_before}"))


def card_to_write(
    candidates: Mapping[str, CandidateCard], data: Any, *, replacing: str | None = None
) -> CardStory:
    """The card checked, and refused when its kind already has its two cards."""
    story = parse_card("card", data)
    kind = SkillKind(story["kind"])
    limit = CANDIDATES_PER_KIND[kind]
    others = [c for card_id, c in candidates.items() if card_id != replacing]
    if sum(c["kind"] == kind.value for c in others) >= limit:
        raise InvalidInput(KIND_FULL, "card.kind", limit=limit, kind=kind)
    return story


def existing_candidate(candidates: Mapping[str, CandidateCard], card_id: str) -> CandidateCard:
    card = candidates.get(card_id)
    if card is None:
        raise NotAllowedNow(NO_SUCH_CANDIDATE)
    return card


def story_of(card: Mapping[str, Any]) -> CardStory:
    return cast(CardStory, {name: card.get(name) for name in STORY_FIELDS})


def candidate(card_id: str, version: int, party: str, story: Mapping[str, Any]) -> CandidateCard:
    """A candidate card as the cycle holds it: the story, with its id, version and author."""
    return cast(
        CandidateCard, {**story_of(story), "id": card_id, "version": version, "party": party}
    )


def cards_for_session(candidates: Mapping[str, CandidateCard]) -> list[dict[str, Any]]:
    """The written candidates as the session records them: exactly two hard and two soft
    (the same rule, and refusal, as cards given all at once)."""
    written = list(candidates.values())
    stories = parse_cards([story_of(card) for card in written])
    return [{"id": card["id"], **story} for card, story in zip(written, stories, strict=True)]
