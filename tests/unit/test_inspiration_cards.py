"""Inspiration cards: a built-in deck in nl and en that HR adds to, rewords and retires."""

from __future__ import annotations

import pytest

from domain.errors import InvalidInput, NotAllowedNow
from domain.inspiration_cards import DECK_ID, InspirationDeck, example_in, title_in
from domain.inspiration_deck import built_in_cards

PITCH = {"kind": "soft", "title_nl": "Pitchen", "title_en": "Pitching", "example_nl": "Eén pitch"}


def _deck() -> InspirationDeck:
    deck = InspirationDeck.start(built_in_cards())
    deck.collect_events()
    return deck


def test_the_built_in_deck_has_hard_and_soft_cards_in_both_languages() -> None:
    cards = built_in_cards()
    assert {c["kind"] for c in cards} == {"hard", "soft"}
    assert all(
        c["title_nl"] and c["title_en"] and c["example_nl"] and c["example_en"] for c in cards
    )
    assert "Feedback geven en ontvangen" in {c["title_nl"] for c in cards}
    assert len({c["id"] for c in cards}) == len(cards)


def test_built_in_cards_keep_their_ids_across_releases_and_organisations() -> None:
    assert [c["id"] for c in built_in_cards()] == [c["id"] for c in built_in_cards()]


def test_the_deck_starts_with_the_built_in_cards_written_into_its_first_event() -> None:
    deck = InspirationDeck.start(built_in_cards())
    (started,) = deck.collect_events()
    assert deck.id == DECK_ID
    assert len(started.cards) == len(built_in_cards())  # type: ignore[attr-defined]
    assert len(deck.active()) == len(built_in_cards())


def test_a_card_is_added_with_its_kind_and_wording() -> None:
    deck = _deck()
    card_id = deck.add_card(PITCH)
    assert [type(e).__name__ for e in deck.collect_events()] == ["CardAdded"]
    card = deck.cards[card_id]
    assert (card["kind"], card["title_nl"], card["example_en"]) == ("soft", "Pitchen", "")


def test_a_card_needs_a_title_in_at_least_one_language() -> None:
    with pytest.raises(InvalidInput) as refused:
        _deck().add_card({"kind": "hard", "title_nl": " ", "title_en": ""})
    assert refused.value.field == "title_nl"
    deck = _deck()
    card_id = deck.add_card({"kind": "hard", "title_en": "Kotlin"})
    assert title_in(deck.cards[card_id], "nl") == "Kotlin"  # the other language stands in


def test_two_active_cards_cannot_share_a_title_whatever_the_case() -> None:
    deck = _deck()
    with pytest.raises(InvalidInput) as refused:
        deck.add_card({"kind": "soft", "title_nl": "presenteren"})
    assert refused.value.code == "inspiration.duplicate_title"
    assert deck.collect_events() == []


def test_a_card_is_reworded_and_nothing_is_recorded_when_the_wording_is_the_same() -> None:
    deck = _deck()
    card = deck.active()[0]
    wording = {k: str(v) for k, v in card.items() if k not in ("id", "retired")}
    assert deck.reword_card(card["id"], wording) is False
    assert deck.reword_card(card["id"], {**wording, "title_en": "Feedback, both ways"}) is True
    assert [type(e).__name__ for e in deck.collect_events()] == ["CardReworded"]
    assert title_in(deck.cards[card["id"]], "en") == "Feedback, both ways"


def test_a_retired_card_leaves_the_deck_but_keeps_its_wording_and_cannot_be_changed() -> None:
    deck = _deck()
    card = deck.active()[0]
    deck.retire_card(card["id"])
    assert card["id"] not in {c["id"] for c in deck.active()}
    assert deck.cards[card["id"]]["title_nl"] == card["title_nl"]
    with pytest.raises(NotAllowedNow):
        deck.retire_card(card["id"])
    with pytest.raises(InvalidInput):
        deck.retire_card("no-such-card")


def test_the_deck_replayed_from_its_events_is_the_same_deck() -> None:
    deck = InspirationDeck.start(built_in_cards())
    added = deck.add_card(PITCH)
    deck.retire_card(built_in_cards()[0]["id"])
    copy = None
    for event in deck.collect_events():
        copy = event.mutate(copy)
    assert isinstance(copy, InspirationDeck)
    assert copy.cards == deck.cards
    assert example_in(copy.cards[added], "en") == "Eén pitch"
