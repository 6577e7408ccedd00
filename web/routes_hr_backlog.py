"""HR: the company backlog of needed skills, in order; adding, rewording, reordering, retiring.

Only HR gets here. The backlog's use cases also let administrators change
it (through the API), but this page is HR's: an administrator who is not HR
gets the 403 page, as on the other HR pages.

Reordering works like the board: dragging a skill, or its arrow buttons,
posts the skill, its new position and the backlog's version the page was
drawn from; when the backlog changed since, nothing moves and the current
order comes back with a short message. Where the skill now stands is said
in the page's live region.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.backlog import BacklogSkill
from domain.error_texts import NO_SUCH_BACKLOG_SKILL, NOT_A_POSITION
from domain.errors import DomainError, InvalidInput
from projections.backlog_use import NOT_USED
from service.actor import Actor
from service.container import Services
from service.errors import Conflict, Forbidden, NotFound
from web import forms
from web.error_texts import MERGE_NOT_CONFIRMED, RETIREMENT_NOT_CONFIRMED
from web.rendering import (
    as_signed_in,
    is_htmx,
    reading_as_signed_in,
    redirect,
    render,
    said,
    translate,
)

WORDING = ("kind", "horizon", "description", "inspiration")
KINDS = [("hard", "hard skill"), ("soft", "soft skill")]
HORIZONS = [("now", "needed now"), ("future", "needed in the future")]
STALE = "The backlog was changed elsewhere in the meantime; this is how it looks now. Try again."
MOVED = "“{skill}” is now number {position} of {count}."


async def backlog_page(request: Request) -> Response:
    context = await reading_as_signed_in(request, _backlog_page_context)
    context["message"] = request.session.pop("backlog_message", None)
    context["values"] = {"kind": "hard", "horizon": "now"}
    return render(request, "hr/backlog.html", context, fragment="hr/_backlog.html")


def _backlog_context(services: Services, actor: Actor) -> dict[str, Any]:
    _require_hr(actor)
    order = services.queries.backlog_order(actor)
    uses = services.queries.backlog_use(actor)
    return {
        "skills": order.skills,
        "version": order.version,
        "uses": {s["id"]: uses.get(s["id"], NOT_USED) for s in order.skills},
        "kinds": KINDS,
        "horizons": HORIZONS,
    }


def _backlog_page_context(services: Services, actor: Actor) -> dict[str, Any]:
    """The backlog, with the pairs of skills that look like one (not redrawn on a move)."""
    context = _backlog_context(services, actor)
    context["similar"] = services.queries.similar_backlog_skills(actor)
    return context


async def add(request: Request) -> Response:
    form = await request.form()
    values = {k: str(form.get(k, "")).strip() for k in WORDING}
    try:
        await as_signed_in(request, _add, values)
    except (DomainError, Conflict) as refused:
        field = refused.field if refused.field in WORDING else "description"
        shown = said(request, refused, beside_field=field == refused.field)
        context = await reading_as_signed_in(request, _backlog_context)
        context.update(values=values, errors={field: shown}, open_form=True)
        return render(request, "hr/backlog.html", context, status_code=400)
    request.session["backlog_message"] = translate(
        request, "“{skill}” is added at the end of the backlog."
    ).format(skill=values["description"])
    return redirect("/hr/backlog", request)


def _add(services: Services, actor: Actor, values: dict[str, str]) -> None:
    _require_hr(actor)
    services.app.add_backlog_skill(actor, values)


async def move(request: Request) -> Response:
    form = await request.form()
    skill_id = str(form.get("skill_id", ""))
    position = forms.whole_number(form.get("position"), -1)
    version = forms.whole_number(form.get("version"), -1)
    # One hop to the thread pool: who asks, the move, and the backlog drawn after it.
    outcome, context = await as_signed_in(request, _move_then_backlog, skill_id, position, version)
    message = _said(request, outcome, context)
    if not is_htmx(request):
        request.session["backlog_message"] = message
        return redirect("/hr/backlog")
    context["announcement"] = message
    return render(request, "hr/_backlog.html", context)


# Why a skill did not move: the backlog changed meanwhile (STALE) or a rule refused it;
# None when it moved.
Outcome = str | DomainError | None


def _said(request: Request, outcome: Outcome, context: dict[str, Any]) -> str:
    if isinstance(outcome, DomainError):
        return said(request, outcome, beside_field=False)
    if outcome is not None:
        return translate(request, outcome)
    return translate(request, MOVED).format(**context["moved"])


def _move_then_backlog(
    services: Services, actor: Actor, skill_id: str, position: int, version: int
) -> tuple[Outcome, dict[str, Any]]:
    _require_hr(actor)
    outcome: Outcome = None
    try:
        if position < 0:
            raise InvalidInput(NOT_A_POSITION, "position")
        services.app.move_backlog_skill(actor, skill_id, position, if_version=version)
    except Conflict:
        outcome = STALE
    except DomainError as refused:  # retired or gone meanwhile
        outcome = refused
    context = _backlog_context(services, actor)
    ids = [s["id"] for s in context["skills"]]
    if outcome is None:
        context["moved"] = {
            "skill": context["skills"][ids.index(skill_id)]["description"],
            "position": ids.index(skill_id) + 1,
            "count": len(ids),
        }
        context["moved_id"] = skill_id
    return outcome, context


async def skill_page(request: Request) -> Response:
    skill_id = str(request.path_params["skill_id"])
    context = await reading_as_signed_in(request, _skill_context, skill_id)
    context["message"] = request.session.pop("backlog_message", None)
    return render(request, "hr/backlog_skill.html", context)


def _skill_context(services: Services, actor: Actor, skill_id: str) -> dict[str, Any]:
    context = _backlog_context(services, actor)
    skills: list[BacklogSkill] = context["skills"]
    skill = next((s for s in skills if s["id"] == skill_id), None)
    if skill is None:
        raise NotFound(NO_SUCH_BACKLOG_SKILL)  # never added, or retired
    context.update(
        skill=skill,
        use=context["uses"][skill_id],
        position=skills.index(skill) + 1,
        values={
            "kind": skill["kind"],
            "horizon": skill["horizon"],
            "description": skill["description"],
            "inspiration": skill["inspiration"],
        },
    )
    return context


async def reword(request: Request) -> Response:
    skill_id = str(request.path_params["skill_id"])
    form = await request.form()
    values = {k: str(form.get(k, "")).strip() for k in WORDING}
    try:
        await as_signed_in(request, _reword, skill_id, values)
    except (DomainError, Conflict) as refused:
        field = refused.field if refused.field in WORDING else "description"
        shown = said(request, refused, beside_field=field == refused.field)
        return await _skill_again(request, skill_id, values, {field: shown})
    request.session["backlog_message"] = translate(request, "Saved.")
    return redirect(f"/hr/backlog/{skill_id}", request)


def _reword(services: Services, actor: Actor, skill_id: str, values: dict[str, str]) -> None:
    _require_hr(actor)
    services.app.reword_backlog_skill(actor, skill_id, values)


async def retire(request: Request) -> Response:
    """Asked for twice: the form's box says what retiring does and must be ticked."""
    skill_id = str(request.path_params["skill_id"])
    form = await request.form()
    confirmed = form.get("confirm") == "yes"
    try:
        description = await as_signed_in(request, _retire, skill_id, confirmed)
    except (DomainError, Conflict) as refused:
        shown = said(request, refused, beside_field=refused.field == "confirm")
        return await _skill_again(request, skill_id, {}, {"confirm": shown})
    request.session["backlog_message"] = translate(
        request, "“{skill}” is retired: it is off the backlog."
    ).format(skill=description)
    return redirect("/hr/backlog", request)


