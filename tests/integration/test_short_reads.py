"""Where a short read runs: on the event loop for SQLite, on a worker thread for PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any

from service.calls import STORE_THREADS, in_thread, short_read
from service.container import build_services
from service.settings import Settings


def _on_a_loop_of_its_own(
    ask: Callable[[], Coroutine[Any, Any, Any]],
) -> tuple[Any, threading.Thread]:
    """Runs `ask` on an event loop in a new thread (other tests may hold this thread's
    loop, as Playwright's does); returns its answer and the loop's thread."""
    answer: list[Any] = []
    loop_thread = threading.Thread(target=lambda: answer.append(asyncio.run(ask())))
    loop_thread.start()
    loop_thread.join()
    return answer[0], loop_thread


def _thread_of(call: str, settings: Settings) -> tuple[threading.Thread, threading.Thread]:
    """(the thread the store call ran on, the event loop's thread)."""
    services = build_services(settings, follow_writes=False)
    try:

        async def ask() -> threading.Thread:
            if call == "short":
                return await short_read(services, threading.current_thread)
            return await in_thread(threading.current_thread)

        return _on_a_loop_of_its_own(ask)
    finally:
        services.close()


def test_a_short_read_runs_on_the_loop_on_sqlite_and_on_a_worker_thread_on_postgresql(
    store: Settings,
) -> None:
    ran_on, loop_thread = _thread_of("short", store)
    assert (ran_on is loop_thread) == store.database.endswith(".db")


def test_other_store_calls_always_run_on_a_worker_thread(store: Settings) -> None:
    ran_on, loop_thread = _thread_of("thread", store)
    assert ran_on is not loop_thread


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

    _on_a_loop_of_its_own(many)
    assert most[0] == STORE_THREADS
