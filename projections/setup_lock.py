"""One process at a time sets up the store's tables.

Server workers start together, and a CLI command may start beside them.
Setting up is not safe to do at the same moment: on PostgreSQL the event
store's `CREATE OR REPLACE FUNCTION` fails with "tuple concurrently updated"
when two processes run it at once, and a read model whose tables changed is
dropped and rebuilt, which two processes must not both decide to do. Whoever
comes second waits here, then finds everything in place.

PostgreSQL: a session-level advisory lock keyed by the schema. SQLite: an
exclusive `flock` on a file beside the database (not the writer lock, which
the setup itself takes for each of its writes).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from projections.database import postgres_conninfo


@contextmanager
def setup_lock(eventsourcing_env: dict[str, str]) -> Iterator[None]:
    if eventsourcing_env["PERSISTENCE_MODULE"] == "eventsourcing.postgres":
        with _postgres_lock(eventsourcing_env):
            yield
        return
    path = eventsourcing_env.get("SQLITE_DBNAME", "")
    if path in ("", ":memory:") or path.startswith("file:"):
        yield
        return
    fd = os.open(f"{path}.setup-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


@contextmanager
def _postgres_lock(env: dict[str, str]) -> Iterator[None]:
    import psycopg

    with psycopg.connect(postgres_conninfo(env), autocommit=True) as conn:
        key = f"groeispurt-setup:{env.get('POSTGRES_SCHEMA') or 'public'}"
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", (key,))
