"""Webhook endpoints and their deliveries as administrators read them (`ReadQueries`).

The endpoints come from their read model; the deliveries from the migrated
tables the deliveries write. Deliveries are paged newest first by the
event's position in the log, a key that never changes: a delivery made
while an administrator pages never repeats or hides another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from domain.errors import InvalidInput
from projections.database import Database
from projections.webhooks import WebhookRow, get_webhook, list_webhooks
from service.actor import Actor
from service.error_texts import NO_SUCH_WEBHOOK, PAGE_SIZE
from service.errors import Forbidden, NotFound
from service.ids import as_uuid
from service.webhook_deliveries import DeliveryStatus
from service.webhook_use_cases import may_administer_webhooks

MAX_PAGE = 100


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: str
    endpoint_id: str
    event_kind: str
    event_id: int  # the event's position in the log
    status: DeliveryStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime | None  # None once delivered or failed for good
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeliveryPage:
    rows: list[DeliveryRow]
    total: int
    has_more: bool


def require_administrator(actor: Actor) -> None:
    """Webhooks carry the whole organisation's events: administrators only, never a read token
    (`may_administer_webhooks`)."""
    if not may_administer_webhooks(actor):
        raise Forbidden()


def webhooks(database: Database) -> list[WebhookRow]:
    return list_webhooks(database)


def webhook(database: Database, webhook_id: Any) -> WebhookRow:
    found = get_webhook(database, str(as_uuid(webhook_id)))
    if found is None:
        raise NotFound(NO_SUCH_WEBHOOK)
    return found


def deliveries(
    database: Database, webhook_id: Any, *, first: int = 20, before: int | None = None
) -> DeliveryPage:
    """The newest `first` deliveries of an endpoint, of events before position `before`."""
    endpoint = webhook(database, webhook_id)["endpoint_id"]
    if not 1 <= first <= MAX_PAGE:
        raise InvalidInput(PAGE_SIZE, "first", limit=MAX_PAGE)
    where, params = "endpoint_id = ?", list[object]([endpoint])
    if before is not None:
        where += " AND notification_id < ?"
        params.append(before)
    rows = database.query(
        "SELECT id, endpoint_id, event_kind, notification_id, status, attempts, "
        "last_status_code, last_error, created_at, next_attempt_at, finished_at "
        f"FROM webhook_deliveries WHERE {where} ORDER BY notification_id DESC LIMIT ?",
        [*params, first + 1],
    )
    total = database.query(
        "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE endpoint_id = ?", (endpoint,)
    )[0]["n"]
    return DeliveryPage(
        rows=[_delivery(row) for row in rows[:first]], total=int(total), has_more=len(rows) > first
    )


def _delivery(row: dict[str, Any]) -> DeliveryRow:
    return DeliveryRow(
        id=row["id"],
        endpoint_id=row["endpoint_id"],
        event_kind=row["event_kind"],
        event_id=int(row["notification_id"]),
        status=DeliveryStatus(row["status"]),
        attempts=int(row["attempts"]),
        last_status_code=row["last_status_code"],
        last_error=row["last_error"],
        created_at=datetime.fromtimestamp(float(row["created_at"]), UTC),
        next_attempt_at=_moment(row["next_attempt_at"]),
        finished_at=_moment(row["finished_at"]),
    )


def _moment(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(float(seconds), UTC)
