"""My team: a manager's direct reports, where each one's cycle stands, and opening a new cycle.

Everything here is read through the access-checked queries (`cycles_i_lead`,
`follow_ups_due`, `people`), so a manager sees exactly what the API shows
them. Opening a cycle goes through the use case; a refusal comes back next
to the field with the typed values kept.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError, InvalidInput
from projections.cycle_fold import CycleDoc
from projections.follow_ups import FollowUpItem
from projections.people_fold import PersonRow
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.errors import Forbidden, NotFound
from web.error_texts import NOBODY_CHOSEN
from web.rendering import (
    current_actor,
    person_name,
    redirect,
    render,
    said,
    services_of,
    translate,
)

FIELDS = ("employee_id", "planned_session_on")


async def team_page(request: Request) -> Response:
    actor = await current_actor(request)
    context = await in_thread(team_context, services_of(request), actor)
    context["message"] = request.session.pop("team_message", None)
    return render(request, "team/page.html", context)


def team_context(services: Services, actor: Actor) -> dict[str, Any]:
    """One row per direct report: their latest cycle, what it waits for, its follow-up."""
    queries = services.queries
    me = str(actor.person_id)
    # Someone who left is no one's report any more (HR's list of people still has them).
    reports = [
        p
        for p in queries.people(actor)
        if "manager_id" in p and p["manager_id"] == me and p.get("left_on") is None
    ]
    latest: dict[str, CycleDoc] = {}
    for led in queries.cycles_i_lead(actor):  # newest first: keep the first per employee
        latest.setdefault(led["employee_id"], led)
    due = queries.follow_ups_due(actor)
    overdue = {i.cycle_id: i for i in due.overdue}
    soon = {i.cycle_id: i for i in due.due_soon}
    waiting = {i.cycle_id: i for i in due.waiting}
    rows: list[dict[str, Any]] = []  # what the template shows per report
    for person in reports:
        cycle = latest.get(person["person_id"])
        cycle_id = cycle["cycle_id"] if cycle else None
        wait = waiting.get(cycle_id or "")
        follow_up = cycle["follow_up"] if cycle else None
        rows.append(
            {
                "person": person,
                "cycle": cycle,
                "waiting_on": wait.waiting_on if wait else None,
                "waiting_for": (wait.waiting_for or []) if wait else [],
                "due_on": follow_up["due_on"] if follow_up else None,
                "overdue": overdue.get(cycle_id or ""),
                "due_soon": cycle_id in soon,
                "can_open": cycle is None or cycle["stage"] in ("completed", "closed"),
            }
        )
    shown = queries.my_managers_shown_board(actor)
    return {
        # What the team shares (seed 000): the manager's own board, and the show & tells.
        "show_and_tells": queries.upcoming_show_and_tells(actor),
        "managers_board": shown[1] if shown else None,
        "me_id": me,
        "manager_name": person_name(services, shown[0]) if shown else "",
        "rows": rows,
        "overdue": [_named(i, reports) for i in due.overdue],
        "due_soon": [_named(i, reports) for i in due.due_soon],
        "openable": [("", "—")]
        + [(r["person"]["person_id"], r["person"]["name"]) for r in rows if r["can_open"]],
    }


def _named(item: FollowUpItem, reports: list[PersonRow]) -> tuple[FollowUpItem, str]:
    """The item, and the name of whose cycle it is."""
    names = {p["person_id"]: p["name"] for p in reports}
    return item, names.get(item.employee_id, "—")


async def open_cycle(request: Request) -> Response:
    actor = await current_actor(request)
    form = await request.form()
    values = {k: str(form.get(k, "")).strip() for k in FIELDS}
    services = services_of(request)
    errors: dict[str, str] = {}
    try:
        cycle_id = await in_thread(_open, services, actor, values)
    except DomainError as refused:
        field = refused.field if refused.field in FIELDS else "employee_id"
        errors[field] = said(request, refused, beside_field=field == refused.field)
    except (Forbidden, NotFound):
        errors["employee_id"] = translate(
            request, "You can open a growth cycle only for someone who reports to you."
        )
    if errors:
        context = await in_thread(team_context, services, actor)
        context.update(values=values, errors=errors)
        return render(request, "team/page.html", context, status_code=400)
    request.session["cycle_message"] = translate(request, "The growth cycle is open.")
    return redirect(f"/cycles/{cycle_id}", request)


def _open(services: Services, actor: Actor, values: dict[str, str]) -> Any:
    try:
        employee_id = UUID(values["employee_id"])
    except ValueError:
        raise InvalidInput(NOBODY_CHOSEN, "employee_id") from None
    return services.app.open_cycle(
        actor,
        employee_id=employee_id,
        planned_session_on=values["planned_session_on"] or None,
    )


routes = [
    Route("/team", team_page, methods=["GET"]),
    Route("/team/cycles", open_cycle, methods=["POST"]),
]
