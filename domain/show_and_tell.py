"""The show & tell: the day an employee shows the team the skills they grew.

Seed 000 ends the cycle with it ("vergeet niet om een show & tell te
organiseren zodat alle medewerkers op de hoogte blijven van de nieuw
ontwikkelde of de aangescherpte skills"). It is announced ahead of time, so
the day is today or later; what is shown are the board's cards the employee
chose to show to the team, never the others.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.dates import require_date
from domain.error_texts import SHOW_AND_TELL_AFTER_CARDS, SHOW_AND_TELL_IN_THE_PAST
from domain.errors import InvalidInput, NotAllowedNow


def check_show_and_tell_day(has_board: bool, on: Any, *, today: date) -> date:
    if not has_board:
        raise NotAllowedNow(SHOW_AND_TELL_AFTER_CARDS)
    day = require_date("on", on)
    if day < today:
        raise InvalidInput(SHOW_AND_TELL_IN_THE_PAST, "on")
    return day
