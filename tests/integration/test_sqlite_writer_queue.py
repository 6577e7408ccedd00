"""On SQLite the event recorder's writers and the read side's queue on one writer lock.

The lock is installed through a subclass of the library's connection pool
(`service.durable_sqlite`), chosen by the PERSISTENCE_MODULE setting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from eventsourcing.persistence import ConnectionUnavailableError
from eventsourcing.sqlite import SQLiteApplicationRecorder

from service.container import Services, build_services
from service.durable_sqlite import QueuedSQLiteConnectionPool
from service.settings import Settings
from tests.scenario import ADMIN, fixed_today


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(Settings(database=str(tmp_path / "events.db")), clock=fixed_today)
    try:
        yield services
    finally:
        services.close()


def pool_of(services: Services) -> QueuedSQLiteConnectionPool:
    recorder = services.app.recorder
    assert isinstance(recorder, SQLiteApplicationRecorder)
    pool = recorder.datastore.pool
    assert isinstance(pool, QueuedSQLiteConnectionPool)
    return pool


def register(services: Services) -> None:
    services.app.register_person(
        ADMIN, name="Wim Wachter", email="wim@example.nl", function="Tester", team="QA",
        start_date="2024-01-01",
    )  # fmt: skip


def finishes_while_held(services: Services, work: Callable[[], object]) -> tuple[bool, bool]:
    """(finished while the writer lock was held, finished after it was released)."""
    done = threading.Event()

    def run() -> None:
        work()
        done.set()

    worker = threading.Thread(target=run)
    lock = pool_of(services).writer_lock
    with lock:
        worker.start()
        early = done.wait(0.3)
    late = done.wait(30)
    worker.join(30)
    return early, late


def test_a_save_of_events_waits_for_the_writer_lock(services: Services) -> None:
    assert finishes_while_held(services, lambda: register(services)) == (False, True)
    assert services.app.find_person_by_email("wim@example.nl") is not None


def test_a_read_model_write_waits_for_the_same_lock(services: Services) -> None:
    def write() -> None:
        with services.database.transaction() as cursor:
            cursor.execute("CREATE TABLE scratch (n INTEGER)")

    assert finishes_while_held(services, write) == (False, True)


def test_reads_of_events_do_not_wait_for_writers(services: Services) -> None:
    register(services)
    read = lambda: services.app.find_person_by_email("wim@example.nl")  # noqa: E731
    assert finishes_while_held(services, read) == (True, True)


def test_a_writer_that_waits_too_long_is_told_so_and_leaves_the_lock_free(
    services: Services,
) -> None:
    pool = pool_of(services)
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with pool.writer_lock:
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(30)
    with pytest.raises(ConnectionUnavailableError):
        pool.get_connection(timeout=0.1, is_writer=True)
    release.set()
    holder.join(30)
    writer = pool.get_connection(timeout=5, is_writer=True)
    pool.put_connection(writer)
    assert pool.writer_lock.acquire(blocking=False)
    pool.writer_lock.release()
