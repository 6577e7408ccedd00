"""The timeline across cycles: every growth cycle of one employee, one lane each, in order.

Each lane is an ordered list of the cycle's moments (the session and its
cards, each POP version and its approvals, handovers, the follow-up and its
retrospective), drawn as stations on a line: the picture and what a screen
reader reads are the same list. Read through `ReadQueries.timeline`, so the
people who read the employee's history see it, and nobody else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.plan_comparison import PlanComparison
from projections.cycle_fold import SessionCard
from projections.cycle_timeline import CycleLine
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from web.pop_versions import version_changes
from web.rendering import current_actor, person_name, render, services_of

ENDED = ("completed", "closed")


@dataclass(frozen=True, slots=True)
class Lane:
    """One cycle as the page draws it."""

    line: CycleLine
    chosen: list[tuple[SessionCard, str]]  # the cards on the board, each with its column now
    changes: dict[int, PlanComparison]  # POP version → what it changed against the one before
    overdue: bool  # a follow-up past its day and not held


async def timeline_page(request: Request) -> Response:
    actor = await current_actor(request)
    employee = request.query_params.get("employee") or None
    context = await in_thread(timeline_context, services_of(request), actor, employee)
    return render(request, "timeline/page.html", context)


def timeline_context(services: Services, actor: Actor, employee: str | None) -> dict[str, Any]:
    employee_id = employee or str(actor.person_id)
    timeline = services.queries.timeline(actor, employee_id)
    today = services.app.today().isoformat()
    lanes = [_lane(line, today) for line in timeline.cycles]
    people = {timeline.employee_id}
    for line in timeline.cycles:
        people |= {m.person_id for m in line.moments if m.person_id}
        people.add(line.cycle["manager_id"] or "")
        for handover in line.cycle["handovers"]:
            people |= {handover["from_manager_id"] or "", handover["to_manager_id"] or ""}
    people.discard("")
    own = timeline.employee_id == str(actor.person_id)
    return {
        "lanes": lanes,
        "own": own,
        "employee_id": timeline.employee_id,
        "names": {p: person_name(services, p) for p in sorted(people)},
        "hr_view": actor.is_hr and not own,
    }


def _lane(line: CycleLine, today: str) -> Lane:
    doc = line.cycle
    session, board = doc["session"], doc["board"]
    cards = {c["id"]: c for c in session["cards"]} if session else {}
    chosen: list[tuple[SessionCard, str]] = []
    if board is not None:
        column_of = {cid: col for col, ids in board["columns"].items() for cid in ids}
        chosen = [(cards[cid], column_of.get(cid, "todo")) for cid in board["card_ids"]]
    changes = version_changes(doc["plan_versions"])
    follow_up = doc["follow_up"]
    overdue = (
        follow_up is not None
        and follow_up["completed"] is None
        and doc["stage"] not in ENDED
        and follow_up["due_on"] < today
    )
    return Lane(line=line, chosen=chosen, changes=changes, overdue=overdue)


routes = [Route("/timeline", timeline_page, methods=["GET"])]
