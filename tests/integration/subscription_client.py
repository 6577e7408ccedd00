"""A graphql-transport-ws client for tests, over a real WebSocket (`websockets`' sync client)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

PROTOCOL = Subprotocol("graphql-transport-ws")
BOARD = "subscription($c: ID!) { boardChanged(cycleId: $c) { version todo { id } doing { id } } }"
CYCLE = "subscription($c: ID!) { cycleChanged(id: $c) { version stage managerId } }"


@dataclass
class Socket:
    ws: ClientConnection
    ids: int = 0

    def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        self.ids += 1
        payload = {"query": query, "variables": variables or {}}
        self.send({"id": str(self.ids), "type": "subscribe", "payload": payload})
        return str(self.ids)

    def send(self, message: dict[str, Any]) -> None:
        self.ws.send(json.dumps(message))

    def receive(self, timeout: float = 10) -> dict[str, Any]:
        """The next message but pings (answered with a pong)."""
        deadline = time.monotonic() + timeout
        while True:
            raw = self.ws.recv(timeout=max(0.01, deadline - time.monotonic()))
            assert isinstance(raw, str), "graphql-transport-ws sends text frames"
            message: dict[str, Any] = json.loads(raw)
            if message["type"] == "ping":
                self.send({"type": "pong"})
                continue
            return message

    def data(self, timeout: float = 10) -> dict[str, Any]:
        """The data of the next `next` message, which must carry no errors."""
        message = self.receive(timeout)
        assert message["type"] == "next", message
        assert not message["payload"].get("errors"), message
        data: dict[str, Any] = message["payload"]["data"]
        return data


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://", 1) + "/graphql"


@contextmanager
def socket(
    base: str,
    token: str | None = None,
    headers: dict[str, str] | None = None,
    init: dict[str, Any] | None = None,
) -> Iterator[Socket]:
    """A socket past `connection_init`; a token is sent as the handshake's bearer header."""
    sent = dict(headers or {})
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    with connect(ws_url(base), subprotocols=[PROTOCOL], additional_headers=sent) as ws:
        live = Socket(ws)
        live.send({"type": "connection_init", "payload": init or {}})
        ack = live.receive()
        assert ack["type"] == "connection_ack", ack
        yield live
