"""Inspiration cards (seed 000, "inspiratiekaartjes"): example skills to start from.

People preparing a growth session list the skills they need "met inspiratie uit
de company backlog en de inspiratiekaartjes". The deck is one small aggregate
with a fixed id. Until HR changes anything it is the built-in set of
`domain.inspiration_deck`; HR's first change starts the deck with that set
written into the `Started` event, so the log says which cards there were even
after a later release words its built-in set otherwise. Each card is hard or
soft, has a title and a short example (a user story, actions) in Dutch and in
English; HR adds, rewords and retires cards. A retired card keeps its id and
wording for the history.
"""

from __future__ import annotations

from typing import Any, TypedDict
from uuid import NAMESPACE_URL, uuid4, uuid5

from eventsourcing.domain import Aggregate

from domain.error_texts import (
    DUPLICATE_INSPIRATION_CARD,
    INSPIRATION_CARD_NOT_A_SET,
    INSPIRATION_CARD_RETIRED,
    INSPIRATION_DECK_FULL,
    NO_SUCH_INSPIRATION_CARD,
    REQUIRED,
)
from domain.errors import InvalidInput, NotAllowedNow
from domain.text import LONG, check_text
from domain.vocabulary import SkillKind, parse_choice

DECK_ID = uuid5(NAMESPACE_URL, "groeispurt:inspiration-cards")
MAX_CARDS = 200
WORDING = ("kind", "title_nl", "title_en", "example_nl", "example_en")


class InspirationCard(TypedDict):
    id: str
    kind: str
    title_nl: str
    title_en: str
    example_nl: str
    example_en: str
    retired: bool


def parse_card_wording(data: Any) -> dict[str, str]:
    """The fields HR types for a card, checked: a title in at least one language."""
    if not isinstance(data, dict):
        raise InvalidInput(INSPIRATION_CARD_NOT_A_SET, "card")
    wording = {
        "kind": parse_choice(SkillKind, "kind", data.get("kind")).value,
        "title_nl": check_text("title_nl", data.get("title_nl"), required=False),
        "title_en": check_text("title_en", data.get("title_en"), required=False),
        "example_nl": check_text(
            "example_nl", data.get("example_nl"), required=False, max_length=LONG, multiline=True
        ),
        "example_en": check_text(
            "example_en", data.get("example_en"), required=False, max_length=LONG, multiline=True
        ),
    }
    if not wording["title_nl"] and not wording["title_en"]:
        raise InvalidInput(REQUIRED, "title_nl")
    return wording


def title_in(card: InspirationCard, language: str) -> str:
    """The card's title in `language`, or in the other language when it has none there."""
    if language == "en":
        return card["title_en"] or card["title_nl"]
    return card["title_nl"] or card["title_en"]


def example_in(card: InspirationCard, language: str) -> str:
    if language == "en":
        return card["example_en"] or card["example_nl"]
    return card["example_nl"] or card["example_en"]


def _titles(card: InspirationCard | dict[str, str]) -> set[str]:
    return {str(card[k]).casefold() for k in ("title_nl", "title_en") if card.get(k)}


class InspirationDeck(Aggregate):
    class Started(Aggregate.Created):
        cards: list[dict[str, Any]]

    @classmethod
    def start(cls, built_in: list[InspirationCard]) -> InspirationDeck:
        return cls._create(cls.Started, id=DECK_ID, cards=[dict(card) for card in built_in])

    def __init__(self, cards: list[dict[str, Any]]) -> None:
        self.cards: dict[str, InspirationCard] = {
            str(card["id"]): InspirationCard(**card)  # type: ignore[typeddict-item]
            for card in cards
        }

    # -- what the deck knows ---------------------------------------------------

    def active(self) -> list[InspirationCard]:
        return [card for card in self.cards.values() if not card["retired"]]

    def _active_card(self, card_id: Any) -> InspirationCard:
        card = self.cards.get(str(card_id))
        if card is None:
            raise InvalidInput(NO_SUCH_INSPIRATION_CARD, "card_id")
        if card["retired"]:
            raise NotAllowedNow(INSPIRATION_CARD_RETIRED)
        return card

    def _check_unique(self, wording: dict[str, str], except_id: str | None = None) -> None:
        taken = set().union(*(_titles(c) for c in self.active() if c["id"] != except_id))
        if _titles(wording) & taken:
            field = "title_nl" if wording["title_nl"].casefold() in taken else "title_en"
            raise InvalidInput(DUPLICATE_INSPIRATION_CARD, field)

    # -- commands --------------------------------------------------------------

    class CardAdded(Aggregate.Event):
        card_id: str
        kind: str
        title_nl: str
        title_en: str
        example_nl: str
        example_en: str

        def apply(self, deck: InspirationDeck) -> None:
            deck.cards[self.card_id] = InspirationCard(
                id=self.card_id,
                kind=self.kind,
                title_nl=self.title_nl,
                title_en=self.title_en,
                example_nl=self.example_nl,
                example_en=self.example_en,
                retired=False,
            )

    def add_card(self, details: Any) -> str:
        """Adds a card to the deck; returns its id."""
        wording = parse_card_wording(details)
        if len(self.cards) >= MAX_CARDS:
            raise NotAllowedNow(INSPIRATION_DECK_FULL, limit=MAX_CARDS)
        self._check_unique(wording)
        card_id = str(uuid4())
        self.trigger_event(self.CardAdded, card_id=card_id, **wording)
        return card_id

    class CardReworded(Aggregate.Event):
        card_id: str
        kind: str
        title_nl: str
        title_en: str
        example_nl: str
        example_en: str

        def apply(self, deck: InspirationDeck) -> None:
            card = deck.cards[self.card_id]
            for name in WORDING:
                card[name] = getattr(self, name)  # type: ignore[literal-required]

    def reword_card(self, card_id: Any, details: Any) -> bool:
        """Gives a card new wording; False (records nothing) when nothing changed."""
        card = self._active_card(card_id)
        wording = parse_card_wording(details)
        if all(card[k] == v for k, v in wording.items()):  # type: ignore[literal-required]
            return False
        self._check_unique(wording, except_id=card["id"])
        self.trigger_event(self.CardReworded, card_id=card["id"], **wording)
        return True

    class CardRetired(Aggregate.Event):
        card_id: str

        def apply(self, deck: InspirationDeck) -> None:
            deck.cards[self.card_id]["retired"] = True

    def retire_card(self, card_id: Any) -> None:
        card = self._active_card(card_id)
        self.trigger_event(self.CardRetired, card_id=card["id"])


def built_in_card_id(slug: str) -> str:
    """A built-in card's id: the same in every organisation and every release."""
    return str(uuid5(DECK_ID, slug))
