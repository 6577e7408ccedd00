"""What a migration asks of the store as it finds it."""

from __future__ import annotations

import sqlalchemy
from alembic import op


def columns(table: str) -> set[str]:
    """The columns `table` has now (none when it does not exist)."""
    inspector = sqlalchemy.inspect(op.get_bind())
    if not inspector.has_table(table):
        return set()
    return {column["name"] for column in inspector.get_columns(table)}
