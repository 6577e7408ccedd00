"""One-time sign-in links: an invitation for a new person, a reset for someone who forgot.

At most one link per person (a new one replaces the old one, whose hash is
then gone). Only the SHA-256 of the link's token is kept, so a copy of the
database opens no account; the row stays after the link is used, so that a
second use is told "already used" rather than "unknown". Moments are seconds
since the epoch, like the sessions'. That a link was made, by whom and until
when, is the person's `SignInLinkIssued` event; that it was used is here.
"""

from alembic import op

revision = "0004"
down_revision = "0003"

TABLES = (
    "CREATE TABLE sign_in_links ("
    "person_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, purpose TEXT NOT NULL, "
    "created_at DOUBLE PRECISION NOT NULL, expires_at DOUBLE PRECISION NOT NULL, "
    "used_at DOUBLE PRECISION)",
)


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)
