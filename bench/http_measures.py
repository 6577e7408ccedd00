"""The figures that need a running server: board latency, card moves over GraphQL, memory."""

from __future__ import annotations

import importlib.util
import json
from typing import Any

from bench.http_load import measure_latency, running_server, sign_in
from service.container import build_services
from service.settings import Settings

BENCH_EMAIL = "p1@bench.groeispurt.nl"
BENCH_PASSWORD = "bench-password-1"


def prepare_bench_user(settings: Settings) -> None:
    """Gives one generated employee a password (the generator makes no accounts)."""
    services = build_services(settings, follow_writes=False)
    try:
        person = services.app.find_person_by_email(BENCH_EMAIL)
        assert person is not None, "the generator always makes p1"
        services.accounts.set_password(person.id, BENCH_PASSWORD)
        services.projections.catch_up()
    finally:
        services.close()


def graphql_available() -> bool:
    return importlib.util.find_spec("service.graphql") is not None


BOARD_QUERY = json.dumps(
    {"query": "query Board($e: ID!) { board(employeeId: $e) { version } }", "variables": {}}
)


def measure_reads(settings: Settings, seconds: float) -> dict[str, Any]:
    """Board page (and board query over GraphQL, when the API is there) at 1 and 20 clients."""
    prepare_bench_user(settings)
    result: dict[str, Any] = {}
    with running_server(settings) as server:
        client = sign_in(server.base, BENCH_EMAIL, BENCH_PASSWORD)
        cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
        assert client.get("/board").status_code == 200
        for clients in (1, 20):
            result[f"page_{clients}"] = measure_latency(
                server.base + "/board", {"Cookie": cookie}, clients, seconds
            )
        result["rss_mb"] = server.peak_rss_mb()
    return result
