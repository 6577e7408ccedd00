"""Subscriptions: a board or a cycle as it is now, and again whenever it changes.

Each subscription answers first with the current state (so a client never
misses a change between a query and subscribing), then once per change
that a query would show. Who asks is identified again, and the access
checks of the read queries run again, for every message and at least
every `RECHECK_SECONDS`: a manager who hands the cycle over, a person who
signs out or a token revoked loses the subscription, which ends with the
error (FORBIDDEN, UNAUTHENTICATED) its query would answer.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncGenerator, Callable
from typing import Any, TypeVar

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from domain.errors import Refusal
from service.actor import Actor
from service.calls import short_read
from service.error_texts import INTERNAL_ERROR
from service.errors import ServiceError
from service.graphql.context import Context
from service.graphql.errors import refusal_body
from service.graphql.types import Board, Cycle
from service.ids import as_uuid

log = logging.getLogger("groeispurt.graphql")
Ctx = Info[Context, None]
G = TypeVar("G")
RECHECK_SECONDS = 30.0


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="A cycle's board now, then after every change (a card moved on another "
        "device, a card shown to the team, …). Who may: as the `board` query."
    )
    async def board_changed(
        self, info: Ctx, cycle_id: strawberry.ID
    ) -> AsyncGenerator[Board | None, None]:
        queries = info.context.services.queries
        states = await _following(info, cycle_id, queries.board_of_cycle)
        return _as(states, Board.from_doc)

    @strawberry.subscription(
        description="A cycle now, then after every change. Who may: as the `cycle` query."
    )
    async def cycle_changed(
        self, info: Ctx, id: strawberry.ID
    ) -> AsyncGenerator[Cycle | None, None]:
        queries = info.context.services.queries
        states = await _following(info, id, queries.cycle)
        return _as(states, Cycle.from_doc)


async def _as(
    states: AsyncGenerator[Any, None], shape: Callable[[Any], G]
) -> AsyncGenerator[G | None, None]:
    async for state in states:
        yield shape(state) if state is not None else None


async def _following(
    info: Ctx, cycle_id: strawberry.ID, read: Callable[[Actor, Any], Any]
) -> AsyncGenerator[Any, None]:
    """Checks access now, so that a refusal is the subscription's error rather than its
    first message; then follows the cycle's changes."""
    context = info.context
    services = context.services
    try:
        cycle = str(as_uuid(cycle_id))

        def current() -> tuple[Actor, Any]:
            actor = context.who_now()
            return actor, read(actor, cycle)

        actor, _ = await short_read(services, current)
        caller = actor.token or str(actor.person_id or actor.system)
        services.changes.check_room(caller)
    except Exception as error:
        raise _api_error(error) from error
    return _changes(context, cycle, current, caller)


async def _changes(
    context: Context, cycle: str, current: Callable[[], tuple[Actor, Any]], caller: str
) -> AsyncGenerator[Any, None]:
    services = context.services
    try:
        with services.changes.watching({cycle}, caller) as watch:
            # Read again once watched: a change since the check is then never missed.
            actor, state = await short_read(services, current)
            # Whose cycle it is and who asks: their records' changes (a new manager, a
            # role taken away) may change what the caller may see.
            watch.watch(*_people(actor, state))
            last = state
            yield state
            while True:
                changed = await watch.next_change(RECHECK_SECONDS)
                actor, state = await short_read(services, current)
                watch.watch(*_people(actor, state))
                if changed and state != last:
                    last = state
                    yield state
    except Exception as error:
        raise _api_error(error) from error


def _people(actor: Actor, state: Any) -> list[str]:
    people = [str(actor.person_id)] if actor.person_id is not None else []
    if isinstance(state, dict) and state.get("employee_id"):
        people.append(str(state["employee_id"]))
    return people


def _api_error(error: Exception) -> GraphQLError:
    """The error in the API's shape: over a WebSocket, strawberry formats the error
    itself, so its code, reason and params have to be in the error already."""
    if isinstance(error, GraphQLError):
        return error
    if isinstance(error, Refusal):
        body = refusal_body(error)
        return GraphQLError(body["message"], extensions=body["extensions"])
    error_id = uuid.uuid4().hex[:12]
    log.error("GraphQL subscription error %s", error_id, exc_info=error)
    body = refusal_body(ServiceError(INTERNAL_ERROR, None, error_id=error_id))
    return GraphQLError(body["message"], extensions={**body["extensions"], "errorId": error_id})
