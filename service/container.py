"""The composition root: builds the application and everything around it, once.

Nothing runs at import time; the web app's lifespan and the CLI call
`build_services` and close what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventsourcing.sqlite import SQLiteApplicationRecorder

from projections.catalogue import all_read_models
from projections.database import Database, open_database
from projections.follower import Follower
from projections.log_signal import LogSignal, PollingSignal
from projections.runner import ProjectionRunner
from projections.setup_lock import setup_lock
from projections.sqlite_writer_lock import ProcessWriterLock
from service.accounts import Accounts
from service.application import Groeispurt, OnSaved
from service.change_hub import ChangeHub, log_keys
from service.durable_sqlite import QueuedSQLiteConnectionPool
from service.idempotency import IdempotencyKeys
from service.migrations.state import up_to_date
from service.read_queries import ReadQueries
from service.sessions import Sessions
from service.settings import Settings
from service.sign_in_with_link import SignInLinks
from service.tokens import Tokens
from service.webhook_deliveries import Deliveries
from service.webhook_outbox import Outbox
from service.webhook_worker import WebhookWorker


@dataclass
class Services:
    settings: Settings
    app: Groeispurt
    database: Database
    projections: ProjectionRunner
    accounts: Accounts
    sessions: Sessions
    tokens: Tokens
    sign_in_links: SignInLinks
    queries: ReadQueries
    idempotency: IdempotencyKeys
    outbox: Outbox
    deliveries: Deliveries
    # Says when to look at the log again; woken by this process's own saves.
    signal: LogSignal
    # Live subscriptions in this process, told by the follower how far the read models are.
    changes: ChangeHub
    follower: Follower | None = None
    webhook_worker: WebhookWorker | None = None

    def follow_other_writers(self) -> None:
        """For a long-running server: catch up now (finishing what a crashed process
        left), then keep pulling events that other processes write, and tell the live
        subscriptions of this process about every change, whoever made it."""
        self.projections.catch_up()
        self.follower = Follower(self.projections, self.signal, [self.changes.reached])
        self.follower.start()

    def deliver_webhooks(self, interval: float = 0.5) -> None:
        """For a long-running server: enqueue and send webhook deliveries in a thread,
        woken up when this process saves events an endpoint listens for."""
        self.webhook_worker = WebhookWorker(self.outbox, self.deliveries, interval)
        self.webhook_worker.start()

    def close(self) -> None:
        if self.webhook_worker is not None:
            self.webhook_worker.stop()
        self.deliveries.close()
        if self.follower is not None:
            self.follower.stop()
        self.signal.close()
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
    signal = PollingSignal()
    services = Services(
        settings=settings,
        app=app,
        database=database,
        projections=projections,
        accounts=accounts,
        sessions=sessions,
        tokens=tokens,
        sign_in_links=SignInLinks(database, app, accounts, sessions),
        queries=ReadQueries(app, database),
        idempotency=idempotency,
        outbox=Outbox(app, database),
        deliveries=Deliveries(app, database, settings),
        signal=signal,
        changes=ChangeHub(log_keys(app.recorder), start=projections.log_end()),
    )
    if follow_writes:
        app.on_saved = _caught_up_then_signalled(services)
    return services


def _caught_up_then_signalled(services: Services) -> OnSaved:
    """Read your own writes, then wake the follower (this process's subscribers hear of
    the change now rather than at the next look) and the webhook worker."""

    def on_saved(notification_id: int, *, saved: Sequence[tuple[int, Any]]) -> bool:
        caught_up = services.projections.wait_for(notification_id, saved=saved)
        services.signal.wake()
        if services.webhook_worker is not None:
            services.webhook_worker.nudge()
        return caught_up

    return on_saved


def _writer_lock_of(app: Groeispurt) -> ProcessWriterLock | None:
    """SQLite: the lock the event recorder's writers take (`QueuedSQLiteConnectionPool`),
    for the read side's writers to take too; PostgreSQL needs none."""
    recorder = app.recorder
    if isinstance(recorder, SQLiteApplicationRecorder):
        pool = recorder.datastore.pool
        if isinstance(pool, QueuedSQLiteConnectionPool):
            return pool.writer_lock
    return None
