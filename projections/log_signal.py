"""When to look at the event log again: the follower's one question to the outside.

Other processes append to the log behind this one's back; something has to
say when to look. `PollingSignal` says so every `interval` seconds, and at
once when this process has written itself. A signal that listens to the
store instead (PostgreSQL's LISTEN/NOTIFY) takes its place behind the same
three methods, without the follower changing.
"""

from __future__ import annotations

import threading
from typing import Protocol


class LogSignal(Protocol):
    def wait(self) -> None:
        """Blocks until the log may have grown (or it is time to look anyway)."""

    def wake(self) -> None:
        """The log has grown here, or the follower is stopping: end the wait now."""

    def close(self) -> None:
        """Lets go of what the signal holds (a connection, say)."""


class PollingSignal:
    """Every `interval` seconds, or when woken."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self._woken = threading.Event()

    def wait(self) -> None:
        self._woken.wait(self.interval)
        self._woken.clear()

    def wake(self) -> None:
        self._woken.set()

    def close(self) -> None:
        self._woken.set()
