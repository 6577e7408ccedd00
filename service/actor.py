"""Who is asking: the person behind a session cookie or a token, and their roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID

from domain.attribution import Attribution


class Role(StrEnum):
    HR = "hr"
    ADMIN = "admin"


class TokenScope(StrEnum):
    """What an API token may do. `read` reads reports only, unless the token acts for
    a person (then it reads what that person may read); `audit` reads every cycle
    with HR's rights, and HR grants it knowingly; `write` changes things as its person."""

    READ = "read"
    AUDIT = "audit"
    WRITE = "write"


@dataclass(frozen=True)
class Actor:
    person_id: UUID | None
    roles: frozenset[Role] = field(default_factory=frozenset)
    # A token with read scope may never change anything, whoever it acts for.
    may_write: bool = True
    # The API token's name when the request came with one.
    token: str | None = None
    # Groeispurt itself acting (the demo loader, an import, the command line).
    system: str | None = None
    # A token bound to no person reads reports, and cycles only with the audit scope.
    reads_reports_only: bool = False

    @property
    def is_hr(self) -> bool:
        return Role.HR in self.roles

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def may_read_cycles_as_hr(self) -> bool:
        return self.is_hr and not self.reads_reports_only

    def attribution(self) -> Attribution:
        """Who the event log records for what this actor does."""
        if self.person_id is None and self.token is None and self.system is None:
            raise ValueError("an actor with neither person, token nor system cannot save")
        return Attribution(
            person_id=str(self.person_id) if self.person_id else None,
            token=self.token,
            system=self.system,
        )


def system_actor(what: str) -> Actor:
    """Groeispurt itself, with every organisation role: the demo, an import, the CLI."""
    return Actor(None, frozenset({Role.ADMIN, Role.HR}), system=what)
