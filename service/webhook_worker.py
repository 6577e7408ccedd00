"""The thread in each server process that enqueues and sends webhook deliveries.

Every `interval` seconds, and at once when this process has saved events
that some endpoint listens for, it runs the outbox's pass and sends what is
due, `senders` deliveries at a time (a slow receiver holds up one sender,
not all). Several server processes each run one: the outbox and the claims
make sure every delivery is enqueued once and each attempt sent once.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from service.webhook_deliveries import Deliveries
from service.webhook_outbox import Outbox

log = logging.getLogger("groeispurt.webhooks")
SENDERS = 8


class WebhookWorker:
    def __init__(
        self,
        outbox: Outbox,
        deliveries: Deliveries,
        interval: float = 0.5,
        senders: int = SENDERS,
    ) -> None:
        self.outbox = outbox
        self.deliveries = deliveries
        self.interval = interval
        self.senders = senders
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool: ThreadPoolExecutor | None = None

    def start(self) -> None:
        if self._thread is None:
            self._pool = ThreadPoolExecutor(self.senders, thread_name_prefix="webhook-sender")
            self._thread = threading.Thread(target=self._run, name="webhooks", daemon=True)
            self._thread.start()

    def nudge(self) -> None:
        """Events were saved: look now rather than at the next interval, if anyone listens."""
        if self.outbox.listening:
            self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def run_once(self) -> int:
        """Enqueues, then sends every delivery due now; returns how many were sent."""
        self.outbox.enqueue()
        sent = 0
        while not self._stop.is_set():
            due = self.deliveries.claim_due(limit=self.senders * 4)
            if not due:
                break
            if self._pool is None:
                for one in due:
                    self.deliveries.deliver(one)
            else:
                list(self._pool.map(self.deliveries.deliver, due))
            sent += len(due)
        return sent

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.run_once()
            except Exception:  # a database hiccup must not end the thread; try again later
                log.exception("webhook deliveries failed; retrying")
            self._wake.wait(self.interval)
