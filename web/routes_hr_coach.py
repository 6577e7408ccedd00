"""HR opens the growth cycle of someone without a manager, with a coach in the manager's role.

The top of the organisation has no manager, yet runs growth cycles like anyone
(seed 000: the manager shows their own kanban too). The conversation needs a
second party to write the cards with and to approve the POP, so HR leads it
or names a colleague as coach; the use case decides who may, this page asks.
"""

from __future__ import annotations

from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError, InvalidInput
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.error_texts import NOT_AN_ID
from service.errors import NotFound
from web.rendering import current_actor, redirect, said, services_of, translate
from web.routes_hr_people import person_again

FIELDS = ("coach_id", "planned_session_on")


async def open_coached_cycle(request: Request) -> Response:
    actor = await current_actor(request)
    person_id = str(request.path_params["person_id"])
    form = await request.form()
    typed = {name: str(form.get(name, "")).strip() for name in FIELDS}
    try:
        cycle_id = await in_thread(_open, services_of(request), actor, person_id, typed)
    except (DomainError, NotFound) as refused:
        field = refused.field if refused.field in FIELDS else "planned_session_on"
        shown = said(request, refused, beside_field=field == refused.field)
        return await person_again(request, actor, person_id, typed, {field: shown})
    request.session["cycle_message"] = translate(request, "The growth cycle is open.")
    return redirect(f"/cycles/{cycle_id}", request)


def _open(services: Services, actor: Actor, person_id: str, typed: dict[str, str]) -> UUID:
    coach: UUID | None = None
    if typed["coach_id"]:
        try:
            coach = UUID(typed["coach_id"])
        except ValueError:
            raise InvalidInput(NOT_AN_ID, "coach_id") from None
    return services.app.open_cycle(
        actor,
        employee_id=UUID(person_id),
        planned_session_on=typed["planned_session_on"] or None,
        coach_id=coach,
    )


routes = [
    Route("/hr/people/{person_id:uuid}/cycle", open_coached_cycle, methods=["POST"]),
]
