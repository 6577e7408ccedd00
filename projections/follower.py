"""Keeps read models current with events that other processes write, and says how far.

The application catches the read models up after each of its own saves; a
CLI command, an import or a second server writes to the same log behind its
back. A follower thread pulls the log whenever its signal says the log may
have grown (`projections.log_signal`), so that those events show up too,
and after a crash the first pull finishes the work the dead process left.
After each pull it tells its listeners the position every read model has
reached, whoever applied the events: so this process's live subscriptions
hear of another process's writes, once a query would read them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from projections.log_signal import LogSignal, PollingSignal
from projections.runner import ProjectionRunner

log = logging.getLogger("groeispurt.projections")

Listener = Callable[[int], None]


class Follower:
    def __init__(
        self,
        runner: ProjectionRunner,
        signal: LogSignal | None = None,
        listeners: Sequence[Listener] = (),
    ) -> None:
        self.runner = runner
        self.signal: LogSignal = signal or PollingSignal()
        self.listeners = list(listeners)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="projection-follower", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.signal.wake()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        while True:
            self.signal.wait()
            if self._stop.is_set():
                return
            try:
                self.runner.catch_up()
                for listener in self.listeners:
                    listener(self.runner.reached)
            except Exception:  # a database hiccup must not end the thread; try again later
                log.exception("catching up the read models failed; retrying")
