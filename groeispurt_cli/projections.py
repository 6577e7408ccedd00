"""`groeispurt projections status|rebuild [NAME]`: the read models against the event log."""

from __future__ import annotations

import argparse
from typing import Any

from tqdm import tqdm  # type: ignore[import-untyped]

from service.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("projections", help="show or rebuild the read models")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="each read model's position against the log")
    status.set_defaults(handler=run_status)
    rebuild = actions.add_parser("rebuild", help="drop read models and rebuild them from the log")
    rebuild.add_argument("name", nargs="?", help="one read model (default: all)")
    rebuild.set_defaults(handler=run_rebuild)


def run_status(args: argparse.Namespace, settings: Settings) -> int:
    from service.container import build_services

    services = build_services(settings, follow_writes=False)
    try:
        end = services.projections.log_end()
        positions = services.projections.positions()
        width = max(len(name) for name in positions)
        print(f"{'read model':<{width}}  {'position':>10}  {'log end':>10}  {'behind':>8}")
        for name, position in positions.items():
            print(f"{name:<{width}}  {position:>10}  {end:>10}  {end - position:>8}")
        return 0
    finally:
        services.close()


def run_rebuild(args: argparse.Namespace, settings: Settings) -> int:
    from service.container import build_services

    services = build_services(settings, follow_writes=False)
    try:
        known = [model.name for model in services.projections.read_models]
        if args.name is not None and args.name not in known:
            print(f"There is no read model named {args.name}; choose one of: {', '.join(known)}.")
            return 2
        names = None if args.name is None else [args.name]
        label = args.name or "all read models"
        with tqdm(total=services.projections.log_end(), desc=label, unit="event") as bar:
            read = services.projections.rebuild(names, bar.update)
        print(f"Rebuilt {label} from {read} events.")
        return 0
    finally:
        services.close()
