"""The outbox: one delivery row per event and endpoint that subscribes to its kind.

The event log is the outbox's source: this pass reads it from its own
position and, in one transaction, writes the deliveries of a batch of
events and moves the position past them, so every event is enqueued exactly
once, even when the process is killed half-way or two processes run the
pass at once (the second finds the position moved and does nothing). It
folds the endpoints' own events into the subscriptions as of its position,
so an event goes to the endpoints that were subscribed to its kind, and
enabled, when it happened; an endpoint registered later never hears of
events from before it.

The pass follows the audit trail, never passes it: whom an event concerns
is read from the trail's subjects, which it has written by then. A batch
reads only the kinds some endpoint wants (and the endpoints' own events);
it ends at the first endpoint event, so the kinds wanted are worked out
again after each.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.application import Application
from eventsourcing.persistence import Notification
from eventsourcing.utils import get_topic

from domain.event_kinds import event_kinds, kind_of
from domain.webhook_endpoint import WebhookEndpoint
from projections import audit_fold
from projections.audit import OF as SUBJECTS
from projections.database import Cursor, Database
from projections.read_model import Batch
from service.webhook_payloads import payload

BATCH = 1000
POSITION = "deliveries"
# Names the delivery of one event to one endpoint: the same id on every retry
# (Standard Webhooks' webhook-id, which receivers deduplicate by).
NAMESPACE = uuid.UUID("5d6a3e0c-8f7b-4d2e-9a51-2b7c4e9f1a63")
ENDPOINT_EVENTS = (
    WebhookEndpoint.Registered,
    WebhookEndpoint.Changed,
    WebhookEndpoint.Disabled,
    WebhookEndpoint.Enabled,
)
ENDPOINT_TOPICS = tuple(get_topic(kind) for kind in ENDPOINT_EVENTS)


@dataclass
class Subscription:
    kinds: list[str]
    enabled: bool


def delivery_id(endpoint_id: str, notification_id: int) -> str:
    return "msg_" + uuid.uuid5(NAMESPACE, f"{endpoint_id}:{notification_id}").hex


class Outbox:
    def __init__(
        self, app: Application[Any], database: Database, now: Callable[[], float] = time.time
    ) -> None:
        self.app = app
        self.database = database
        self.now = now
        # Whether some endpoint was enabled at the last pass: until one is, a save
        # need not wake the deliveries up (the next poll moves the position on).
        self.listening = False

    def enqueue(self) -> int:
        """Enqueues the deliveries of every event the pass has not seen (up to the audit
        trail's position); returns how many deliveries it wrote."""
        written = 0
        while True:
            made = self._one_batch()
            if made is None:
                return written
            written += made

    def skip_to_the_end(self) -> None:
        """For a store restored from a backup: its endpoints as the log leaves them, and the
        position at the log's end, so that nothing from before the restore is delivered again.
        A backup renumbers the log, so its deliveries are not carried over."""
        start, end = self.position(), int(self.app.recorder.max_notification_id() or 0)
        subscriptions = self._subscriptions()
        decode = self.app.mapper.to_domain_event
        position = start
        while position < end:
            found = self.app.recorder.select_notifications(
                start=position + 1, limit=BATCH, stop=end, topics=ENDPOINT_TOPICS
            )
            for notification in found:
                _fold(subscriptions, str(notification.originator_id), decode(notification))
            position = found[-1].id if len(found) == BATCH else end
        with self.database.transaction() as cursor:
            _write_subscriptions(cursor, subscriptions)
            cursor.execute("UPDATE webhook_outbox SET position = ? WHERE name = ?", (end, POSITION))

    def position(self) -> int:
        rows = self.database.query(
            "SELECT position FROM webhook_outbox WHERE name = ?", (POSITION,)
        )
        return int(rows[0]["position"]) if rows else 0

    def _one_batch(self) -> int | None:
        """One batch; None when there was nothing left to read."""
        start = self.position()
        stop = min(self._trail_position(), int(self.app.recorder.max_notification_id() or 0))
        if stop <= start:
            return None
        subscriptions = self._subscriptions()
        self.listening = any(subscription.enabled for subscription in subscriptions.values())
        wanted = {
            kind for subscription in subscriptions.values() if subscription.enabled
            for kind in subscription.kinds
        }  # fmt: skip
        known = event_kinds()
        topics = [*ENDPOINT_TOPICS, *(get_topic(known[k]) for k in sorted(wanted) if k in known)]
        notifications = list(
            self.app.recorder.select_notifications(
                start=start + 1, limit=BATCH, stop=stop, topics=topics
            )
        )
        # Up to the first endpoint event: after it, other kinds may be wanted.
        cut = next((i + 1 for i, n in enumerate(notifications) if n.topic in ENDPOINT_TOPICS), None)
        if cut is not None:
            notifications = notifications[:cut]
            reached = notifications[-1].id
        elif len(notifications) == BATCH:
            reached = notifications[-1].id
        else:
            reached = stop  # every event up to `stop` was read, or is of a kind no one wants
        return self._write(start, reached, notifications, subscriptions)

    def _write(
        self,
        start: int,
        reached: int,
        notifications: Sequence[Notification],
        subscriptions: dict[str, Subscription],
    ) -> int | None:
        decode = self.app.mapper.to_domain_event
        batch = Batch.of([n.id for n in notifications], [decode(n) for n in notifications])
        now = self.now()
        with self.database.transaction() as cursor:
            cursor.execute(
                "SELECT position FROM webhook_outbox WHERE name = ?"
                + (" FOR UPDATE" if self.database.dialect == "postgres" else ""),
                (POSITION,),
            )
            if int(cursor.fetchone()["position"]) != start:
                return 0  # another process enqueued these meanwhile; look again
            subjects = {
                key: (row["employee_id"], row["cycle_id"])
                for key, row in SUBJECTS.load(cursor, audit_fold.keys_to_load(batch)).items()
            }
            rows = audit_fold.fold(subjects, batch).rows
            deliveries = []
            changed: set[str] = set()
            for notification_id, event, row in zip(batch.ids, batch.events, rows, strict=True):
                key = row[1]
                if isinstance(event, ENDPOINT_EVENTS):
                    _fold(subscriptions, key, event)
                    changed.add(key)
                    continue
                kind = kind_of(type(event))
                body: str | None = None
                for endpoint_id, subscription in subscriptions.items():
                    if subscription.enabled and kind in subscription.kinds:
                        body = body or payload(notification_id, row, event)
                        deliveries.append(
                            (
                                delivery_id(endpoint_id, notification_id),
                                endpoint_id,
                                notification_id,
                                kind,
                                body,
                                now,
                                now,
                            )
                        )
            if deliveries:
                cursor.executemany(
                    "INSERT INTO webhook_deliveries (id, endpoint_id, notification_id, "
                    "event_kind, payload, created_at, status, attempts, next_attempt_at, "
                    "claimed_until) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, 0) "
                    "ON CONFLICT (id) DO NOTHING",
                    deliveries,
                )
            _write_subscriptions(cursor, {key: subscriptions[key] for key in changed})
            cursor.execute(
                "UPDATE webhook_outbox SET position = ? WHERE name = ?", (reached, POSITION)
            )
        return len(deliveries)

    def _trail_position(self) -> int:
        rows = self.database.query("SELECT position FROM projection_tracking WHERE name = 'audit'")
        return int(rows[0]["position"]) if rows else 0

    def _subscriptions(self) -> dict[str, Subscription]:
        rows = self.database.query(
            "SELECT endpoint_id, event_kinds, enabled FROM webhook_subscriptions"
        )
        return {
            row["endpoint_id"]: Subscription(json.loads(row["event_kinds"]), bool(row["enabled"]))
            for row in rows
        }


def _fold(subscriptions: dict[str, Subscription], key: str, event: object) -> None:
    if isinstance(event, WebhookEndpoint.Registered):
        subscriptions[key] = Subscription(list(event.event_kinds), True)
        return
    subscription = subscriptions.get(key)
    if subscription is None:
        return
    if isinstance(event, WebhookEndpoint.Changed):
        subscription.kinds = list(event.event_kinds)
    else:
        subscription.enabled = isinstance(event, WebhookEndpoint.Enabled)


def _write_subscriptions(cursor: Cursor, changed: dict[str, Subscription]) -> None:
    if changed:
        cursor.executemany(
            "INSERT INTO webhook_subscriptions (endpoint_id, event_kinds, enabled) "
            "VALUES (?, ?, ?) ON CONFLICT (endpoint_id) DO UPDATE SET "
            "event_kinds = excluded.event_kinds, enabled = excluded.enabled",
            [(key, json.dumps(s.kinds), int(s.enabled)) for key, s in changed.items()],
        )
