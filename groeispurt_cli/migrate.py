"""`groeispurt migrate`: brings the tables that are not read models up to date.

The server migrates the store as it starts, and so does every command that
sets the store up; this one does only that, and says what it did.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from service.migrations.state import NEWEST, store_up_to_date
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
    env = settings.eventsourcing_env()
    if not say_up_to_date and store_up_to_date(env):
        return True
    # Here, not at the top: `serve` imports this module, and its processes need
    # Alembic only when a revision is pending (service.migrations.state).
    from service.migrations.runner import MigrationFailed, migrate_store

    try:
        applied = migrate_store(env)
    except MigrationFailed as failed:
        print(failed.message, file=sys.stderr)
        return False
    if applied or say_up_to_date:
        print(report(applied), flush=True)
    return True


def report(applied: Sequence[object]) -> str:
    if not applied:
        return f"The store is up to date (revision {NEWEST})."
    lines = [f"Applied {len(applied)} migration{'s' if len(applied) > 1 else ''}:"]
    lines += [f"  {revision}" for revision in applied]
    return "\n".join(lines)
