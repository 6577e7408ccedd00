"""The composition root: builds the application and everything around it, once.

Nothing runs at import time; the web app's lifespan and the CLI call
`build_services` and close what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from projections.catalogue import all_read_models
from projections.database import Database, open_database
from projections.follower import Follower
from projections.runner import ProjectionRunner
from projections.setup_lock import setup_lock
from projections.sqlite_writer_lock import ProcessWriterLock
from service.accounts import Accounts
from service.application import Groeispurt
from service.idempotency import IdempotencyKeys
from service.read_queries import ReadQueries
from service.sessions import Sessions
from service.settings import Settings
from service.tokens import Tokens


@dataclass
class Services:
    settings: Settings
    app: Groeispurt
    database: Database
    projections: ProjectionRunner
    accounts: Accounts
    sessions: Sessions
    tokens: Tokens
    queries: ReadQueries
    idempotency: IdempotencyKeys
    follower: Follower | None = None
    # SQLite: the lock every writer of the file takes (see ProcessWriterLock).
    writer_lock: Any = None

    def follow_other_writers(self, interval: float = 1.0) -> None:
        """For a long-running server: catch up now (finishing what a crashed process
        left), then keep pulling events that other processes write."""
        self.projections.catch_up()
        self.follower = Follower(self.projections, interval)
        self.follower.start()

    def close(self) -> None:
        if self.follower is not None:
            self.follower.stop()
        self.database.close()
        self.app.close()
        if isinstance(self.writer_lock, ProcessWriterLock):
            self.writer_lock.close()


def build_services(
    settings: Settings | None = None,
    *,
    clock: Callable[[], date] = date.today,
    follow_writes: bool = True,
) -> Services:
    """`follow_writes`: after each save, bring the read models up to it (read your own writes)."""
    settings = settings or Settings.from_environment()
    with setup_lock(settings.eventsourcing_env()):
        app = Groeispurt(settings, clock=clock)
        writer_lock = _recorder_write_lock(app, settings)
        database = open_database(settings.eventsourcing_env(), writer_lock)
        projections = ProjectionRunner(app, database, all_read_models())
        projections.setup()
        sessions = Sessions(database, app)
        accounts = Accounts(database, app, sessions=sessions)
        accounts.setup()
        tokens = Tokens(database, app)
        tokens.setup()
        idempotency = IdempotencyKeys(database)
        idempotency.setup()
    if follow_writes:
        app.on_saved = projections.wait_for
    return Services(
        settings=settings,
        app=app,
        database=database,
        projections=projections,
        accounts=accounts,
        sessions=sessions,
        tokens=tokens,
        queries=ReadQueries(app, database),
        idempotency=idempotency,
        writer_lock=writer_lock,
    )


def _recorder_write_lock(app: Groeispurt, settings: Settings) -> Any:
    """One writer lock for the SQLite file, shared by the library's appends and our
    writes, queueing threads and processes alike (see `ProcessWriterLock`).

    The library's lock is private to its connection pool, so it is looked up
    defensively: without it the read side falls back to a lock of its own
    (correct, only slower).
    """
    env = settings.eventsourcing_env()
    pool = getattr(getattr(app.recorder, "datastore", None), "pool", None)
    if pool is None or not hasattr(pool, "_writer_lock"):
        return None
    path = env.get("SQLITE_DBNAME", "")
    if path in ("", ":memory:") or path.startswith("file:"):
        return pool._writer_lock
    pool._writer_lock = ProcessWriterLock(f"{path}.writer-lock", pool._writer_lock)
    return pool._writer_lock
