"""`groeispurt migrate`: brings the tables that are not read models up to date.

The server migrates the store as it starts, and so does every command that
sets the store up; this one does only that, and says what it did.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from service.migrations.runner import MigrationFailed, Revision, migrate_store, newest
from service.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "migrate", help="apply the pending migrations of accounts, tokens and sessions"
    )
    parser.set_defaults(handler=run_migrate)


def run_migrate(args: argparse.Namespace, settings: Settings) -> int:
    return 0 if migrated(settings) else 1


def migrated(settings: Settings, *, say_up_to_date: bool = True) -> bool:
    """Migrates the store and prints what it applied (why not, on stderr); False when
    it failed, and then nothing changed."""
    try:
        applied = migrate_store(settings.eventsourcing_env())
    except MigrationFailed as failed:
        print(failed.message, file=sys.stderr)
        return False
    if applied or say_up_to_date:
        print(report(applied), flush=True)
    return True


def report(applied: list[Revision]) -> str:
    if not applied:
        return f"The store is up to date (revision {newest()})."
    lines = [f"Applied {len(applied)} migration{'s' if len(applied) > 1 else ''}:"]
    lines += [f"  {revision}" for revision in applied]
    return "\n".join(lines)
