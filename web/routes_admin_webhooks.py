"""Administrators: webhook endpoints, their recent deliveries, registering, disabling, enabling.

Only administrators get here: the use cases and read queries refuse everyone
else (Forbidden becomes the 403 page). A new endpoint's secret is shown in
the answer to the form that registered it, and never again: it is not put in
the session cookie (signed, not encrypted) to survive a redirect.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError
from domain.event_kinds import event_kinds
from service.actor import Actor
from service.calls import in_thread
from service.container import Services
from service.webhook_queries import require_administrator
from service.webhook_use_cases import NewWebhook
from web.rendering import current_actor, redirect, render, services_of, translate

RECENT = 5
FIELDS = ("url", "description", "event_kinds")


async def webhooks_page(request: Request) -> Response:
    actor = await current_actor(request)
    context = await in_thread(_context, services_of(request), actor)
    context["message"] = request.session.pop("admin_message", None)
    return render(request, "admin/webhooks.html", context)


def _context(services: Services, actor: Actor) -> dict[str, Any]:
    require_administrator(actor)
    queries = services.queries
    endpoints = [
        (row, queries.webhook_deliveries(actor, row["endpoint_id"], first=RECENT))
        for row in queries.webhooks(actor)
    ]
    kinds: dict[str, list[str]] = {}
    for kind in event_kinds():
        kinds.setdefault(kind.split(".")[0], []).append(kind)
    return {"endpoints": endpoints, "kinds": kinds, "chosen_kinds": []}


async def register(request: Request) -> Response:
    actor = await current_actor(request)
    form = await request.form()
    values = {
        "url": str(form.get("url", "")).strip(),
        "description": str(form.get("description", "")).strip(),
    }
    chosen = [str(kind) for kind in form.getlist("event_kinds")]
    services = services_of(request)

    def work() -> NewWebhook:
        return services.app.register_webhook(
            actor, url=values["url"], event_kinds=chosen, description=values["description"]
        )

    try:
        new = await in_thread(work)
    except DomainError as refused:
        field = refused.field if refused.field in FIELDS else "url"
        context = await in_thread(_context, services, actor)
        context.update(
            values=values,
            chosen_kinds=chosen,
            errors={field: translate(request, refused.message)},
            open_form=True,
        )
        return render(request, "admin/webhooks.html", context, status_code=400)
    context = await in_thread(_context, services, actor)
    context.update(new_secret=new.secret, new_id=str(new.id))
    return render(request, "admin/webhooks.html", context)


async def disable(request: Request) -> Response:
    actor = await current_actor(request)
    webhook_id: UUID = request.path_params["webhook_id"]
    await in_thread(services_of(request).app.disable_webhook, actor, webhook_id, "")
    request.session["admin_message"] = translate(request, "The webhook is disabled.")
    return redirect("/admin/webhooks", request)


async def enable(request: Request) -> Response:
    actor = await current_actor(request)
    webhook_id: UUID = request.path_params["webhook_id"]
    await in_thread(services_of(request).app.enable_webhook, actor, webhook_id)
    request.session["admin_message"] = translate(request, "The webhook is enabled.")
    return redirect("/admin/webhooks", request)


routes = [
    Route("/admin/webhooks", webhooks_page, methods=["GET"]),
    Route("/admin/webhooks", register, methods=["POST"]),
    Route("/admin/webhooks/{webhook_id:uuid}/disable", disable, methods=["POST"]),
    Route("/admin/webhooks/{webhook_id:uuid}/enable", enable, methods=["POST"]),
]
