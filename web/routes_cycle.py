"""My cycle: preparation, the session and its cards, the POP with its versions, the follow-up.

Each tab is a fragment of its own (`cycle/_<tab>.html`) inside `cycle/page.html`.
A form that a rule refuses comes back with the error next to the field and
everything the person typed still in it; the use case saved nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any
from uuid import UUID

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError
from domain.plan_comparison import compare_versions
from domain.vocabulary import ActivityType, LearningForm, Stage, SupportKind
from projections.cycle_fold import CycleDoc
from projections.cycle_timeline import person_of_party
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.error_texts import NO_SUCH_CYCLE
from service.errors import Conflict, NotFound
from service.parties import party_of
from web import cycle_questions, forms, pop_versions, session_table
from web.rendering import (
    current_actor,
    language_of,
    person_name,
    redirect,
    render,
    said,
    services_of,
    translate,
)

TABS = ("overview", "preparation", "session", "pop", "follow-up")
Action = Callable[[Services, Actor, UUID, FormData], Any]


async def my_cycles(request: Request) -> Response:
    actor = await current_actor(request)
    cycles = await in_thread(services_of(request).queries.cycles_of, actor, actor.person_id)
    if cycles:
        return redirect(f"/cycles/{cycles[0]['cycle_id']}")
    return render(request, "cycle/none.html", {})


def cycle_context(
    services: Services, actor: Actor, cycle_id: UUID, tab: str | None = None
) -> dict[str, Any]:
    """What the cycle's page shows; for `tab` only what that tab needs (None: every tab's)."""
    doc = services.queries.cycle(actor, cycle_id)
    if doc is None:
        raise NotFound(NO_SUCH_CYCLE)
    party = party_of(actor, doc["employee_id"], doc["manager_id"])
    names = {
        "employee": person_name(services, doc["employee_id"]),
        "manager": person_name(services, doc["manager_id"]) if doc["manager_id"] else "",
    }
    queries = services.queries
    # The timeline and what was said last time are for those who read the history:
    # not a coach leading this cycle only.
    timeline = queries.may_read_history(actor, doc["employee_id"])
    earlier = doc["previous_cycle_id"] is not None and timeline
    return {
        "cycle": doc,
        "days_overdue": _days_overdue(doc, services.app.today()),
        "party": party,
        "names": names,
        "changes": pop_versions.version_changes(doc["plan_versions"]),
        # Who gave each approval: the manager party changes at a handover.
        "approvals": [
            (a, _name(services, person_of_party(doc, a["party"], a["at"])))
            for a in doc["approval_history"]
        ],
        "timeline_url": _timeline_url(actor, doc["employee_id"]) if timeline else None,
        "last_time": queries.last_retrospective(actor, cycle_id) if earlier else None,
        "show_and_tell_on": queries.show_and_tell_of(actor, cycle_id),
        "cards": {c["id"]: c for c in doc["session"]["cards"]} if doc["session"] else {},
        "type_options": [("", "—"), *((t.value, t.value) for t in ActivityType)],
        "form_options": [("", "—"), *((f.value, f.value) for f in LearningForm)],
        "support_options": [("", "—"), *((k.value, k.value) for k in SupportKind)],
        "question_sections": cycle_questions.cycle_question_sections(doc),
        "section_texts": cycle_questions.SECTIONS,
        "shared_answers": cycle_questions.shared_answers(doc),
        # Starting points for the preparation (and the session's cards), for the parties:
        # each loads the backlog and the deck, so only for the tabs that offer them.
        "inspiration": queries.inspiration_for(actor)
        if party and tab in (None, "preparation", "session")
        else None,
        # The follow-up looks back at the backlog skills the cards point at.
        "backlog_since": queries.backlog_since_session(actor, cycle_id)
        if doc["follow_up"] is not None and tab in (None, "follow-up")
        else [],
    }


def with_table(
    services: Services, context: dict[str, Any], query: Mapping[str, str], language: str = "nl"
) -> None:
    """The session tab's candidate cards, preparations side by side and report."""
    table = session_table.table_context(
        services, context["cycle"], query, context.get("inspiration"), language
    )
    context.update(table, table_values=table.pop("values"))


