"""Processes that set up one store at the same moment take turns, and all succeed.

Server workers and CLI commands start side by side. Without the setup lock,
PostgreSQL refused the second `CREATE OR REPLACE FUNCTION` of the event store
("tuple concurrently updated") and the worker that got it stopped the server.
`groeispurt migrate` takes the same turns: two processes applying the same
revision at once would both try to create the same tables.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from service.container import build_services
from service.migrations.runner import migrate_store
from service.settings import Settings

PROCESSES = 6


def _set_up(database: str, barrier: Any, failures: Any, migrate_only: bool) -> None:
    barrier.wait(30)
    try:
        settings = Settings(database=database)
        if migrate_only:  # as `groeispurt migrate` does
            migrate_store(settings.eventsourcing_env())
        else:
            build_services(settings, follow_writes=False).close()
    except Exception as error:  # reported to the parent, which fails the test
        failures.put(f"{type(error).__name__}: {error}")


def test_processes_setting_up_an_empty_store_together_all_succeed(store: Settings) -> None:
    for _ in range(2):  # once on an empty store, once on a ready one
        barrier = multiprocessing.Barrier(PROCESSES)
        failures: Any = multiprocessing.Queue()
        workers = [
            multiprocessing.Process(
                target=_set_up, args=(store.database, barrier, failures, number % 2 == 1)
            )
            for number in range(PROCESSES)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
        found = []
        while not failures.empty():
            found.append(failures.get())
        assert found == []
        assert [worker.exitcode for worker in workers] == [0] * PROCESSES
