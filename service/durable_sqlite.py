"""The eventsourcing SQLite store: durability stated, and one queue for every writer.

The library opens its connections in WAL mode but leaves `synchronous` at
the SQLite build's default. FULL is what makes a committed event survive a
power loss in WAL mode, so we set it on every connection ourselves instead
of trusting how SQLite happened to be compiled on a given machine.

Writers: the library's pool lets one of its writers in at a time. Ours
first takes `writer_lock`, the lock the read side's transactions take too
(`projections.database`), so that events and read models are written one
after the other, threads and processes queueing on it rather than in
SQLite's busy handler (see `projections.sqlite_writer_lock`).

Chosen through the library's PERSISTENCE_MODULE setting, which names this
factory (see `service.settings`); the pool is a subclass of the library's,
overriding its public `get_connection` and `put_connection` and the
`_create_connection` hook the library leaves to subclasses.
"""

from __future__ import annotations

from eventsourcing.persistence import ConnectionUnavailableError
from eventsourcing.sqlite import SQLiteConnection, SQLiteConnectionPool, SQLiteFactory
from eventsourcing.utils import Environment, EnvType

from projections.sqlite_writer_lock import ProcessWriterLock


class QueuedSQLiteConnectionPool(SQLiteConnectionPool):
    """The library's pool, whose writers take `writer_lock` before their connection."""

    def __init__(self, *, db_name: str, lock_timeout: int | None = None) -> None:
        super().__init__(db_name=db_name, lock_timeout=lock_timeout)
        self.writer_lock = writer_lock_for(db_name)

    def _create_connection(self) -> SQLiteConnection:
        connection = super()._create_connection()
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=FULL")
        return connection

    def get_connection(
        self, timeout: float | None = None, *, is_writer: bool | None = None
    ) -> SQLiteConnection:
        if is_writer is not True:
            return super().get_connection(timeout, is_writer=is_writer)
        # Bounded like the library's own wait for its writer (the pool's timeout).
        if not self.writer_lock.acquire(timeout=self.pool_timeout if timeout is None else timeout):
            raise ConnectionUnavailableError("Timed out waiting for the writer lock")
        try:
            return super().get_connection(timeout, is_writer=True)
        except BaseException:
            self.writer_lock.release()
            raise

    def put_connection(self, conn: SQLiteConnection) -> None:
        was_writer = conn.is_writer is True
        try:
            super().put_connection(conn)
        finally:
            if was_writer:
                self.writer_lock.release()

    def close(self) -> None:
        super().close()
        self.writer_lock.close()


def writer_lock_for(db_name: str) -> ProcessWriterLock:
    """A file's writers queue across processes on a lock file beside it; an in-memory
    database (or a URI) is this process's alone, so the thread lock queues them all."""
    if db_name in ("", ":memory:") or db_name.startswith("file:"):
        return ProcessWriterLock(None)
    return ProcessWriterLock(f"{db_name}.writer-lock")


class DurableSQLiteFactory(SQLiteFactory):
    def __init__(self, env: Environment | EnvType | None) -> None:
        super().__init__(env)
        # The library's datastore builds its own pool; ours takes its place before
        # any connection is made (the datastore's `pool` is a plain attribute).
        library_pool = self.datastore.pool
        self.datastore.pool = QueuedSQLiteConnectionPool(
            db_name=library_pool.db_name, lock_timeout=library_pool.lock_timeout
        )
        library_pool.close()
