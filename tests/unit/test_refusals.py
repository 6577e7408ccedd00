"""A refusal carries a stable code and the values its text names, not only an English message."""

from __future__ import annotations

from datetime import date

import pytest

from domain import error_texts as texts
from domain.board import parse_card_choice
from domain.dates import EARLIEST, LATEST, check_date
from domain.errors import InvalidInput, NotAllowedNow
from domain.text import check_text
from domain.vocabulary import Party
from tests.unit.given import ON_BOARD, given, plan_approved, plan_written, refused


def test_a_text_too_long_carries_its_code_its_length_and_the_limit() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_text("name", "x" * 201)
    assert raised.value.code == "text.too_long"
    assert raised.value.params == {"length": 201, "limit": 200}
    assert raised.value.field == "name"
    assert raised.value.message == "name is too long: 201 characters, at most 200."


def test_a_day_out_of_range_names_the_first_and_last_day_as_days() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_date("held_on", "1999-12-31")
    assert raised.value.code == "date.out_of_range"
    assert raised.value.params == {"first": EARLIEST, "last": LATEST}
    assert all(isinstance(day, date) for day in raised.value.params.values())


def test_a_refusal_of_a_rule_carries_its_limit() -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_card_choice(["a", "b", "c", "d"], {"a", "b", "c", "d"})
    assert (raised.value.code, raised.value.params) == (
        "board.three_cards",
        {"limit": 3, "count": 4},
    )


def test_a_word_of_the_domain_is_carried_as_plain_text() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_approved(Party.EMPLOYEE))
    again = refused(cycle, plan_approved(Party.EMPLOYEE), NotAllowedNow)
    assert again.code == "plan.already_approved"
    assert again.params == {"party": "employee", "version": 1}
    assert type(again.params["party"]) is str


def test_a_refusal_given_other_values_than_its_text_names_is_a_programming_error() -> None:
    with pytest.raises(TypeError) as without_limit:
        InvalidInput(texts.TOO_LONG, "name", length=201)
    assert texts.TOO_LONG.code in str(without_limit.value)
    with pytest.raises(TypeError) as without_field:
        InvalidInput(texts.REQUIRED)  # its text names a field, and none is given
    assert texts.REQUIRED.code in str(without_field.value)
