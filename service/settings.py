"""Groeispurt's settings, read from the environment in one place.

| variable | meaning | default |
|---|---|---|
| GROEISPURT_DATABASE | a SQLite file path, or a `postgresql://user:pw@host:port/db?schema=s` URL | `var/groeispurt.db` |
| GROEISPURT_ENV | `development` or `production` (production turns off GraphiQL, introspection and field suggestions, and sends HSTS) | `development` |
| GROEISPURT_SECRET_KEY | signs session cookies; set it in production | a key kept in `var/secret.key` |
| GROEISPURT_MIN_GROUP_SIZE | smallest group a training-needs report shows | `5` |
| GROEISPURT_TRUSTED_PROXIES | comma-separated addresses of the reverse proxies in front, whose X-Forwarded-For is believed | none: the client address is the connection's |
| GROEISPURT_WEBHOOKS_ALLOW_PRIVATE | `1`: webhooks may be delivered to loopback and private addresses (127.0.0.1, 10.x, 192.168.x, …); `0`: refused, so that a webhook cannot reach the servers behind the firewall | `0` in production, `1` in development |
| GROEISPURT_WEBHOOK_RETRY_SECONDS | comma-separated waits before each retry of a failed delivery (each ±20 %); one attempt more than waits | `30,120,600,3600,10800,21600,21600` (8 attempts over about 16 hours) |
| GROEISPURT_WEBHOOK_DISABLE_AFTER | an endpoint is disabled when this many of its deliveries in a row have failed for good | `5` |
| GROEISPURT_WEBHOOK_TIMEOUT | seconds a receiver has to answer a delivery | `10` |

The eventsourcing library reads its own variables (PERSISTENCE_MODULE,
SQLITE_DBNAME, POSTGRES_*); `eventsourcing_env` maps ours onto them so the
two never disagree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

DEFAULT_DATABASE = "var/groeispurt.db"
DEFAULT_WEBHOOK_RETRIES = (30.0, 120.0, 600.0, 3600.0, 10800.0, 21600.0, 21600.0)


@dataclass(frozen=True)
class Settings:
    database: str = DEFAULT_DATABASE
    environment: str = "development"
    secret_key: str = ""
    min_group_size: int = 5
    # Sign-in throttling counts per client address: only a proxy named here may
    # say (X-Forwarded-For) which address a request came from.
    trusted_proxies: tuple[str, ...] = ()
    # None: refused in production, allowed in development (see `allows_private_webhooks`).
    webhooks_allow_private: bool | None = None
    webhook_retry_seconds: tuple[float, ...] = DEFAULT_WEBHOOK_RETRIES
    webhook_disable_after: int = 5
    webhook_timeout: float = 10.0

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            database=env.get("GROEISPURT_DATABASE", DEFAULT_DATABASE),
            environment=env.get("GROEISPURT_ENV", "development"),
            secret_key=env.get("GROEISPURT_SECRET_KEY", ""),
            min_group_size=int(env.get("GROEISPURT_MIN_GROUP_SIZE", "5")),
            trusted_proxies=tuple(
                address.strip()
                for address in env.get("GROEISPURT_TRUSTED_PROXIES", "").split(",")
                if address.strip()
            ),
            webhooks_allow_private=_flag(env.get("GROEISPURT_WEBHOOKS_ALLOW_PRIVATE")),
            webhook_retry_seconds=_seconds(env.get("GROEISPURT_WEBHOOK_RETRY_SECONDS")),
            webhook_disable_after=max(1, int(env.get("GROEISPURT_WEBHOOK_DISABLE_AFTER", "5"))),
            webhook_timeout=float(env.get("GROEISPURT_WEBHOOK_TIMEOUT", "10")),
        )

    @property
    def uses_postgres(self) -> bool:
        return self.database.startswith(("postgresql://", "postgres://"))

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def allows_private_webhooks(self) -> bool:
        if self.webhooks_allow_private is None:
            return not self.is_production
        return self.webhooks_allow_private

    def eventsourcing_env(self) -> dict[str, str]:
        if self.uses_postgres:
            return _postgres_env(self.database)
        path = Path(self.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        return {
            "PERSISTENCE_MODULE": "service.durable_sqlite:DurableSQLiteFactory",
            "SQLITE_DBNAME": str(path),
            # Completes idempotency keys in the events' own transaction.
            "APPLICATION_RECORDER_TOPIC": "service.recorders:IdempotentSQLiteRecorder",
        }


def _flag(value: str | None) -> bool | None:
    if value is None or not value.strip():
        return None
    return value.strip().lower() in ("1", "true", "yes", "on")


def _seconds(value: str | None) -> tuple[float, ...]:
    if value is None or not value.strip():
        return DEFAULT_WEBHOOK_RETRIES
    return tuple(max(0.0, float(part)) for part in value.split(",") if part.strip())


def _postgres_env(url: str) -> dict[str, str]:
    parts = urlparse(url)
    query = parse_qs(parts.query)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "APPLICATION_RECORDER_TOPIC": "service.recorders:IdempotentPostgresRecorder",
        "POSTGRES_DBNAME": parts.path.lstrip("/") or "postgres",
        "POSTGRES_HOST": parts.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(parts.port or 5432),
        "POSTGRES_USER": unquote(parts.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(parts.password or ""),
    }
    if "schema" in query:
        env["POSTGRES_SCHEMA"] = query["schema"][0]
    return env
