"""Fresh benchmark stores: a SQLite file under var/bench/, a PostgreSQL schema of its own."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any
from uuid import uuid4

from service.settings import Settings

POSTGRES_URL = os.environ.get(
    "GROEISPURT_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)


def fresh_sqlite(name: str) -> Settings:
    folder = Path("var/bench")
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{folder / name}.db{suffix}").unlink(missing_ok=True)
    return Settings(database=str(folder / f"{name}.db"))


def fresh_postgres(name: str) -> Settings:
    import psycopg

    schema = f"bench_{name}_{uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        _drop_schemas(conn, f"bench\\_{name}\\_%")  # an earlier run's, if any
        conn.execute(f"CREATE SCHEMA {schema}")
    return Settings(database=f"{POSTGRES_URL}?schema={schema}")


def fresh(kind: str, name: str) -> Settings:
    return fresh_sqlite(name) if kind == "sqlite" else fresh_postgres(name)


def remove_all(kinds: list[str]) -> None:
    """Drops every scratch store: at full scale they hold gigabytes no one reads again."""
    shutil.rmtree("var/bench", ignore_errors=True)
    if "postgres" not in kinds:
        return
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        _drop_schemas(conn, "bench\\_%")


def _drop_schemas(conn: Any, pattern: str) -> None:
    """Drops every schema whose name matches the LIKE `pattern`."""
    for (schema,) in conn.execute(
        "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE %s",
        (pattern,),
    ).fetchall():
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
