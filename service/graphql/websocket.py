"""GraphQL over a WebSocket (graphql-transport-ws): subscriptions only, and no socket left idle.

Queries and mutations go to `POST /graphql`, where the request body limit,
idempotency keys and the API's error shape apply; over a socket they are
refused. A socket that never says `connection_init` is closed by strawberry
after `INIT_SECONDS`, one whose caller is not signed in at `connection_init`
is closed with 4403 (see `GroeispurtGraphQL.on_ws_connect`), and one without
a subscription for `IDLE_SECONDS` is closed here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from contextlib import suppress
from datetime import timedelta

import orjson
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from service.graphql.context import Context

INIT_SECONDS = timedelta(seconds=10)
IDLE_SECONDS = 60.0
# Per socket; strawberry counts every operation in flight.
MAX_PER_CONNECTION = 10
# Read before strawberry parses the document (with the same limit, MaxTokensLimiter's).
PARSE_TOKENS = 2000
ONLY_SUBSCRIPTIONS = (
    "Over a WebSocket only subscriptions are served; send queries and mutations to POST /graphql."
)


class TextFrames(ASGIWebSocketAdapter):
    """Messages as text frames, as graphql-transport-ws has them (a browser reads a binary
    frame as a Blob). Strawberry would send binary ones, since the view's encode_json
    gives orjson's bytes for the HTTP answers."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(orjson.dumps(message).decode())
        except WebSocketDisconnect as gone:
            raise WebSocketDisconnected from gone


class SubscriptionsOnly(BaseGraphQLTransportWSHandler[Context, None]):
    idle_seconds = IDLE_SECONDS
    _idle: asyncio.Task[None] | None = None

    def on_request_accepted(self) -> None:
        super().on_request_accepted()
        self._idle = asyncio.create_task(self._close_when_idle())

    async def shutdown(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
            with suppress(asyncio.CancelledError):
                await self._idle
        await super().shutdown()

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.connection_acknowledged and not _is_subscription(message):
            error = GraphQLError(ONLY_SUBSCRIPTIONS, extensions={"code": "VALIDATION"})
            await self.send_message(
                {"id": message["id"], "type": "error", "payload": [error.formatted]}
            )
            return
        await super().handle_subscribe(message)

    async def _close_when_idle(self) -> None:
        loop = asyncio.get_running_loop()
        idle_since = loop.time()
        while True:
            await asyncio.sleep(min(5.0, self.idle_seconds))
            if self.operations:
                idle_since = loop.time()
            elif loop.time() - idle_since >= self.idle_seconds:
                await self.websocket.close(code=1000, reason="No subscription for a while")
                return


def _is_subscription(message: SubscribeMessage) -> bool:
    """Whether the document's operation is a subscription; a document that does not
    parse counts as one, so that strawberry answers its syntax error as usual."""
    payload = message["payload"]
    query, name = payload.get("query"), payload.get("operationName")
    if not isinstance(query, str):
        return True
    try:
        document = parse(query, no_location=True, max_tokens=PARSE_TOKENS)
    except GraphQLError:
        return True
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if name is None or (o.name and o.name.value == name)]
    return bool(chosen) and all(o.operation is OperationType.SUBSCRIPTION for o in chosen)
