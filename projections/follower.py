"""Keeps read models current with events that other processes write.

The application catches the read models up after each of its own saves; a
CLI command, an import or a second server writes to the same log behind its
back. A follower thread pulls the log every `interval` seconds so that those
events show up too, and after a crash the first pull finishes the work the
dead process left.
"""

from __future__ import annotations

import logging
import threading

from projections.runner import ProjectionRunner

log = logging.getLogger("groeispurt.projections")


class Follower:
    def __init__(self, runner: ProjectionRunner, interval: float = 1.0) -> None:
        self.runner = runner
        self.interval = interval
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
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.runner.catch_up()
            except Exception:  # a database hiccup must not end the thread; try again later
                log.exception("catching up the read models failed; retrying")
