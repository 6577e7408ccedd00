"""Local accounts: signing in with an e-mail address and a password.

Passwords are hashed with argon2id and kept in the table `accounts`, beside
the read models in the same database: never in an event (the event log is
kept for good and copied into backups and projections), never in a log line
or an error message. What a new password must be is `service.passwords`.
A wrong password and an unknown address get the same answer and cost the
same argon2 time, so the sign-in form cannot be used to find out who works
here. Five wrong passwords in a row lock the account for
fifteen minutes.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from projections.database import Database
from projections.people import get_person_row
from service.actor import Actor, Role
from service.application import Groeispurt
from service.errors import Unauthenticated
from service.passwords import MAX_PASSWORD_LENGTH, check_password

__all__ = ["WRONG", "Accounts", "actor_for_person", "check_password", "current_actor"]

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
WRONG = "E-mail address or password is wrong."

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS accounts ("
    "person_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
    "failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT, updated_at TEXT NOT NULL)"
)

Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def actor_for_person(app: Groeispurt, person_id: UUID, *, may_write: bool = True) -> Actor:
    """The Actor for a person, with the roles their Person aggregate holds right now."""
    person = app.get_person(person_id)
    return Actor(person.id, frozenset(Role(r) for r in person.roles), may_write=may_write)


def current_actor(
    app: Groeispurt, database: Database, person_id: UUID, *, may_write: bool = True
) -> Actor:
    """The Actor behind a session or token, from the people read model: one indexed
    read per request instead of replaying the Person aggregate. A person registered
    a moment ago in another process is not projected yet: then ask the aggregate."""
    row = get_person_row(database, str(person_id))
    if row is None:
        return actor_for_person(app, person_id, may_write=may_write)
    return Actor(person_id, frozenset(Role(r) for r in row["roles"]), may_write=may_write)


class Accounts:
    def __init__(
        self,
        database: Database,
        app: Groeispurt,
        *,
        hasher: PasswordHasher | None = None,
        now: Now = _utc_now,
    ) -> None:
        self.database = database
        self.app = app
        self.hasher = hasher or PasswordHasher()
        self.now = now
        self._dummy_hash: str | None = None

    def setup(self) -> None:
        self.database.script([SCHEMA])

    def set_password(self, person_id: UUID, password: Any) -> None:
        """Sets (or replaces) a person's password and lifts any lockout."""
        check_password(password)
        person = self.app.get_person(person_id)  # NotFound for an unknown person
        password_hash = self.hasher.hash(password)
        with self.database.transaction() as cursor:
            cursor.execute(
                "INSERT INTO accounts (person_id, password_hash, failed_attempts, locked_until, "
                "updated_at) VALUES (?, ?, 0, NULL, ?) ON CONFLICT (person_id) DO UPDATE SET "
                "password_hash = excluded.password_hash, failed_attempts = 0, "
                "locked_until = NULL, updated_at = excluded.updated_at",
                (str(person.id), password_hash, self.now().isoformat()),
            )

    def has_password(self, person_id: UUID) -> bool:
        return self._account(person_id) is not None

    def sign_in(self, email: Any, password: Any) -> Actor:
        """The signed-in person's Actor, or Unauthenticated with one message for every mistake."""
        if not isinstance(password, str) or len(password) > MAX_PASSWORD_LENGTH:
            raise Unauthenticated(WRONG)
        person = self.app.find_person_by_email(email) if isinstance(email, str) else None
        account = self._account(person.id) if person is not None else None
        if person is None or account is None:
            self._verify(self._dummy(), password)  # the same time as a real check
            raise Unauthenticated(WRONG)
        now = self.now()
        locked_until = account["locked_until"]
        if locked_until is not None and datetime.fromisoformat(locked_until) > now:
            raise Unauthenticated(_locked_message(datetime.fromisoformat(locked_until), now))
        if not self._verify(account["password_hash"], password):
            self._count_failure(person.id, now)
        self._succeeded(account, password)
        return actor_for_person(self.app, person.id)

    def actor_for(self, person_id: UUID) -> Actor:
        return current_actor(self.app, self.database, person_id)

    # -- helpers ------------------------------------------------------------------

    def _account(self, person_id: UUID) -> dict[str, Any] | None:
        rows = self.database.query("SELECT * FROM accounts WHERE person_id = ?", (str(person_id),))
        return rows[0] if rows else None

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return bool(self.hasher.verify(password_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))
        return self._dummy_hash

    def _count_failure(self, person_id: UUID, now: datetime) -> NoReturn:
        with self.database.transaction() as cursor:
            # One statement, so two wrong tries at the same moment both count.
            cursor.execute(
                "UPDATE accounts SET failed_attempts = failed_attempts + 1, updated_at = ? "
                "WHERE person_id = ?",
                (now.isoformat(), str(person_id)),
            )
            cursor.execute(
                "SELECT failed_attempts FROM accounts WHERE person_id = ?", (str(person_id),)
            )
            failed = int(cursor.fetchone()["failed_attempts"])
            if failed >= MAX_FAILED_ATTEMPTS:
                until = now + LOCKOUT
                cursor.execute(
                    "UPDATE accounts SET failed_attempts = 0, locked_until = ? WHERE person_id = ?",
                    (until.isoformat(), str(person_id)),
                )
        if failed >= MAX_FAILED_ATTEMPTS:
            raise Unauthenticated(_locked_message(until, now))
        raise Unauthenticated(WRONG)

    def _succeeded(self, account: dict[str, Any], password: str) -> None:
        needs_rehash = self.hasher.check_needs_rehash(account["password_hash"])
        if not needs_rehash and not account["failed_attempts"] and not account["locked_until"]:
            return  # nothing to write: a sign-in costs no write lock
        new_hash = self.hasher.hash(password) if needs_rehash else account["password_hash"]
        with self.database.transaction() as cursor:
            cursor.execute(
                "UPDATE accounts SET failed_attempts = 0, locked_until = NULL, password_hash = ? "
                "WHERE person_id = ?",
                (new_hash, account["person_id"]),
            )


def _locked_message(until: datetime, now: datetime) -> str:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return (
        f"Too many wrong passwords: this account is locked for {minutes} more "
        f"minute{'s' if minutes != 1 else ''}. Try again later, or ask HR to set a new password."
    )
