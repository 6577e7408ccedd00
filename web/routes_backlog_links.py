"""A board card linked to a backlog skill after the session, or unlinked, by either party.

At the session a card may point at a company-backlog skill; later the employee
or the manager may find that it does (or that it points at the wrong one).
Each card on the board says which skill it points at and links to a small
page with one choice: a skill of the backlog, or none. Saving goes back to
the board; a refusal stays on that page with the choice kept.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError
from service.actor import Actor
from service.container import Services
from service.error_texts import NO_SUCH_BOARD
from service.errors import Conflict, Forbidden, NotFound
from web.backlog_links import may_link
from web.rendering import as_signed_in, reading_as_signed_in, redirect, render, said, translate

LINKED = "The card now points at “{skill}” on the company backlog."
UNLINKED = "The card no longer points at a skill of the company backlog."
PAGE = "/board/backlog-link"


async def link_page(request: Request) -> Response:
    cycle_id = request.query_params.get("cycle", "")
    card_id = request.query_params.get("card", "")
    context = await reading_as_signed_in(request, _link_context, cycle_id, card_id)
    context["values"] = {"backlog_skill_id": context["card"].get("backlog_skill_id") or ""}
    return render(request, "board/backlog_link.html", context)


def _link_context(services: Services, actor: Actor, cycle_id: str, card_id: str) -> dict[str, Any]:
    try:
        board = services.queries.board_of_cycle(actor, cycle_id)
    except DomainError:  # not an id
        raise NotFound(NO_SUCH_BOARD) from None
    # Who may, before what exists: a refusal says nothing of the cards.
    if board is None or not may_link(
        actor, board, own=board["employee_id"] == str(actor.person_id)
    ):
        raise Forbidden()
    if card_id not in board["cards"]:
        raise NotFound(NO_SUCH_BOARD)
    skills = services.queries.backlog(actor, include_retired=True)
    card = board["cards"][card_id]
    return {
        "board": board,
        "card": card,
        "choices": [s for s in skills if not s["retired"]],
        "current": next((s for s in skills if s["id"] == card.get("backlog_skill_id")), None),
    }


async def link(request: Request) -> Response:
    form = await request.form()
    cycle_id, card_id = str(form.get("cycle_id", "")), str(form.get("card_id", ""))
    skill = str(form.get("backlog_skill_id", ""))
    try:
        board, name = await as_signed_in(request, _link, cycle_id, card_id, skill)
    except (DomainError, Conflict) as refused:
        context = await reading_as_signed_in(request, _link_context, cycle_id, card_id)
        context["values"] = {"backlog_skill_id": skill}
        context["errors"] = {"backlog_skill_id": said(request, refused)}
        return render(request, "board/backlog_link.html", context, status_code=400)
    message = translate(request, LINKED if skill else UNLINKED).format(skill=name)
    request.session["board_message"] = message
    query = {"employee": board["employee_id"], "cycle": board["cycle_id"]}
    return redirect(f"/board?{urlencode(query)}#card-{card_id}")


def _link(
    services: Services, actor: Actor, cycle_id: str, card_id: str, skill: str
) -> tuple[dict[str, Any], str]:
    context = _link_context(services, actor, cycle_id, card_id)  # who may, before the change
    services.app.link_card_to_backlog(
        actor, cycle_id, card_id=card_id, backlog_skill_id=skill or None
    )
    name = next((s["description"] for s in context["choices"] if s["id"] == skill), "")
    return context["board"], name


routes = [
    Route(PAGE, link_page, methods=["GET"]),
    Route(PAGE, link, methods=["POST"]),
]
