"""Inspiration in use: a skill from the backlog or the inspiration cards put on a list.

On the preparation tab each kind's fieldset offers the company backlog's
skills and the inspiration cards beside question 1. A click posts the whole
form (what was typed goes along, with or without JavaScript) and the tab
comes back with that skill on the list of question 1. Nothing is saved: the
list is the person's to change, and the draft is saved as usual.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from service.calls import in_thread
from service.errors import Forbidden
from web.rendering import current_actor, language_of, redirect, render, services_of, translate
from web.routes_cycle import cycle_context

PICKED = "inspiration-"
ADDED = {
    "hard": "“{skill}” is on the list of hard skills now. Save the draft to keep it.",
    "soft": "“{skill}” is on the list of soft skills now. Save the draft to keep it.",
}
ALREADY = "“{skill}” was on the list already."
GONE = "That skill is no longer offered as inspiration; the page shows what is offered now."


async def add_to_preparation(request: Request) -> Response:
    actor = await current_actor(request)
    cycle_id = request.path_params["cycle_id"]
    form = await request.form()
    context = await in_thread(cycle_context, services_of(request), actor, cycle_id, "preparation")
    if context["party"] is None:
        raise Forbidden()
    if context["cycle"]["session"] is not None:  # the preparations are closed: show them
        return redirect(f"/cycles/{cycle_id}/preparation")
    typed = {k: str(v) for k, v in form.items() if not k.startswith(PICKED)}
    ref = next((str(v) for k, v in form.items() if k.startswith(PICKED)), "")
    point = context["inspiration"].find(ref)
    errors: dict[str, str] = {}
    message = None
    if point is None:
        errors["form"] = translate(request, GONE)
    else:
        skill = point.title(language_of(request))
        message = _put_on_list(request, typed, point.kind, skill)
        context["opened_inspiration"] = point.kind
    context.update(tab="preparation", values=typed, errors=errors, message=message)
    return render(request, "cycle/page.html", context, fragment="cycle/_preparation.html")


def _put_on_list(request: Request, typed: dict[str, str], kind: str, skill: str) -> str:
    """Adds `skill` as a line of question 1 of its kind, unless it is there; says which."""
    field = f"{kind}.needed"
    lines = [line for line in typed.get(field, "").splitlines() if line.strip()]
    if skill.casefold() in {line.strip().casefold() for line in lines}:
        return translate(request, ALREADY).format(skill=skill)
    typed[field] = "\n".join([*lines, skill])
    return translate(request, ADDED[kind]).format(skill=skill)


routes = [
    Route("/cycles/{cycle_id:uuid}/preparation/inspiration", add_to_preparation, methods=["POST"]),
]
