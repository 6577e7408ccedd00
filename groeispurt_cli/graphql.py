"""`groeispurt graphql-schema [--check]`: the API's contract, written to schema.graphql."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from service.settings import Settings

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "graphql-schema", help="write the GraphQL schema to schema.graphql"
    )
    parser.add_argument("--check", action="store_true", help="fail when the file is out of date")
    parser.set_defaults(handler=run)


def current_sdl() -> str:
    from service.graphql.app import build_schema

    return build_schema(introspection=True).as_str() + "\n"


def run(args: argparse.Namespace, settings: Settings) -> int:
    sdl = current_sdl()
    if args.check:
        if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text(encoding="utf-8") != sdl:
            print("schema.graphql differs from the code: run `groeispurt graphql-schema`.")
            return 1
        print("schema.graphql matches the code.")
        return 0
    SCHEMA_FILE.write_text(sdl, encoding="utf-8")
    print(f"Wrote {SCHEMA_FILE.name} ({sdl.count(chr(10))} lines).")
    return 0
