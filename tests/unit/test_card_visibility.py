"""Showing a board card to the team: the employee's choice, for cards on the board only."""

from __future__ import annotations

from domain.errors import InvalidInput, NotAllowedNow
from tests.unit.given import (
    card,
    card_ids,
    cards_selected,
    closed,
    given,
    history,
    refused,
    replay,
    session_held,
    when,
)


def test_a_card_on_the_board_is_shown_to_the_team_and_hidden_again() -> None:
    cycle = given(session_held(), cards_selected())
    first = card(cycle, 0)
    assert when(cycle, lambda c: c.set_card_visibility(first, True)) == ["CardVisibilityChanged"]
    assert cycle.visible_to_team == [first]
    assert when(cycle, lambda c: c.set_card_visibility(first, True)) == []
    assert when(cycle, lambda c: c.set_card_visibility(first, False)) == ["CardVisibilityChanged"]
    assert cycle.visible_to_team == []


def test_a_candidate_card_not_on_the_board_cannot_be_shown() -> None:
    cycle = given(session_held(count=4), cards_selected(3))
    refused(cycle, lambda c: c.set_card_visibility(card_ids(c)[3], True), NotAllowedNow)
    refused(given(session_held()), lambda c: c.set_card_visibility("x", True), NotAllowedNow)


def test_visible_must_be_true_or_false() -> None:
    cycle = given(session_held(), cards_selected())
    refused(cycle, lambda c: c.set_card_visibility(card(c, 0), "yes"), InvalidInput)


def test_a_card_can_still_be_hidden_after_the_cycle_is_closed() -> None:
    cycle, events = history(
        session_held(),
        cards_selected(),
        lambda c: c.set_card_visibility(card(c, 0), True),
        closed(),
    )
    assert when(cycle, lambda c: c.set_card_visibility(card(c, 0), False)) == [
        "CardVisibilityChanged"
    ]
    assert replay(events).visible_to_team == [card(cycle, 0)]
