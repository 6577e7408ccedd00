"""After the session, a card is linked to a backlog skill or unlinked, by either party."""

from __future__ import annotations

from domain.error_texts import CARD_NOT_OF_THIS_SESSION, CYCLE_CLOSED
from tests.unit.given import (
    card,
    cards_selected,
    closed,
    given,
    history,
    refused,
    replay,
    session_held,
    when,
)

SKILL = "5f0c7a4e-3b7e-4a53-9d5c-2f4a1c9a0b11"


def test_a_card_of_the_session_is_linked_to_a_skill_and_unlinked_again() -> None:
    cycle = given(session_held(), cards_selected())
    assert when(cycle, lambda c: c.link_card_to_backlog(card(c, 0), SKILL)) == [
        "CardLinkedToBacklog"
    ]
    assert cycle.cards[card(cycle, 0)]["backlog_skill_id"] == SKILL
    assert when(cycle, lambda c: c.link_card_to_backlog(card(c, 0), None)) == [
        "CardLinkedToBacklog"
    ]
    assert cycle.cards[card(cycle, 0)]["backlog_skill_id"] is None


def test_linking_a_card_to_the_skill_it_already_points_at_records_nothing() -> None:
    cycle = given(session_held())
    assert when(cycle, lambda c: c.link_card_to_backlog(card(c, 1), None)) == []


def test_only_a_card_of_this_session_is_linked_and_not_in_a_closed_cycle() -> None:
    error = refused(given(), lambda c: c.link_card_to_backlog("nope", SKILL))
    assert error.text == CARD_NOT_OF_THIS_SESSION
    cycle = given(session_held(), closed())
    assert refused(cycle, lambda c: c.link_card_to_backlog(card(c, 0), SKILL)).text == CYCLE_CLOSED


def test_a_link_survives_a_replay_of_the_cycle() -> None:
    cycle, events = history(session_held(), lambda c: c.link_card_to_backlog(card(c, 2), SKILL))
    assert replay(events).cards[card(cycle, 2)]["backlog_skill_id"] == SKILL
