"""Whether a store's migrated tables are up to date, asked without loading Alembic.

Alembic and SQLAlchemy add tens of megabytes to every process that imports
them, and a server's workers (and the process supervising them) start on a
store that is nearly always up to date. So they read the revision Alembic
recorded, and `service.migrations.runner`, which loads Alembic, is imported
only when a revision is pending or `groeispurt migrate` is asked for.
"""

from __future__ import annotations

from projections.database import Database, open_database

# The newest revision in versions/; a test checks it against Alembic's own head.
NEWEST = "0004"
VERSION_TABLE = "alembic_version"


def up_to_date(database: Database) -> bool:
    """True when the store's tables are at the newest revision (and only then)."""
    if database.dialect == "sqlite":
        exists = database.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
        )
    else:
        exists = database.query(
            "SELECT 1 FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (VERSION_TABLE,),
        )
    if not exists:
        return False
    rows = database.query(f"SELECT version_num FROM {VERSION_TABLE}")
    return [row["version_num"] for row in rows] == [NEWEST]


def store_up_to_date(env: dict[str, str]) -> bool:
    """`up_to_date` for a process that has not opened the store."""
    database = open_database(env)
    try:
        return up_to_date(database)
    finally:
        database.close()
