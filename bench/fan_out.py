"""Subscription fan-out: 100 subscribers of one board over real WebSockets, cards moved
over HTTP, each message timed from the moment its move was sent.

The server runs with its usual workers, so the subscribers are spread over
the processes and most hear of a move through the follower of a process
that did not make it: the delay includes the cross-process signal.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import threading
import time
from typing import Any

import httpx2
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

from bench.http_load import running_server
from service.actor import Actor, system_actor
from service.container import build_services
from service.settings import Settings

ADMIN = system_actor("benchmark")
SUBSCRIBE = "subscription($c: ID!) { boardChanged(cycleId: $c) { version } }"
MOVE = (
    "mutation($c: ID!, $card: ID!, $to: Column!) { moveCard(input: "
    "{cycleId: $c, cardId: $card, toColumn: $to}) { board { version } userErrors { reason } } }"
)
MOVES_PER_SECOND = 20


def _board_with_tokens(settings: Settings, subscribers: int) -> tuple[str, str, str, list[str]]:
    """(cycle id, card id, the employee's token, one audit token per subscriber)."""
    services = build_services(settings)
    try:
        app = services.app
        manager = app.register_person(
            ADMIN, name="M", email="m@fan.nl", function="Lead", team="Fan",
            start_date="2020-01-01",
        )  # fmt: skip
        employee = app.register_person(
            ADMIN, name="E", email="e@fan.nl", function="Dev", team="Fan",
            start_date="2020-01-01", manager_id=manager,
        )  # fmt: skip
        cycle = app.open_cycle(
            Actor(manager), employee_id=employee, planned_session_on="2026-12-01"
        )
        cards = [
            {
                "kind": ("hard", "soft")[i // 2],
                "as_a": "dev",
                "i_want_to": f"s{i}",
                "in_order_to": "grow",
            }
            for i in range(4)
        ]
        app.hold_session(Actor(manager), cycle, held_on="2026-12-01", notes="", cards=cards)
        board = services.queries.board_of(Actor(employee), employee, cycle)
        assert board is not None
        card_ids = list(board["cards"])[:3]
        app.select_cards(Actor(employee), cycle, card_ids)
        mover = services.tokens.create("fan-mover", "write", as_email="e@fan.nl")
        # One caller each: a caller may hold only so many subscriptions.
        readers = [services.tokens.create(f"fan-{i}", "audit") for i in range(subscribers)]
        return str(cycle), card_ids[0], mover, readers
    finally:
        services.close()


def measure_fan_out(settings: Settings, seconds: float, subscribers: int = 100) -> dict[str, Any]:
    """Messages delivered per second to all subscribers, their delay (p50, p99 ms), and the
    share of (moves × subscribers) delivered (a subscriber behind gets the latest state once)."""
    cycle, card, mover, readers = _board_with_tokens(settings, subscribers)
    with running_server(settings) as server:
        url = server.base.replace("http://", "ws://") + "/graphql"
        received: list[tuple[float, int]] = []
        ready, stop = threading.Event(), threading.Event()
        listening = threading.Thread(
            target=asyncio.run, args=(_listen(url, cycle, readers, received, ready, stop),)
        )
        listening.start()
        try:
            if not ready.wait(60):
                raise RuntimeError("the subscribers did not all get their first message")
            sent, started, last = _move(server.base, mover, cycle, card, seconds)
            time.sleep(2.0)  # the last messages on their way
        finally:
            stop.set()
            listening.join(timeout=60)
    delays = sorted((at - sent[v]) * 1000 for at, v in received if v in sent)
    if not delays:
        raise RuntimeError("no subscriber received a move")
    ended = max(at for at, v in received if v in sent)
    return {
        "subscribers": subscribers,
        "moves": len(sent),
        "delivered_rate": len(delays) / (ended - started),
        "delivered_share": len(delays) / (len(sent) * subscribers),
        "p50_ms": statistics.median(delays),
        "p99_ms": delays[min(len(delays) - 1, int(len(delays) * 0.99))],
        "moves_for": last - started,
    }


def _move(
    base: str, token: str, cycle: str, card: str, seconds: float
) -> tuple[dict[int, float], float, float]:
    """Moves the card to and fro at `MOVES_PER_SECOND`; the moment each version was sent."""
    sent: dict[int, float] = {}
    headers = {"Authorization": f"Bearer {token}"}
    started = time.monotonic()
    with httpx2.Client(headers=headers, timeout=30) as client:
        n = 0
        while time.monotonic() - started < seconds:
            due = started + n / MOVES_PER_SECOND
            time.sleep(max(0.0, due - time.monotonic()))
            variables = {"c": cycle, "card": card, "to": ("DOING", "TODO")[n % 2]}
            at = time.monotonic()
            answer = client.post(f"{base}/graphql", json={"query": MOVE, "variables": variables})
            sent[int(answer.json()["data"]["moveCard"]["board"]["version"])] = at
            n += 1
    return sent, started, time.monotonic()


async def _listen(
    url: str,
    cycle: str,
    tokens: list[str],
    received: list[tuple[float, int]],
    ready: threading.Event,
    stop: threading.Event,
) -> None:
    subscribed = 0

    async def one(token: str) -> None:
        nonlocal subscribed
        headers = {"Authorization": f"Bearer {token}"}
        async with connect(
            url,
            subprotocols=[Subprotocol("graphql-transport-ws")],
            additional_headers=headers,
        ) as ws:
            await ws.send(json.dumps({"type": "connection_init"}))
            await ws.recv()
            payload = {"query": SUBSCRIBE, "variables": {"c": cycle}}
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
            await ws.recv()  # the board as it is
            subscribed += 1
            if subscribed == len(tokens):
                ready.set()
            while not stop.is_set():
                try:
                    raw = await asyncio.wait_for(ws.recv(), 0.5)
                except TimeoutError:
                    continue
                message = json.loads(raw)
                if message.get("type") == "next":
                    version = message["payload"]["data"]["boardChanged"]["version"]
                    received.append((time.monotonic(), int(version)))

    await asyncio.gather(*(one(token) for token in tokens))
