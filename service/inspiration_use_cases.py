"""Use cases of the inspiration cards: HR and administrators change them, everyone reads them.

Like the company backlog, the deck is one small aggregate with a fixed id,
read straight from the repository. Until HR changes it, it is the built-in
set; the first change starts the deck with that set. A change made on a
page drawn from an older version of the deck (`if_version`) is refused as a
conflict rather than applied to cards the person did not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventsourcing.application import AggregateNotFoundError

from domain.inspiration_cards import DECK_ID, InspirationCard, InspirationDeck
from domain.inspiration_deck import built_in_cards
from service.actor import Actor
from service.error_texts import INSPIRATION_CHANGED
from service.errors import Changed, Forbidden
from service.ids import bare_key
from service.permissions import is_signed_in, may_manage_organisation
from service.use_case_host import UseCaseHost

if TYPE_CHECKING:
    from service.idempotency import Claim


@dataclass(frozen=True, slots=True)
class InspirationDeckView:
    """The cards (active ones, then retired ones when asked for), and the deck's version
    they are of: 0 while it is still the built-in set nobody changed."""

    cards: list[InspirationCard]
    version: int


class InspirationUseCases(UseCaseHost):
    def add_inspiration_card(
        self,
        actor: Actor,
        details: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> str:
        """Adds a card to the deck; returns its id."""
        deck = self._deck_for_change(actor, if_version)
        card_id = deck.add_card(details)
        self.save_changes(deck, by=actor, idempotency=idempotency, what=INSPIRATION)
        return card_id

    def reword_inspiration_card(
        self,
        actor: Actor,
        card_id: Any,
        details: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> None:
        deck = self._deck_for_change(actor, if_version)
        if deck.reword_card(bare_key(card_id), details):
            self.save_changes(deck, by=actor, idempotency=idempotency, what=INSPIRATION)

    def retire_inspiration_card(
        self,
        actor: Actor,
        card_id: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> None:
        deck = self._deck_for_change(actor, if_version)
        deck.retire_card(bare_key(card_id))
        self.save_changes(deck, by=actor, idempotency=idempotency, what=INSPIRATION)

    def list_inspiration_cards(
        self, actor: Actor, *, include_retired: bool = False
    ) -> InspirationDeckView:
        """The deck's active cards (then the retired ones, when asked for)."""
        if not is_signed_in(actor):
            raise Forbidden()
        deck = self._load_deck()
        if deck is None:
            return InspirationDeckView(cards=built_in_cards(), version=0)
        cards = [InspirationCard(**c) for c in deck.active()]
        if include_retired:
            cards += [InspirationCard(**c) for c in deck.cards.values() if c["retired"]]
        return InspirationDeckView(cards=cards, version=deck.version)

    def _deck_for_change(self, actor: Actor, if_version: int | None) -> InspirationDeck:
        if not may_manage_organisation(actor):
            raise Forbidden()
        deck = self._load_deck()
        if if_version is not None and (deck.version if deck else 0) != if_version:
            raise INSPIRATION.conflict()
        return deck or InspirationDeck.start(built_in_cards())

    def _load_deck(self) -> InspirationDeck | None:
        try:
            deck: object = self.repository.get(DECK_ID)
        except AggregateNotFoundError:
            return None
        assert isinstance(deck, InspirationDeck)
        return deck


INSPIRATION = Changed(INSPIRATION_CHANGED)
