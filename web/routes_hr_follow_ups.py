"""HR's overdue follow-ups: every cycle whose follow-up date has passed, by team, longest
overdue first, with who leads it; and what falls due in the coming weeks.

Read through `follow_ups_due` (HR's rights: every cycle) and `people` for the names
and teams, both access-checked; a manager who is not HR has their own list on
*My team* and gets the same refusal here as on every HR page.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from projections.follow_ups import FollowUpItem
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.errors import Forbidden
from web.rendering import current_actor, render, services_of

SOON_DAYS = 30


async def follow_ups_page(request: Request) -> Response:
    actor = await current_actor(request)
    context = await in_thread(follow_ups_context, services_of(request), actor)
    return render(request, "hr/follow_ups.html", context)


def follow_ups_context(services: Services, actor: Actor) -> dict[str, Any]:
    if not actor.may_read_cycles_as_hr:
        raise Forbidden()
    queries = services.queries
    due = queries.follow_ups_due(actor, soon_days=SOON_DAYS)
    people = {p["person_id"]: p for p in queries.people(actor)}

    def shown(item: FollowUpItem) -> dict[str, Any]:
        employee = people.get(item.employee_id)
        manager = people.get(item.manager_id) if item.manager_id else None
        return {
            "item": item,
            "employee": employee["name"] if employee else "",
            "team": employee["team"] if employee else "",
            "manager": manager["name"] if manager else "",
        }

    overdue = sorted(
        (shown(i) for i in due.overdue), key=lambda r: (r["team"], -(r["item"].days_overdue or 0))
    )
    teams = [
        {"team": team, "rows": list(rows), "worst": 0}
        for team, rows in groupby(overdue, key=lambda r: r["team"])
    ]
    for team in teams:
        team["worst"] = max(r["item"].days_overdue or 0 for r in team["rows"])
    teams.sort(key=lambda t: -t["worst"])
    return {
        "teams": teams,
        "overdue_count": len(overdue),
        "soon": [shown(i) for i in due.due_soon],
        "soon_days": SOON_DAYS,
    }


routes = [Route("/hr/follow-ups", follow_ups_page, methods=["GET"])]
