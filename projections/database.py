"""The read side's own tables, beside the events in the same database.

A thin layer over sqlite3 and psycopg so that a projection writes one SQL
text for both stores: statements use `?` placeholders (turned into `%s` for
PostgreSQL) and `INSERT … ON CONFLICT … DO UPDATE`, which both understand.

SQLite: one connection per thread on the events' file, WAL with
synchronous=FULL so a committed change is durable, and a busy timeout so
processes wait for each other instead of failing. Within one process every
writer takes the event recorder's own writer lock first: threads then queue
on a lock that wakes them at once, instead of on SQLite's busy handler,
which sleeps in growing steps and made concurrent card moves crawl.
PostgreSQL: a connection pool; the schema from the settings is the search path.

`transaction(durable=False)` is for read models only: they are rebuilt from
the log, so their commits need not wait for the disk. On a crash the last
of them may roll back, together with their tracking position, and the next
catch-up applies those events again; accounts and tokens stay durable.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

Row = dict[str, Any]


class Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
    def executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...


class Database:
    dialect: str

    def transaction(self, durable: bool = True) -> Any:
        """A context manager giving a cursor; commits on success, rolls back on error."""
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def script(self, statements: Sequence[str]) -> None:
        with self.transaction() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def table_statement(self, statement: str) -> str:
        """A read model's CREATE statement as this database takes it best."""
        return statement


class SQLiteDatabase(Database):
    dialect = "sqlite"

    def table_statement(self, statement: str) -> str:
        # Only `INTEGER PRIMARY KEY` makes a column SQLite's rowid (64 bits, like
        # BIGINT): with BIGINT the table keeps a hidden rowid and a second b-tree
        # for the key, one more to write for every audit row.
        return statement.replace(" BIGINT PRIMARY KEY", " INTEGER PRIMARY KEY")

    def __init__(self, path: str, write_lock: Any = None) -> None:
        self.path = path
        self._write_lock = write_lock if write_lock is not None else threading.Lock()
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA busy_timeout=10000")
            # Debian builds SQLite to zero every freed page (secure_delete=ON): dropping
            # the read models for a rebuild then wrote their whole size again. FAST
            # still zeroes what is deleted from a page being
            # written anyway (a changed password hash, a revoked token) but leaves
            # freed pages alone: those held read models, which the log holds too.
            conn.execute("PRAGMA secure_delete=FAST")
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[Cursor]:
        conn = self._connection()
        cursor = conn.cursor()
        # The connection is this thread's alone: its durability is set before the
        # writer lock is taken, so the lock is held only for the transaction itself.
        if not durable:
            cursor.execute("PRAGMA synchronous=NORMAL")
        try:
            with self._write_lock:
                # IMMEDIATE takes the write lock up front, so two processes queue on
                # the busy timeout instead of one failing half-way ("database is locked").
                cursor.execute("BEGIN IMMEDIATE")
                try:
                    yield cursor
                except BaseException:
                    conn.rollback()
                    raise
                conn.commit()
        finally:
            if not durable:
                cursor.execute("PRAGMA synchronous=FULL")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        rows = self._connection().execute(sql, tuple(params)).fetchall()
        return [dict(row) for row in rows]

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


class _PostgresCursor:
    """Accepts `?` placeholders and hands psycopg `%s` ones."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor.execute(_pg(sql), tuple(params))

    def executemany(self, sql: str, params: Sequence[Sequence[Any]]) -> Any:
        if len(params) == 1:
            # psycopg sends many rows in pipeline mode, whose setup and sync cost
            # more round trips than they save for the one row a card move writes.
            return self._cursor.execute(_pg(sql), tuple(params[0]))
        return self._cursor.executemany(_pg(sql), [tuple(p) for p in params])

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall())

    def fetchone(self) -> Any:
        return self._cursor.fetchone()


def postgres_conninfo(env: dict[str, str]) -> str:
    """The server, database and user the eventsourcing settings name, as a connection
    string (psycopg quotes the values: a password may hold spaces or quotes)."""
    from psycopg.conninfo import make_conninfo

    return make_conninfo(
        dbname=env["POSTGRES_DBNAME"],
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"],
        password=env.get("POSTGRES_PASSWORD") or None,
    )


def _pg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDatabase(Database):
    dialect = "postgres"

    def __init__(self, env: dict[str, str]) -> None:
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        # Autocommit: a read is one round trip, not BEGIN, SELECT and the pool's
        # COMMIT; `transaction()` still opens a real transaction (BEGIN … COMMIT).
        # Kept to open a scratch database beside this one (a rebuild's own schema).
        self.env = dict(env)
        self.schema = env.get("POSTGRES_SCHEMA") or ""
        kwargs: dict[str, Any] = {"row_factory": dict_row, "autocommit": True}
        if env.get("POSTGRES_SCHEMA"):
            kwargs["options"] = f"-c search_path={env['POSTGRES_SCHEMA']}"
        self._pool = ConnectionPool(
            postgres_conninfo(env), min_size=1, max_size=10, kwargs=kwargs, open=True, timeout=30
        )

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[Cursor]:
        # Not in pipeline mode: a cursor there can hand a later SELECT the result
        # of an earlier INSERT ("the last operation didn't produce records").
        with self._pool.connection() as conn, conn.transaction(), conn.cursor() as cursor:
            if not durable:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            yield _PostgresCursor(cursor)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._pool.connection() as conn, conn.cursor() as cursor:
            cursor.execute(_pg(sql), tuple(params))
            return [dict(row) for row in cursor.fetchall()]

    def close(self) -> None:
        self._pool.close()


def open_database(eventsourcing_env: dict[str, str], write_lock: Any = None) -> Database:
    """The database the events live in, opened for the read side.

    `write_lock`: the event recorder's writer lock (SQLite), shared so that
    events and read models are written one after the other in this process.
    """
    if eventsourcing_env["PERSISTENCE_MODULE"] == "eventsourcing.postgres":
        return PostgresDatabase(eventsourcing_env)
    return SQLiteDatabase(eventsourcing_env["SQLITE_DBNAME"], write_lock)
