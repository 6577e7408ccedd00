"""Free text, dates and fixed choices: every bad value is InvalidInput naming its field."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from domain.dates import EARLIEST, LATEST, add_months, check_date, require_date
from domain.errors import DomainError, InvalidInput
from domain.text import LONG, SHORT, check_text, check_text_list
from domain.vocabulary import (
    ActivityType,
    Column,
    DevelopmentPhase,
    LearningForm,
    Party,
    SkillKind,
    SupportKind,
    parse_choice,
)


def test_text_is_trimmed() -> None:
    assert check_text("name", "  Eva  ") == "Eva"


@pytest.mark.parametrize("value", [None, "", "   ", "\n\t"])
def test_required_text_may_not_be_empty(value: Any) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_text("name", value)
    assert raised.value.field == "name"
    assert raised.value.message == "name is required."


def test_optional_text_may_be_empty() -> None:
    assert check_text("notes", None, required=False) == ""
    assert check_text("notes", "  ", required=False) == ""


@pytest.mark.parametrize("value", [42, ["a"], {"text": "a"}, b"bytes"])
def test_text_must_be_a_string(value: Any) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_text("team", value)
    assert raised.value.field == "team"


def test_short_text_is_at_most_two_hundred_characters() -> None:
    assert check_text("team", "x" * SHORT) == "x" * SHORT
    with pytest.raises(InvalidInput) as raised:
        check_text("team", "x" * (SHORT + 1))
    assert raised.value.field == "team"
    assert "201 characters, at most 200" in raised.value.message


def test_long_text_is_at_most_four_thousand_characters() -> None:
    assert len(check_text("notes", "x" * LONG, max_length=LONG)) == LONG
    with pytest.raises(InvalidInput):
        check_text("notes", "x" * (LONG + 1), max_length=LONG)


def test_surrounding_whitespace_does_not_count_towards_the_length() -> None:
    assert check_text("team", "  " + "x" * SHORT + "  ") == "x" * SHORT


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\n", "\t"])
def test_single_line_text_refuses_control_characters(char: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_text("name", f"Eva{char}Employee")
    assert raised.value.field == "name"
    assert "control character" in raised.value.message


def test_multiline_text_keeps_newlines_and_tabs_and_normalises_windows_line_ends() -> None:
    text = check_text("notes", "one\r\ntwo\n\tthree", multiline=True)
    assert text == "one\ntwo\n\tthree"


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x0b", "\x0c"])
def test_multiline_text_still_refuses_other_control_characters(char: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_text("notes", f"one{char}two", multiline=True)
    assert raised.value.field == "notes"


def test_ordinary_unicode_is_welcome() -> None:
    assert check_text("name", "Zoë Ćosić 👩‍💻") == "Zoë Ćosić 👩‍💻"


def test_a_text_list_drops_blank_entries_and_trims_the_rest() -> None:
    assert check_text_list("needed", [" SQL ", "", "  ", None, "Python"]) == ["SQL", "Python"]
    assert check_text_list("needed", None) == []
    assert check_text_list("needed", ("SQL",)) == ["SQL"]


@pytest.mark.parametrize("values", ["SQL", {"a": 1}, 7])
def test_a_text_list_must_be_a_list(values: Any) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_text_list("needed", values)
    assert raised.value.field == "needed"


def test_a_text_list_has_at_most_twenty_entries_and_checks_each() -> None:
    assert len(check_text_list("needed", ["x"] * 20)) == 20
    with pytest.raises(InvalidInput):
        check_text_list("needed", ["x"] * 21)
    with pytest.raises(InvalidInput) as raised:
        check_text_list("needed", ["ok", "x" * 201])
    assert raised.value.field == "needed"


def test_dates_arrive_as_date_objects_or_iso_strings() -> None:
    assert check_date("due_on", date(2027, 3, 1)) == date(2027, 3, 1)
    assert check_date("due_on", " 2027-03-01 ") == date(2027, 3, 1)
    assert require_date("due_on", "2027-03-01") == date(2027, 3, 1)


def test_an_optional_date_may_be_missing() -> None:
    assert check_date("show_and_tell_on", None, required=False) is None
    assert check_date("show_and_tell_on", "", required=False) is None


@pytest.mark.parametrize(
    "value", [None, "", "01-03-2027", "2027-02-29", "2027-13-01", "tomorrow", 20270301, 1.5]
)
def test_an_invalid_date_is_refused_with_the_field_named(value: Any) -> None:
    with pytest.raises(InvalidInput) as raised:
        require_date("due_on", value)
    assert raised.value.field == "due_on"


def test_dates_outside_this_century_are_typing_mistakes() -> None:
    assert check_date("due_on", EARLIEST) == EARLIEST
    assert check_date("due_on", LATEST) == LATEST
    for value in ("1999-12-31", "2101-01-01", "0001-01-01"):
        with pytest.raises(InvalidInput) as raised:
            check_date("due_on", value)
        assert raised.value.field == "due_on"


def test_a_datetime_is_refused_or_read_as_its_date() -> None:
    try:
        checked = check_date("due_on", datetime(2027, 3, 1, 9, 30))
    except DomainError:
        return
    assert checked == date(2027, 3, 1)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 12, 1), 3, date(2027, 3, 1)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 5, 15), 12, date(2027, 5, 15)),
        (date(2026, 5, 15), 0, date(2026, 5, 15)),
    ],
)
def test_adding_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("enum", "value"),
    [
        (SkillKind, "soft"),
        (Column, "done"),
        (DevelopmentPhase, "vakvolwassen"),
        (ActivityType, "job_shadowing"),
        (LearningForm, "non_formal"),
        (SupportKind, "room_to_experiment"),
    ],
)
def test_a_known_value_gives_its_member(enum: Any, value: str) -> None:
    assert parse_choice(enum, "field", value) == enum(value)
    assert parse_choice(enum, "field", enum(value)) is enum(value)


@pytest.mark.parametrize(
    ("enum", "value"),
    [
        (SkillKind, "medium"),
        (Column, "Done"),
        (DevelopmentPhase, None),
        (ActivityType, "party"),
        (LearningForm, ""),
        (SupportKind, "money"),
        (Party, "hr"),
    ],
)
def test_an_unknown_value_is_invalid_input_listing_what_is_allowed(enum: Any, value: Any) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_choice(enum, "the_field", value)
    assert raised.value.field == "the_field"
    assert ", ".join(m.value for m in enum) in raised.value.message


def test_the_other_party_of_the_employee_is_the_manager_and_back() -> None:
    assert Party.EMPLOYEE.other is Party.MANAGER
    assert Party.MANAGER.other is Party.EMPLOYEE


def test_vocabulary_values_are_plain_strings_in_events() -> None:
    assert isinstance(Column.DOING, str)
    assert f"{Column.DOING}" == "doing"
    assert str(SkillKind.HARD) == "hard"
