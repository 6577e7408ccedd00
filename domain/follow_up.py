"""The follow-up: when it is due after the session, and the retrospective it ends with."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from domain.dates import add_months, check_date, require_date
from domain.error_texts import (
    FOLLOW_UP_BEFORE_SESSION,
    HELD_BEFORE_SESSION,
    MONTHS_NOT_OFFERED,
    MONTHS_OR_DATE,
    SHOW_AND_TELL_TOO_EARLY,
)
from domain.errors import InvalidInput
from domain.text import LONG, check_text

FOLLOW_UP_MONTHS = (3, 6, 12)


class Retrospective(TypedDict):
    held_on: date
    went_well: str
    could_be_better: str
    show_and_tell_on: date | None


def follow_up_due(session_on: date, *, due_on: Any, months: Any) -> date:
    """Due `months` (3, 6 or 12) after the session, or on a chosen date."""
    if (due_on is None) == (months is None):
        raise InvalidInput(MONTHS_OR_DATE, "due_on")
    if months is not None:
        if type(months) is not int or months not in FOLLOW_UP_MONTHS:
            raise InvalidInput(MONTHS_NOT_OFFERED, "months")
        return add_months(session_on, months)
    due = require_date("due_on", due_on)
    if due <= session_on:
        raise InvalidInput(FOLLOW_UP_BEFORE_SESSION, "due_on")
    return due


def parse_retrospective(
    session_on: date, *, held_on: Any, went_well: Any, could_be_better: Any, show_and_tell_on: Any
) -> Retrospective:
    held = require_date("held_on", held_on)
    if held < session_on:
        raise InvalidInput(HELD_BEFORE_SESSION, "held_on")
    show_and_tell = check_date("show_and_tell_on", show_and_tell_on, required=False)
    if show_and_tell is not None and show_and_tell < held:
        raise InvalidInput(SHOW_AND_TELL_TOO_EARLY, "show_and_tell_on")
    return Retrospective(
        held_on=held,
        went_well=check_text("went_well", went_well, max_length=LONG, multiline=True),
        could_be_better=check_text(
            "could_be_better", could_be_better, max_length=LONG, multiline=True
        ),
        show_and_tell_on=show_and_tell,
    )
