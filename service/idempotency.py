"""Idempotency keys: a retried request acts once.

An integrator may send a mutation again when it never saw the answer. The
first request reserves (caller, key) with a unique constraint before acting;
a retry finds the reservation and gets the first request's result instead of
acting twice. Two copies arriving together: one reserves, the other is told
to wait (CONFLICT). A failed attempt frees the key, so a corrected retry works.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from domain.errors import InvalidInput
from projections.database import Database
from service.actor import Actor
from service.errors import Conflict

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS idempotency_keys ("
    "caller TEXT NOT NULL, key TEXT NOT NULL, operation TEXT NOT NULL, "
    "reserved_by TEXT NOT NULL, result TEXT, created_at TEXT NOT NULL, "
    "PRIMARY KEY (caller, key))"
)
MAX_KEY = 200
T = TypeVar("T")


class IdempotencyKeys:
    def __init__(self, database: Database) -> None:
        self.database = database

    def setup(self) -> None:
        self.database.script([SCHEMA])

    def once(
        self,
        actor: Actor,
        key: str | None,
        operation: str,
        act: Callable[[], T],
        encode: Callable[[T], Any],
        decode: Callable[[Any], T],
    ) -> T:
        """Runs `act` once per (caller, key); a retry gets the first result back."""
        if key is None:
            return act()
        if not key.strip() or len(key) > MAX_KEY:
            raise InvalidInput(
                f"idempotencyKey must be 1 to {MAX_KEY} characters.", "idempotency_key"
            )
        caller = f"{actor.person_id}:{sorted(actor.roles)}"
        if not self._reserve(caller, key, operation):
            return decode(self._earlier(caller, key, operation))
        try:
            result = act()
        except BaseException:
            self._free(caller, key)
            raise
        with self.database.transaction() as cursor:
            cursor.execute(
                "UPDATE idempotency_keys SET result = ? WHERE caller = ? AND key = ?",
                (json.dumps(encode(result)), caller, key),
            )
        return result

    def _reserve(self, caller: str, key: str, operation: str) -> bool:
        """True when this request holds the key now; False when an earlier one does."""
        token = uuid.uuid4().hex
        with self.database.transaction() as cursor:
            cursor.execute(
                "INSERT INTO idempotency_keys (caller, key, operation, reserved_by, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (caller, key) DO NOTHING",
                (caller, key, operation, token, datetime.now(UTC).isoformat()),
            )
            cursor.execute(
                "SELECT reserved_by FROM idempotency_keys WHERE caller = ? AND key = ?",
                (caller, key),
            )
            row = cursor.fetchone()
        return bool(row["reserved_by"] == token)

    def _earlier(self, caller: str, key: str, operation: str) -> Any:
        rows = self.database.query(
            "SELECT operation, result FROM idempotency_keys WHERE caller = ? AND key = ?",
            (caller, key),
        )
        if rows[0]["operation"] != operation:
            raise InvalidInput(
                "This idempotencyKey was used for another kind of request.", "idempotency_key"
            )
        if rows[0]["result"] is None:
            raise Conflict("The same request is still being handled; ask again in a moment.")
        return json.loads(rows[0]["result"])

    def _free(self, caller: str, key: str) -> None:
        with self.database.transaction() as cursor:
            cursor.execute(
                "DELETE FROM idempotency_keys WHERE caller = ? AND key = ? AND result IS NULL",
                (caller, key),
            )
