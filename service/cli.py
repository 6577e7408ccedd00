"""The `groeispurt` command: demo data, serving, projections, users and tokens."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tqdm import tqdm  # type: ignore[import-untyped]

from service.application import Groeispurt
from service.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="groeispurt", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="load the demo organisation (once)")
    args = parser.parse_args(argv)
    settings = Settings.from_environment()
    if args.command == "demo":
        return _demo(settings)
    return 2


def _demo(settings: Settings) -> int:
    from service.demo import demo_steps, is_loaded, load_demo

    app = Groeispurt(settings)
    try:
        if is_loaded(app):
            print("The demo organisation is already loaded.")
            return 0
        with tqdm(total=demo_steps(), desc="Demo organisation", unit="person") as bar:
            load_demo(app, bar.update)
        print(f"Demo organisation loaded into {settings.database}.")
        return 0
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(main())
