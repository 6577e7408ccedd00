"""The session at the table: writing, changing and removing candidate cards, and the
session report with its approvals. The pages are the cycle's session tab."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.error_texts import NO_SUCH_CANDIDATE
from domain.errors import DomainError
from domain.session_cards import STORY_FIELDS
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.errors import Conflict
from web import forms, session_table
from web.rendering import current_actor, redirect, render, said, services_of, translate
from web.routes_cycle import BASE, _post, cycle_context, with_table

CARD_FIELDS = tuple(f"card.{name}" for name in STORY_FIELDS)


def _card_of(form: FormData) -> dict[str, Any]:
    card: dict[str, Any] = forms.unflatten(form).get("card") or {}
    return card if isinstance(card, dict) else {}


def _version(form: FormData) -> int | None:
    version = str(form.get("version") or "")
    return forms.whole_number(version, -1) if version else None


def _save_card(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    services.app.save_candidate_card(
        actor,
        cycle_id,
        _card_of(form),
        card_id=str(form.get("card_id") or "") or None,
        if_version=_version(form),
    )


def _remove_card(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    services.app.remove_candidate_card(
        actor, cycle_id, str(form.get("card_id") or ""), if_version=_version(form)
    )


async def save_card(request: Request) -> Response:
    """Saves a card. Refused: the form again with the error beside its field. Changed by
    someone else meanwhile: the card as it is now, beside what this person typed."""
    actor = await current_actor(request)
    cycle_id = request.path_params["cycle_id"]
    form = await request.form()
    services = services_of(request)
    typed = {k: str(v) for k, v in form.items() if k != "csrf_token"}
    try:
        await in_thread(_save_card, services, actor, cycle_id, form)
    except DomainError as refused:
        if refused.code == NO_SUCH_CANDIDATE.code:  # removed meanwhile: saving writes it anew
            typed = {k: v for k, v in typed.items() if k not in ("card_id", "version")}
        where = refused.field or "form"
        shown = said(request, refused, beside_field=where != "form")
        return await _table_again(request, actor, typed, {where: shown}, 400)
    except Conflict as clash:
        context = await in_thread(cycle_context, services, actor, cycle_id, "session")
        latest = session_table.latest_card(context["cycle"], str(form.get("card_id") or ""))
        values = session_table.card_values(latest) if latest is not None else {}
        yours = {name: typed.get(name, "") for name in CARD_FIELDS}
        return await _table_again(
            request, actor, values, {"form": said(request, clash)}, 409, yours=yours
        )
    request.session["cycle_message"] = translate(request, "Saved.")
    return redirect(f"/cycles/{cycle_id}/session")


async def _table_again(
    request: Request,
    actor: Actor,
    values: dict[str, str],
    errors: dict[str, str],
    status: int,
    *,
    yours: dict[str, str] | None = None,
) -> Response:
    services = services_of(request)
    context = await in_thread(
        cycle_context, services, actor, request.path_params["cycle_id"], "session"
    )
    with_table(services, context, {})
    context.update(tab="session", values=values, errors=errors, yours=yours)
    return render(request, "cycle/page.html", context, status_code=status)


def _write_report(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    services.app.write_session_report(actor, cycle_id, form.get("text"))


def _approve_report(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    version = forms.whole_number(form.get("report_version"), -1)
    services.app.approve_session_report(actor, cycle_id, version)


routes = [
    Route(f"{BASE}/session/cards", save_card, methods=["POST"]),
    Route(
        f"{BASE}/session/cards/remove",
        _post("session", _remove_card, "Removed."),
        methods=["POST"],
    ),
    Route(f"{BASE}/report", _post("session", _write_report, "Saved."), methods=["POST"]),
    Route(
        f"{BASE}/report/approve", _post("session", _approve_report, "Approved."), methods=["POST"]
    ),
]
