"""`groeispurt serve` runs the web app; `groeispurt start` loads the demo first if needed."""

from __future__ import annotations

import argparse
import os
from typing import Any

from groeispurt_cli.demo import run_demo
from groeispurt_cli.migrate import migrated
from service.container import build_services
from service.graphql.app import MAX_BODY
from service.settings import Settings
from web.app import create_app
from web.security import session_secret

DEMO_SIGN_IN = "sanne@demo.groeispurt.nl / groeispurt-demo"


def register(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the web app")
    _address(serve)
    serve.set_defaults(handler=run_serve)
    start = commands.add_parser("start", help="load the demo organisation (once), then serve")
    _address(start)
    start.set_defaults(handler=run_start)


def _address(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("GROEISPURT_WORKERS", "1")),
        help="server processes (default 1, or GROEISPURT_WORKERS); one per core serves most",
    )


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    options = server_options(args, settings)
    # The app migrates the store as it starts too; here first, to say what changed.
    if not migrated(settings, say_up_to_date=False):
        return 1
    print(
        f"Groeispurt is running at http://{args.host}:{args.port} — sign in as {DEMO_SIGN_IN}",
        flush=True,
    )
    if args.workers > 1:
        # Each worker builds the app from the environment (the settings came from
        # there too). The session secret is made here, once, so that every worker
        # signs and accepts the same session cookies; the tables too, so the
        # workers (which take turns at setting up) find them ready.
        build_services(settings, follow_writes=False).close()
        session_secret(settings)
        # uvicorn's workers import the app by name; the name is taken from the function.
        factory = f"{create_app.__module__}:{create_app.__qualname__}"
        uvicorn.run(factory, factory=True, workers=args.workers, **options)
    else:
        uvicorn.run(create_app(settings), **options)
    return 0


def server_options(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    """uvicorn's options. X-Forwarded-For is believed only from the proxies the settings
    name: uvicorn's default believes it from 127.0.0.1, which would let anyone on the
    machine pick the client address that sign-in throttling counts by."""
    proxies = list(settings.trusted_proxies)
    return {
        "host": args.host,
        "port": args.port,
        "log_level": "warning",
        "access_log": False,
        "proxy_headers": bool(proxies),
        "forwarded_allow_ips": proxies,
        # A subscription message is a small document, like a request body.
        "ws_max_size": MAX_BODY,
    }


def run_start(args: argparse.Namespace, settings: Settings) -> int:
    loaded = run_demo(args, settings)
    if loaded != 0:
        return loaded
    return run_serve(args, settings)
