"""Queries integrators asked for: a person by e-mail or external id, cycles across people."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.errors import InvalidInput
from projections.cycle_detail import CycleFilter as Where
from projections.cycle_fold import CycleDoc
from service.error_texts import ONE_PERSON_KEY
from service.graphql.commands import Ctx
from service.graphql.context import run
from service.graphql.enums import Stage
from service.graphql.pagination import (
    Connection,
    connection,
    decode_cursor,
    encode_cursor,
    page_size,
)
from service.graphql.types import Cycle, Person
from service.ids import bare_key


@strawberry.input(
    description="Every part is optional. `team` is the employee's team now; the days of "
    "`openedFrom` and `openedTo` are included."
)
class CycleFilter:
    manager_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who leads the cycle now."
    )
    team: str | None = None
    stage: Stage | None = None
    opened_from: date | None = None
    opened_to: date | None = None


@strawberry.field(
    description="A person by e-mail address or by external id (give one): null when "
    "nobody the caller may see with their details (as in `people`) has it."
)
async def person(
    info: Ctx, email: str | None = None, external_id: str | None = None
) -> Person | None:
    queries = info.context.services.queries
    if (email is None) == (external_id is None):
        raise InvalidInput(ONE_PERSON_KEY, "email")
    if email is not None:
        row = await run(info, queries.person_by_email, email)
    else:
        row = await run(info, queries.person_by_external_id, str(external_id))
    return Person.from_row(row) if row is not None else None


@strawberry.field(
    description="Cycles, newest first: HR (and audit tokens) every cycle, anyone else "
    "those they may read (their own, their reports', the open ones they lead). "
    "`employeeId`: one employee's cycles."
)
async def cycles(
    info: Ctx,
    employee_id: strawberry.ID | None = None,
    filter: CycleFilter | None = None,
    first: int | None = None,
    after: str | None = None,
) -> Connection[Cycle]:
    given = filter or CycleFilter()
    where = Where(
        employee_id=_key(employee_id),
        manager_id=_key(given.manager_id),
        team=given.team,
        stage=given.stage.value if given.stage is not None else None,
        opened_from=given.opened_from,
        opened_to=given.opened_to,
    )
    queries = info.context.services.queries
    size, key = page_size(first), decode_cursor("cycles", after, (str, str))
    page = await run(info, queries.cycles, where, after=key, limit=size)
    return connection(page, Cycle.from_doc, cycle_cursor)


def cycle_cursor(doc: CycleDoc) -> str:
    return encode_cursor("cycles", (doc["opened_at"], doc["cycle_id"]))


def _key(value: strawberry.ID | None) -> str | None:
    return str(bare_key(value)) if value is not None else None
