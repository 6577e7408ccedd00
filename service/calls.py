"""Calling the synchronous store from async code: on a worker thread, or right here.

The eventsourcing library and our databases are synchronous. A call that may
wait runs on a worker thread, so the event loop keeps serving: a write (it
queues for the store's writer lock), anything on PostgreSQL (a network round
trip), and reads that scan (reports, the audit trail).

A short read of the read models on SQLite (one person's board or cycle, who
is signed in) runs on the event loop itself. It is an indexed read of a local
file that, in WAL mode, never waits for a writer: a hop to a thread costs more
than the read, and under load the thread then waits for the GIL that the loop
holds (BENCHMARKS.md, "Why the code is as it is").
"""

from __future__ import annotations

import asyncio
import functools
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from service.container import Services

T = TypeVar("T")

# Store calls on worker threads at once, per process. More threads do not make
# two cores faster: they queue for the GIL, and every return from the database
# waits behind the loop for up to the interpreter's switch interval, so with
# starlette's default of 40 the slowest requests on PostgreSQL waited longest.
STORE_THREADS = 4
_limiters: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


async def in_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Runs a store call on a worker thread."""
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = anyio.CapacityLimiter(STORE_THREADS)
    return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs), limiter=limiter)


async def short_read(services: Services, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Runs a short read on the loop on SQLite, on a worker thread on PostgreSQL."""
    if services.database.dialect == "sqlite":
        return fn(*args, **kwargs)
    return await in_thread(fn, *args, **kwargs)
