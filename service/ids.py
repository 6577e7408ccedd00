"""Ids as they arrive from forms, URLs and GraphQL: text that must be a UUID.

The API gives every object a global ID: base64 of its type and key
(`Person:<uuid>`, `Card:<cycle's uuid>:<card's uuid>`), so that `node(id:)`
can find any object by its ID alone. Wherever an id is taken, the global ID
and the bare key (as pages and earlier releases send it) are both accepted:
`as_uuid` and `bare_key` read either.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.errors import InvalidInput
from service.error_texts import NOT_AN_ID

# An id as a use case takes it: a UUID, or the text a form or the API sent, which
# the use case checks (after its access check, so a refusal reads the same).
IdOrText = UUID | str

# Each type with a global ID, and how many keys its ID holds.
GLOBAL_TYPES = {"Person": 1, "Cycle": 1, "Board": 1, "Card": 2, "BacklogSkill": 1}
# Base64 of the longest global ID (a card's: two UUIDs) is 112 characters.
LONGEST_GLOBAL_ID = 200


@dataclass(frozen=True, slots=True)
class GlobalId:
    type_name: str
    keys: tuple[str, ...]

    @property
    def key(self) -> str:
        """The object's own key: the last (a card's id, after its cycle's)."""
        return self.keys[-1]


def global_id(type_name: str, *keys: str) -> str:
    assert GLOBAL_TYPES[type_name] == len(keys), f"a {type_name} ID has {GLOBAL_TYPES[type_name]}"
    return base64.b64encode(":".join((type_name, *keys)).encode("ascii")).decode("ascii")


def read_global_id(value: Any) -> GlobalId | None:
    """What a global ID names; None for anything else (a bare key among them)."""
    if not isinstance(value, str) or len(value) > LONGEST_GLOBAL_ID:
        return None
    try:
        text = base64.b64decode(value.encode("ascii"), validate=True).decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        return None
    type_name, _, rest = text.partition(":")
    keys = tuple(rest.split(":"))
    if GLOBAL_TYPES.get(type_name) != len(keys) or not all(map(_is_uuid, keys)):
        return None
    return GlobalId(type_name, keys)


def bare_key(value: Any) -> Any:
    """The key a global ID names, or the value as it came (for the domain to check)."""
    found = read_global_id(value)
    return found.key if found is not None else value


def as_uuid(value: Any) -> UUID:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(bare_key(value)))
    except ValueError:
        raise InvalidInput(NOT_AN_ID, "id") from None


def _is_uuid(text: str) -> bool:
    try:
        return str(UUID(text)) == text
    except ValueError:
        return False
