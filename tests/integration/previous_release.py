"""Stores as earlier releases left them, to migrate in the tests.

The statements are those releases' own, copied from their code: the release
before migrations (every table as it made them on start), and an early one
from before sessions, sign-in throttling and idempotency completion (its
accounts still had a lockout). The events come from today's application,
which reads and writes the log as those releases did.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher

from projections.database import Cursor, Database, open_database
from service.application import Groeispurt
from service.bearer_secrets import secret_hash
from service.settings import Settings
from service.tokens import PREFIX
from tests.scenario import Org, fixed_today, small_org

PASSWORD = "correct horse battery"
TOKEN = PREFIX + "a-token-the-old-release-made"
SESSION = "a-session-the-old-release-started"
ANSWER = {"moveCard": {"version": 7}}
# Something of an operator's own that needs a column a migration drops.
LOCKED_ACCOUNTS = "CREATE VIEW locked_accounts AS SELECT person_id, locked_until FROM accounts"

PREVIOUS_RELEASE = (
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

EARLY_RELEASE = (
    "CREATE TABLE IF NOT EXISTS accounts ("
    "person_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
    "failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT, updated_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS api_tokens ("
    "id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE, "
    "scope TEXT NOT NULL, person_id TEXT, created_at TEXT NOT NULL, "
    "last_used_at TEXT, revoked_at TEXT)",
    "CREATE TABLE IF NOT EXISTS idempotency_keys ("
    "caller TEXT NOT NULL, key TEXT NOT NULL, operation TEXT NOT NULL, "
    "reserved_by TEXT NOT NULL, result TEXT, created_at TEXT NOT NULL, "
    "PRIMARY KEY (caller, key))",
)


@dataclass
class OldStore:
    org: Org
    database: Database


def previous_release_store(settings: Settings) -> OldStore:
    """People in the log, and an account, a session, a sign-in attempt, a token and an
    answered idempotency key in the previous release's tables. Close its database."""
    old = _with_people(settings, PREVIOUS_RELEASE)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with old.database.transaction() as cursor:
        _account_and_token(cursor, old.org)
        cursor.execute(
            "INSERT INTO sessions (id_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (secret_hash(SESSION), str(old.org.manager), time.time(), time.time() + 3600),
        )
        cursor.execute(
            "INSERT INTO sign_in_attempts (key, attempts, next_at, evaluated, seen_at) "
            "VALUES ('address:192.0.2.1', 1, 0, 1, ?)",
            (time.time(),),
        )
        cursor.execute(
            "INSERT INTO idempotency_keys (caller, key, operation, reserved_by, result, "
            "created_at, fingerprint, completed_at, saved) "
            "VALUES (?, 'move-1', 'moveCard', 'a request', ?, ?, 'its input', ?, '[]')",
            (f"{old.org.employee}:[]", json.dumps(ANSWER), now, now),
        )
    return old


def early_release_store(settings: Settings) -> OldStore:
    """The same account, token and answered key in an early release's tables (the key
    without what it was asked or when it completed). Close its database."""
    old = _with_people(settings, EARLY_RELEASE)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with old.database.transaction() as cursor:
        _account_and_token(cursor, old.org)
        cursor.execute("UPDATE accounts SET failed_attempts = 2")
        cursor.execute(
            "INSERT INTO idempotency_keys (caller, key, operation, reserved_by, result, "
            "created_at) VALUES (?, 'move-1', 'moveCard', 'a request', ?, ?)",
            (f"{old.org.employee}:[]", json.dumps(ANSWER), now),
        )
    return old


def _with_people(settings: Settings, tables: tuple[str, ...]) -> OldStore:
    app = Groeispurt(settings, clock=fixed_today)
    try:
        org = small_org(app)
    finally:
        app.close()
    database = open_database(settings.eventsourcing_env())
    database.script(tables)
    return OldStore(org, database)


def _account_and_token(cursor: Cursor, org: Org) -> None:
    cursor.execute(
        "INSERT INTO accounts (person_id, password_hash, updated_at) VALUES (?, ?, ?)",
        (str(org.manager), PasswordHasher().hash(PASSWORD), datetime.now(UTC).isoformat()),
    )
    cursor.execute(
        "INSERT INTO api_tokens (id, name, hash, scope, person_id, created_at) "
        "VALUES ('t-1', 'lms', ?, 'write', ?, ?)",
        (secret_hash(TOKEN), str(org.employee), datetime.now(UTC).isoformat()),
    )
