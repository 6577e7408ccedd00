"""Idempotency keys: a retried request acts once, and a saved change is never reported lost.

An integrator sends a mutation again when it never saw the answer. The first
request reserves (caller, key) before acting; the events it saves complete
the key *in the transaction that appends them* (`service.recorders`), so a
key is completed exactly when its change is in the log, whatever happens to
the process or the read models afterwards. A retry of a completed key gets
the first answer back (or, when the first request could not store it, the
changed object read again), never a second change.

- Two copies at once: one holds the key, the other gets CONFLICT (ask again).
- A request that died before saving holds its key for at most `LEASE`; then
  a retry takes it over. Should the first one still try to save, its
  completion finds the key taken and its transaction rolls back: at most once.
- The same key with another payload or for another mutation is refused
  with IDEMPOTENCY_KEY_REUSED.
- An attempt that failed without saving frees its key: a corrected retry acts.

How a key reaches that transaction: the use case takes the `Claim` as an
explicit keyword argument, `idempotency=claim`, and hands it to
`save_changes`, which hands it to the library's `save(..., idempotency=...)`;
the library passes it on to the recorder. An explicit parameter, not a
context variable: the key's path is in every signature, a worker thread
cannot drop it, and it stays apart from `by=` (who did it), which every
save needs and only some saves have a key for.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from eventsourcing.persistence import StoredEvent

from domain.errors import InvalidInput
from projections.database import Database
from service.actor import Actor
from service.error_texts import KEY_IN_USE, KEY_LENGTH, KEY_REUSED, KEY_TAKEN_OVER
from service.errors import Conflict, ServiceError

# Its columns are made by service/migrations; created_at is when the current
# reservation was made (a takeover renews it).
TABLE = "idempotency_keys"
MAX_KEY = 200
# Longer than any request takes (the server's own timeouts are shorter), short
# enough that a client retrying after a crash is not kept waiting for long.
LEASE = timedelta(minutes=2)
# (aggregate id, event topic) of each event a request saved.
Saved = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Claim:
    """This request's hold on (caller, key), handed down to `save_changes`."""

    caller: str
    key: str
    token: str


@dataclass(frozen=True)
class Earlier:
    """A key completed by an earlier request: its answer (if stored) and what it saved."""

    answer: Any | None
    saved: Saved


class KeyReused(ServiceError):
    category = "IDEMPOTENCY_KEY_REUSED"

    def __init__(self) -> None:
        super().__init__(KEY_REUSED)


class KeyTakenOver(Conflict):
    def __init__(self, key: str) -> None:
        super().__init__(KEY_TAKEN_OVER, minutes=int(LEASE.total_seconds() // 60), key=key)


def completion(table: str, claim: Claim, stored_events: Sequence[StoredEvent]) -> tuple[str, Any]:
    """The statement (with `?` placeholders) that completes a claimed key beside its
    events; it returns a row only while the key is still this request's."""
    saved: dict[str, str] = {}
    for event in stored_events:
        saved.setdefault(str(event.originator_id), event.topic)
    return (
        f"UPDATE {table} SET completed_at = ?, saved = ? "
        "WHERE caller = ? AND key = ? AND reserved_by = ? AND completed_at IS NULL "
        "RETURNING key",
        (_now(), json.dumps(list(saved.items())), claim.caller, claim.key, claim.token),
    )


class IdempotencyKeys:
    def __init__(self, database: Database) -> None:
        self.database = database

    def begin(
        self, actor: Actor, key: str | None, operation: str, fingerprint: str
    ) -> Claim | Earlier | None:
        """Reserves the key for this request (a Claim), or finds an earlier request's
        outcome (Earlier); None without a key. Raises CONFLICT while another request
        holds it, IDEMPOTENCY_KEY_REUSED for another payload."""
        if key is None:
            return None
        if not key.strip() or len(key) > MAX_KEY:
            raise InvalidInput(KEY_LENGTH, "idempotency_key", limit=MAX_KEY)
        caller = f"{actor.person_id}:{sorted(actor.roles)}"
        token = uuid.uuid4().hex
        now = _now()
        with self.database.transaction() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (caller, key, operation, reserved_by, created_at, "
                "fingerprint) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (caller, key) DO NOTHING",
                (caller, key, operation, token, now, fingerprint),
            )
            cursor.execute(
                "SELECT operation, fingerprint, reserved_by, created_at, completed_at, "
                f"result, saved FROM {TABLE} WHERE caller = ? AND key = ?",
                (caller, key),
            )
            row = cursor.fetchone()
            if row["reserved_by"] == token:
                return Claim(caller, key, token)
            if row["operation"] != operation or row["fingerprint"] not in (None, fingerprint):
                raise KeyReused()
            if row["completed_at"] is not None:
                answer = None if row["result"] is None else json.loads(row["result"])
                saved = tuple(tuple(pair) for pair in json.loads(row["saved"] or "[]"))
                return Earlier(answer, saved)
            if row["created_at"] >= _now(-LEASE):
                raise Conflict(KEY_IN_USE)
            # Its request died before saving anything: this one takes the key over.
            cursor.execute(
                f"UPDATE {TABLE} SET reserved_by = ?, created_at = ?, fingerprint = ? "
                "WHERE caller = ? AND key = ? AND reserved_by = ? AND completed_at IS NULL "
                "RETURNING key",
                (token, now, fingerprint, caller, key, row["reserved_by"]),
            )
            if not cursor.fetchall():  # another retry took it over first
                raise Conflict(KEY_IN_USE)
        return Claim(caller, key, token)

    def finish(self, claim: Claim, answer: Any | None) -> None:
        """Keeps the answer for retries, and completes a key whose request saved
        nothing (its events, if any, completed it already)."""
        with self.database.transaction() as cursor:
            cursor.execute(
                f"UPDATE {TABLE} SET completed_at = COALESCE(completed_at, ?), result = ? "
                "WHERE caller = ? AND key = ? AND reserved_by = ?",
                (
                    _now(),
                    None if answer is None else json.dumps(answer),
                    claim.caller,
                    claim.key,
                    claim.token,
                ),
            )

    def release(self, claim: Claim) -> None:
        """Frees the key of a request that failed; a key its events completed stays."""
        with self.database.transaction() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE caller = ? AND key = ? AND reserved_by = ? "
                "AND completed_at IS NULL",
                (claim.caller, claim.key, claim.token),
            )


def _now(offset: timedelta = timedelta()) -> str:
    """One fixed ISO form (UTC, microseconds), so that moments compare as text."""
    return (datetime.now(UTC) + offset).isoformat(timespec="microseconds")
