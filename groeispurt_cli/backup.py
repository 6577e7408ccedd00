"""`groeispurt export FILE` and `groeispurt import FILE`: the event log as JSON Lines.

Import restores into an empty store only, checks the whole file before it
writes anything, and then brings the read models up to date. Accounts and API
tokens (their hashes) travel with the events, so the restored store can be
signed in to with the same passwords and tokens.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm  # type: ignore[import-untyped]

from service.settings import Settings


def register(commands: Any) -> None:
    export = commands.add_parser("export", help="write the whole event log to a JSON Lines file")
    export.add_argument("file", type=Path, help="the file to write (replaced if it exists)")
    export.set_defaults(handler=run_export)
    restore = commands.add_parser(
        "import", help="restore an exported event log into an empty store"
    )
    restore.add_argument("file", type=Path, help="a file written by `groeispurt export`")
    restore.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    from projections.database import open_database
    from service.application import Groeispurt
    from service.backup import BackupError, export_to_file, log_end
    from service.backup_accounts import row_lines

    app = Groeispurt(settings)
    database = open_database(settings.eventsourcing_env())
    try:
        # Read before the events: the file then never names a token or account
        # without the events of its person (both only ever grow).
        rows = list(row_lines(database))
        with tqdm(total=log_end(app), desc="Exporting", unit="event") as bar:
            written = export_to_file(app, args.file, bar.update, after=rows)
    except (BackupError, OSError) as error:
        print(f"Export failed: {getattr(error, 'message', error)}", file=sys.stderr)
        return 1
    finally:
        database.close()
        app.close()
    print(
        f"Exported {written} events and {len(rows)} accounts and API tokens "
        f"from {settings.database} to {args.file}."
    )
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from service.backup import BackupError, check_file, import_events, log_end
    from service.backup_accounts import insert_rows, read_rows
    from service.backup_texts import DATABASE_NOT_EMPTY
    from service.container import build_services

    services = build_services(settings, follow_writes=False)
    try:
        if log_end(services.app):
            raise BackupError(DATABASE_NOT_EMPTY, database=settings.database)
        with tqdm(desc="Checking", unit="event") as bar:
            total = check_file(services.app, args.file, bar.update)
        rows = read_rows(services.database, args.file)
        with tqdm(total=total, desc="Importing", unit="event") as bar:
            written = import_events(services.app, args.file, bar.update)
        counts = insert_rows(services.database, rows)
        with tqdm(total=written, desc="Read models", unit="event") as bar:
            services.projections.catch_up(bar.update)
        services.outbox.skip_to_the_end()
    except BackupError as error:
        print(error.message, file=sys.stderr)
        return 1
    finally:
        services.close()
    print(
        f"Imported {written} events, {counts['accounts']} accounts and "
        f"{counts['api_tokens']} API tokens from {args.file} into {settings.database}."
    )
    return 0
