"""The tables as the release before migrations made them.

That release made them on start with CREATE TABLE IF NOT EXISTS and added the
idempotency columns a store from before them lacked; this revision does the
same. On a store that release made it changes nothing and is recorded as
done; on an empty store it makes the tables.
"""

from alembic import op

from service.migrations.tables import columns

revision = "0001"
down_revision = None

TABLES = (
    "CREATE TABLE IF NOT EXISTS accounts ("
    "person_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sessions ("
    "id_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL, "
    "created_at DOUBLE PRECISION NOT NULL, expires_at DOUBLE PRECISION NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sessions_person ON sessions (person_id)",
    "CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at)",
    "CREATE TABLE IF NOT EXISTS sign_in_attempts ("
    "key TEXT PRIMARY KEY, attempts INTEGER NOT NULL, next_at DOUBLE PRECISION NOT NULL, "
    "evaluated INTEGER NOT NULL, seen_at DOUBLE PRECISION NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sign_in_attempts_seen ON sign_in_attempts (seen_at)",
    "CREATE TABLE IF NOT EXISTS api_tokens ("
    "id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE, "
    "scope TEXT NOT NULL, person_id TEXT, created_at TEXT NOT NULL, "
    "last_used_at TEXT, revoked_at TEXT)",
    "CREATE TABLE IF NOT EXISTS idempotency_keys ("
    "caller TEXT NOT NULL, key TEXT NOT NULL, operation TEXT NOT NULL, "
    "reserved_by TEXT NOT NULL, result TEXT, created_at TEXT NOT NULL, "
    "fingerprint TEXT, completed_at TEXT, saved TEXT, "
    "PRIMARY KEY (caller, key))",
)
# What a request asked (fingerprint), when its events were committed (completed_at)
# and which aggregates they saved (saved).
IDEMPOTENCY_COLUMNS = ("fingerprint", "completed_at", "saved")


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)
    for column in IDEMPOTENCY_COLUMNS:
        if column not in columns("idempotency_keys"):
            op.execute(f"ALTER TABLE idempotency_keys ADD COLUMN {column} TEXT")
    # A key answered before completion was recorded is complete: its answer says so.
    op.execute(
        "UPDATE idempotency_keys SET completed_at = created_at "
        "WHERE completed_at IS NULL AND result IS NOT NULL"
    )
