"""The show & tell: announced on the cycle's follow-up tab, listed on the team page.

Either party announces the day ahead of time, moves it, or calls it off;
a refusal comes back next to the date on the follow-up tab with what was
typed kept (the cycle's own `_post`).
"""

from __future__ import annotations

from uuid import UUID

from starlette.datastructures import FormData
from starlette.routing import Route

from service.actor import Actor
from service.container import Services
from web.routes_cycle import BASE, _post


def _plan(services: Services, actor: Actor, cycle_id: UUID, form: FormData) -> None:
    if form.get("call_off") == "yes":
        services.app.call_off_show_and_tell(actor, cycle_id)
    else:
        services.app.plan_show_and_tell(actor, cycle_id, on=form.get("on") or None)


routes = [
    Route(f"{BASE}/show-and-tell", _post("follow-up", _plan, "Saved."), methods=["POST"]),
]
