"""Errors of the service layer; the domain's own errors pass through unchanged.

Each is a `Refusal` with a stable code and parameters (its texts are in
`service.error_texts`), and belongs to one category of the GraphQL API and
one kind of page: Forbidden → FORBIDDEN, NotFound → NOT_FOUND, Conflict →
CONFLICT, Unauthenticated → UNAUTHENTICATED, domain errors → VALIDATION.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from domain.errors import ErrorText, Param, Refusal
from service.error_texts import CHANGED_MEANWHILE, FORBIDDEN, SIGN_IN_FIRST


class ServiceError(Refusal):
    category = "INTERNAL"


class Forbidden(ServiceError):
    """Refused; says nothing about whether the thing exists."""

    category = "FORBIDDEN"

    def __init__(self, text: ErrorText = FORBIDDEN, **params: Param) -> None:
        super().__init__(text, None, **params)


class NotFound(ServiceError):
    category = "NOT_FOUND"


class Conflict(ServiceError):
    """Someone else changed the same thing at the same moment; nothing was saved."""

    category = "CONFLICT"


class Unauthenticated(ServiceError):
    category = "UNAUTHENTICATED"

    def __init__(self, text: ErrorText = SIGN_IN_FIRST, **params: Param) -> None:
        super().__init__(text, None, **params)


@dataclass(frozen=True)
class Changed:
    """What a save changes, as its Conflict names it when someone else changed it first."""

    text: ErrorText = CHANGED_MEANWHILE
    params: Mapping[str, Param] = field(default_factory=dict)

    def conflict(self) -> Conflict:
        return Conflict(self.text, None, **self.params)
