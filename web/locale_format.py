"""Days, moments and numbers as a page's language writes them (Babel's CLDR patterns).

Dutch pages say "7 dec 2026" and "1.234,5", English ones "7 Dec 2026" and
"1,234.5" (British English: the day before the month, as in the Low
Countries). Machine values stay ISO: `<time datetime>`, form inputs of
type=date and the API never pass through here.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

# The page language's Babel locale.
LOCALES = {"nl": "nl", "en": "en_GB"}


def day_in(language: str, value: Any) -> str:
    """A day (or a moment: the day and the time) as `language` writes it; "" for none."""
    if not value:
        return ""
    if isinstance(value, str):
        return _day_of_text(language, value)
    return _day_of(language, value)


@lru_cache(maxsize=8192)
def _day_of_text(language: str, value: str) -> str:
    """Read models keep moments as ISO text; a page shows the same few many times."""
    try:
        parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value
    return _day_of(language, parsed)


def _day_of(language: str, value: Any) -> str:
    locale = LOCALES.get(language, LOCALES["nl"])
    if isinstance(value, datetime):
        day = format_date(value.date(), "medium", locale=locale)
        return f"{day} {format_time(value, 'HH:mm', locale=locale)}"
    if isinstance(value, date):
        return format_date(value, "medium", locale=locale)
    return str(value)


def number_in(language: str, value: Any) -> str:
    """A number as `language` writes it (1.234,5 or 1,234.5); anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    return format_decimal(value, locale=LOCALES.get(language, LOCALES["nl"]))


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
