"""A real server on a free port (uvicorn in a thread) and a small GraphQL client for tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx2
import uvicorn

from service.container import build_services
from service.settings import Settings
from tests.reliability.server import free_port
from web.app import create_app


@contextmanager
def served(
    settings: Settings, options: Callable[[int], dict[str, Any]] | None = None
) -> Iterator[str]:
    """The app served on a free port; `options(port)` gives uvicorn's settings, if not the defaults."""
    port = free_port()
    config = (
        options(port)
        if options is not None
        else {"host": "127.0.0.1", "port": port, "log_level": "warning"}
    )
    server = uvicorn.Server(uvicorn.Config(create_app(settings), **config))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@dataclass
class GraphQL:
    base: str
    token: str | None = None

    def post(
        self, query: str, variables: dict[str, Any] | None = None, operation: str | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        request: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation is not None:
            request["operationName"] = operation
        response = httpx2.post(f"{self.base}/graphql", json=request, headers=headers, timeout=30)
        body: dict[str, Any] = response.json()
        return body

    def data(
        self, query: str, variables: dict[str, Any] | None = None, operation: str | None = None
    ) -> dict[str, Any]:
        body = self.post(query, variables, operation)
        assert not body.get("errors"), body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    def user_error(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The one mutation's first user error (its payload's object null, nothing saved)."""
        data = self.data(query, variables)
        [payload] = data.values()
        errors: list[dict[str, Any]] = payload["userErrors"]
        assert errors, f"expected a user error, got {payload}"
        changed = {k: v for k, v in payload.items() if k not in ("userErrors", "clientMutationId")}
        assert set(changed.values()) <= {None}, f"refused, yet it answered with {changed}"
        return errors[0]

    def error(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = self.post(query, variables)
        assert body.get("errors"), f"expected an error, got {body}"
        error: dict[str, Any] = body["errors"][0]
        return error


def refusal_code(body: dict[str, Any]) -> str:
    """How a response refused, whichever way: an error's code, else a payload's first user
    error's code; "OK" when nothing was refused."""
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"])
    for payload in (body.get("data") or {}).values():
        if isinstance(payload, dict) and payload.get("userErrors"):
            return str(payload["userErrors"][0]["code"])
    return "OK"


def moves_in_log(settings: Settings, cycle_id: Any) -> int:
    """How many card moves of a cycle the event log holds (what a retry must not add to)."""
    services = build_services(settings)
    try:
        return sum(type(e).__name__ == "CardMoved" for e in services.app.events.get(cycle_id))
    finally:
        services.close()
