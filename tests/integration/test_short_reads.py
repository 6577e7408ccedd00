"""Where a short read runs: on the event loop for SQLite, on a worker thread for PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
import time

from service.calls import STORE_THREADS, in_thread, short_read
from service.container import build_services
from service.settings import Settings


def _thread_of(call: str, settings: Settings) -> threading.Thread:
    services = build_services(settings, follow_writes=False)
    try:

        async def ask() -> threading.Thread:
            if call == "short":
                return await short_read(services, threading.current_thread)
            return await in_thread(threading.current_thread)

        return asyncio.run(ask())
    finally:
        services.close()


def test_a_short_read_runs_on_the_loop_on_sqlite_and_on_a_worker_thread_on_postgresql(
    store: Settings,
) -> None:
    on_loop = _thread_of("short", store) is threading.main_thread()
    assert on_loop == store.database.endswith(".db")


def test_other_store_calls_always_run_on_a_worker_thread(store: Settings) -> None:
    assert _thread_of("thread", store) is not threading.main_thread()


def test_no_more_than_a_few_store_calls_run_on_threads_at_once() -> None:
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

    asyncio.run(many())
    assert most[0] == STORE_THREADS
