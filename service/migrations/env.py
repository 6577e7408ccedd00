"""Alembic's entry point, which Alembic runs itself: the revisions on the connection
`runner.migrate` opened.

The connection is handed over in the config's attributes (Alembic's recipe for
sharing a connection), already inside the transaction that applies them all,
so Alembic begins none of its own.
"""

from alembic import context

context.configure(
    connection=context.config.attributes["connection"],
    on_version_apply=context.config.attributes["on_version_apply"],
)
with context.begin_transaction():
    context.run_migrations()
