"""How a mutation runs its use case and answers with what it changed.

1. Its idempotency key, if it has one, is reserved (or an earlier request's
   outcome is found: then that is the answer, and nothing acts again).
2. The use case runs, handed the key's claim, which its save completes in
   the events' own transaction (`service.idempotency`).
3. The answer is read from the read models, which the save brought up to date.
4. It is put in the mutation's payload; a refusal of the input (a domain
   error) becomes the payload's `userErrors` instead (`user_errors` says
   which failures are user errors and which are errors of the response).

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
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import strawberry
from strawberry.types import Info

from domain.errors import DomainError
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
from service.graphql.payloads import BoardResult, CardResult, CycleResult
from service.graphql.types import Board, Card, Cycle
from service.graphql.user_errors import UserError
from service.idempotency import Claim, Earlier, Saved
from service.ids import bare_key

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
CyclePayload = TypeVar("CyclePayload", bound=CycleResult)
BoardPayload = TypeVar("BoardPayload", bound=BoardResult)
CardPayload = TypeVar("CardPayload", bound=CardResult)


class Keyed(Protocol):
    """Every mutation's input: it may carry an idempotency key and a clientMutationId."""

    @property
    def idempotency_key(self) -> str | None: ...
    @property
    def client_mutation_id(self) -> str | None: ...


class OnCycle(Keyed, Protocol):
    """The input of a mutation on one cycle."""

    @property
    def cycle_id(self) -> strawberry.ID: ...


class OnCard(OnCycle, Protocol):
    """The input of a mutation on one card of a cycle's board."""

    @property
    def card_id(self) -> strawberry.ID: ...


@dataclass(frozen=True)
class Refused:
    """The use case refused the input (a domain error): nothing was saved."""

    error: DomainError
    # Where in the input the use case's field names sit (a preparation's `answers`).
    under: tuple[str, ...] = ()

    @property
    def user_errors(self) -> list[UserError]:
        return [UserError.of(self.error, self.under)]


async def act(
    info: Ctx,
    input: Keyed,
    operation: str,
    write: Write[R],
    target: Target[R],
    answer: Answer,
    *,
    under: tuple[str, ...] = (),
) -> Doc | Refused:
    """The answer's document, or Refused; any other failure is an error of the response."""
    context = info.context
    services = context.services
    # Where the answer is in the response (an alias, if the document gave one), for a note.
    path = str(info.path.key)

    def act_once() -> Doc | Refused:
        actor = context.who()
        try:
            begun = services.idempotency.begin(
                actor, input.idempotency_key, operation, fingerprint(operation, input)
            )
        except DomainError as refused:  # the key itself: its length
            return Refused(refused)
        if isinstance(begun, Earlier):
            if begun.answer is not None:
                return dict(begun.answer)
            # Saved, its answer never stored (the request died, or the store was full).
            return _answer(context, services, actor, answer, target(None, begun.saved), path)
        try:
            result = write(services, actor, begun)
        except DomainError as refused:
            if begun is not None:
                services.idempotency.release(begun)
            return Refused(refused, under)
        except ReadModelsBehind as behind:
            doc = _from_the_log(
                context, services, actor, answer, target(None, behind.saved_topics()), path
            )
        except BaseException:
            if begun is not None:
                services.idempotency.release(begun)
            raise
        else:
            # The save brought the read models up to it: read there, from the log if that fails.
            doc = answer_now(services, actor, answer, target(result, ())) or _from_the_log(
                context, services, actor, answer, target(result, ()), path
            )
        if begun is not None:
            _keep(services, begun, doc)
        return doc

    return await in_thread(act_once)


async def on_cycle(
    info: Ctx,
    input: OnCycle,
    operation: str,
    write: Write[object],
    payload: type[CyclePayload],
    *,
    under: tuple[str, ...] = (),
) -> CyclePayload:
    """Runs a use case on the cycle the input names; answers with that cycle."""
    target = named(input.cycle_id)
    return cycle_payload(
        payload, input, await act(info, input, operation, write, target, CYCLE, under=under)
    )


def cycle_payload(payload: type[CyclePayload], input: Keyed, outcome: Doc) -> CyclePayload:
    mutation_id = input.client_mutation_id
    if isinstance(outcome, Refused):
        return payload(cycle=None, user_errors=outcome.user_errors, client_mutation_id=mutation_id)
    return payload(cycle=Cycle.from_doc(outcome), user_errors=[], client_mutation_id=mutation_id)


async def on_board(
    info: Ctx, input: OnCycle, operation: str, write: Write[object], payload: type[BoardPayload]
) -> BoardPayload:
    """Runs a use case on the cycle the input names; answers with its board."""
    outcome = await act(info, input, operation, write, named(input.cycle_id), BOARD)
    mutation_id = input.client_mutation_id
    if isinstance(outcome, Refused):
        return payload(board=None, user_errors=outcome.user_errors, client_mutation_id=mutation_id)
    return payload(board=Board.from_doc(outcome), user_errors=[], client_mutation_id=mutation_id)


async def on_card(
    info: Ctx, input: OnCard, operation: str, write: Write[object], payload: type[CardPayload]
) -> CardPayload:
    """Runs a use case on a card of the cycle the input names; answers with the board and
    that card."""
    outcome = await act(info, input, operation, write, named(input.cycle_id), BOARD)
    mutation_id = input.client_mutation_id
    if isinstance(outcome, Refused):
        return payload(
            board=None, card=None, user_errors=outcome.user_errors, client_mutation_id=mutation_id
        )
    card = outcome["cards"].get(str(bare_key(input.card_id)))
    return payload(
        board=Board.from_doc(outcome),
        card=Card.from_doc(outcome["cycle_id"], card) if card is not None else None,
        user_errors=[],
        client_mutation_id=mutation_id,
    )


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
