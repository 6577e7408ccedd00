"""The webhook endpoints read model: every endpoint, one row each, for the page and the API.

Who may read it is decided in the service's read queries (administrators
only). The deliveries are not here: what receivers answered is not in the
log, so it lives in migrated tables (`service.webhook_deliveries`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from projections import webhooks_fold
from projections.database import Cursor, Database
from projections.read_model import Batch, ReadModel
from projections.storage import RowTable
from projections.webhooks_fold import WebhookRow, WebhookState

__all__ = ["WebhookRow", "WebhookState", "WebhooksReadModel", "get_webhook", "list_webhooks"]

TABLE = "rm_webhook_endpoints"
COLUMNS = (
    "endpoint_id",
    "url",
    "description",
    "event_kinds",
    "state",
    "disabled_reason",
    "registered_at",
    "changed_at",
    "enabled_at",
    "registered_by",
    "version",
)
ROWS = RowTable(TABLE, COLUMNS)


class WebhooksReadModel(ReadModel):
    name = "webhooks"
    tables = (TABLE,)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "endpoint_id TEXT PRIMARY KEY, url TEXT NOT NULL, description TEXT NOT NULL, "
        "event_kinds TEXT NOT NULL, state TEXT NOT NULL, disabled_reason TEXT, "
        "registered_at TEXT NOT NULL, changed_at TEXT NOT NULL, enabled_at TEXT NOT NULL, "
        "registered_by TEXT NOT NULL, version BIGINT NOT NULL)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        stored = ROWS.load(cursor, webhooks_fold.keys_to_load(batch))
        rows = {key: _row(row) for key, row in stored.items()}
        changed = webhooks_fold.fold(rows, batch)
        ROWS.upsert(cursor, [_columns(row) for row in changed.values()])


def _row(columns: Mapping[str, Any]) -> WebhookRow:
    return WebhookRow(
        endpoint_id=columns["endpoint_id"],
        url=columns["url"],
        description=columns["description"],
        event_kinds=json.loads(columns["event_kinds"]),
        state=columns["state"],
        disabled_reason=columns["disabled_reason"],
        registered_at=columns["registered_at"],
        changed_at=columns["changed_at"],
        enabled_at=columns["enabled_at"],
        registered_by=json.loads(columns["registered_by"]),
        version=int(columns["version"]),
    )


def _columns(row: WebhookRow) -> tuple[object, ...]:
    return (
        row["endpoint_id"],
        row["url"],
        row["description"],
        json.dumps(row["event_kinds"]),
        row["state"],
        row["disabled_reason"],
        row["registered_at"],
        row["changed_at"],
        row["enabled_at"],
        json.dumps(row["registered_by"], sort_keys=True),
        row["version"],
    )


def list_webhooks(database: Database) -> list[WebhookRow]:
    """Every endpoint, the first registered first."""
    rows = database.query(
        f"SELECT {', '.join(COLUMNS)} FROM {TABLE} ORDER BY registered_at, endpoint_id"
    )
    return [_row(row) for row in rows]


def get_webhook(database: Database, endpoint_id: str) -> WebhookRow | None:
    rows = database.query(
        f"SELECT {', '.join(COLUMNS)} FROM {TABLE} WHERE endpoint_id = ?", (endpoint_id,)
    )
    return _row(rows[0]) if rows else None
