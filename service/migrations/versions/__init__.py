"""One Alembic revision per module, oldest first; never change one that has shipped.

A new revision: a module `rNNNN_what_it_does.py` whose docstring's first line
says what it does (`groeispurt migrate` prints it), `revision = "NNNN"`,
`down_revision` the newest before it, and `upgrade()` in SQL that SQLite and
PostgreSQL both take. Test it from a store at the revision before.
"""
