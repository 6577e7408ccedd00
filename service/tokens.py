"""Bearer tokens for integrators (LMS, HRIS, BI) that use the GraphQL API.

A token is shown once, when it is made; only its SHA-256 hash is stored (a
token is 32 random bytes, so a fast hash is enough: there is nothing to
guess). A token bound to a person (`--as`) acts with that person's rights;
a read-scope token never writes. A `read` token bound to no one is for
reporting systems: it reads reports only (training needs, the backlog),
never a cycle's content or anyone's name. Reading every cycle for an audit
takes the `audit` scope, which HR grants knowingly and `tokens list` shows.
A write token must be bound to a person, so that every change in the event
log names who made it (and the event also names the token).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from domain.errors import InvalidInput
from projections.database import Cursor, Database
from service.accounts import current_actor
from service.actor import Actor, Role, TokenScope
from service.application import Groeispurt
from service.bearer_secrets import secret_hash, utc_now
from service.error_texts import (
    AUDIT_TOKEN_FOR_SOMEONE,
    NO_SUCH_TOKEN,
    NOBODY_WITH_EMAIL,
    TOKEN_NAME,
    TOKEN_NAME_TAKEN,
    TOKEN_SCOPE,
    UNKNOWN_TOKEN,
    WRITE_TOKEN_FOR_NO_ONE,
)
from service.errors import NotFound, Unauthenticated

PREFIX = "gst_"
SCOPES = tuple(scope.value for scope in TokenScope)
# Recording every use would take the write lock on every API call.
LAST_USED_PRECISION = timedelta(minutes=1)
MAX_NAME = 80
_NAME = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9 ._-]{{0,{MAX_NAME - 1}}}$")


class Tokens:
    def __init__(
        self, database: Database, app: Groeispurt, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self.database = database
        self.app = app
        self.now = now

    def create(self, name: Any, scope: Any, as_email: str | None = None) -> str:
        """Makes a token and returns it; this is the only time it is ever seen."""
        if not isinstance(name, str) or not _NAME.match(name.strip()):
            raise InvalidInput(TOKEN_NAME, "name", limit=MAX_NAME)
        name = name.strip()
        if scope not in SCOPES:
            raise InvalidInput(TOKEN_SCOPE, "scope")
        person_id: UUID | None = None
        if as_email is not None and scope == TokenScope.AUDIT:
            raise InvalidInput(AUDIT_TOKEN_FOR_SOMEONE, "as")
        if as_email is not None:
            person = self.app.find_person_by_email(as_email)
            if person is None:
                raise InvalidInput(NOBODY_WITH_EMAIL, "as", email=as_email)
            person_id = person.id
        elif scope == TokenScope.WRITE:
            raise InvalidInput(WRITE_TOKEN_FOR_NO_ONE, "as")
        token = PREFIX + secrets.token_urlsafe(32)
        token_id = str(uuid4())
        with self.database.transaction() as cursor:
            cursor.execute(
                "INSERT INTO api_tokens (id, name, hash, scope, person_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                (
                    token_id,
                    name,
                    secret_hash(token),
                    scope,
                    str(person_id) if person_id else None,
                    self.now().isoformat(),
                ),
            )
            cursor.execute("SELECT id FROM api_tokens WHERE name = ?", (name,))
            if cursor.fetchone()["id"] != token_id:
                raise InvalidInput(TOKEN_NAME_TAKEN, "name", name=name)
        return token

    def list(self) -> list[dict[str, Any]]:
        """Every token, newest first, with the e-mail address it acts for (never the hash)."""
        rows = self.database.query(
            "SELECT name, scope, person_id, created_at, last_used_at, revoked_at "
            "FROM api_tokens ORDER BY created_at DESC, name"
        )
        for row in rows:
            row["as_email"] = self._email_of(row.pop("person_id"))
        return rows

    def revoke(self, name: Any) -> None:
        with self.database.transaction() as cursor:
            cursor.execute("SELECT revoked_at FROM api_tokens WHERE name = ?", (str(name),))
            row = cursor.fetchone()
            if row is None:
                raise NotFound(NO_SUCH_TOKEN, name=str(name))
            if row["revoked_at"] is None:
                cursor.execute(
                    "UPDATE api_tokens SET revoked_at = ? WHERE name = ?",
                    (self.now().isoformat(), str(name)),
                )

    def revoke_all(self, cursor: Cursor, person_id: UUID) -> None:
        """Revokes every token acting for a person, inside the caller's transaction."""
        cursor.execute(
            "UPDATE api_tokens SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL",
            (self.now().isoformat(), str(person_id)),
        )

    def authenticate(self, bearer: Any) -> Actor:
        """The Actor a token acts as; Unauthenticated when it is unknown or revoked."""
        if not isinstance(bearer, str):
            raise Unauthenticated(UNKNOWN_TOKEN)
        token = bearer.removeprefix("Bearer ").strip()
        if not token.startswith(PREFIX) or len(token) > 200:
            raise Unauthenticated(UNKNOWN_TOKEN)
        rows = self.database.query(
            "SELECT id, name, scope, person_id, last_used_at FROM api_tokens "
            "WHERE hash = ? AND revoked_at IS NULL",
            (secret_hash(token),),
        )
        if not rows:
            raise Unauthenticated(UNKNOWN_TOKEN)
        row = rows[0]
        scope = TokenScope(row["scope"])
        if row["person_id"] is None:
            actor = Actor(
                None,
                frozenset({Role.HR}),
                may_write=False,
                token=row["name"],
                reads_reports_only=scope is not TokenScope.AUDIT,
            )
        else:
            try:
                person = current_actor(
                    self.app,
                    self.database,
                    UUID(row["person_id"]),
                    may_write=scope is TokenScope.WRITE,
                )
            except NotFound:
                raise Unauthenticated(UNKNOWN_TOKEN) from None
            actor = replace(person, token=row["name"])
        self._record_use(row["id"], row["last_used_at"])
        return actor

    def _record_use(self, token_id: str, last_used_at: str | None) -> None:
        now = self.now()
        if last_used_at and now - datetime.fromisoformat(last_used_at) < LAST_USED_PRECISION:
            return
        with self.database.transaction() as cursor:
            cursor.execute(
                "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", (now.isoformat(), token_id)
            )

    def _email_of(self, person_id: str | None) -> str | None:
        if person_id is None:
            return None
        try:
            return self.app.get_person(person_id).email
        except NotFound:
            return None
