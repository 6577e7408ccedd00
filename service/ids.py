"""Ids as they arrive from forms, URLs and GraphQL: text that must be a UUID."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.errors import InvalidInput
from service.error_texts import NOT_AN_ID

# An id as a use case takes it: a UUID, or the text a form or the API sent, which
# the use case checks (after its access check, so a refusal reads the same).
IdOrText = UUID | str


def as_uuid(value: Any) -> UUID:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        raise InvalidInput(NOT_AN_ID, "id") from None
