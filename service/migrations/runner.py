"""Applies the migrations to a store, in one transaction, one process at a time.

Alembic runs on a SQLAlchemy connection of its own, beside the application's.
SQLite: the connection takes the store's writer lock (other writers of this
process and of other processes queue behind it) and begins with BEGIN
IMMEDIATE, SQLAlchemy's recipe for letting SQLite's DDL take part in the
transaction; the write lock is taken up front, so the migration never fails
half-way on "database is locked". PostgreSQL: the schema from the settings is
the search path, and Alembic keeps its `alembic_version` table there too.
Either way a failing revision rolls back every one applied with it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext, MigrationInfo
from alembic.script import ScriptDirectory
from sqlalchemy.pool import NullPool

from projections.database import postgres_conninfo
from projections.setup_lock import setup_lock
from service.durable_sqlite import writer_lock_for

SCRIPTS = Path(__file__).resolve().parent
# As long as the store's other connections wait for another process's writer.
BUSY_TIMEOUT = 10.0
log = logging.getLogger("groeispurt.migrations")


@dataclass(frozen=True)
class Revision:
    """A revision: its id, and the first line of what it does."""

    revision: str
    title: str

    def __str__(self) -> str:
        return f"{self.revision} {self.title}"


def migrate_store(env: dict[str, str]) -> list[Revision]:
    """`migrate` for a process that has not opened the store: it waits for any other
    process setting the store up, and queues with the store's writers (SQLite)."""
    with setup_lock(env):
        if env["PERSISTENCE_MODULE"] == "eventsourcing.postgres":
            return migrate(env)
        writer_lock = writer_lock_for(env["SQLITE_DBNAME"])
        try:
            return migrate(env, writer_lock)
        finally:
            writer_lock.close()


def migrate(
    env: dict[str, str], writer_lock: AbstractContextManager[Any] | None = None
) -> list[Revision]:
    """Brings the store's tables up to the newest revision; returns the revisions
    applied now, oldest first (none when it was up to date). The caller holds the
    setup lock; `writer_lock` is the one the store's SQLite writers take."""
    revisions = _revisions()
    by_id = {revision.revision: revision for revision in revisions}
    done: list[Revision] = []

    def note(*, step: MigrationInfo, **_: Any) -> None:
        if step.up_revision_id is not None:
            done.append(by_id[step.up_revision_id])

    with _connection(env, writer_lock) as connection:
        start = MigrationContext.configure(connection).get_current_revision()
        if start is not None and start not in by_id:
            raise MigrationFailed(
                f"The store is at migration {start}, which this release does not know: a "
                "newer release migrated it. Run that release, or a newer one."
            )
        config = Config()
        config.set_main_option("script_location", str(SCRIPTS))
        config.attributes["connection"] = connection
        config.attributes["on_version_apply"] = note
        try:
            command.upgrade(config, "head")
        except sqlalchemy.exc.DBAPIError as error:
            # Raised inside the transaction, which rolls back every revision applied with it.
            reached = done[-1].revision if done else start
            failed = revisions[0 if reached is None else list(by_id).index(reached) + 1]
            title = failed.title.rstrip(".")
            raise MigrationFailed(
                f"Migration {failed.revision} ({title}) failed, and nothing was changed: "
                f"the store's tables are as they were.\n{str(error.orig).strip()}"
            ) from error
    for revision in done:
        log.info("Applied migration %s", revision)
    return done


class MigrationFailed(Exception):
    """The store was not migrated; the message says why, and that nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _revisions() -> list[Revision]:
    """Every revision, oldest first."""
    scripts = ScriptDirectory(str(SCRIPTS))
    return [
        Revision(script.revision, script.doc) for script in reversed(list(scripts.walk_revisions()))
    ]


def newest() -> str:
    """The id of the newest revision, which a migrated store is at."""
    return _revisions()[-1].revision


@contextmanager
def _connection(
    env: dict[str, str], writer_lock: AbstractContextManager[Any] | None
) -> Iterator[sqlalchemy.Connection]:
    engine = _engine(env)
    try:
        with writer_lock or nullcontext(), engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def _engine(env: dict[str, str]) -> sqlalchemy.Engine:
    if env["PERSISTENCE_MODULE"] == "eventsourcing.postgres":
        return _postgres_engine(env)
    path = env["SQLITE_DBNAME"]
    # The file is named directly, not in a URL, whose rules a path need not follow.
    engine = sqlalchemy.create_engine(
        "sqlite://", creator=_sqlite_connect(path), poolclass=NullPool
    )

    @sqlalchemy.event.listens_for(engine, "begin")
    def _begin_immediately(connection: sqlalchemy.Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _sqlite_connect(path: str) -> Callable[[], Any]:
    def connect() -> sqlite3.Connection:
        # isolation_level=None: sqlite3 sends no BEGIN of its own; the engine's
        # "begin" listener sends it, so that DDL is inside the transaction.
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        return connection

    return connect


def _postgres_engine(env: dict[str, str]) -> sqlalchemy.Engine:
    import psycopg
    from psycopg.conninfo import make_conninfo

    conninfo = postgres_conninfo(env)
    if env.get("POSTGRES_SCHEMA"):
        conninfo = make_conninfo(conninfo, options=f"-c search_path={env['POSTGRES_SCHEMA']}")
    return sqlalchemy.create_engine(
        "postgresql+psycopg://", creator=lambda: psycopg.connect(conninfo), poolclass=NullPool
    )
