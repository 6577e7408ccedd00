"""HR: the audit trail of every cycle and person, and the POP as it stood at a moment.

Only people with the hr role get here: the read queries refuse everyone else
(Forbidden becomes the 403 page), so the pages add no rules of their own.
The training-needs report lives in `routes_hr_reports`, people management in
`routes_hr_people`, the company backlog in `routes_hr_backlog`; their routes
are listed here so the app mounts one list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from projections.audit import AuditRow
from projections.cycle_fold import CycleDoc
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.errors import Forbidden
from service.read_queries import NamedPage
from service.who_did_it import ActorView, Named
from web import (
    forms,
    routes_hr_backlog,
    routes_hr_coach,
    routes_hr_follow_ups,
    routes_hr_inspiration,
    routes_hr_people,
    routes_hr_questions,
    routes_hr_reports,
)
from web.audit_sentences import sentence
from web.rendering import current_actor, language_of, redirect, render, services_of, translate

PAGE_SIZE = 50
# The kinds of event HR filters on, with the English label the catalogue translates.
KINDS = {
    "Opened": "Cycle opened",
    "PreparationDraftSaved": "Preparation draft saved",
    "PreparationSubmitted": "Preparation submitted",
    "SessionHeld": "Session held",
    "CardsSelected": "Cards chosen for the board",
    "CardMoved": "Card moved",
    "CardVisibilityChanged": "Card shown or hidden",
    "PlanDrafted": "POP written",
    "PlanRevised": "POP revised",
    "PlanApproved": "POP approved by one party",
    "PlanApprovedByBoth": "POP approved by both",
    "FollowUpScheduled": "Follow-up planned",
    "FollowUpCompleted": "Follow-up held",
    "Closed": "Cycle closed",
    "ShowAndTellPlanned": "Show & tell announced",
    "ShowAndTellCalledOff": "Show & tell called off",
    "ManagerHandedOver": "Cycle handed to another manager",
    "Registered": "Person registered",
    "ManagerChanged": "Manager changed",
    "TeamChanged": "Team changed",
    "FunctionChanged": "Function changed",
    "RoleGranted": "Role granted",
    "RoleRevoked": "Role revoked",
    "SignInLinkIssued": "Sign-in link made",
    "CandidateCardWritten": "Candidate card written",
    "CandidateCardChanged": "Candidate card changed",
    "CandidateCardRemoved": "Candidate card removed",
    "SessionReportDrafted": "Session report written",
    "SessionReportRevised": "Session report revised",
    "SessionReportApproved": "Session report approved by one party",
    "SessionReportApprovedByBoth": "Session report approved by both",
    "SessionReportApprovalWithdrawn": "Session report approval withdrawn at a handover",
}
FILTERS = ("employee_id", "cycle_id", "since", "until", "view")


async def hr_home(request: Request) -> Response:
    """The first HR page this person may use: an administrator manages people only."""
    actor = await current_actor(request)
    return redirect("/hr/audit" if actor.is_hr or not actor.is_admin else "/hr/people")


async def audit_page(request: Request) -> Response:
    actor = await current_actor(request)
    params = request.query_params
    values = {k: params.get(k, "").strip() for k in FILTERS}
    kinds = [k for k in params.getlist("kind") if k in KINDS]
    errors: dict[str, str] = {}
    filters: dict[str, Any] = {"kinds": kinds or None}
    for name in ("employee_id", "cycle_id"):
        filters[name] = values[name] or None
    for name, shift in (("since", 0), ("until", 1)):
        if values[name]:
            try:
                day = date.fromisoformat(values[name]) + timedelta(days=shift)
                filters[name] = datetime.combine(day, time(), tzinfo=UTC)
            except ValueError:
                errors[name] = translate(request, "This is not a date (use YYYY-MM-DD).")
    if filters.get("since") and filters.get("until") and filters["since"] >= filters["until"]:
        errors["until"] = translate(request, "The end of the period lies before its start.")
    after = max(0, forms.whole_number(params.get("after"), 0))
    context = await in_thread(
        _audit_context, services_of(request), actor, filters, after, errors, language_of(request)
    )
    base = [(k, v) for k, v in values.items() if v] + [("kind", k) for k in kinds]
    context.update(
        values=values,
        chosen_kinds=kinds,
        kinds=KINDS,
        errors=errors,
        after=after,
        next_url=_url("/hr/audit", [*base, ("after", context["next_after"])])
        if context["next_after"]
        else None,
        first_url=_url("/hr/audit", base) if after else None,
        view_urls={v: _url("/hr/audit", [*_without(base, "view"), ("view", v)]) for v in VIEWS},
        view=values["view"] if values["view"] in VIEWS else "table",
    )
    return render(request, "hr/audit.html", context)


VIEWS = ("table", "timeline")


def _audit_context(
    services: Services,
    actor: Actor,
    filters: dict[str, Any],
    after: int,
    errors: dict[str, str],
    language: str,
) -> dict[str, Any]:
    _require_hr(actor)
    people = services.queries.people(actor)
    names = {p["person_id"]: p["name"] for p in people}
    page = NamedPage(rows=[], next_after=None)
    total = 0
    if not errors:
        page = services.queries.audit(actor, limit=PAGE_SIZE, after=after, **filters)
        total = services.queries.audit_count(actor, **filters)
    rows = [_shown(row, names, language) for row in page.rows]
    cycles: list[CycleDoc] = []
    if filters.get("employee_id"):
        cycles = services.queries.cycles_of(actor, filters["employee_id"])
    return {
        "rows": rows,
        "days": _by_day(rows),
        "total": total,
        "next_after": page.next_after,
        "people": [("", "—"), *((p["person_id"], p["name"]) for p in people)],
        "cycles": [("", "—"), *((c["cycle_id"], c["opened_at"][:10]) for c in cycles)],
    }


@dataclass(frozen=True, slots=True)
class TrailLine:
    """A row of the trail as the page shows it: who it concerns, who did it, a one-line
    summary and the full fields on request."""

    seq: int
    at: str
    day: str
    aggregate: str
    aggregate_id: str
    version: int
    kind: str
    employee_id: str | None
    cycle_id: str | None
    who: str
    by: ActorView
    sentence: str
    full: str
    plan_event: bool
    as_of: str  # the moment just after the event, for the POP as it then stood


def _shown(named: Named[AuditRow], names: dict[str, str], language: str) -> TrailLine:
    row = named.row
    changes = row.changes
    who = names.get(row.employee_id or row.aggregate_id, "")
    by = named.actor
    said = sentence(
        row.kind,
        changes,
        actor=by["name"] or by["label"],
        subject=who,
        names=names,
        language=language,
    )
    # The POP page's field takes a moment to the second; one past the event includes it.
    after = datetime.fromisoformat(row.at).astimezone(UTC) + timedelta(seconds=1)
    return TrailLine(
        seq=row.seq,
        at=row.at,
        day=row.at[:10],
        aggregate=row.aggregate,
        aggregate_id=row.aggregate_id,
        version=row.version,
        kind=row.kind,
        employee_id=row.employee_id,
        cycle_id=row.cycle_id,
        who=who,
        by=by,
        sentence=said,
        full=json.dumps(changes, ensure_ascii=False, indent=2),
        plan_event=row.kind.startswith("Plan"),
        as_of=after.strftime("%Y-%m-%dT%H:%M:%S"),
    )


def _by_day(rows: list[TrailLine]) -> list[tuple[str, list[TrailLine]]]:
    days: dict[str, list[TrailLine]] = {}
    for row in rows:
        days.setdefault(row.day, []).append(row)
    return list(days.items())


async def plan_page(request: Request) -> Response:
    """The POP of a cycle as it stood at a moment (default: now)."""
    actor = await current_actor(request)
    params = request.query_params
    values = {k: params.get(k, "").strip() for k in ("employee_id", "cycle_id", "at")}
    errors: dict[str, str] = {}
    at = datetime.now(UTC)
    if values["at"]:
        try:
            at = datetime.fromisoformat(values["at"])
            # The browser's field sends a moment without a zone: the server's, UTC.
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
        except ValueError:
            errors["at"] = translate(request, "This is not a date and time.")
    context = await in_thread(_plan_context, services_of(request), actor, values, at, errors)
    context.update(values=values, errors=errors, at=at)
    return render(request, "hr/plan.html", context)


def _plan_context(
    services: Services, actor: Actor, values: dict[str, str], at: datetime, errors: dict[str, str]
) -> dict[str, Any]:
    _require_hr(actor)
    queries = services.queries
    people = queries.people(actor)
    plan, cycle = None, None
    if values["cycle_id"] and not errors:
        cycle = queries.cycle(actor, values["cycle_id"])
        plan = queries.plan_as_of(actor, values["cycle_id"], at)
        if cycle is not None and not values["employee_id"]:
            values["employee_id"] = cycle["employee_id"]
    cycles = queries.cycles_of(actor, values["employee_id"]) if values["employee_id"] else []
    names = {p["person_id"]: p["name"] for p in people}
    return {
        "plan": plan,
        "cycle": cycle,
        "names": names,
        "asked": bool(values["cycle_id"]),
        "people": [("", "—"), *((p["person_id"], p["name"]) for p in people)],
        "cycles": [("", "—"), *((c["cycle_id"], c["opened_at"][:10]) for c in cycles)],
    }


def _require_hr(actor: Actor) -> None:
    """The page lists names before it asks HR-only queries: refuse others first."""
    if not actor.is_hr:
        raise Forbidden()


def _url(path: str, params: list[tuple[str, Any]]) -> str:
    return path + ("?" + urlencode(params) if params else "")


def _without(params: list[tuple[str, Any]], name: str) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in params if k != name]


routes = [
    Route("/hr", hr_home, methods=["GET"]),
    Route("/hr/audit", audit_page, methods=["GET"]),
    Route("/hr/pop", plan_page, methods=["GET"]),
    *routes_hr_reports.routes,
    *routes_hr_follow_ups.routes,
    *routes_hr_coach.routes,  # before the people pages' /hr/people/{id}/{what}
    *routes_hr_people.routes,
    *routes_hr_questions.routes,
    *routes_hr_backlog.routes,
    *routes_hr_inspiration.routes,
]
