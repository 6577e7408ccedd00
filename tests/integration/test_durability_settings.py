"""A committed event or view change survives a power cut: the stores' durability settings.

SQLite: every connection, the event recorder's pool and the read side's
per-thread ones, runs in WAL mode with synchronous=FULL (2), which syncs the
WAL on every commit (NORMAL may lose the last commits on power loss).
PostgreSQL: fsync on and synchronous_commit at least `on` for both sides.
"""

from __future__ import annotations

import threading
from typing import Any

from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import fixed_today, small_org

FULL = 2


def test_every_connection_to_the_store_makes_each_commit_durable(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    try:
        small_org(services.app)  # the connections have served writes and reads
        if store.uses_postgres:
            check_postgres(services)
        else:
            check_sqlite(services)
    finally:
        services.close()


def sqlite_pragmas(connection: Any) -> tuple[str, int]:
    """Of one of the library's connections, through its own cursor."""
    with connection.cursor() as cursor:
        journal = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        synchronous = cursor.execute("PRAGMA synchronous").fetchone()[0]
    return str(journal).lower(), int(synchronous)


def read_side_pragmas(database: Any) -> tuple[str, int]:
    journal = database.query("PRAGMA journal_mode")[0]["journal_mode"]
    synchronous = database.query("PRAGMA synchronous")[0]["synchronous"]
    return str(journal).lower(), int(synchronous)


def check_sqlite(services: Services) -> None:
    recorder: Any = services.app.recorder  # the SQLite recorder, whose pool is not typed
    pool = recorder.datastore.pool
    readers = [pool.get_connection(is_writer=False) for _ in range(3)]
    try:
        for reader in readers:
            assert sqlite_pragmas(reader) == ("wal", FULL)
    finally:
        for reader in readers:
            pool.put_connection(reader)
    writer = pool.get_connection(is_writer=True)
    try:
        assert sqlite_pragmas(writer) == ("wal", FULL)
    finally:
        pool.put_connection(writer)

    # The read side opens one connection per thread: look at two of them.
    assert read_side_pragmas(services.database) == ("wal", FULL)
    seen: list[tuple[str, int]] = []
    other = threading.Thread(target=lambda: seen.append(read_side_pragmas(services.database)))
    other.start()
    other.join()
    assert seen == [("wal", FULL)]


def check_postgres(services: Services) -> None:
    names = ("fsync", "synchronous_commit")
    recorder: Any = services.app.recorder
    with recorder.datastore.get_connection() as conn:
        events_side = {name: conn.execute(f"SHOW {name}").fetchone()[name] for name in names}
    read_side = {name: services.database.query(f"SHOW {name}")[0][name] for name in names}
    for side in (events_side, read_side):
        assert side["fsync"] == "on"
        assert side["synchronous_commit"] in ("on", "remote_write", "remote_apply")
