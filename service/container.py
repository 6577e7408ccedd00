"""The composition root: builds the application and everything around it, once.

Nothing runs at import time; the web app's lifespan and the CLI call
`build_services` and close what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventsourcing.sqlite import SQLiteApplicationRecorder

from projections.catalogue import all_read_models
from projections.database import Database, open_database
from projections.follower import Follower
from projections.runner import ProjectionRunner
from projections.setup_lock import setup_lock
from projections.sqlite_writer_lock import ProcessWriterLock
from service.accounts import Accounts
from service.application import Groeispurt
from service.durable_sqlite import QueuedSQLiteConnectionPool
from service.idempotency import IdempotencyKeys
from service.migrations.state import up_to_date
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
        self.app.close()  # and with it the SQLite writer lock, which its pool owns


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
        writer_lock = _writer_lock_of(app)
        database = open_database(settings.eventsourcing_env(), writer_lock)
        if not up_to_date(database):
            # Here only, not at the top: Alembic is loaded when there is something to do.
            from service.migrations.runner import migrate

            migrate(settings.eventsourcing_env(), writer_lock)
        projections = ProjectionRunner(app, database, all_read_models())
        projections.setup()
        sessions = Sessions(database, app)
        accounts = Accounts(database, app, sessions=sessions)
        tokens = Tokens(database, app)
        idempotency = IdempotencyKeys(database)
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
    )


def _writer_lock_of(app: Groeispurt) -> ProcessWriterLock | None:
    """SQLite: the lock the event recorder's writers take (`QueuedSQLiteConnectionPool`),
    for the read side's writers to take too; PostgreSQL needs none."""
    recorder = app.recorder
    if isinstance(recorder, SQLiteApplicationRecorder):
        pool = recorder.datastore.pool
        if isinstance(pool, QueuedSQLiteConnectionPool):
            return pool.writer_lock
    return None
