"""HR: the question set both parties answer when they prepare; adding, rewording, reordering,
retiring.

Like the company backlog, this page is HR's (administrators change the set
through the API). Every form sends the set's version the page was drawn
from: when the set changed since, nothing is saved and the page comes back
as the set is now, with a short message. Questions are reordered within
their part, by dragging or with their arrow buttons, as on the backlog.

A built-in question is shown in the page's language. Saving its wording as
shown changes nothing; saving other words makes them HR's, stored as typed.
Cycles keep the questions they began with: a change counts for cycles
opened from now on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.error_texts import NO_SUCH_QUESTION, NOT_A_POSITION
from domain.errors import DomainError, InvalidInput
from domain.question_set import Question, Section
from service.actor import Actor
from service.container import Services
from service.errors import Conflict, Forbidden, NotFound
from web import forms
from web.cycle_questions import SECTIONS, question_sections
from web.error_texts import QUESTION_RETIREMENT_NOT_CONFIRMED
from web.rendering import (
    as_signed_in,
    is_htmx,
    reading_as_signed_in,
    redirect,
    render,
    said,
    translate,
)

WORDING = ("section", "employee", "manager", "help")
STALE = (
    "The question set was changed elsewhere in the meantime; this is how it looks now. Try again."
)
MOVED = "The question is now number {position} of {count} in “{section}”."
ADDED = "The question is added at the end of “{section}”. Cycles opened from now on ask it."
RETIRED = "The question is retired: cycles opened from now on no longer ask it."
SAVED = "Saved. Cycles opened from now on ask the new wording."
Translate = Callable[[str], str]


async def questions_page(request: Request) -> Response:
    context = await reading_as_signed_in(request, _set_context)
    context["message"] = request.session.pop("questions_message", None)
    context["values"] = {"section": Section.OPENING.value}
    return render(request, "hr/questions.html", context, fragment="hr/_questions.html")


def _set_context(services: Services, actor: Actor) -> dict[str, Any]:
    _require_hr(actor)
    view = services.queries.question_set(actor)
    return {
        "sections": question_sections(view.questions),
        "all_sections": [(s.value, SECTIONS[s.value][0]) for s in Section],
        "section_texts": SECTIONS,
        "retired": view.retired,
        "version": view.version,
    }


def _typed(form: Any) -> dict[str, str]:
    return {k: str(form.get(k, "")).strip() for k in WORDING}


async def add(request: Request) -> Response:
    form = await request.form()
    values = _typed(form)
    version = forms.whole_number(form.get("version"), -1)
    try:
        await as_signed_in(request, _add, values, version)
    except (DomainError, Conflict) as refused:
        context = await reading_as_signed_in(request, _set_context)
        if isinstance(refused, Conflict):
            context.update(values=values, errors={"form": translate(request, STALE)})
        else:
            field = refused.field if refused.field in WORDING else "employee"
            shown = said(request, refused, beside_field=field == refused.field)
            context.update(values=values, errors={field: shown})
        context["open_form"] = True
        return render(request, "hr/questions.html", context, status_code=400)
    section = translate(request, SECTIONS[values["section"]][0])
    request.session["questions_message"] = translate(request, ADDED).format(section=section)
    return redirect("/hr/questions", request)


def _add(services: Services, actor: Actor, values: dict[str, str], version: int) -> None:
    _require_hr(actor)
    services.app.add_question(actor, values, if_version=version)


async def move(request: Request) -> Response:
    form = await request.form()
    question_id = str(form.get("question_id", ""))
    position = forms.whole_number(form.get("position"), -1)
    version = forms.whole_number(form.get("version"), -1)
    outcome, context = await as_signed_in(request, _move_then_set, question_id, position, version)
    if isinstance(outcome, DomainError):
        message = said(request, outcome, beside_field=False)
    elif outcome is not None:
        message = translate(request, outcome)
    else:
        moved = context["moved"]
        section = translate(request, SECTIONS[moved["section"]][0])
        message = translate(request, MOVED).format(
            position=moved["position"], count=moved["count"], section=section
        )
    if not is_htmx(request):
        request.session["questions_message"] = message
        return redirect("/hr/questions")
    context["announcement"] = message
    return render(request, "hr/_questions.html", context)


Outcome = str | DomainError | None  # STALE, a refusal, or None when it moved


def _move_then_set(
    services: Services, actor: Actor, question_id: str, position: int, version: int
) -> tuple[Outcome, dict[str, Any]]:
    _require_hr(actor)
    outcome: Outcome = None
    try:
        if position < 0:
            raise InvalidInput(NOT_A_POSITION, "position")
        services.app.move_question(actor, question_id, position, if_version=version)
    except Conflict:
        outcome = STALE
    except DomainError as refused:
        outcome = refused
    context = _set_context(services, actor)
    if outcome is None:
        for section, questions in context["sections"]:
            ids = [q["id"] for q in questions]
            if question_id in ids:
                context["moved"] = {
                    "section": section,
                    "position": ids.index(question_id) + 1,
                    "count": len(ids),
                }
        context["moved_id"] = question_id
    return outcome, context


async def question_page(request: Request) -> Response:
    question_id = str(request.path_params["question_id"])
    context = await reading_as_signed_in(request, _question_context, question_id)
    context["values"] = _shown_wording(context["question"], _translator(request))
    context["message"] = request.session.pop("questions_message", None)
    return render(request, "hr/question.html", context)


def _question_context(services: Services, actor: Actor, question_id: str) -> dict[str, Any]:
    context = _set_context(services, actor)
    for _section, questions in context["sections"]:
        for i, question in enumerate(questions):
            if question["id"] == question_id:
                context.update(question=question, position=i + 1, count=len(questions))
                return context
    raise NotFound(NO_SUCH_QUESTION)  # never added, or retired


def _translator(request: Request) -> Translate:
    return lambda text: translate(request, text) if text else ""


def _shown_wording(question: Question, tr: Translate) -> dict[str, str]:
    """The wording as the page shows it: a built-in question in the page's language."""
    shown = {k: str(question[k]) for k in WORDING}  # type: ignore[literal-required]
    if question["built_in"]:
        shown.update({k: tr(shown[k]) for k in ("employee", "manager", "help")})
    return shown


