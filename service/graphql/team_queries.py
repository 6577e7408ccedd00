"""The timeline across an employee's cycles, and the team's upcoming show & tells."""

from __future__ import annotations

import strawberry

from service.graphql.commands import Ctx
from service.graphql.context import read
from service.graphql.team_types import CycleTimeline, ShowAndTell
from service.ids import bare_key


@strawberry.field(
    description="Every cycle of an employee on one line, as the /timeline page shows it: "
    "for the employee, their manager now, and HR."
)
async def timeline(info: Ctx, employee_id: strawberry.ID) -> CycleTimeline:
    found = await read(info, info.context.services.queries.timeline, bare_key(employee_id))
    return CycleTimeline.from_timeline(found)


@strawberry.field(
    description="The show & tells announced to the caller's team, today or later, earliest "
    "first: their own, their manager's, their colleagues' under that manager, their reports'."
)
async def upcoming_show_and_tells(info: Ctx) -> list[ShowAndTell]:
    found = await read(info, info.context.services.queries.upcoming_show_and_tells)
    return [ShowAndTell.from_item(item) for item in found]
