"""Accounts lose the lockout columns of stores made before sign-in throttling.

Growing delays per address and per account (sign_in_attempts) took the place
of failed_attempts and locked_until, and nothing has read or written them
since; without them every store's accounts have the same columns, so a
backup's account rows restore into any store.
"""

from alembic import op

from service.migrations.tables import columns

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    for column in ("failed_attempts", "locked_until"):
        if column in columns("accounts"):
            op.execute(f"ALTER TABLE accounts DROP COLUMN {column}")