async def reword(request: Request) -> Response:
    question_id = str(request.path_params["question_id"])
    form = await request.form()
    values = _typed(form)
    version = forms.whole_number(form.get("version"), -1)
    tr = _translator(request)
    try:
        await as_signed_in(request, _reword, question_id, values, version, tr)
    except (DomainError, Conflict) as refused:
        if isinstance(refused, Conflict):
            errors = {"form": translate(request, STALE)}
        else:
            field = refused.field if refused.field in WORDING else "employee"
            errors = {field: said(request, refused, beside_field=field == refused.field)}
        context = await reading_as_signed_in(request, _question_context, question_id)
        context.update(values=values, errors=errors)
        return render(request, "hr/question.html", context, status_code=400)
    request.session["questions_message"] = translate(request, SAVED)
    return redirect(f"/hr/questions/{question_id}", request)


def _reword(
    services: Services,
    actor: Actor,
    question_id: str,
    values: dict[str, str],
    version: int,
    tr: Translate,
) -> None:
    question = _question_context(services, actor, question_id)["question"]
    if values == _shown_wording(question, tr):
        return  # saved as shown: a built-in question stays built in, in every language
    services.app.reword_question(actor, question_id, values, if_version=version)


async def retire(request: Request) -> Response:
    """Asked for twice: the form's box says what retiring does and must be ticked."""
    question_id = str(request.path_params["question_id"])
    form = await request.form()
    confirmed = form.get("confirm") == "yes"
    version = forms.whole_number(form.get("version"), -1)
    try:
        await as_signed_in(request, _retire, question_id, confirmed, version)
    except (DomainError, Conflict) as refused:
        if isinstance(refused, Conflict):
            errors = {"form": translate(request, STALE)}
        else:
            errors = {"confirm": said(request, refused, beside_field=refused.field == "confirm")}
        context = await reading_as_signed_in(request, _question_context, question_id)
        context.update(values=_shown_wording(context["question"], _translator(request)))
        context["errors"] = errors
        return render(request, "hr/question.html", context, status_code=400)
    request.session["questions_message"] = translate(request, RETIRED)
    return redirect("/hr/questions", request)


def _retire(
    services: Services, actor: Actor, question_id: str, confirmed: bool, version: int
) -> None:
    _question_context(services, actor, question_id)  # HR only, and it must be there
    if not confirmed:
        raise InvalidInput(QUESTION_RETIREMENT_NOT_CONFIRMED, "confirm")
    services.app.retire_question(actor, question_id, if_version=version)


def _require_hr(actor: Actor) -> None:
    """HR's page: administrators change the set through the API, not here."""
    if not actor.is_hr:
        raise Forbidden()


routes = [
    Route("/hr/questions", questions_page, methods=["GET"]),
    Route("/hr/questions", add, methods=["POST"]),
    Route("/hr/questions/move", move, methods=["POST"]),
    Route("/hr/questions/{question_id}", question_page, methods=["GET"]),
    Route("/hr/questions/{question_id}", reword, methods=["POST"]),
    Route("/hr/questions/{question_id}/retire", retire, methods=["POST"]),
]
