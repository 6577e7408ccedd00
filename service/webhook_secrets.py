"""Webhook signing secrets: made when an endpoint is registered, shown once, kept apart.

A secret is what receivers check each delivery's signature with (Standard
Webhooks: `whsec_` and the base64 of 32 random bytes). Signing needs the
secret itself, so unlike an API token it cannot be kept as a hash; it lives
in a table of its own, never in an event, a read model or an answer after
the one that registered the endpoint. Its row is written in the transaction
that appends the endpoint's `Registered` event (`service.recorders`): an
endpoint has a secret exactly when it exists.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from projections.database import Database

TABLE = "webhook_secrets"
PREFIX = "whsec_"


@dataclass(frozen=True)
class NewSecret:
    """A secret to keep for an endpoint, with the events that register it."""

    endpoint_id: str
    secret: str

    def insert(self, table: str = TABLE) -> tuple[str, tuple[str, str, str]]:
        """The statement (with `?` placeholders) that keeps it, and its values."""
        return (
            f"INSERT INTO {table} (endpoint_id, secret, created_at) VALUES (?, ?, ?)",
            (self.endpoint_id, self.secret, datetime.now(UTC).isoformat()),
        )


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def secret_of(database: Database, endpoint_id: str) -> str | None:
    rows = database.query(f"SELECT secret FROM {TABLE} WHERE endpoint_id = ?", (endpoint_id,))
    return str(rows[0]["secret"]) if rows else None
