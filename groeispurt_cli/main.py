"""The `groeispurt` command.

Each area registers its own sub-commands from a module of its own
(`groeispurt_cli/<area>.py`): a module exposes `register(commands)`, adding parsers
whose `handler` default takes (args, settings) and returns an exit code.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from groeispurt_cli import backup, demo, graphql, migrate, projections, serve, tokens, users
from service.settings import Settings

AREAS = [demo, users, tokens, backup, migrate, serve, projections, graphql]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="groeispurt", description="Growth conversations at work.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in AREAS:
        area.register(commands)
    args = parser.parse_args(argv)
    return int(args.handler(args, Settings.from_environment()))
