"""Rebuilding read models from the log while the server goes on reading the old ones.

Dropping the read models and refilling them in place left pages reading
empty or half-built tables for the length of a rebuild: a cycle's own
parties were told FORBIDDEN (no such cycle) or shown an empty board. Instead
the whole log is folded into fresh tables out of the way — a schema of their
own on PostgreSQL, a scratch file beside the database on SQLite — while pages
keep reading the current read models and writers keep folding into them.
Then one transaction puts the fresh tables in the old ones' place, after
folding into them the events the live read models applied meanwhile, so the
swap never goes back in time. Readers see the old tables until it commits
and the new ones after: never an empty or half-built read model.

PostgreSQL moves the tables (`ALTER TABLE … SET SCHEMA`, no copy); readers
wait on the swap's locks for the moment it takes. SQLite cannot move tables
between files, so the swap copies the rows from the attached scratch file
under the writer lock; in WAL mode readers go on reading the old tables
meanwhile, and writers wait for the copy.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from projections.database import Cursor, Database, PostgresDatabase, SQLiteDatabase
from projections.read_model import Batch, ReadModel

if TYPE_CHECKING:
    from projections.runner import ProjectionRunner

BATCH = 5000


def rebuild_apart(
    runner: ProjectionRunner, models: Sequence[ReadModel], progress: Callable[[int], Any]
) -> int:
    """Rebuilds `models` from the log into fresh tables and swaps them in; returns
    how many notifications the fold read."""
    from projections.runner import ProjectionRunner, collector_paused

    with _scratch(runner.database) as scratch:
        fresh = ProjectionRunner(runner.app, scratch, models)
        fresh.setup()
        # Paused for the whole fold, not per batch: a rebuild runs on its own.
        with collector_paused():
            read = fresh.catch_up(progress)
        read += fresh.catch_up(progress)  # what was saved during the first pass
        end = min(fresh.positions().values(), default=0)
        if isinstance(scratch, PostgresDatabase):
            # Fresh tables have no statistics until autovacuum comes by: give the
            # planner them now, as PostgreSQL advises after a bulk load. They move
            # with the tables.
            scratch.script([f"ANALYZE {t}" for m in models for t in m.tables])
        _swap(runner, scratch, models, end)
    return read


@contextmanager
def _scratch(database: Database) -> Iterator[Database]:
    if isinstance(database, PostgresDatabase):
        schema = f"rebuild_{uuid.uuid4().hex[:12]}"
        database.script([f"CREATE SCHEMA {schema}"])
        scratch = PostgresDatabase({**database.env, "POSTGRES_SCHEMA": schema})
        try:
            yield scratch
        finally:
            scratch.close()
            database.script([f"DROP SCHEMA IF EXISTS {schema} CASCADE"])
        return
    assert isinstance(database, SQLiteDatabase)
    folder = os.path.dirname(database.path) if os.path.isfile(database.path) else None
    handle, path = tempfile.mkstemp(prefix=".rebuild-", suffix=".db", dir=folder)
    os.close(handle)
    scratch_file = SQLiteDatabase(path)
    try:
        yield scratch_file
    finally:
        scratch_file.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            with suppress(FileNotFoundError):
                os.unlink(path + suffix)


def _swap(
    runner: ProjectionRunner, scratch: Database, models: Sequence[ReadModel], end: int
) -> None:
    database = runner.database
    names = [m.name for m in models]
    if isinstance(scratch, SQLiteDatabase):
        scratch.close()  # its WAL folded into the file, which the main connection attaches
        database.query("ATTACH DATABASE ? AS rebuilt", (scratch.path,))
    try:
        with database.transaction(durable=False) as cursor:
            live = _live_positions(database, cursor, names)
            if isinstance(scratch, PostgresDatabase):
                _move_tables(cursor, scratch.schema, models)
            else:
                _copy_tables(database, cursor, models)
            reached = max([end, *live.values()])
            _fold_gap(runner, cursor, models, end, reached)
            cursor.executemany(
                "UPDATE projection_tracking SET position = ? WHERE name = ?",
                [(reached, name) for name in names],
            )
    finally:
        if isinstance(scratch, SQLiteDatabase):
            database.query("DETACH DATABASE rebuilt")


def _live_positions(database: Database, cursor: Cursor, names: list[str]) -> dict[str, int]:
    """The live read models' positions, locked: they fold no more until the swap is done."""
    cursor.execute(
        "SELECT name, position FROM projection_tracking "
        f"WHERE name IN ({', '.join('?' for _ in names)})"
        + (" FOR UPDATE" if database.dialect == "postgres" else ""),
        names,
    )
    return {row["name"]: int(row["position"]) for row in cursor.fetchall()}


def _move_tables(cursor: Cursor, schema: str, models: Sequence[ReadModel]) -> None:
    cursor.execute("SELECT current_schema() AS name")
    live = cursor.fetchone()["name"]
    for table in (t for m in models for t in m.tables):
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(f"ALTER TABLE {schema}.{table} SET SCHEMA {live}")


def _copy_tables(database: Database, cursor: Cursor, models: Sequence[ReadModel]) -> None:
    for model in models:
        for table in model.tables:
            cursor.execute(f"DROP TABLE IF EXISTS main.{table}")
        tables = [s for s in model.schema if s.lstrip().upper().startswith("CREATE TABLE")]
        for statement in tables:
            cursor.execute(database.table_statement(statement))
        for table in model.tables:
            cursor.execute(f"INSERT INTO main.{table} SELECT * FROM rebuilt.{table}")
        # Indexes after the rows: one sort each, instead of an update per row.
        for statement in model.schema:
            if statement not in tables:
                cursor.execute(database.table_statement(statement))


def _fold_gap(
    runner: ProjectionRunner, cursor: Cursor, models: Sequence[ReadModel], end: int, reached: int
) -> None:
    """Events the live read models applied after the fresh ones' `end`, into the fresh ones."""
    start = end
    while start < reached:
        notifications = runner.app.recorder.select_notifications(
            start=start + 1, limit=BATCH, stop=reached
        )
        if not notifications:
            break
        decode = runner.app.mapper.to_domain_event
        batch = Batch.of([n.id for n in notifications], [decode(n) for n in notifications])
        for model in models:
            model.apply(cursor, batch)
        start = notifications[-1].id
