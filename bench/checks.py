"""Checks that the speed tricks are still in place (`python -m bench --checks`).

They are not behaviour, so the test suite leaves them alone: a change may
drop one when the benchmark shows it no longer pays (see "Why the code is
as it is" in BENCHMARKS.md). Each check raises AssertionError saying what
no longer holds. A measuring run does them first and reports them.
"""

from __future__ import annotations

import asyncio
import gc
import os
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from bench.generate import generate
from bench.stores import fresh
from projections.database import Cursor, SQLiteDatabase
from projections.read_model import Batch, ReadModel
from projections.runner import LARGE_BATCH, ProjectionRunner
from service.calls import STORE_THREADS, in_thread, short_read
from service.container import build_services

Check = Callable[[str], None]


class CollectorWatch(ReadModel):
    """Notes, per batch it folds, how many events it got and whether gc was on."""

    name = "collector_watch"
    tables = ("rm_collector_watch",)
    schema = ("CREATE TABLE IF NOT EXISTS rm_collector_watch (n BIGINT)",)

    def __init__(self) -> None:
        self.batches: list[tuple[int, bool]] = []

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        self.batches.append((len(batch), gc.isenabled()))


def collector_paused_for_large_batches(kind: str) -> None:
    """A long catch-up and a rebuild fold with the cyclic collector off, and turn it back on."""
    services = build_services(fresh(kind, "checks_gc"), follow_writes=False)
    try:
        generate(services.app, target_events=LARGE_BATCH + 200)
        watch = CollectorWatch()
        runner = ProjectionRunner(services.app, services.database, [watch])
        runner.setup()
        runner.catch_up()
        large = [enabled for size, enabled in watch.batches if size >= LARGE_BATCH]
        assert large, f"no large batch in the catch-up: {watch.batches}"
        assert not any(large), f"collector on during a large catch-up: {watch.batches}"
        watch.batches.clear()
        runner.rebuild()
        assert not any(on for _, on in watch.batches), "collector on during a rebuild"
        assert gc.isenabled(), "the collector was left off"
    finally:
        services.close()


def short_reads_on_the_loop(kind: str) -> None:
    """SQLite: a short read runs on the event loop; PostgreSQL: on a worker thread.
    Other store calls always run on a worker thread."""
    services = build_services(fresh(kind, "checks_calls"), follow_writes=False)
    try:

        async def threads() -> tuple[threading.Thread, threading.Thread]:
            short = await short_read(services, threading.current_thread)
            return short, await in_thread(threading.current_thread)

        (short, other), loop_thread = _on_a_loop_of_its_own(threads)
        assert (short is loop_thread) == (kind == "sqlite"), f"{kind}: short read on {short.name}"
        assert other is not loop_thread, "a store call ran on the event loop"
    finally:
        services.close()


def few_store_threads(kind: str) -> None:
    """No more than STORE_THREADS store calls run on threads at once, per process."""
    running, most = [0], [0]
    lock = threading.Lock()

    def call() -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1

    async def many() -> None:
        await asyncio.gather(*(in_thread(call) for _ in range(4 * STORE_THREADS)))

    _on_a_loop_of_its_own(many)
    assert most[0] == STORE_THREADS, f"{most[0]} store calls at once, not {STORE_THREADS}"


def dropped_tables_leave_freed_pages_alone(kind: str) -> None:
    """SQLite: dropping a read model's table (a rebuild) writes a small part of its pages
    to the WAL, not the freed pages zeroed (secure_delete=FAST)."""
    if kind != "sqlite":
        return
    path = str(Path(fresh(kind, "checks_pages").database))
    database = SQLiteDatabase(path)
    try:
        with database.transaction() as cursor:
            cursor.execute("CREATE TABLE rm_scratch (id INTEGER PRIMARY KEY, doc TEXT NOT NULL)")
            cursor.executemany(
                "INSERT INTO rm_scratch (id, doc) VALUES (?, ?)",
                [(i, f"{i:08d}" * 60) for i in range(4000)],  # ~480 bytes each: ~500 pages
            )
        table_pages = int(
            database.query("SELECT COUNT(*) AS n FROM dbstat WHERE name = 'rm_scratch'")[0]["n"]
        )
        page_size = int(database.query("PRAGMA page_size")[0]["page_size"])
        database.query("PRAGMA wal_checkpoint(TRUNCATE)")
        with database.transaction() as cursor:
            cursor.execute("DROP TABLE rm_scratch")
        written = os.path.getsize(path + "-wal") // page_size
        assert written < table_pages // 10, f"dropping {table_pages} pages wrote {written}"
    finally:
        database.close()


CHECKS: list[Check] = [
    collector_paused_for_large_batches,
    short_reads_on_the_loop,
    few_store_threads,
    dropped_tables_leave_freed_pages_alone,
]


def run_checks(kinds: list[str]) -> tuple[int, list[str]]:
    """(how many held, what failed): every check on every store."""
    held, failed = 0, []
    for kind in kinds:
        for check in CHECKS:
            try:
                check(kind)
            except AssertionError as error:
                failed.append(f"{check.__name__} ({kind}): {error}")
            else:
                held += 1
    return held, failed


def _on_a_loop_of_its_own(
    ask: Callable[[], Coroutine[Any, Any, Any]],
) -> tuple[Any, threading.Thread]:
    """Runs `ask` on an event loop in a new thread; returns its answer and that thread."""
    answer: list[Any] = []
    loop_thread = threading.Thread(target=lambda: answer.append(asyncio.run(ask())))
    loop_thread.start()
    loop_thread.join()
    return answer[0], loop_thread
