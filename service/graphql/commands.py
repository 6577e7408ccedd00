"""How a mutation runs its use case and answers with what it changed.

Every mutation runs inside `IdempotencyKeys.once`, so a retry with the same
key returns the first answer instead of acting again, and answers with the
object it changed, read from the read models (which the save has already
brought up to date).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from strawberry.types import Info

from projections.board import employee_of_cycle
from projections.people import get_person_row
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.errors import NotFound
from service.graphql.context import Context
from service.graphql.types import Board, Cycle

Ctx = Info[Context, None]
Doc = dict[str, Any]
# A use case called with the services, the actor and the mutation's input.
Call = Callable[[Services, Actor, Any], Any]


async def act(
    info: Ctx, key: str | None, operation: str, command: Callable[[Services, Actor], Doc]
) -> Doc:
    services, context = info.context.services, info.context

    def act_once() -> Doc:
        actor = context.who()
        return services.idempotency.once(
            actor,
            key,
            operation,
            lambda: command(services, actor),
            lambda doc: doc,
            lambda doc: doc,
        )

    return await in_thread(act_once)


def read_cycle(services: Services, actor: Actor, cycle_id: Any) -> Doc:
    doc = services.queries.cycle(actor, cycle_id)
    if doc is None:
        raise NotFound("There is no such cycle.")
    return doc


def read_board_of_cycle(services: Services, actor: Actor, cycle_id: Any) -> Doc:
    employee = employee_of_cycle(services.database, str(cycle_id))
    board = services.queries.board_of(actor, employee, cycle_id) if employee else None
    if board is None:
        raise NotFound("There is no such board.")
    return board


def read_person(services: Services, person_id: Any) -> Doc:
    row = get_person_row(services.database, str(person_id))
    if row is None:
        raise NotFound("There is no such person.")
    return row


def cycle_mutation(name: str, input_type: type, call: Call, description: str | None = None) -> Any:
    """A mutation that runs one use case on a cycle and answers with the cycle."""
    return _mutation(name, input_type, call, description, Cycle)


def board_mutation(name: str, input_type: type, call: Call, description: str | None = None) -> Any:
    """A mutation that runs one use case on a cycle and answers with its board."""
    return _mutation(name, input_type, call, description, Board)


def _mutation(
    name: str, input_type: type, call: Call, description: str | None, answer: type
) -> Any:
    read, shape = (
        (read_cycle, Cycle.from_doc) if answer is Cycle else (read_board_of_cycle, Board.from_doc)
    )

    async def resolve(self: Any, info: Ctx, input: Any) -> Any:
        def command(services: Services, actor: Actor) -> Doc:
            call(services, actor, input)
            return read(services, actor, input.cycle_id)

        return shape(await act(info, input.idempotency_key, name, command))

    # strawberry reads the input's and the answer's types from the annotations.
    resolve.__annotations__ = {**resolve.__annotations__, "input": input_type, "return": answer}
    return strawberry.mutation(resolver=resolve, description=description)
