"""Using a one-time link: the person it was made for chooses a password and is signed in.

Nobody is signed in yet, so the token is the only proof of who this is; it
is checked first, so a link that works no more is said so before anything
about the password. The password is then checked against the policy and
hashed outside any transaction; one transaction marks the link used (only if
it still works at that moment: of two tabs, one wins), sets the password and
ends every other session of the person, as any new password does. A new
session for this browser follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.person import Person
from domain.vocabulary import SignInLinkPurpose
from projections.database import Database
from service.accounts import Accounts
from service.application import Groeispurt
from service.bearer_secrets import utc_now
from service.error_texts import LINK_UNKNOWN
from service.errors import NotFound
from service.sessions import Sessions
from service.sign_in_links import claim, usable_link


@dataclass(frozen=True)
class LinkFor:
    """What the page a link opens shows: whose it is and what it is for."""

    person_id: UUID
    name: str
    email: str
    language: str
    purpose: SignInLinkPurpose
    expires_at: datetime


@dataclass(frozen=True)
class SignedInWithLink:
    person_id: UUID
    session_id: str
    language: str
    purpose: SignInLinkPurpose


class SignInLinks:
    def __init__(
        self,
        database: Database,
        app: Groeispurt,
        accounts: Accounts,
        sessions: Sessions,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.database = database
        self.app = app
        self.accounts = accounts
        self.sessions = sessions
        self.now = now

    def open(self, token: object) -> LinkFor:
        """Whose link this is; NotFound saying why when it works no more (or never did)."""
        link = usable_link(self.database, token, self.now())
        person = self._active(link.person_id)
        return LinkFor(
            person.id, person.name, person.email, person.language, link.purpose, link.expires_at
        )

    def use(self, token: object, password: Any, *, field: str = "new_password") -> SignedInWithLink:
        """Sets the person's password and starts a session for them; the link is used up."""
        opened = self.open(token)
        assert isinstance(token, str)  # `open` found a link for it
        password_hash = self.accounts.hash_new_password(password, field)
        with self.database.transaction() as cursor:
            person_id = claim(cursor, token, self.now())
            if person_id is not None:
                self.accounts.keep_password(cursor, person_id, password_hash)
        if person_id is None:
            self.open(token)  # used or expired since it was opened: say which
            raise NotFound(LINK_UNKNOWN)
        session_id = self.sessions.start(person_id)
        return SignedInWithLink(person_id, session_id, opened.language, opened.purpose)

    def _active(self, person_id: UUID) -> Person:
        """The person a link is for; a link of someone who left (or was never projected
        into the store) opens nothing."""
        try:
            person = self.app.get_person(person_id)
        except NotFound:
            raise NotFound(LINK_UNKNOWN) from None
        if not person.is_active:
            raise NotFound(LINK_UNKNOWN)
        return person
