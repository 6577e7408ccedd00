"""Webhooks: each endpoint's signing secret, its deliveries and their attempts.

None of it can be folded again from the log: a secret is never in an event,
and what each receiver answered happened outside Groeispurt. The outbox's
position in the log and the subscriptions as of that position go with the
deliveries they make, moved in one transaction (`service.webhook_outbox`).
Moments are seconds since the epoch, so that due deliveries are found by
comparing numbers.
"""

from alembic import op

revision = "0003"
down_revision = "0002"

TABLES = (
    "CREATE TABLE webhook_secrets ("
    "endpoint_id TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at TEXT NOT NULL)",
    "CREATE TABLE webhook_outbox (name TEXT PRIMARY KEY, position BIGINT NOT NULL)",
    "INSERT INTO webhook_outbox (name, position) VALUES ('deliveries', 0)",
    "CREATE TABLE webhook_subscriptions ("
    "endpoint_id TEXT PRIMARY KEY, event_kinds TEXT NOT NULL, enabled INTEGER NOT NULL)",
    "CREATE TABLE webhook_deliveries ("
    "id TEXT PRIMARY KEY, endpoint_id TEXT NOT NULL, notification_id BIGINT NOT NULL, "
    "event_kind TEXT NOT NULL, payload TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL, "
    "status TEXT NOT NULL, attempts INTEGER NOT NULL, "
    "next_attempt_at DOUBLE PRECISION, claimed_until DOUBLE PRECISION NOT NULL, "
    "claim TEXT, last_status_code INTEGER, last_error TEXT, "
    "finished_at DOUBLE PRECISION, "
    "UNIQUE (endpoint_id, notification_id))",
    "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)",
    "CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (endpoint_id, finished_at)",
    "CREATE TABLE webhook_attempts ("
    "delivery_id TEXT NOT NULL, attempt INTEGER NOT NULL, at DOUBLE PRECISION NOT NULL, "
    "status_code INTEGER, error TEXT, duration_ms DOUBLE PRECISION NOT NULL, "
    "PRIMARY KEY (delivery_id, attempt))",
)


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)
