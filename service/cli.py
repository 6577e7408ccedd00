"""The `groeispurt` command.

Each area registers its own sub-commands from a module of its own
(`service/cli_*.py`): a module exposes `register(commands)`, adding parsers
whose `handler` default takes (args, settings) and returns an exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from service import (
    cli_backup,
    cli_demo,
    cli_graphql,
    cli_projections,
    cli_serve,
    cli_tokens,
    cli_users,
)
from service.settings import Settings

AREAS = [cli_demo, cli_users, cli_tokens, cli_backup, cli_serve, cli_projections, cli_graphql]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="groeispurt", description="Growth conversations at work.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in AREAS:
        area.register(commands)
    args = parser.parse_args(argv)
    return int(args.handler(args, Settings.from_environment()))


if __name__ == "__main__":
    sys.exit(main())
