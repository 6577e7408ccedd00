"""Errors the domain raises when a rule is broken.

Every message is written for the person who made the request: it says what
is wrong and, where it helps, what to do instead.
"""

from __future__ import annotations


class DomainError(Exception):
    """A command was refused because it breaks a rule of the domain."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(DomainError):
    """A value is missing, too long, malformed or out of range."""


class NotAllowedNow(DomainError):
    """The command is valid in itself but not in the cycle's current stage."""
