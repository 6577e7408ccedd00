"""Errors of the service layer; the domain's own errors pass through unchanged.

Each maps to one stable code of the GraphQL API and one kind of message on
the pages: Forbidden → FORBIDDEN, NotFound → NOT_FOUND, Conflict → CONFLICT,
Unauthenticated → UNAUTHENTICATED, domain errors → VALIDATION.
"""

from __future__ import annotations


class ServiceError(Exception):
    code = "INTERNAL"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Forbidden(ServiceError):
    """Refused; says nothing about whether the thing exists."""

    code = "FORBIDDEN"

    def __init__(self, message: str = "You are not allowed to do this.") -> None:
        super().__init__(message)


class NotFound(ServiceError):
    code = "NOT_FOUND"


class Conflict(ServiceError):
    """Someone else changed the same thing at the same moment; nothing was saved."""

    code = "CONFLICT"


class Unauthenticated(ServiceError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Sign in first.") -> None:
        super().__init__(message)
