"""Local accounts: signing in with an e-mail address and a password, and changing it.

Passwords are hashed with argon2id and kept in the table `accounts`, beside
the read models in the same database: never in an event (the event log is
kept for good and copied into backups and projections), never in a log line
or an error message. What a new password must be is `service.passwords`.

A wrong password, an unknown address and an attempt held back by the
throttle (`service.sign_in_throttle`) get the same answer and the same work:
one argon2 verification each (against a dummy hash where there is no real one
to check), so the sign-in form cannot tell who works here. A new password,
set by its owner or by an administrator, ends every session of that person.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from domain.errors import InvalidInput
from projections.database import Cursor, Database
from projections.people import get_person_row
from service.actor import Actor, Role
from service.application import Groeispurt
from service.error_texts import NO_SUCH_PERSON, NOT_CURRENT_PASSWORD, SIGN_IN_REFUSED
from service.errors import NotFound, Unauthenticated
from service.passwords import MAX_PASSWORD_LENGTH, check_password
from service.sessions import Sessions
from service.sign_in_throttle import SignInThrottle

__all__ = ["Accounts", "actor_for_person", "check_password", "current_actor"]

# Where the command line and in-process callers sign in from.
LOCAL = "local"

Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def actor_for_person(app: Groeispurt, person_id: UUID, *, may_write: bool = True) -> Actor:
    """The Actor for a person, with the roles their Person aggregate holds right now;
    NotFound for a person who was deactivated (they may no longer act)."""
    person = app.get_person(person_id)
    if not person.is_active:
        raise NotFound(NO_SUCH_PERSON)
    return Actor(person.id, frozenset(Role(r) for r in person.roles), may_write=may_write)


def current_actor(
    app: Groeispurt, database: Database, person_id: UUID, *, may_write: bool = True
) -> Actor:
    """The Actor for a person (behind a token), from the people read model: one indexed read per
    request instead of replaying the Person aggregate. A person registered a moment
    ago in another process is not projected yet: then ask the aggregate."""
    row = get_person_row(database, str(person_id))
    if row is None:
        return actor_for_person(app, person_id, may_write=may_write)
    if row["left_on"] is not None:
        raise NotFound(NO_SUCH_PERSON)
    return Actor(person_id, frozenset(Role(r) for r in row["roles"]), may_write=may_write)


class Accounts:
    def __init__(
        self,
        database: Database,
        app: Groeispurt,
        *,
        sessions: Sessions | None = None,
        throttle: SignInThrottle | None = None,
        hasher: PasswordHasher | None = None,
        now: Now = _utc_now,
    ) -> None:
        self.database = database
        self.app = app
        self.sessions = sessions or Sessions(database, app, now=now)
        self.throttle = throttle or SignInThrottle(database)
        self.hasher = hasher or PasswordHasher()
        self.now = now
        self._dummy_hash: str | None = None

    def set_password(self, person_id: UUID, password: Any, *, field: str = "password") -> None:
        """Sets (or replaces) a person's password, and ends every session they have."""
        check_password(password, field)
        person = self.app.get_person(person_id)  # NotFound for an unknown person
        password_hash = self.hasher.hash(password)
        with self.database.transaction() as cursor:
            self.keep_password(cursor, person.id, password_hash)

    def hash_new_password(self, password: Any, field: str = "password") -> str:
        """The hash of a password the policy accepts (InvalidInput on `field` otherwise).
        Hashed before any transaction: argon2 takes a while, the writer lock must not."""
        check_password(password, field)
        return self.hasher.hash(password)

    def keep_password(self, cursor: Cursor, person_id: UUID, password_hash: str) -> None:
        """Sets (or replaces) the password, inside the caller's transaction, and ends every
        session the person has."""
        cursor.execute(
            "INSERT INTO accounts (person_id, password_hash, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (person_id) DO UPDATE SET "
            "password_hash = excluded.password_hash, updated_at = excluded.updated_at",
            (str(person_id), password_hash, self.now().isoformat()),
        )
        self.sessions.end_all(cursor, person_id)

    def has_password(self, person_id: UUID) -> bool:
        return self._password_hash(person_id) is not None

    def sign_in(self, email: Any, password: Any, *, client: str = LOCAL) -> Actor:
        """The signed-in person's Actor, or Unauthenticated with one message for every mistake
        (a person who was deactivated is refused as if unknown)."""
        person = self.app.find_person_by_email(email) if isinstance(email, str) else None
        if person is not None and not person.is_active:
            person = None
        if not self._password_is_right(
            person.id if person is not None else None,
            email if isinstance(email, str) else "",
            password,
            client,
        ):
            raise Unauthenticated(SIGN_IN_REFUSED)
        assert person is not None
        return actor_for_person(self.app, person.id)

    def change_password(
        self, person_id: UUID, current: Any, new: Any, *, client: str = LOCAL
    ) -> None:
        """The person's own change: the current password first, then the policy for the new.

        Ends every session of the person; the caller starts a fresh one for the
        browser that made the change. The current password is checked through
        the throttle, so a stolen session cannot be used to guess it.
        """
        person = self.app.get_person(person_id)
        if not self._password_is_right(person.id, person.email, current, client):
            raise InvalidInput(NOT_CURRENT_PASSWORD, "current_password")
        self.set_password(person.id, new, field="new_password")

    def actor_for(self, person_id: UUID) -> Actor:
        return current_actor(self.app, self.database, person_id)

    # -- helpers ------------------------------------------------------------------

    def _password_is_right(
        self, person_id: UUID | None, email: str, password: Any, client: str
    ) -> bool:
        """One argon2 verification on every path, so every refusal takes as long."""
        stored = self._password_hash(person_id) if person_id is not None else None
        usable = isinstance(password, str) and len(password) <= MAX_PASSWORD_LENGTH
        attempt = self.throttle.attempt(client, email, self.now().timestamp())
        checked = stored if stored is not None and attempt.evaluated and usable else None
        right = self._verify(checked or self._dummy(), password if usable else "")
        if checked is None or not right:
            return False
        self.throttle.succeeded(attempt, self.now().timestamp())
        self._rehash_if_needed(person_id, checked, password)
        return True

    def _password_hash(self, person_id: UUID) -> str | None:
        rows = self.database.query(
            "SELECT password_hash FROM accounts WHERE person_id = ?", (str(person_id),)
        )
        return str(rows[0]["password_hash"]) if rows else None

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return bool(self.hasher.verify(password_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))
        return self._dummy_hash

    def _rehash_if_needed(self, person_id: Any, password_hash: str, password: str) -> None:
        """A hash made with older argon2 parameters is replaced on a sign-in that works."""
        if not self.hasher.check_needs_rehash(password_hash):
            return  # the usual case: a sign-in writes nothing more
        with self.database.transaction() as cursor:
            cursor.execute(
                "UPDATE accounts SET password_hash = ? WHERE person_id = ?",
                (self.hasher.hash(password), str(person_id)),
            )
