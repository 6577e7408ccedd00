"""Brings read models up to date by pulling the event log.

SQLite has no subscriptions in the eventsourcing library, so instead of the
library's ProjectionRunner (which needs them) every store is read the same
way: select notifications after the lowest tracked position, turn them into
domain events, and apply them per read model in one transaction with that
read model's new position. Pulling works on both stores, after a crash and
across processes: a second runner simply finds nothing left to do.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.application import Application

from projections.database import Database
from projections.read_model import Batch, ReadModel
from projections.rebuild import rebuild_apart

TRACKING_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS projection_tracking ("
    "name TEXT PRIMARY KEY, position BIGINT NOT NULL)"
)
FINGERPRINT_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS projection_fingerprints ("
    "name TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)"
)
BATCH = 5000
# From this many events on, a batch is folded with Python's cyclic collector paused.
LARGE_BATCH = 1000


class _Behind(Exception):
    """A read model has yet to apply an event before the batch: nothing was applied."""


@contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """Python's cyclic garbage collector off while a large batch is folded.

    A batch keeps thousands of events and documents alive, and every
    allocation threshold crossed makes the collector walk all of them again,
    to find nothing: events and documents
    hold no cycles. Between batches it runs as usual. Not nested: if it was
    off already, it stays off.
    """
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class ProjectionRunner:
    def __init__(self, app: Application[Any], database: Database, read_models: Sequence[ReadModel]):
        self.app = app
        self.database = database
        self.read_models = list(read_models)
        self._lock = threading.Lock()
        self._reached = 0  # highest notification id every read model has applied

    def setup(self) -> None:
        """Creates what is missing; a read model whose tables changed since it was
        built is dropped and starts again from the beginning of the log."""
        self.database.script([TRACKING_SCHEMA, FINGERPRINT_SCHEMA])
        built = {
            row["name"]: row["fingerprint"]
            for row in self.database.query("SELECT name, fingerprint FROM projection_fingerprints")
        }
        positions = {
            row["name"]: int(row["position"])
            for row in self.database.query("SELECT name, position FROM projection_tracking")
        }
        with self.database.transaction() as cursor:
            for model in self.read_models:
                # Built before fingerprints were kept, or built from other tables: start over.
                unknown = model.name not in built and positions.get(model.name, 0) > 0
                if unknown or built.get(model.name, model.fingerprint()) != model.fingerprint():
                    for table in model.tables:
                        cursor.execute(f"DROP TABLE IF EXISTS {table}")
                    cursor.execute(
                        "UPDATE projection_tracking SET position = 0 WHERE name = ?", (model.name,)
                    )
                for statement in model.schema:
                    cursor.execute(self.database.table_statement(statement))
                cursor.execute(
                    "INSERT INTO projection_tracking (name, position) VALUES (?, 0) "
                    "ON CONFLICT (name) DO NOTHING",
                    (model.name,),
                )
                cursor.execute(
                    "INSERT INTO projection_fingerprints (name, fingerprint) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint",
                    (model.name, model.fingerprint()),
                )

    def positions(self) -> dict[str, int]:
        rows = self.database.query("SELECT name, position FROM projection_tracking")
        found = {row["name"]: int(row["position"]) for row in rows}
        return {model.name: found.get(model.name, 0) for model in self.read_models}

    @property
    def reached(self) -> int:
        """The highest notification id every read model has applied, as far as this
        runner knows (its own work, and what it found others had done)."""
        return self._reached

    def log_end(self) -> int:
        return int(self.app.recorder.max_notification_id() or 0)

    def caught_up(self) -> bool:
        """Every read model has applied the whole log as it stands now."""
        end = self.log_end()
        return self._reached >= end or min(self.positions().values(), default=end) >= end

    def catch_up(self, progress: Callable[[int], Any] = lambda n: None) -> int:
        """Applies every event not yet applied; returns how many notifications were read."""
        with self._lock:
            return self._catch_up(progress)

    def wait_for(
        self, notification_id: int, timeout: float = 5.0, saved: Sequence[tuple[int, Any]] = ()
    ) -> bool:
        """Read your own writes: True once every read model has applied `notification_id`,
        False if they have not within `timeout`; raises what folding raised.

        Usually this thread does the work itself; if another thread holds the
        lock it is already catching up, and we wait for it, but never forever.
        `saved`: the (notification id, event) pairs the caller has just written.
        When every read model has applied all events before them (the usual
        case), they are folded as they are instead of read back from the log.
        """
        deadline = time.monotonic() + timeout
        while self._reached < notification_id:
            if self._lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
                try:
                    if not (saved and self._fold_saved(saved)):
                        self._catch_up(lambda n: None)
                    saved = ()
                finally:
                    self._lock.release()
            if time.monotonic() >= deadline:
                return self._reached >= notification_id
        return True

    def rebuild(
        self, names: Sequence[str] | None = None, progress: Callable[[int], Any] = lambda n: None
    ) -> int:
        """Rebuilds read models from the log; pages read the old ones until the new ones
        are swapped in (see `projections.rebuild`). Returns the notifications read."""
        chosen = [m for m in self.read_models if names is None or m.name in names]
        unknown = set(names or ()) - {m.name for m in chosen}
        if unknown:
            raise ValueError(f"No read model named {', '.join(sorted(unknown))}.")
        with self._lock:
            return rebuild_apart(self, chosen, progress)

    def _catch_up(self, progress: Callable[[int], Any]) -> int:
        read = 0
        positions = self.positions()
        start = min(positions.values(), default=0)
        while True:
            notifications = self.app.recorder.select_notifications(start=start + 1, limit=BATCH)
            if not notifications:
                break
            with collector_paused(len(notifications) >= LARGE_BATCH):
                last = notifications[-1].id
                behind = [m for m in self.read_models if positions[m.name] < last]
                if behind:
                    decode = self.app.mapper.to_domain_event
                    batch = Batch.of(
                        [n.id for n in notifications], [decode(n) for n in notifications]
                    )
                    positions.update(self._apply(behind, batch))
            read += len(notifications)
            progress(len(notifications))
            start = last
            if len(notifications) < BATCH:
                break  # the end of the log a moment ago: asking again finds nothing (a move)
        self._reached = max(self._reached, min(positions.values(), default=start))
        return read

    def _fold_saved(self, saved: Sequence[tuple[int, Any]]) -> bool:
        """Folds events just written by this process; False (nothing done) when some
        read model has yet to apply an earlier event, or the ids are not consecutive."""
        ids = [notification_id for notification_id, _ in saved]
        if ids != list(range(ids[0], ids[0] + len(ids))):
            return False
        batch = Batch.of(ids, [event for _, event in saved])
        try:
            reached = self._apply(self.read_models, batch, contiguous=True)
        except _Behind:
            return False
        self._reached = max(self._reached, min(reached.values(), default=0))
        return True

    def _apply(
        self, models: list[ReadModel], batch: Batch, contiguous: bool = False
    ) -> dict[str, int]:
        """Applies a batch to every model behind, and moves their positions, in one transaction.

        One commit per batch rather than one per read model: on a durable
        store (fsync on commit) the commits would otherwise cost more than
        the folding itself. `contiguous`: apply only if no model would skip an
        event before the batch; else roll back and raise `_Behind`.
        """
        names = [model.name for model in models]
        with self.database.transaction(durable=False) as cursor:
            # Read the positions inside the transaction: another process may have
            # applied some of these events since we looked (exactly once).
            cursor.execute(
                "SELECT name, position FROM projection_tracking "
                f"WHERE name IN ({', '.join('?' for _ in names)})"
                + (" FOR UPDATE" if self.database.dialect == "postgres" else ""),
                names,
            )
            found = {row["name"]: int(row["position"]) for row in cursor.fetchall()}
            first, last = batch.ids[0], batch.ids[-1]
            if contiguous and any(found.get(name, 0) < first - 1 for name in names):
                raise _Behind()
            reached = {}
            for model in models:
                position = found.get(model.name, 0)
                fresh = batch.after(position)
                if fresh:
                    model.apply(cursor, fresh)
                reached[model.name] = max(position, last)
            cursor.executemany(
                "UPDATE projection_tracking SET position = ? WHERE name = ?",
                [(position, name) for name, position in reached.items()],
            )
        return reached
