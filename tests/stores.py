"""Clean stores for tests: a fresh SQLite file, or a fresh PostgreSQL schema.

PostgreSQL runs on 127.0.0.1:5432 (database `test`, user `postgres`, trust
auth). Where it is not reachable the PostgreSQL cases are skipped, except
when GROEISPURT_REQUIRE_POSTGRES=1 (as in CI): then they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import uuid4

import pytest

from service.settings import Settings

POSTGRES_URL = os.environ.get(
    "GROEISPURT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)


def postgres_available() -> bool:
    import psycopg

    try:
        with psycopg.connect(_dsn(), connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def _dsn() -> str:
    return POSTGRES_URL


@contextmanager
def clean_store(kind: str, tmp_path: Path) -> Iterator[Settings]:
    if kind == "sqlite":
        yield Settings(database=str(tmp_path / "groeispurt.db"))
        return
    if not postgres_available():
        if os.environ.get("GROEISPURT_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required (GROEISPURT_REQUIRE_POSTGRES=1) but not reachable")
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    import psycopg

    schema = f"t_{uuid4().hex[:16]}"
    with psycopg.connect(_dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield Settings(database=f"{POSTGRES_URL}?schema={schema}")
    finally:
        with psycopg.connect(_dsn(), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
