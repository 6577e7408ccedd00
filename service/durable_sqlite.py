"""The eventsourcing SQLite store, with durability stated rather than inherited.

The library opens its connections in WAL mode but leaves `synchronous` at
the SQLite build's default. FULL is what makes a committed event survive a
power loss in WAL mode, so we set it on every connection ourselves instead
of trusting how SQLite happened to be compiled on a given machine.
"""

from __future__ import annotations

from eventsourcing.sqlite import SQLiteConnection, SQLiteConnectionPool, SQLiteFactory
from eventsourcing.utils import Environment


class DurableSQLiteConnectionPool(SQLiteConnectionPool):
    def _create_connection(self) -> SQLiteConnection:
        connection = super()._create_connection()
        connection._sqlite_conn.execute("PRAGMA synchronous=FULL")
        return connection


class DurableSQLiteFactory(SQLiteFactory):
    def __init__(self, env: Environment | dict[str, str] | None) -> None:
        super().__init__(env)
        library_pool = self.datastore.pool
        self.datastore.pool = DurableSQLiteConnectionPool(
            db_name=library_pool.db_name, lock_timeout=library_pool.lock_timeout
        )
        library_pool.close()
