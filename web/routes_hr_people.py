"""HR: the people of the organisation; registering someone; changing manager, team, function
and external id; making a one-time sign-in link; deactivating someone who leaves.

Each change is a form of its own that calls one use case, so a refusal of
one never leaves another half-done; the error comes back next to its field
with what was typed still there.

Registering someone makes their invitation link at once, and a person's
page makes a new one (a reset, for someone with a password). The link is in
the answer to that form only, as the webhooks' secrets are: it is not put in
the session cookie (signed, not encrypted) to survive a redirect, and the
page asks the browser to show the person's own address instead of the
form's, so a reload shows the page without it rather than posting again.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError, InvalidInput
from domain.vocabulary import SignInLinkPurpose
from projections.people import DETAILS
from service import offboarding
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.error_texts import NO_SUCH_PERSON, NOT_AN_ID
from service.errors import Forbidden, NotFound
from service.sign_in_links import NewSignInLink
from web.error_texts import DEACTIVATION_NOT_CONFIRMED, NO_SUCH_PAGE
from web.rendering import current_actor, redirect, render, said, services_of, translate
from web.routes_sign_in_link import path_of

CHANGES = ("manager", "team", "function", "external_id")
# What the register form sends: the details every person has, and an optional external id.
REGISTERED = (*DETAILS, "external_id")
DEACTIVATION = ("left_on", "reason", "confirm")


async def people_page(request: Request) -> Response:
    actor = await current_actor(request)
    context = await in_thread(_people_context, services_of(request), actor)
    context["message"] = request.session.pop("hr_message", None)
    context["values"] = {"development_phase": "junior", "language": "nl"}
    return render(request, "hr/people.html", context)


def _people_context(services: Services, actor: Actor) -> dict[str, Any]:
    if not (actor.is_hr or actor.is_admin):
        raise Forbidden()
    people = services.queries.people(actor)
    names = {p["person_id"]: p["name"] for p in people}
    active = [p for p in people if p.get("left_on") is None]
    return {
        "people": people,
        "names": names,
        # Nobody who left can be given someone to manage.
        "managers": [("", "—"), *((p["person_id"], p["name"]) for p in active)],
    }


async def register(request: Request) -> Response:
    actor = await current_actor(request)
    form = await request.form()
    values = {k: str(form.get(k, "")).strip() for k in REGISTERED}
    services = services_of(request)
    try:
        person_id = await in_thread(_register, services, actor, values)
    except DomainError as refused:
        field = refused.field if refused.field in REGISTERED else "name"
        shown = said(request, refused, beside_field=field == refused.field)
        return await _people_again(request, actor, values, {field: shown})
    except NotFound as missing:
        return await _people_again(request, actor, values, {"manager_id": said(request, missing)})
    link = await in_thread(
        services.app.issue_sign_in_link, actor, person_id, SignInLinkPurpose.INVITATION
    )
    message = translate(request, "{name} is registered.").format(name=values["name"])
    return await _with_new_link(request, actor, link, message)


def _register(services: Services, actor: Actor, values: dict[str, str]) -> UUID:
    details: dict[str, Any] = {k: v or None for k, v in values.items()}
    details["manager_id"] = _person_id(values["manager_id"], "manager_id")
    return services.app.register_person(actor, **details)


async def _people_again(
    request: Request, actor: Actor, values: dict[str, str], errors: dict[str, str]
) -> Response:
    context = await in_thread(_people_context, services_of(request), actor)
    context.update(values=values, errors=errors, open_form=True)
    return render(request, "hr/people.html", context, status_code=400)


async def person_page(request: Request) -> Response:
    actor = await current_actor(request)
    person_id = str(request.path_params["person_id"])
    context = await in_thread(_person_context, services_of(request), actor, person_id)
    context["message"] = request.session.pop("hr_message", None)
    return render(request, "hr/person.html", context)


def _person_context(services: Services, actor: Actor, person_id: str) -> dict[str, Any]:
    context = _people_context(services, actor)
    person = next((p for p in context["people"] if p["person_id"] == person_id), None)
    if person is None:
        raise NotFound(NO_SUCH_PERSON)
    context["person"] = person
    # An administrator manages people without reading their cycles: HR does.
    context["reads_cycles"] = services.queries.may_read_history(actor, person_id)
    context["managers"] = [m for m in context["managers"] if m[0] != person_id]
    # Who they still manage: HR gives them another manager, before or after the leaving.
    context["reports"] = [
        p["name"]
        for p in context["people"]
        if p.get("manager_id") == person_id and p.get("left_on") is None
    ]
    context["sign_in"] = services.queries.sign_in_of(actor, person_id)
    # HR may not open an administrator's account (see `service.sign_in_link_use_cases`).
    context["may_make_link"] = actor.is_admin or "admin" not in person["roles"]
    context["values"] = {
        "manager_id": person["manager_id"] or "",
        "team": person["team"],
        "function": person["function"],
        "external_id": person["external_id"] or "",
        "left_on": services.app.today().isoformat(),
    }
    return context


async def change(request: Request) -> Response:
    actor = await current_actor(request)
    person_id = str(request.path_params["person_id"])
    what = str(request.path_params["what"])
    if what not in CHANGES:
        raise NotFound(NO_SUCH_PAGE)
    form = await request.form()
    field = "manager_id" if what == "manager" else what
    typed = str(form.get(field, "")).strip()
    services = services_of(request)
    try:
        await in_thread(_change, services, actor, person_id, what, typed, form)
    except (DomainError, NotFound) as refused:
        shown = said(request, refused, beside_field=field == refused.field)
        return await person_again(request, actor, person_id, {field: typed}, {field: shown})
    request.session["hr_message"] = translate(request, "Saved.")
    return redirect(f"/hr/people/{person_id}", request)


def _change(
    services: Services, actor: Actor, person_id: str, what: str, typed: str, form: FormData
) -> None:
    person = UUID(person_id)
    if what == "manager":
        services.app.change_manager(actor, person, _person_id(typed, "manager_id"))
    elif what == "team":
        services.app.change_team(actor, person, typed)
    elif what == "external_id":
        services.app.change_external_id(actor, person, typed or None)
    else:
        services.app.change_function(actor, person, typed)


async def deactivate(request: Request) -> Response:
    """Offboarding, asked for twice: the form's box says what it does and must be ticked."""
    actor = await current_actor(request)
    person_id = str(request.path_params["person_id"])
    form = await request.form()
    typed = {k: str(form.get(k, "")).strip() for k in DEACTIVATION}
    services = services_of(request)
    try:
        await in_thread(_deactivate, services, actor, person_id, typed)
    except (DomainError, NotFound) as refused:
        field = refused.field if refused.field in DEACTIVATION else "confirm"
        shown = said(request, refused, beside_field=field == refused.field)
        return await person_again(request, actor, person_id, typed, {field: shown})
    name = await in_thread(_name_of, services, person_id)
    request.session["hr_message"] = translate(request, "{name} is deactivated.").format(name=name)
    return redirect(f"/hr/people/{person_id}", request)


