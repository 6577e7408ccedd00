"""Live changes in this process: which aggregates changed, told to the subscriptions watching them.

The follower thread says how far every read model has applied the log
(`ChangeHub.reached`), whichever process wrote or applied the events; the
hub reads which aggregates the events since the last time belong to (ids
only, nothing decoded) and wakes, on the event loop, each watch that names
one of them. A watch is woken, not handed the event: it reads the state
again through the access-checked read queries, so what it sends is what a
query would answer now, and several changes in a row cost one read.
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress

from eventsourcing.persistence import ApplicationRecorder

from service.error_texts import TOO_MANY_SUBSCRIPTIONS
from service.errors import ServiceError

# The aggregate ids of the events after the first position, up to the second.
ReadKeys = Callable[[int, int], Iterable[str]]
MAX_PER_CALLER = 20


class TooManySubscriptions(ServiceError):
    category = "TOO_MANY_SUBSCRIPTIONS"

    def __init__(self) -> None:
        super().__init__(TOO_MANY_SUBSCRIPTIONS, None, limit=MAX_PER_CALLER)


class Watch:
    """What one subscription watches; `changed` is set when one of its keys changed."""

    def __init__(self, hub: ChangeHub, keys: Iterable[str]) -> None:
        self.hub = hub
        self.keys: set[str] = set()
        self.changed = asyncio.Event()
        self.watch(*keys)

    def watch(self, *keys: str) -> None:
        for key in set(keys) - self.keys:
            self.keys.add(key)
            self.hub._watches[key].add(self)

    async def next_change(self, timeout: float) -> bool:
        """True once something watched changed since the last call; False after `timeout`."""
        try:
            await asyncio.wait_for(self.changed.wait(), timeout)
        except TimeoutError:
            return False
        self.changed.clear()
        return True


class ChangeHub:
    def __init__(self, read_keys: ReadKeys, start: int = 0) -> None:
        self.read_keys = read_keys
        self._published = start
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._watches: dict[str, set[Watch]] = defaultdict(set)
        self._callers: dict[str, int] = defaultdict(int)

    def check_room(self, caller: str) -> None:
        """TooManySubscriptions when the caller (a person or a token) has `MAX_PER_CALLER`
        subscriptions open in this process already."""
        if self._callers.get(caller, 0) >= MAX_PER_CALLER:
            raise TooManySubscriptions()

    @contextmanager
    def watching(self, keys: Iterable[str], caller: str) -> Iterator[Watch]:
        """A watch for one subscription, on the running event loop (see `check_room`)."""
        self.check_room(caller)
        self._loop = asyncio.get_running_loop()
        self._callers[caller] += 1
        watch = Watch(self, keys)
        try:
            yield watch
        finally:
            self._callers[caller] -= 1
            if not self._callers[caller]:
                del self._callers[caller]
            for key in watch.keys:
                watching = self._watches.get(key)
                if watching is not None:
                    watching.discard(watch)
                    if not watching:
                        del self._watches[key]

    @property
    def watches(self) -> int:
        return len({watch for watching in self._watches.values() for watch in watching})

    def reached(self, position: int) -> None:
        """Every read model has applied the log up to `position`: wake the watches of the
        aggregates changed since the last call. Called from the follower's thread."""
        with self._lock:
            if position <= self._published:
                return
            start, self._published = self._published, position
            loop = self._loop
            if loop is None or not self._watches:
                return  # nobody listens: nothing to read
            keys = set(self.read_keys(start, position))
        with suppress(RuntimeError):  # the loop has closed: the server is stopping
            loop.call_soon_threadsafe(self._wake, keys)

    def _wake(self, keys: set[str]) -> None:
        for key in keys & self._watches.keys():
            for watch in self._watches[key]:
                watch.changed.set()


def log_keys(recorder: ApplicationRecorder, batch: int = 1000) -> ReadKeys:
    """The aggregate ids of the events in a stretch of the application's log."""
    select = recorder.select_notifications

    def read(after: int, up_to: int) -> Iterator[str]:
        start = after + 1
        while start <= up_to:
            notifications = select(start=start, limit=batch, stop=up_to)
            if not notifications:
                return
            for notification in notifications:
                yield str(notification.originator_id)
            start = notifications[-1].id + 1

    return read
