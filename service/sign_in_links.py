"""One-time sign-in links: what a link is, how it is kept, and what state a token is in.

HR or an administrator makes a link for a person (`service.sign_in_link_use_cases`):
an *invitation* for someone who has no password yet, a *reset* for someone
who has one. The person opens it, chooses a password (the policy of
`service.passwords`) and is signed in (`service.sign_in_with_link`).

- The token is 32 random bytes (`secrets`); only its SHA-256 is kept (as for
  sessions and API tokens: nothing to guess that a slow hash would protect).
  The link is shown once, in the answer that made it, and never again.
- A link works until `LIFETIME` has passed, and once: it is marked used in
  the transaction that sets the password, so two tabs cannot both use it.
- A person has at most one link: a new one replaces the old (its row is
  overwritten, so the old token is unknown from then on). Deactivating a
  person deletes theirs.
- The row is written in the transaction that appends the person's
  `SignInLinkIssued` event (`service.recorders`), so a link exists exactly
  when the log says it was made, by whom and until when; the token never
  reaches the event log, a read model or a backup.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from domain.vocabulary import SignInLinkPurpose
from projections.database import Cursor, Database
from service.bearer_secrets import secret_hash
from service.error_texts import LINK_EXPIRED, LINK_UNKNOWN, LINK_USED
from service.errors import NotFound

TABLE = "sign_in_links"
# Long enough to reach someone who starts on Monday when HR registers them the week before.
LIFETIME = timedelta(days=7)
# A token is URL-safe base64 of 32 bytes (43 characters); anything far longer is not one.
MAX_TOKEN_LENGTH = 100

_UPSERT = (
    "INSERT INTO {table} (person_id, token_hash, purpose, created_at, expires_at, used_at) "
    "VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (person_id) DO UPDATE SET "
    "token_hash = excluded.token_hash, purpose = excluded.purpose, "
    "created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = NULL"
)


@dataclass(frozen=True)
class NewSignInLink:
    """A link just made: its token is here, and only here, for the one answer that shows it."""

    person_id: UUID
    token: str
    purpose: SignInLinkPurpose
    created_at: datetime
    expires_at: datetime
    # Saved, but the read models could not follow: lists may not show it for a moment.
    read_models_behind: bool = False

    def upsert(self, table: str = TABLE) -> tuple[str, tuple[str, str, str, float, float]]:
        """The statement (with `?` placeholders) that keeps it in place of any older link."""
        return (
            _UPSERT.format(table=table),
            (
                str(self.person_id),
                secret_hash(self.token),
                self.purpose.value,
                self.created_at.timestamp(),
                self.expires_at.timestamp(),
            ),
        )


def new_link(person_id: UUID, purpose: SignInLinkPurpose, now: datetime) -> NewSignInLink:
    return NewSignInLink(
        person_id=person_id,
        token=secrets.token_urlsafe(32),
        purpose=purpose,
        created_at=now,
        expires_at=now + LIFETIME,
    )


@dataclass(frozen=True)
class KeptLink:
    """A person's link as the table keeps it (never its token)."""

    person_id: UUID
    purpose: SignInLinkPurpose
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None

    def works_at(self, now: datetime) -> bool:
        return self.used_at is None and now < self.expires_at


def usable_link(database: Database, token: object, now: datetime) -> KeptLink:
    """The link a token opens; NotFound saying why when it opens nothing (any more)."""
    link = _by_token(database, token)
    if link is None:
        raise NotFound(LINK_UNKNOWN)
    if link.used_at is not None:
        raise NotFound(LINK_USED)
    if now >= link.expires_at:
        raise NotFound(LINK_EXPIRED, expired_on=link.expires_at)
    return link


def link_of(database: Database, person_id: UUID) -> KeptLink | None:
    """The person's latest link, whatever its state."""
    rows = database.query(f"SELECT * FROM {TABLE} WHERE person_id = ?", (str(person_id),))
    return _kept(rows[0]) if rows else None


def claim(cursor: Cursor, token: str, now: datetime) -> UUID | None:
    """Marks the link used, inside the caller's transaction; the person it was for, or None
    when it was used, replaced or expired meanwhile (then nothing is marked)."""
    cursor.execute(
        f"UPDATE {TABLE} SET used_at = ? "
        "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING person_id",
        (now.timestamp(), secret_hash(token), now.timestamp()),
    )
    row = cursor.fetchone()
    return UUID(str(row["person_id"])) if row is not None else None


def forget_links(cursor: Cursor, person_id: UUID) -> None:
    """Deletes the person's link, inside the caller's transaction (they left)."""
    cursor.execute(f"DELETE FROM {TABLE} WHERE person_id = ?", (str(person_id),))


def _by_token(database: Database, token: object) -> KeptLink | None:
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    rows = database.query(f"SELECT * FROM {TABLE} WHERE token_hash = ?", (secret_hash(token),))
    return _kept(rows[0]) if rows else None


def _kept(row: dict[str, object]) -> KeptLink:
    used = row["used_at"]
    return KeptLink(
        person_id=UUID(str(row["person_id"])),
        purpose=SignInLinkPurpose(str(row["purpose"])),
        created_at=_moment(row["created_at"]),
        expires_at=_moment(row["expires_at"]),
        used_at=_moment(used) if used is not None else None,
    )


def _moment(seconds: object) -> datetime:
    assert isinstance(seconds, int | float)
    return datetime.fromtimestamp(seconds, UTC)
