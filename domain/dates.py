"""Dates arrive as date objects or ISO strings; the domain works with date."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Any

from domain.error_texts import DATE_OUT_OF_RANGE, NOT_A_DATE, NOT_ISO_DATE, REQUIRED
from domain.errors import InvalidInput

# Dates outside this window are typing mistakes, not plans.
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


def check_date(field: str, value: Any, *, required: bool = True) -> date | None:
    if value is None or value == "":
        if required:
            raise InvalidInput(REQUIRED, field)
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput(NOT_ISO_DATE, field) from None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise InvalidInput(NOT_A_DATE, field)
    if not EARLIEST <= value <= LATEST:
        raise InvalidInput(DATE_OUT_OF_RANGE, field, first=EARLIEST, last=LATEST)
    return value


def require_date(field: str, value: Any) -> date:
    checked = check_date(field, value)
    assert checked is not None  # check_date raises for a required missing date
    return checked


def add_months(start: date, months: int) -> date:
    """Same day `months` later, or the month's last day when it is shorter."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
