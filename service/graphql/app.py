"""The GraphQL endpoint: schema, limits, authentication and the error shape."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import orjson
import strawberry
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema.config import StrawberryConfig
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.unset import UnsetType

from domain.errors import InvalidInput
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.error_texts import NOT_A_BEARER_HEADER, NOT_JSON, REQUEST_TOO_LARGE
from service.errors import Unauthenticated
from service.graphql.answers import Notes
from service.graphql.context import Context
from service.graphql.errors import formatted, refusal_body
from service.graphql.mutations import Mutation
from service.graphql.queries import Query
from service.graphql.subscriptions import Subscription
from service.graphql.websocket import (
    INIT_SECONDS,
    MAX_PER_CONNECTION,
    SubscriptionsOnly,
    TextFrames,
)
from service.http_body import BodyTooLarge, ClientGone, decoded, is_json, read_body, replaying
from service.sessions import COOKIE_KEY

MAX_BODY = 64 * 1024
MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 2000


SUGGESTION = " Did you mean "


class QuietSchema(strawberry.Schema):
    """Errors are logged once, by `formatted`, with an id; not again by strawberry."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        if self.config.disable_field_suggestions:
            # Strawberry's switch drops only the suggestion of a field name, and
            # 0.341 does not hand graphql-core's own `hide_suggestions` on to
            # validation or execution: argument, type, enum value and input field
            # names would still be suggested. graphql-core appends every suggestion
            # as one last sentence (`did_you_mean`), so it is cut here.
            for error in errors:
                if SUGGESTION in error.message:
                    error.message = error.message.split(SUGGESTION, 1)[0]
        return None


CACHED_DOCUMENTS = 256
# The limits as validation rule classes, made once. The validation cache is
# keyed by the rule classes too, and QueryDepthLimiter and MaxAliasesLimiter
# make a new class per instance: built per request, they would make every
# request miss the cache and validate again.
LIMIT_RULES = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)


def build_schema(*, introspection: bool, suggestions: bool | None = None) -> strawberry.Schema:
    """`introspection` off also turns off suggestions ("Did you mean …?"), unless said:
    either way a client could read the schema's names out of the answers."""
    suggestions = introspection if suggestions is None else suggestions
    rules = [*LIMIT_RULES] if introspection else [*LIMIT_RULES, NoSchemaIntrospectionCustomRule]
    extensions: list[Any] = [
        # Integrators send the same few documents over and over: parse and
        # validate each once.
        lambda: ParserCache(maxsize=CACHED_DOCUMENTS),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
        lambda: AddValidationRules(rules),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        Notes,
    ]
    return QuietSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=not suggestions),
    )


class GroeispurtGraphQL(GraphQL[Context, None]):
    # Subscriptions over graphql-transport-ws only (not the legacy graphql-ws); a handshake
    # from a page of another origin is refused by strawberry (no `allowed_origins`), so a
    # page elsewhere cannot subscribe with a signed-in person's cookie.
    graphql_transport_ws_handler_class = SubscriptionsOnly
    websocket_adapter_class = TextFrames

    def __init__(self, services: Services) -> None:
        development = not services.settings.is_production
        super().__init__(
            build_schema(introspection=development),
            graphql_ide="graphiql" if development else None,
            allow_queries_via_get=False,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=INIT_SECONDS,
            max_subscriptions_per_connection=MAX_PER_CONNECTION,
        )
        self.services = services

    def encode_json(self, data: object) -> bytes:
        # orjson: the same JSON (UTF-8, no spaces) at several times the standard library's speed.
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        return decoded(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            if not is_json(scope):
                refusal = InvalidInput(NOT_JSON)
                await _refused(refusal, 415, scope, receive, send)
                return
            try:
                body = await read_body(scope, receive, MAX_BODY)
            except BodyTooLarge:
                refusal = InvalidInput(REQUEST_TOO_LARGE, limit_kib=MAX_BODY // 1024)
                await _refused(refusal, 413, scope, receive, send)
                return
            except ClientGone:
                return  # nobody is left to answer
            receive = replaying(body, receive)
        await super().__call__(scope, receive, send)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        """Who asks is looked up later, by the first resolver that needs it (see Context);
        over a WebSocket, at `connection_init` and again for every message."""
        header = request.headers.get("authorization", "")
        if header:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token:
                # Said by the first field that needs an actor, as a GraphQL error.
                refusal = Unauthenticated(NOT_A_BEARER_HEADER)
                return Context(services=self.services, refusal=refusal)
            return self._context(partial(self.services.tokens.authenticate, token.strip()))
        session_id = request.scope.get("session", {}).get(COOKIE_KEY)
        if not isinstance(session_id, str):
            return Context(services=self.services)
        sessions = self.services.sessions
        return self._context(lambda: sessions.signed_in(session_id).actor)

    def _context(self, lookup: Callable[[], Actor]) -> Context:
        return Context(services=self.services, identify=lookup, lookup=lookup)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """`connection_init`: the caller must be signed in by now, with the socket's
        session cookie or bearer header, or a bearer token in the payload
        (`{"authorization": "Bearer …"}`, for clients that cannot set headers)."""
        params = context.connection_params or {}
        sent = params.get("authorization") or params.get("Authorization")
        if context.lookup is None and context.refusal is None and isinstance(sent, str):
            lookup = partial(self.services.tokens.authenticate, sent.strip())
            context.identify = context.lookup = lookup
        try:
            context.actor = await in_thread(context.who_now)
        except Unauthenticated:
            raise ConnectionRejectionError() from None
        return UnsetType()  # acknowledged without a payload (the singleton UNSET)

    async def process_result(
        self, request: Request, result: ExecutionResult | GraphQLExecutionResult
    ) -> GraphQLHTTPResponse:
        body: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            body["errors"] = [formatted(error) for error in result.errors]
        if result.extensions:
            body["extensions"] = result.extensions
        return body


async def _refused(
    refusal: InvalidInput, status: int, scope: Scope, receive: Receive, send: Send
) -> None:
    response = JSONResponse({"errors": [refusal_body(refusal)]}, status_code=status)
    await response(scope, receive, send)


def create_graphql_app(services: Services) -> GroeispurtGraphQL:
    return GroeispurtGraphQL(services)
