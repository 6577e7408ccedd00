"""Sending webhook deliveries: claim what is due, sign it, post it, record what happened.

A delivery is claimed before it is sent: one UPDATE sets its claim and lease
and counts the attempt, for rows whose lease has run out (PostgreSQL skips
rows another process is claiming), so two server processes never send the
same attempt. A process killed while sending leaves the claim to run out
(`lease`), and the next attempt is made then: a delivery is sent at least
once, and receivers deduplicate by its `webhook-id`, which stays the same.

Each attempt is signed per Standard Webhooks: `webhook-id`, `webhook-timestamp`
(seconds, the moment of the attempt) and `webhook-signature`
(`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the endpoint's
secret). Any 2xx answer delivers; anything else (another status, no answer
within the timeout, no connection, a redirect, an internal address) fails
the attempt, and the next waits per `settings.webhook_retry_seconds`, with
±20 % jitter so that retries after an outage do not all arrive at once.
After the last attempt the delivery has failed for good. When
`settings.webhook_disable_after` deliveries of an endpoint in a row (since
it was last enabled) have failed for good, Groeispurt disables it, with a
reason that says so; its pending deliveries wait until it is enabled again.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import httpx2
from standardwebhooks.webhooks import Webhook

from projections.database import Database
from projections.webhooks import WebhookState, get_webhook
from service.actor import system_actor
from service.application import Groeispurt
from service.catching_up import ReadModelsBehind
from service.errors import Conflict
from service.settings import Settings
from service.webhook_addresses import refusal
from service.webhook_secrets import secret_of

JITTER = 0.2
USER_AGENT = "Groeispurt-Webhooks/1"
WHO = system_actor("webhook deliveries")


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # not tried yet
    RETRYING = "retrying"  # an attempt failed; another follows
    DELIVERED = "delivered"
    FAILED = "failed"  # every attempt failed


@dataclass(frozen=True)
class Due:
    """A claimed delivery: this attempt is this process's to make."""

    id: str
    endpoint_id: str
    payload: str
    attempt: int
    claim: str


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None
    duration_ms: float

    @property
    def delivered(self) -> bool:
        return self.error is None