def _days_overdue(doc: CycleDoc, today: date) -> int | None:
    """How many days ago the follow-up was due, while it is scheduled and not yet held."""
    follow_up = doc["follow_up"]
    if doc["stage"] != Stage.FOLLOW_UP_SCHEDULED or follow_up is None:
        return None
    due = date.fromisoformat(follow_up["due_on"])
    return (today - due).days if due < today else None


def _name(services: Services, person_id: str | None) -> str:
    return person_name(services, person_id) if person_id else ""


def _timeline_url(actor: Actor, employee_id: str) -> str:
    own = str(actor.person_id) == employee_id
    return "/timeline" if own else f"/timeline?employee={employee_id}"


def _values_for(tab: str, context: dict[str, Any]) -> dict[str, str]:
    """What a form shows before anyone typed: the stored answers."""
    doc, party = context["cycle"], context["party"]
    if tab == "preparation" and party:
        draft = doc["drafts"].get(party)
        submitted = doc["preparations"][party]
        source = draft or (submitted[-1] if submitted else None)
        return forms.flatten(source["preparation"]) if source else {}
    if tab == "session":
        return dict(context.get("table_values", {}))
    if tab == "pop" and doc["plan_versions"]:
        versions = doc["plan_versions"]
        return forms.flatten(versions[-1]["plan"]) | pop_versions.default_choice(versions)
    return {}


def _tab_page(tab: str) -> Callable[[Request], Any]:
    async def page(request: Request) -> Response:
        actor = await current_actor(request)
        cycle_id = request.path_params["cycle_id"]
        context = await in_thread(cycle_context, services_of(request), actor, cycle_id, tab)
        if tab == "session":  # the session at the table: `?edit=<card>`, `?from=hard.0`
            with_table(services_of(request), context, request.query_params, language_of(request))
        context.update(tab=tab, values=_values_for(tab, context))
        context["message"] = request.session.pop("cycle_message", None)
        return render(request, "cycle/page.html", context, fragment=f"cycle/_{_file(tab)}.html")

    return page


async def compare_page(request: Request) -> Response:
    """The POP tab with two versions side by side (`?a=1&b=3`)."""
    actor = await current_actor(request)
    cycle_id = request.path_params["cycle_id"]
    context = await in_thread(cycle_context, services_of(request), actor, cycle_id, "pop")
    versions = context["cycle"]["plan_versions"]
    asked = {k: request.query_params.get(k, "") for k in pop_versions.FIELDS}
    values = _values_for("pop", context) | asked
    context.update(tab="pop", values=values)
    try:
        context["compared"] = pop_versions.versions_to_compare(versions, asked)
    except DomainError as refused:
        field = refused.field if refused.field in pop_versions.FIELDS else "b"
        context["errors"] = {field: said(request, refused)}
        return render(request, "cycle/page.html", context, status_code=400)
    older, newer = context["compared"]
    context["comparison"] = compare_versions(older["plan"], newer["plan"])
    return render(request, "cycle/page.html", context, fragment="cycle/_pop.html")


def _file(tab: str) -> str:
    return tab.replace("-", "_")


def _post(tab: str, action: Action, done: str) -> Callable[[Request], Any]:
    async def handler(request: Request) -> Response:
        actor = await current_actor(request)
        cycle_id = request.path_params["cycle_id"]
        form = await request.form()
        services = services_of(request)
        try:
            await in_thread(action, services, actor, cycle_id, form)
        except DomainError as refused:
            where = forms.error_field(refused, positions_of(tab, form))
            shown = said(request, refused, beside_field=where != "form")
            return await _again(request, tab, actor, form, {where: shown}, 400)
        except Conflict as clash:
            return await _again(request, tab, actor, form, {"form": said(request, clash)}, 409)
        request.session["cycle_message"] = translate(request, done)
        return redirect(f"/cycles/{cycle_id}/{tab}" if tab != "overview" else f"/cycles/{cycle_id}")

    return handler


