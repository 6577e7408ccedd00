"""Checks for the free text people type: required, length, no control characters."""

from __future__ import annotations

import unicodedata
from typing import Any

from domain.error_texts import (
    CONTROL_CHARACTER,
    NOT_A_TEXT_LIST,
    NOT_TEXT,
    REQUIRED,
    TOO_LONG,
    TOO_MANY_ENTRIES,
)
from domain.errors import InvalidInput

SHORT = 200
LONG = 4000
MAX_LIST_ITEMS = 20

# Tab and newline belong in multi-line answers; every other control character
# is a sign of pasted garbage or an attack and is refused, not silently dropped.
_ALLOWED_CONTROLS = {"\n", "\t"}
# Bidirectional overrides and isolates can make text read differently from
# what it is (the "Trojan Source" trick); refuse them like control characters.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_text(
    field: str,
    value: Any,
    *,
    required: bool = True,
    max_length: int = SHORT,
    multiline: bool = False,
) -> str:
    """Returns the trimmed text, or raises InvalidInput naming the field."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(NOT_TEXT, field)
    text = value.strip().replace("\r\n", "\n").replace("\r", "\n")
    if required and not text:
        raise InvalidInput(REQUIRED, field)
    if len(text) > max_length:
        raise InvalidInput(TOO_LONG, field, length=len(text), limit=max_length)
    for char in text:
        if char in _BIDI_CONTROLS or (
            unicodedata.category(char) == "Cc" and not (multiline and char in _ALLOWED_CONTROLS)
        ):
            raise InvalidInput(CONTROL_CHARACTER, field)
    return text


def check_text_list(field: str, values: Any, *, max_items: int = MAX_LIST_ITEMS) -> list[str]:
    """A list of short texts; blank entries are dropped, the rest checked."""
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise InvalidInput(NOT_A_TEXT_LIST, field)
    items = [check_text(field, v, required=False) for v in values]
    items = [i for i in items if i]
    if len(items) > max_items:
        raise InvalidInput(TOO_MANY_ENTRIES, field, count=len(items), limit=max_items)
    return items
