"""`groeispurt tokens`: bearer tokens for systems that use the GraphQL API.

A token is printed once, when it is made; only its hash is kept, so a lost
token cannot be shown again: revoke it and make a new one.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from service.settings import Settings
from service.tokens import SCOPES

# What a token bound to no person reads, as `tokens list` says it.
WHAT_IT_READS = {"read": "(reports only)", "audit": "(audit: every cycle)", "write": "—"}


def register(commands: Any) -> None:
    tokens = commands.add_parser("tokens", help="API tokens for integrators")
    actions = tokens.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="make a token and print it (once)")
    create.add_argument("--name", required=True, help="what the token is for, e.g. lms")
    create.add_argument(
        "--scope",
        required=True,
        choices=SCOPES,
        help="read: reports only (or what --as may read); audit: every cycle, with HR's "
        "read rights; write: changes, as --as",
    )
    create.add_argument(
        "--as",
        dest="as_email",
        metavar="EMAIL",
        help="act with this person's rights (required for write)",
    )
    create.set_defaults(handler=run_create)
    listing = actions.add_parser("list", help="list the tokens (never the tokens themselves)")
    listing.set_defaults(handler=run_list)
    revoke = actions.add_parser("revoke", help="revoke a token by name")
    revoke.add_argument("name")
    revoke.set_defaults(handler=run_revoke)


def run_create(args: argparse.Namespace, settings: Settings) -> int:
    def create(services: Any) -> None:
        token = services.tokens.create(args.name, args.scope, args.as_email)
        acts_as = args.as_email or WHAT_IT_READS[args.scope]
        print(f"Token {args.name} ({args.scope}, acts as {acts_as}):")
        print(token)
        print("Store it now: it is shown only this once.", file=sys.stderr)
        if args.scope == "audit":
            print(
                "This token reads every growth cycle, its preparations and POPs: "
                "give it only to a system that audits them.",
                file=sys.stderr,
            )

    return _run(settings, create)


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    def show(services: Any) -> None:
        rows = services.tokens.list()
        if not rows:
            print("There are no tokens.")
            return
        print(f"{'name':<24} {'scope':<6} {'acts as / reads':<32} {'last used':<26} status")
        for row in rows:
            status = f"revoked {row['revoked_at'][:16]}" if row["revoked_at"] else "active"
            print(
                f"{row['name']:<24} {row['scope']:<6} {row['as_email'] or WHAT_IT_READS[row['scope']]:<32} "
                f"{(row['last_used_at'] or 'never')[:19]:<26} {status}"
            )

    return _run(settings, show)


def run_revoke(args: argparse.Namespace, settings: Settings) -> int:
    def revoke(services: Any) -> None:
        services.tokens.revoke(args.name)
        print(f"Token {args.name} is revoked; it no longer works.")

    return _run(settings, revoke)


def _run(settings: Settings, action: Any) -> int:
    from domain.errors import DomainError
    from service.container import build_services
    from service.errors import ServiceError

    services = build_services(settings)
    try:
        action(services)
        return 0
    except (DomainError, ServiceError) as error:
        print(error.message, file=sys.stderr)
        return 1
    finally:
        services.close()
