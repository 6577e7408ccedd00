"""Who is asking: the person behind a session cookie or a token, and their roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID


class Role(StrEnum):
    HR = "hr"
    ADMIN = "admin"


@dataclass(frozen=True)
class Actor:
    person_id: UUID | None
    roles: frozenset[Role] = field(default_factory=frozenset)
    # A token with read scope may never change anything, whoever it acts for.
    may_write: bool = True

    @property
    def is_hr(self) -> bool:
        return Role.HR in self.roles

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles
