"""`groeispurt demo`: load the demo organisation once, with a progress bar."""

from __future__ import annotations

import argparse
from typing import Any

from tqdm import tqdm  # type: ignore[import-untyped]

from service.settings import Settings


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="load the demo organisation (once)")
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace, settings: Settings) -> int:
    from service.container import build_services
    from service.demo import demo_steps, is_loaded, load_demo

    services = build_services(settings, follow_writes=False)
    try:
        if is_loaded(services.app):
            print("The demo organisation is already loaded.")
            return 0
        with tqdm(total=demo_steps(), desc="Demo organisation", unit="person") as bar:
            load_demo(services.app, bar.update, services.accounts)
        with tqdm(total=services.projections.log_end(), desc="Read models", unit="event") as bar:
            services.projections.catch_up(bar.update)
        print(f"Demo organisation loaded into {settings.database}.")
        return 0
    finally:
        services.close()