class Deliveries:
    def __init__(
        self,
        app: Groeispurt,
        database: Database,
        settings: Settings,
        *,
        now: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.app = app
        self.database = database
        self.settings = settings
        self.now = now
        self.rng = rng or random.Random()
        self.client = httpx2.Client(
            timeout=settings.webhook_timeout,
            follow_redirects=False,
            headers={"user-agent": USER_AGENT},
        )

    @property
    def attempts(self) -> int:
        """How many times a delivery is tried before it has failed for good."""
        return len(self.settings.webhook_retry_seconds) + 1

    @property
    def lease(self) -> float:
        """Longer than any attempt takes: a claim older than this was left by a dead process."""
        return 2 * self.settings.webhook_timeout + 5

    def close(self) -> None:
        self.client.close()

    def any_due(self) -> bool:
        rows = self.database.query(
            "SELECT id FROM webhook_deliveries WHERE next_attempt_at <= ? "
            "AND claimed_until <= ? LIMIT 1",
            (self.now(), self.now()),
        )
        return bool(rows)

    def claim_due(self, limit: int) -> list[Due]:
        """Claims up to `limit` due deliveries of enabled endpoints, the longest due first."""
        if not self.any_due():
            return []
        now, claim = self.now(), uuid.uuid4().hex
        skip_locked = " FOR UPDATE OF d SKIP LOCKED" if self.database.dialect == "postgres" else ""
        with self.database.transaction() as cursor:
            cursor.execute(
                "UPDATE webhook_deliveries SET claim = ?, claimed_until = ?, "
                "attempts = attempts + 1 "
                "WHERE claimed_until <= ? AND next_attempt_at <= ? AND id IN ("
                "SELECT d.id FROM webhook_deliveries d JOIN rm_webhook_endpoints e "
                "ON e.endpoint_id = d.endpoint_id "
                "WHERE d.next_attempt_at <= ? AND d.claimed_until <= ? AND e.state = ? "
                f"ORDER BY d.next_attempt_at LIMIT ?{skip_locked}) "
                "RETURNING id, endpoint_id, payload, attempts",
                (
                    claim,
                    now + self.lease,
                    now,
                    now,
                    now,
                    now,
                    WebhookState.ENABLED.value,
                    limit,
                ),
            )
            rows = cursor.fetchall()
        return [
            Due(row["id"], row["endpoint_id"], row["payload"], int(row["attempts"]), claim)
            for row in rows
        ]

    def deliver(self, due: Due) -> Outcome:
        """Sends one claimed attempt and records it."""
        outcome = self.send(due)
        self.record(due, outcome)
        return outcome

    def send(self, due: Due) -> Outcome:
        started = time.perf_counter()

        def failed(error: str, status_code: int | None = None) -> Outcome:
            return Outcome(status_code, error, (time.perf_counter() - started) * 1000)

        endpoint = get_webhook(self.database, due.endpoint_id)
        secret = secret_of(self.database, due.endpoint_id)
        if endpoint is None or secret is None:
            return failed("the endpoint or its secret is missing")
        refused = refusal(endpoint["url"], self.settings.allows_private_webhooks)
        if refused is not None:
            return failed(refused)
        body = due.payload.encode()
        moment = datetime.fromtimestamp(self.now(), UTC)
        headers = {
            "content-type": "application/json",
            "webhook-id": due.id,
            "webhook-timestamp": str(int(moment.timestamp())),
            "webhook-signature": Webhook(secret).sign(due.id, moment, body),
        }
        try:
            response = self.client.post(endpoint["url"], content=body, headers=headers)
        except httpx2.TimeoutException:
            return failed(f"no answer within {self.settings.webhook_timeout:g} s")
        except httpx2.HTTPError as error:
            return failed(f"could not be sent: {type(error).__name__}: {error}"[:300])
        if 200 <= response.status_code < 300:
            return Outcome(response.status_code, None, (time.perf_counter() - started) * 1000)
        if 300 <= response.status_code < 400:
            redirect = f"answered {response.status_code} (redirects are not followed)"
            return failed(redirect, response.status_code)
        return failed(f"answered {response.status_code}", response.status_code)

    def record(self, due: Due, outcome: Outcome) -> None:
        now = self.now()
        gave_up = not outcome.delivered and due.attempt >= self.attempts
        if outcome.delivered:
            status, next_at, finished = DeliveryStatus.DELIVERED, None, now
        elif gave_up:
            status, next_at, finished = DeliveryStatus.FAILED, None, now
        else:
            status, next_at, finished = DeliveryStatus.RETRYING, now + self._wait(due), None
        with self.database.transaction() as cursor:
            cursor.execute(
                "UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, finished_at = ?, "
                "last_status_code = ?, last_error = ?, claim = NULL, claimed_until = 0 "
                "WHERE id = ? AND claim = ?",
                (
                    status.value,
                    next_at,
                    finished,
                    outcome.status_code,
                    outcome.error,
                    due.id,
                    due.claim,
                ),
            )
            cursor.execute(
                "INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, "
                "duration_ms) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (delivery_id, attempt) DO NOTHING",
                (due.id, due.attempt, now, outcome.status_code, outcome.error, outcome.duration_ms),
            )
        if gave_up:
            self._disable_if_failing(due.endpoint_id)

    def _wait(self, due: Due) -> float:
        waits = self.settings.webhook_retry_seconds
        wait = waits[min(due.attempt, len(waits)) - 1]
        return wait * self.rng.uniform(1 - JITTER, 1 + JITTER)

    def _disable_if_failing(self, endpoint_id: str) -> None:
        endpoint = get_webhook(self.database, endpoint_id)
        if endpoint is None or endpoint["state"] != WebhookState.ENABLED:
            return
        count = self.settings.webhook_disable_after
        since = datetime.fromisoformat(endpoint["enabled_at"]).timestamp()
        rows = self.database.query(
            "SELECT status FROM webhook_deliveries WHERE endpoint_id = ? AND finished_at >= ? "
            "ORDER BY finished_at DESC LIMIT ?",
            (endpoint_id, since, count),
        )
        if len(rows) == count and all(row["status"] == DeliveryStatus.FAILED for row in rows):
            reason = (
                f"Disabled by Groeispurt: {count} deliveries in a row failed, "
                f"each after {self.attempts} attempts."
            )
            try:
                self.app.disable_failing_webhook(WHO, endpoint_id, reason)
            except Conflict:
                pass  # changed at this moment by someone else: the next failure looks again
            except ReadModelsBehind:
                pass  # disabled: the event is saved, the read model follows
