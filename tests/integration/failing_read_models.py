"""Read models that cannot be written, as on a full disk, on both stores.

A trigger on the read models' tracking table refuses every change to it.
Every batch a read model applies moves its position there in the same
transaction, so every fold fails and rolls back, while the event log takes
appends as before: a change is saved and its read models cannot follow.
PostgreSQL refuses with SQLSTATE 53100 (disk_full), what a full disk gives;
SQLite with the message of SQLITE_FULL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from projections.database import open_database
from service.settings import Settings

SQLITE = (
    "CREATE TRIGGER read_models_full BEFORE UPDATE ON projection_tracking "
    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
)
POSTGRES = (
    "CREATE FUNCTION read_models_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'could not extend file: No space left on device' "
    "USING ERRCODE = 'disk_full'; END $$",
    "CREATE TRIGGER read_models_full BEFORE UPDATE ON projection_tracking "
    "FOR EACH ROW EXECUTE FUNCTION read_models_full()",
)


@contextmanager
def read_models_refused(settings: Settings) -> Iterator[None]:
    """While inside, no read model can apply an event; afterwards they catch up again."""
    database = open_database(settings.eventsourcing_env())
    try:
        postgres = database.dialect == "postgres"
        database.script(list(POSTGRES) if postgres else [SQLITE])
        try:
            yield
        finally:
            database.script(
                [
                    "DROP TRIGGER read_models_full ON projection_tracking",
                    "DROP FUNCTION read_models_full()",
                ]
                if postgres
                else ["DROP TRIGGER read_models_full"]
            )
    finally:
        database.close()
