"""`groeispurt export FILE` and `groeispurt import FILE`: the event log as JSON Lines.

Import restores into an empty store only, checks the whole file before it
writes anything, and then brings the read models up to date.
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
    from service.application import Groeispurt
    from service.backup import BackupError, export_to_file, log_end

    app = Groeispurt(settings)
    try:
        with tqdm(total=log_end(app), desc="Exporting", unit="event") as bar:
            written = export_to_file(app, args.file, bar.update)
    except (BackupError, OSError) as error:
        print(f"Export failed: {getattr(error, 'message', error)}", file=sys.stderr)
        return 1
    finally:
        app.close()
    print(f"Exported {written} events from {settings.database} to {args.file}.")
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from service.backup import BackupError, check_file, import_events, log_end
    from service.container import build_services

    services = build_services(settings, follow_writes=False)
    try:
        if log_end(services.app):
            raise BackupError(
                f"{settings.database} already holds events: a backup is restored only into "
                "an empty store (a new SQLite file or a new PostgreSQL schema). "
                "Nothing was imported."
            )
        with tqdm(desc="Checking", unit="event") as bar:
            total = check_file(services.app, args.file, bar.update)
        with tqdm(total=total, desc="Importing", unit="event") as bar:
            written = import_events(services.app, args.file, bar.update)
        with tqdm(total=written, desc="Read models", unit="event") as bar:
            services.projections.catch_up(bar.update)
    except BackupError as error:
        print(error.message, file=sys.stderr)
        return 1
    finally:
        services.close()
    print(f"Imported {written} events from {args.file} into {settings.database}.")
    return 0
