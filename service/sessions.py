"""Sessions the server can end: the cookie holds a random id, this table says whose it is.

A signed cookie that names the person is proof nobody can take back: a copy
of it outlives the sign-out. Here the cookie carries only a random session id
(32 bytes); the table `sessions` keys its SHA-256 to the person and the
moment the session ends (twelve hours after sign-in, like the cookie).
Signing out, changing one's password and an administrator's reset delete
every session of that person, so every copy of every cookie stops working at
once, on the pages and on /graphql alike.

Who is signed in is one indexed read per request: the session row joined to
the person's row in the people read model (name and roles as they are now, so
a role taken away counts from the next request on, and a person HR
deactivated is signed out, whatever sessions are left).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from projections.database import Cursor, Database
from projections.people import TABLE as PEOPLE
from service.actor import Actor, Role
from service.application import Groeispurt
from service.bearer_secrets import secret_hash, utc_now
from service.error_texts import SIGN_IN_AGAIN
from service.errors import NotFound, Unauthenticated

# The key of the session id in the (signed) cookie.
COOKIE_KEY = "session_id"
LIFETIME = timedelta(hours=12)

_WHO = (
    f"SELECT s.person_id, p.name, p.roles, p.left_on FROM sessions s LEFT JOIN {PEOPLE} p "
    "ON p.person_id = s.person_id WHERE s.id_hash = ? AND s.expires_at > ?"
)


@dataclass(frozen=True)
class SignedIn:
    """The person behind a session: their Actor, and their name for the page's header."""

    actor: Actor
    name: str


class Sessions:
    def __init__(
        self, database: Database, app: Groeispurt, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self.database = database
        self.app = app
        self.now = now

    def start(self, person_id: UUID) -> str:
        """A new session for the person; returns its id, to be put in their cookie."""
        session_id = secrets.token_urlsafe(32)
        now = self.now()
        with self.database.transaction() as cursor:
            cursor.execute("DELETE FROM sessions WHERE expires_at <= ?", (now.timestamp(),))
            cursor.execute(
                "INSERT INTO sessions (id_hash, person_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (
                    secret_hash(session_id),
                    str(person_id),
                    now.timestamp(),
                    (now + LIFETIME).timestamp(),
                ),
            )
        return session_id

    def signed_in(self, session_id: object) -> SignedIn:
        """Who a session belongs to now, or Unauthenticated when it ended or never was."""
        if not isinstance(session_id, str) or len(session_id) > 100:
            raise Unauthenticated(SIGN_IN_AGAIN)
        rows = self.database.query(_WHO, (secret_hash(session_id), self.now().timestamp()))
        if not rows:
            raise Unauthenticated(SIGN_IN_AGAIN)
        row = rows[0]
        person_id = UUID(row["person_id"])
        if row["roles"] is None:
            # Registered a moment ago in another process, not projected yet
            # (or the read model is being rebuilt): ask the aggregate.
            try:
                person = self.app.get_person(person_id)
            except NotFound:
                raise Unauthenticated(SIGN_IN_AGAIN) from None
            if not person.is_active:
                raise Unauthenticated(SIGN_IN_AGAIN)
            return SignedIn(_actor(person_id, person.roles), person.name)
        if row["left_on"] is not None:
            raise Unauthenticated(SIGN_IN_AGAIN)
        # The people read model keeps roles as a JSON list.
        return SignedIn(_actor(person_id, json.loads(row["roles"])), str(row["name"]))

    def end_everywhere(self, session_id: object) -> None:
        """Signing out: ends this session and every other session of the same person."""
        if not isinstance(session_id, str):
            return
        with self.database.transaction() as cursor:
            cursor.execute(
                "DELETE FROM sessions WHERE person_id IN "
                "(SELECT person_id FROM sessions WHERE id_hash = ?)",
                (secret_hash(session_id),),
            )

    def end_all(self, cursor: Cursor, person_id: UUID) -> None:
        """Ends every session of a person, inside the caller's transaction."""
        cursor.execute("DELETE FROM sessions WHERE person_id = ?", (str(person_id),))


def _actor(person_id: UUID, roles: list[str]) -> Actor:
    return Actor(person_id, frozenset(Role(r) for r in roles))