def _deactivate(services: Services, actor: Actor, person_id: str, typed: dict[str, str]) -> None:
    if not (actor.is_hr or actor.is_admin):
        raise Forbidden()  # before saying anything about the form
    if typed["confirm"] != "yes":
        raise InvalidInput(DEACTIVATION_NOT_CONFIRMED, "confirm")
    offboarding.deactivate_person(
        services, actor, UUID(person_id), left_on=typed["left_on"], reason=typed["reason"]
    )


async def make_sign_in_link(request: Request) -> Response:
    """A new one-time link for the person, in place of the one they had: an invitation
    while they have no password, a reset once they have."""
    actor = await current_actor(request)
    person_id: UUID = request.path_params["person_id"]
    link = await in_thread(_make_link, services_of(request), actor, person_id)
    return await _with_new_link(request, actor, link, None)


def _make_link(services: Services, actor: Actor, person_id: UUID) -> NewSignInLink:
    has_password = services.queries.sign_in_of(actor, person_id).has_password
    purpose = SignInLinkPurpose.PASSWORD_RESET if has_password else SignInLinkPurpose.INVITATION
    return services.app.issue_sign_in_link(actor, person_id, purpose)


async def _with_new_link(
    request: Request, actor: Actor, link: NewSignInLink, message: str | None
) -> Response:
    """The person's page with the link just made: the only time it is shown."""
    person_id = str(link.person_id)
    context = await in_thread(_person_context, services_of(request), actor, person_id)
    context.update(
        message=message,
        new_link=link,
        new_link_url=str(request.base_url).rstrip("/") + path_of(link.token),
        location=f"/hr/people/{person_id}",
        # The address the browser is told to show: where the language switch comes back to.
        path=f"/hr/people/{person_id}",
        back=f"/hr/people/{person_id}",
    )
    return render(request, "hr/person.html", context)


def _name_of(services: Services, person_id: str) -> str:
    return services.app.get_person(UUID(person_id)).name


async def person_again(
    request: Request,
    actor: Actor,
    person_id: str,
    typed: dict[str, str],
    errors: dict[str, str],
) -> Response:
    context = await in_thread(_person_context, services_of(request), actor, person_id)
    context["values"].update(typed)
    context["errors"] = errors
    return render(request, "hr/person.html", context, status_code=400)


def _person_id(value: str, field: str) -> UUID | None:
    if not value:
        return None
    try:
        return UUID(value)
    except ValueError:
        raise InvalidInput(NOT_AN_ID, field) from None


routes = [
    Route("/hr/people", people_page, methods=["GET"]),
    Route("/hr/people", register, methods=["POST"]),
    Route("/hr/people/{person_id:uuid}", person_page, methods=["GET"]),
    Route("/hr/people/{person_id:uuid}/deactivate", deactivate, methods=["POST"]),
    Route("/hr/people/{person_id:uuid}/sign-in-link", make_sign_in_link, methods=["POST"]),
    Route("/hr/people/{person_id:uuid}/{what}", change, methods=["POST"]),
]