def _retire(services: Services, actor: Actor, skill_id: str, confirmed: bool) -> str:
    """Retires the skill; returns its wording, for the message."""
    skill = _skill_context(services, actor, skill_id)["skill"]  # HR only, before the form
    if not confirmed:
        raise InvalidInput(RETIREMENT_NOT_CONFIRMED, "confirm")
    services.app.retire_backlog_skill(actor, skill_id)
    return str(skill["description"])


async def _skill_again(
    request: Request, skill_id: str, typed: dict[str, str], errors: dict[str, str]
) -> Response:
    context = await reading_as_signed_in(request, _skill_context, skill_id)
    context["values"].update(typed)
    context["errors"] = errors
    return render(request, "hr/backlog_skill.html", context, status_code=400)


async def merge(request: Request) -> Response:
    """Merges the skill into another, asked for twice like retiring; from the list of
    likely twins on the backlog page (`back=list`) or from the skill's own page."""
    skill_id = str(request.path_params["skill_id"])
    form = await request.form()
    into = str(form.get("into_skill_id", ""))
    confirmed = form.get("confirm") == "yes"
    version = forms.whole_number(form.get("version"), -1)
    from_list = form.get("back") == "list"
    try:
        names = await as_signed_in(request, _merge, skill_id, into, confirmed, version)
    except (DomainError, Conflict) as refused:
        field = "confirm" if refused.field == "confirm" else "into_skill_id"
        shown = said(request, refused, beside_field=field == refused.field)
        if from_list:
            context = await reading_as_signed_in(request, _backlog_page_context)
            context.update(values={"kind": "hard", "horizon": "now"})
            context["merge_errors"] = {skill_id: shown}
            return render(request, "hr/backlog.html", context, status_code=400)
        key = "merge_confirm" if field == "confirm" else field  # the retire form has one too
        return await _skill_again(request, skill_id, {"into_skill_id": into}, {key: shown})
    request.session["backlog_message"] = translate(
        request, "“{skill}” is merged into “{into}”: what pointed at it counts for “{into}” now."
    ).format(skill=names[0], into=names[1])
    return redirect("/hr/backlog", request)


def _merge(
    services: Services, actor: Actor, skill_id: str, into: str, confirmed: bool, version: int
) -> tuple[str, str]:
    """Merges; returns the two wordings, for the message."""
    context = _skill_context(services, actor, skill_id)  # HR only, before the form
    if not confirmed:
        raise InvalidInput(MERGE_NOT_CONFIRMED, "confirm")
    services.app.merge_backlog_skills(actor, skill_id, into, if_version=version)
    names = {s["id"]: s["description"] for s in context["skills"]}
    return str(context["skill"]["description"]), names.get(into, "")


def _require_hr(actor: Actor) -> None:
    """HR's page: administrators change the backlog through the API, not here."""
    if not actor.is_hr:
        raise Forbidden()


routes = [
    Route("/hr/backlog", backlog_page, methods=["GET"]),
    Route("/hr/backlog", add, methods=["POST"]),
    Route("/hr/backlog/move", move, methods=["POST"]),
    Route("/hr/backlog/{skill_id:uuid}", skill_page, methods=["GET"]),
    Route("/hr/backlog/{skill_id:uuid}", reword, methods=["POST"]),
    Route("/hr/backlog/{skill_id:uuid}/retire", retire, methods=["POST"]),
    Route("/hr/backlog/{skill_id:uuid}/merge", merge, methods=["POST"]),
]
