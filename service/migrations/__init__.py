"""Migrations of the tables that are not read models: accounts, API tokens,
idempotency keys, sessions and sign-in attempts.

Read models are rebuilt from the event log when their tables change; these
tables hold what the log does not (password and token hashes, who is signed
in, which requests were answered), so they are changed in place, by Alembic
revisions in `versions/`, each in SQL that SQLite and PostgreSQL both take.
`runner.migrate` applies those not yet applied, in one transaction, whenever
the store is set up (`service.container`) and by `groeispurt migrate`.
"""
