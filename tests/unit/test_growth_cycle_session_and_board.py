"""The session, its four candidate cards (two hard, two soft), and the board of three."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.errors import InvalidInput, NotAllowedNow
from domain.vocabulary import Column, Stage
from tests.unit.given import (
    CARD,
    ON_BOARD,
    card,
    card_ids,
    card_moved,
    cards,
    cards_selected,
    closed,
    given,
    refused,
    session_held,
    when,
    when_events,
)


def test_holding_the_session_records_its_date_notes_and_candidate_cards() -> None:
    cycle = given()
    [event] = when_events(cycle, session_held(held_on="2026-12-01"))
    assert type(event).__name__ == "SessionHeld"
    assert cycle.session == {"held_on": date(2026, 12, 1), "notes": "Good talk"}
    assert [c["i_want_to"] for c in cycle.cards.values()] == [f"skill {i}" for i in range(4)]
    assert [c["kind"] for c in cycle.cards.values()] == ["hard", "hard", "soft", "soft"]
    assert all(c["id"] == card_id for card_id, c in cycle.cards.items())
    assert cycle.stage is Stage.SESSION_HELD


def test_the_session_can_be_held_without_preparations_or_notes() -> None:
    cycle = given()
    command = lambda c: c.hold_session(held_on="2026-12-01", notes=None, cards=cards())  # noqa: E731
    assert when(cycle, command) == ["SessionHeld"]
    assert cycle.session is not None
    assert cycle.session["notes"] == ""


def test_card_ids_differ_between_cycles() -> None:
    first, second = given(session_held()), given(session_held())
    assert set(card_ids(first)).isdisjoint(card_ids(second))


def test_a_session_is_held_only_once() -> None:
    refused(given(session_held()), session_held(), NotAllowedNow)


@pytest.mark.parametrize(
    ("outcome", "field"),
    [
        ([], "cards"),
        ("learn SQL", "cards"),
        (cards(9), "cards"),
        (["learn SQL"], "cards.0"),
        ([CARD, dict(CARD, kind="medium")], "cards.1.kind"),
        ([dict(CARD, as_a="")], "cards.0.as_a"),
        ([dict(CARD, i_want_to=None)], "cards.0.i_want_to"),
        ([dict(CARD, in_order_to="x" * 4001)], "cards.0.in_order_to"),
        ([dict(CARD, i_want_to="learn\x00SQL")], "cards.0.i_want_to"),
        ([dict(CARD, actions=42)], "cards.0.actions"),
        ([dict(CARD, backlog_skill_id="x" * 201)], "cards.0.backlog_skill_id"),
    ],
)
def test_a_malformed_session_outcome_is_refused_with_the_field_named(
    outcome: Any, field: str
) -> None:
    command = lambda c: c.hold_session(held_on="2026-12-01", notes="", cards=outcome)  # noqa: E731
    assert refused(given(), command, InvalidInput).field == field


def test_a_session_needs_a_valid_date() -> None:
    command = lambda c: c.hold_session(held_on="2026-13-01", notes="", cards=cards())  # noqa: E731
    assert refused(given(), command, InvalidInput).field == "held_on"


def test_a_card_may_point_at_an_item_of_the_company_backlog() -> None:
    outcome = cards()
    outcome[2] = dict(outcome[2], backlog_skill_id="sql")
    cycle = given(lambda c: c.hold_session(held_on="2026-12-01", notes="", cards=outcome))
    linked = [s for s in cycle.cards.values() if s["backlog_skill_id"]]
    assert [(s["backlog_skill_id"], s["kind"]) for s in linked] == [("sql", "soft")]


@pytest.mark.parametrize(
    ("kinds", "hard", "soft"),
    [
        (["hard"] * 4, 4, 0),
        (["hard", "hard", "soft"], 2, 1),
        (["hard", "soft", "soft", "soft"], 1, 3),
        (["hard", "hard", "soft", "soft", "soft"], 2, 3),
    ],
)
def test_the_session_writes_four_cards_two_hard_and_two_soft_and_says_what_it_has(
    kinds: list[str], hard: int, soft: int
) -> None:
    outcome = [dict(CARD, i_want_to=f"skill {i}", kind=k) for i, k in enumerate(kinds)]
    command = lambda c: c.hold_session(held_on="2026-12-01", notes="", cards=outcome)  # noqa: E731
    error = refused(given(), command, InvalidInput)
    assert (error.field, error.code, error.params) == (
        "cards",
        "session.four_cards",
        {"hard": hard, "soft": soft},
    )


def test_selecting_cards_puts_them_in_to_do_in_the_order_chosen() -> None:
    cycle = given(session_held())
    chosen = [card(cycle, 2), card(cycle, 0), card(cycle, 3)]
    assert when(cycle, lambda c: c.select_cards(chosen)) == ["CardsSelected"]
    assert cycle.board == {"todo": chosen, "doing": [], "done": []}
    assert cycle.stage is Stage.ON_BOARD


def test_selecting_before_the_session_is_refused() -> None:
    refused(given(), lambda c: c.select_cards(["any"]), NotAllowedNow)


def test_the_cards_are_selected_only_once() -> None:
    refused(given(*ON_BOARD), cards_selected(1), NotAllowedNow)


@pytest.mark.parametrize("count", [1, 2, 4])
def test_exactly_three_cards_go_onto_the_board_and_the_refusal_says_how_many_were_chosen(
    count: int,
) -> None:
    error = refused(given(session_held()), cards_selected(count), InvalidInput)
    assert (error.field, error.code, error.params) == (
        "card_ids",
        "board.three_cards",
        {"limit": 3, "count": count},
    )


def test_the_same_card_chosen_twice_is_refused() -> None:
    cycle = given(session_held())
    error = refused(cycle, lambda c: c.select_cards([card(c, 0), card(c, 0)]), InvalidInput)
    assert error.field == "card_ids"


@pytest.mark.parametrize("chosen", [[], None, "card-0"])
def test_selecting_needs_a_list_of_at_least_one_card(chosen: Any) -> None:
    error = refused(given(session_held()), lambda c: c.select_cards(chosen), InvalidInput)
    assert error.field == "card_ids"


def test_selecting_a_card_of_another_cycle_is_refused() -> None:
    other = given(session_held())
    cycle = given(session_held())
    chosen = lambda c: c.select_cards([card(c, 0), card(c, 1), card(other, 0)])  # noqa: E731
    error = refused(cycle, chosen, InvalidInput)
    assert error.field == "card_ids"


def test_moving_a_card_records_where_it_went() -> None:
    cycle = given(*ON_BOARD)
    [event] = when_events(cycle, card_moved(1, "doing"))
    assert (event.from_column, event.to_column, event.position) == ("todo", "doing", 0)
    assert cycle.column_of(card(cycle, 1)) is Column.DOING
    assert cycle.board == {
        "todo": [card(cycle, 0), card(cycle, 2)],
        "doing": [card(cycle, 1)],
        "done": [],
    }


def test_a_card_can_be_reordered_within_its_column() -> None:
    cycle = given(*ON_BOARD)
    assert when(cycle, card_moved(0, "todo", 2)) == ["CardMoved"]
    assert cycle.board is not None
    assert cycle.board["todo"] == [card(cycle, 1), card(cycle, 2), card(cycle, 0)]


def test_a_position_past_the_end_puts_the_card_last() -> None:
    cycle = given(*ON_BOARD, card_moved(0, "done"))
    [event] = when_events(cycle, card_moved(1, "done", 99))
    assert event.position == 1
    assert cycle.board is not None
    assert cycle.board["done"] == [card(cycle, 0), card(cycle, 1)]


def test_moving_a_card_to_where_it_already_is_records_nothing() -> None:
    cycle = given(*ON_BOARD)
    moved: list[bool] = []
    assert when(cycle, lambda c: moved.append(c.move_card(card(c, 2), "todo", 7))) == []
    assert moved == [False]


def test_moving_a_card_before_the_board_exists_is_refused() -> None:
    refused(given(session_held()), card_moved(0, "doing"), NotAllowedNow)


def test_moving_a_candidate_card_that_was_not_selected_is_refused() -> None:
    refused(given(*ON_BOARD), card_moved(3, "doing"), NotAllowedNow)


def test_moving_a_card_of_another_cycle_is_refused() -> None:
    other = given(*ON_BOARD)
    refused(given(*ON_BOARD), lambda c: c.move_card(card(other, 0), "doing", 0), NotAllowedNow)


@pytest.mark.parametrize("column", ["blocked", "", None, "DOING"])
def test_moving_to_an_unknown_column_is_refused(column: Any) -> None:
    error = refused(given(*ON_BOARD), card_moved(0, column), InvalidInput)
    assert error.field == "to_column"
    assert "todo, doing, done" in error.message


@pytest.mark.parametrize("position", [-1, 1.0, "0", None, True])
def test_a_position_must_be_a_whole_number_from_zero(position: Any) -> None:
    error = refused(given(*ON_BOARD), card_moved(0, "doing", position), InvalidInput)
    assert error.field == "position"


def test_a_closed_cycle_refuses_the_session_and_the_board() -> None:
    refused(given(closed()), session_held(), NotAllowedNow)
    refused(given(session_held(), closed()), cards_selected(), NotAllowedNow)
    refused(given(*ON_BOARD, closed()), card_moved(0, "doing"), NotAllowedNow)


def test_a_card_id_given_as_a_uuid_is_moved_like_its_text() -> None:
    from uuid import UUID

    cycle = given(*ON_BOARD)
    assert cycle.move_card(UUID(card(cycle, 0)), "todo", 0) is False  # type: ignore[arg-type]
