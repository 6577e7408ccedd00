"""Fresh benchmark stores: a SQLite file under var/bench/, a PostgreSQL schema of its own."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
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

    # The pid in the name tells this run's schemas from those of another run on the
    # same database (a second checkout, CI), which must be left alone.
    schema = f"bench_{name}_{os.getpid()}_{uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        # This run's earlier store of the same name, and any left by a run that died.
        _drop_schemas(
            conn, lambda old: (old.startswith(f"bench_{name}_") and mine(old)) or abandoned(old)
        )
        conn.execute(f"CREATE SCHEMA {schema}")
    return Settings(database=f"{POSTGRES_URL}?schema={schema}")


def fresh(kind: str, name: str) -> Settings:
    return fresh_sqlite(name) if kind == "sqlite" else fresh_postgres(name)


def remove_all(kinds: list[str]) -> None:
    """Drops this run's scratch stores (and abandoned ones): at full scale they hold
    gigabytes no one reads again."""
    shutil.rmtree("var/bench", ignore_errors=True)
    if "postgres" not in kinds:
        return
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        _drop_schemas(conn, lambda old: mine(old) or abandoned(old))


def mine(schema: str) -> bool:
    return _pid_of(schema) == os.getpid()


def abandoned(schema: str) -> bool:
    """A benchmark schema of a process that no longer runs on this machine."""
    pid = _pid_of(schema)
    if pid is None:
        return True  # named before runs were told apart
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _pid_of(schema: str) -> int | None:
    parts = schema.split("_")
    return int(parts[-2]) if len(parts) >= 4 and parts[-2].isdigit() else None


def _drop_schemas(conn: Any, which: Callable[[str], bool]) -> None:
    """Drops every benchmark schema `which` picks."""
    for (schema,) in conn.execute(
        "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'bench\\_%'"
    ).fetchall():
        if which(schema):
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