async def _again(
    request: Request,
    tab: str,
    actor: Actor,
    form: FormData,
    errors: dict[str, str],
    status: int,
) -> Response:
    context = await in_thread(
        cycle_context, services_of(request), actor, request.path_params["cycle_id"], tab
    )
    if tab == "session":
        with_table(services_of(request), context, {})
    typed = {k: str(v) for k, v in form.items()}
    # The comparison's choice is not part of the form sent: keep its first choice.
    choice = pop_versions.default_choice(context["cycle"]["plan_versions"])
    context.update(tab=tab, values=choice | typed, errors=errors)
    return render(request, "cycle/page.html", context, status_code=status)


def positions_of(tab: str, form: Mapping[str, Any]) -> dict[str, list[int]]:
    if tab == "pop":
        return forms.plan_from(form)[1]
    if tab == "session":
        return {"cards": forms.filled_rows(forms.unflatten(form).get("cards"))[1]}
    return {}


# -- the actions ---------------------------------------------------------------


def _preparation(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    answers = forms.preparation_answers(form)
    if form.get("action") == "submit":
        services.app.submit_preparation(actor, cycle_id, answers)
    else:
        services.app.save_preparation_draft(actor, cycle_id, answers)


def _hold_session(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    if not any(name.startswith("cards.") for name in form):  # the cards written at the table
        services.app.hold_session_from_candidates(
            actor, cycle_id, held_on=form.get("held_on") or None, notes=form.get("notes")
        )
        return
    cards, _ = forms.filled_rows(forms.unflatten(form).get("cards"))
    services.app.hold_session(
        actor, cycle_id, held_on=form.get("held_on") or None, notes=form.get("notes"), cards=cards
    )


def _select(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    services.app.select_cards(actor, cycle_id, [str(c) for c in form.getlist("card_ids")])


def _write_plan(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    plan, _ = forms.plan_from(form)
    services.app.write_plan(actor, cycle_id, plan)


def _approve(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    try:
        version = int(str(form.get("version")))
    except ValueError:
        version = -1
    services.app.approve_plan(actor, cycle_id, version)


def _schedule(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    months = str(form.get("months") or "")
    if months:
        services.app.schedule_follow_up(actor, cycle_id, months=int(months))
    else:
        services.app.schedule_follow_up(actor, cycle_id, due_on=form.get("due_on") or None)


def _complete(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    services.app.complete_follow_up(
        actor,
        cycle_id,
        held_on=form.get("held_on") or None,
        went_well=form.get("went_well"),
        could_be_better=form.get("could_be_better"),
        show_and_tell_on=form.get("show_and_tell_on") or None,
    )


BASE = "/cycles/{cycle_id:uuid}"
routes = [
    Route("/cycles", my_cycles, methods=["GET"]),
    Route(BASE, _tab_page("overview"), methods=["GET"]),
    *[Route(f"{BASE}/{tab}", _tab_page(tab), methods=["GET"]) for tab in TABS[1:]],
    Route(f"{BASE}/preparation", _post("preparation", _preparation, "Saved."), methods=["POST"]),
    Route(f"{BASE}/session", _post("session", _hold_session, "Saved."), methods=["POST"]),
    Route(f"{BASE}/select", _post("session", _select, "Saved."), methods=["POST"]),
    Route(f"{BASE}/pop", _post("pop", _write_plan, "Saved."), methods=["POST"]),
    Route(f"{BASE}/pop/compare", compare_page, methods=["GET"]),
    Route(f"{BASE}/approve", _post("pop", _approve, "Approved."), methods=["POST"]),
    Route(f"{BASE}/follow-up", _post("follow-up", _schedule, "Saved."), methods=["POST"]),
    Route(f"{BASE}/complete", _post("follow-up", _complete, "Saved."), methods=["POST"]),
]
