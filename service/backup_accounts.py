"""Accounts and API tokens in a backup, so that a restored store can be signed in to.

Passwords and tokens live only as hashes (argon2, SHA-256), in tables of their
own, never in the event log. A backup carries those rows after the events,
one line each:

    {"table": "accounts", "row": {"person_id": "…", "password_hash": "$argon2id$…", …}}
    {"table": "api_tokens", "row": {"id": "…", "name": "lms", "hash": "…", …}}

A backup therefore holds password hashes: keep it as safe as the database.
Rows are written back column by column into the tables the restored store
has made, and a column that table does not have is refused, so a name from
the file never reaches SQL unchecked. Not carried: sessions (a restore signs
everyone out), sign-in throttling counters and idempotency keys, which all
expire within hours; and one-time sign-in links (invitations, resets). A link
is a credential handed to one person for a few days: a backup is kept for
much longer, and restoring one would bring back links that were replaced (as
a leaked link is) or that the restored passwords no longer match. After a
restore, HR makes new links for whoever has no password yet (each person's
page says who), and the `SignInLinkIssued` events still tell who made which
link when. A backup made before accounts were carried restores
the events alone, as it always did. Webhook endpoints' secrets are carried
(like the hashes, keep the file safe); their deliveries are not: a restored
store delivers the events that follow the restore.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from projections.database import Database
from service import backup_texts as texts
from service.backup import ROW_KEYS, BackupError

# Webhook secrets too: a restored endpoint signs as its receivers expect.
TABLES = ("accounts", "api_tokens", "webhook_secrets")


def is_row_line(record: Any) -> bool:
    return isinstance(record, dict) and set(record) == ROW_KEYS


def row_lines(database: Database) -> Iterator[str]:
    """Every account and token as a backup line (tables this store lacks are skipped)."""
    for table in TABLES:
        if not columns_of(database, table):
            continue
        for row in database.query(f"SELECT * FROM {table} ORDER BY 1"):
            yield json.dumps({"table": table, "row": row}, ensure_ascii=False, default=str) + "\n"


def read_rows(database: Database, path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The file's account and token rows, each checked against the tables of `database`;
    raises BackupError naming the line. Event lines are left to `service.backup`."""
    known = {table: columns_of(database, table) for table in TABLES}
    rows = []
    with path.open(encoding="utf-8", newline="\n") as lines:
        for number, line in enumerate(lines, start=1):
            if '"table"' not in line:
                continue  # an event (its state is text in a field of its own)
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # not a row line: the event check says what is wrong with it
            if not is_row_line(record):
                continue
            table, row = record["table"], record["row"]
            if table not in TABLES or not isinstance(row, dict):
                raise BackupError(texts.UNKNOWN_TABLE, line=number, tables=", ".join(TABLES))
            unknown = set(row) - known[table]
            if unknown or not row:
                raise BackupError(
                    texts.UNKNOWN_COLUMN,
                    line=number,
                    table=str(table),
                    columns=", ".join(sorted(unknown)),
                )
            rows.append((table, row))
    return rows


def insert_rows(database: Database, rows: list[tuple[str, dict[str, Any]]]) -> dict[str, int]:
    """Writes the rows in one transaction; returns how many per table."""
    counts = dict.fromkeys(TABLES, 0)
    try:
        with database.transaction() as cursor:
            for table, row in rows:
                names = list(row)
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' for _ in names)})",
                    [row[name] for name in names],
                )
                counts[table] += 1
    except Exception as error:
        raise BackupError(texts.ROWS_NOT_WRITTEN, detail=str(error)) from error
    return counts


def columns_of(database: Database, table: str) -> set[str]:
    """The columns `table` has in this store (none when it does not exist)."""
    if database.dialect == "sqlite":
        return {row["name"] for row in database.query(f"PRAGMA table_info({table})")}
    rows = database.query(
        "SELECT column_name AS name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ?",
        (table,),
    )
    return {row["name"] for row in rows}
