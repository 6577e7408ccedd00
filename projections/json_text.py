"""Documents as JSON text, written and read with orjson.

orjson writes dates, moments and ids as `isoformat()` and `str()` do, itself;
`plain` covers what it does not know (a subclass of date or UUID).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def plain(value: object) -> str:
    """A value orjson does not know, as plain JSON text."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def compact_json(value: object) -> str:
    """JSON without spaces, dates and ids as text."""
    return orjson.dumps(value, default=plain, option=_OPTIONS).decode()


def parse_json(text: str | bytes) -> Any:
    """Stored JSON back as dicts, lists and text: the caller knows the shape it wrote."""
    return orjson.loads(text)
