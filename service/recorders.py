"""The library's event recorders, also completing an idempotency key in the same transaction.

`Application.save(*aggregates, **kwargs)` hands its keyword arguments to the
recorder's `insert_events`, which calls the recorder's `_insert_events` hook
inside the transaction that appends the events (the library's own process
recorders write their tracking record there the same way). Given
`idempotency=<Claim>`, these recorders also mark the claimed key completed
in that transaction: the key is completed if and only if its events are in
the log. Given `webhook_secret=<NewSecret>`, they keep a new webhook
endpoint's signing secret there too (`service.webhook_secrets`), and given
`sign_in_link=<NewSignInLink>` a one-time link's row (`service.sign_in_links`).
If the key is no longer this request's (it waited past the lease and a
retry took it over), the transaction rolls back and nothing is saved.

Chosen through the library's APPLICATION_RECORDER_TOPIC setting (see
`service.settings`). The PostgreSQL recorder relies on the library's
default insert path; its database-function path never calls the hook, so
it is refused here rather than silently losing the completion.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor

from service.idempotency import TABLE, Claim, KeyTakenOver, completion
from service.sign_in_links import TABLE as SIGN_IN_LINKS
from service.sign_in_links import NewSignInLink
from service.webhook_secrets import NewSecret


class IdempotentSQLiteRecorder(SQLiteApplicationRecorder):
    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        notification_ids = super()._insert_events(c, stored_events, **kwargs)
        claim = kwargs.get("idempotency")
        if claim is not None:
            sql, params = completion(TABLE, claim, stored_events)
            c.execute(sql, params)
            _check_completed(c.fetchall(), claim)
        secret: NewSecret | None = kwargs.get("webhook_secret")
        if secret is not None:
            c.execute(*secret.insert())
        link: NewSignInLink | None = kwargs.get("sign_in_link")
        if link is not None:
            c.execute(*link.upsert())
        return notification_ids


class IdempotentPostgresRecorder(PostgresApplicationRecorder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.datastore.enable_db_functions:
            raise ValueError(
                "POSTGRES_ENABLE_DB_FUNCTIONS bypasses the recorder's insert hook, which "
                "completes idempotency keys; leave it off."
            )

    def _insert_events(
        self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        super()._insert_events(curs, stored_events, **kwargs)
        claim = kwargs.get("idempotency")
        if claim is not None:
            # The library's connections do not set a search path: name the schema.
            sql, params = completion(f"{self.datastore.schema}.{TABLE}", claim, stored_events)
            curs.execute(sql.replace("?", "%s"), params)
            _check_completed(curs.fetchall(), claim)
        secret: NewSecret | None = kwargs.get("webhook_secret")
        if secret is not None:
            sql, values = secret.insert(f"{self.datastore.schema}.webhook_secrets")
            curs.execute(sql.replace("?", "%s"), values)
        link: NewSignInLink | None = kwargs.get("sign_in_link")
        if link is not None:
            sql, row = link.upsert(f"{self.datastore.schema}.{SIGN_IN_LINKS}")
            curs.execute(sql.replace("?", "%s"), row)


def _check_completed(rows: Any, claim: Claim) -> None:
    if not rows:
        raise KeyTakenOver(claim.key)
