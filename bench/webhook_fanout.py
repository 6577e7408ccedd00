"""Webhook fan-out: events saved through the API, each delivered to 100 endpoints.

One local receiver stands for 100 subscribers (a path each); the server
(`groeispurt serve`, as the other HTTP figures) sends every delivery signed,
as in production. Measured: deliveries per second from the first event sent
to the last delivery received, and the delay of each delivery from the
moment its event was saved to the moment it arrived.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx2

from bench.http_load import free_port, running_server
from service.actor import system_actor
from service.container import build_services
from service.settings import Settings

ENDPOINTS = 100
WHO = system_actor("benchmark")
CHANGE = "mutation($p: ID!, $t: String!) { changePerson(input: {personId: $p, team: $t}) { person { id } } }"


@dataclass(frozen=True)
class FanOut:
    endpoints: int
    events: int
    delivered: int
    rate: float  # deliveries per second
    p50_ms: float
    p99_ms: float


class _Receiver:
    """Counts deliveries and how long after its event each one arrived."""

    def __init__(self) -> None:
        self.port = free_port()
        self.delays: list[float] = []
        self.last = 0.0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                now = time.time()
                saved = datetime.fromisoformat(json.loads(body)["timestamp"]).timestamp()
                with receiver.lock:
                    receiver.delays.append(now - saved)
                    receiver.last = now
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def count(self) -> int:
        with self.lock:
            return len(self.delays)


def measure_fanout(settings: Settings, events: int, endpoints: int = ENDPOINTS) -> FanOut:
    receiver = _Receiver()
    receiver.thread.start()
    services = build_services(settings)
    try:
        app = services.app
        admin = app.register_person(
            WHO, name="Bench Admin", email="admin@fanout.groeispurt.nl", function="IT",
            team="Staff", start_date="2020-01-01",
        )  # fmt: skip
        app.grant_role(WHO, admin, "admin")
        subject = app.register_person(
            WHO, name="Bench Subject", email="subject@fanout.groeispurt.nl", function="QA",
            team="T", start_date="2020-01-01",
        )  # fmt: skip
        for i in range(endpoints):
            app.register_webhook(
                WHO,
                url=f"http://127.0.0.1:{receiver.port}/hook/{i}",
                event_kinds=["Person.TeamChanged"],
            )
        token = services.tokens.create(
            "bench-fanout", "write", as_email="admin@fanout.groeispurt.nl"
        )
    finally:
        services.close()
    try:
        with (
            running_server(settings) as server,
            httpx2.Client(
                base_url=server.base, headers={"Authorization": f"Bearer {token}"}, timeout=30
            ) as client,
        ):
            started = time.time()
            for n in range(events):
                answer = client.post(
                    "/graphql",
                    json={"query": CHANGE, "variables": {"p": str(subject), "t": f"T{n}"}},
                ).json()
                assert not answer.get("errors"), answer
            expected = events * endpoints
            deadline = time.monotonic() + 60 + expected / 100
            while receiver.count() < expected and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
    delays = sorted(receiver.delays)
    if not delays:
        raise RuntimeError("no webhook delivery arrived")
    return FanOut(
        endpoints=endpoints,
        events=events,
        delivered=len(delays),
        rate=len(delays) / max(receiver.last - started, 1e-9),
        p50_ms=statistics.median(delays) * 1000,
        p99_ms=delays[min(len(delays) - 1, int(len(delays) * 0.99))] * 1000,
    )
