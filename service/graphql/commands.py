"""How a mutation runs its use case and answers with what it changed.

1. Its idempotency key, if it has one, is reserved (or an earlier request's
   outcome is found: then that is the answer, and nothing acts again).
2. The use case runs, handed the key's claim, which its save completes in
   the events' own transaction (`service.idempotency`).
3. The answer is read from the read models, which the save brought up to date.

Once the use case has saved, the mutation succeeds whatever the read models
do: if they could not follow (ReadModelsBehind) or the answer cannot be read
from them, it answers from the log, with a note (`service.graphql.answers`).
A failure before saving frees the key, so a corrected retry acts.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import strawberry
from strawberry.types import Info

from service.actor import Actor
from service.calls import in_thread
from service.catching_up import ReadModelsBehind
from service.container import Services
from service.graphql import inputs as i
from service.graphql.answers import (
    BOARD,
    CYCLE,
    Answer,
    answer_from_the_log,
    answer_now,
    catching_up_note,
)
from service.graphql.context import Context
from service.graphql.types import Board, Cycle
from service.idempotency import Claim, Earlier, Saved

log = logging.getLogger("groeispurt.graphql")
Ctx = Info[Context, None]
# The answer's document (see `answers.Doc`): kept as JSON for a retry, read back as is.
Doc = Any
R = TypeVar("R")
# The use case, called with the services, the actor and the key's claim; the
# resolver's input is in its closure.
Write = Callable[[Services, Actor, Claim | None], R]
# Which object the answer shows, given what the use case returned (None when that
# is unknown: a retry, or a save the read models could not follow) and what it saved.
Target = Callable[[R | None, Saved], Any]


class Keyed(Protocol):
    """Every mutation's input: it may carry an idempotency key."""

    @property
    def idempotency_key(self) -> str | None: ...


class OnCycle(Keyed, Protocol):
    """The input of a mutation on one cycle."""

    @property
    def cycle_id(self) -> strawberry.ID: ...


async def act(
    info: Ctx, input: Keyed, operation: str, write: Write[R], target: Target[R], answer: Answer
) -> Doc:
    context = info.context
    services = context.services

    def act_once() -> Doc:
        actor = context.who()
        begun = services.idempotency.begin(
            actor, input.idempotency_key, operation, fingerprint(operation, input)
        )
        if isinstance(begun, Earlier):
            if begun.answer is not None:
                return dict(begun.answer)
            # Saved, its answer never stored (the request died, or the store was full).
            return _answer(context, services, actor, answer, target(None, begun.saved), operation)
        try:
            result = write(services, actor, begun)
        except ReadModelsBehind as behind:
            doc = _from_the_log(
                context, services, actor, answer, target(None, behind.saved_topics()), operation
            )
        except BaseException:
            if begun is not None:
                services.idempotency.release(begun)
            raise
        else:
            # The save brought the read models up to it: read there, from the log if that fails.
            doc = answer_now(services, actor, answer, target(result, ())) or _from_the_log(
                context, services, actor, answer, target(result, ()), operation
            )
        if begun is not None:
            _keep(services, begun, doc)
        return doc

    return await in_thread(act_once)


async def on_cycle(info: Ctx, input: OnCycle, operation: str, write: Write[object]) -> Cycle:
    """Runs a use case on the cycle the input names; answers with that cycle."""
    target = named(input.cycle_id)
    return Cycle.from_doc(await act(info, input, operation, write, target, CYCLE))


async def on_board(info: Ctx, input: OnCycle, operation: str, write: Write[object]) -> Board:
    """Runs a use case on the cycle the input names; answers with its board."""
    target = named(input.cycle_id)
    return Board.from_doc(await act(info, input, operation, write, target, BOARD))


def _answer(
    context: Context, services: Services, actor: Actor, answer: Answer, target: Any, path: str
) -> Doc:
    """From the read models when they hold the whole log, else from the log itself."""
    if services.projections.caught_up():
        doc = answer_now(services, actor, answer, target)
        if doc is not None:
            return doc
    return _from_the_log(context, services, actor, answer, target, path)


def _from_the_log(
    context: Context, services: Services, actor: Actor, answer: Answer, target: Any, path: str
) -> Doc:
    doc = answer_from_the_log(services, actor, answer, target)
    context.notes.append(catching_up_note(path))
    return doc


def _keep(services: Services, claim: Claim, doc: Doc) -> None:
    """Stores the answer for retries. The change is saved (or there was none) and the
    key completed with it: failing to store the answer must not fail the request."""
    try:
        services.idempotency.finish(claim, doc)
    except Exception:
        log.exception("the answer to idempotencyKey %r could not be kept", claim.key)


def fingerprint(operation: str, input: Any) -> str:
    """Which request this is, the key aside: the same key with another payload is refused."""
    text = json.dumps([operation, i.plain(input)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def named(target: Any) -> Target[object]:
    """The answer shows the object the input names (a cycle, a person)."""
    return lambda result, saved: target


def created(topic: str) -> Target[object]:
    """The answer shows the object the use case created: its return value, or, when
    that is unknown, the aggregate whose first saved event has `topic`."""

    def target(result: object | None, saved: Saved) -> Any:
        if result is not None:
            return result
        return next(aggregate for aggregate, first in saved if first == topic)

    return target
