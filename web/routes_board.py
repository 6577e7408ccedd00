"""My board: the cycle's cards in To do · Doing · Done, moved by dragging or with buttons.

A move posts the board's version; when the board changed since the page was
drawn (another tab, another device) nothing is moved and the current board
comes back with a short message, never an error page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError
from service.actor import Actor
from service.container import Services
from service.error_texts import NO_SUCH_BOARD
from service.errors import Conflict, NotFound
from web import forms
from web.backlog_links import link_context
from web.rendering import (
    as_signed_in,
    is_htmx,
    person_name,
    reading_as_signed_in,
    redirect,
    render,
    said,
    translate,
)

COLUMNS = ("todo", "doing", "done")
# Why a move did not happen: the board changed meanwhile (STALE) or a rule refused it.
Outcome = str | DomainError | None
STALE = "Your board was changed elsewhere in the meantime; this is how it looks now. Try again."


async def board_page(request: Request) -> Response:
    employee = request.query_params.get("employee") or None
    cycle = request.query_params.get("cycle") or None
    context = await reading_as_signed_in(request, _board_context, employee, cycle)
    context["message"] = request.session.pop("board_message", None)
    return render(request, "board/page.html", context, fragment="board/_board.html")


def _board_context(
    services: Services, actor: Actor, employee: str | None, cycle: str | None
) -> dict[str, Any]:
    employee = employee or str(actor.person_id)
    queries = services.queries
    board = queries.board_of(actor, employee, cycle)
    own = str(actor.person_id) == str(employee)
    earlier = [] if board and board.get("team_view") else queries.boards_of(actor, employee)
    return {
        "board": board,
        "boards": earlier,
        "employee_id": str(employee),
        # Only someone else's board is titled with a name: one read fewer for one's own.
        "employee_name": "" if own else person_name(services, employee),
        "own": own,
        "can_move": bool(
            own and board and board.get("columns") and board.get("status") == "active"
        ),
        "columns": COLUMNS,
        # One's own follow-up that is overdue: the employee should know, not only the manager.
        "overdue": queries.my_follow_ups(actor).overdue if own else [],
        **link_context(services, actor, board, own),
    }


async def move(request: Request) -> Response:
    form = await request.form()
    fields = {k: str(form.get(k, "")) for k in ("cycle_id", "card_id", "column", "index")}
    version = forms.whole_number(form.get("version"), -1)
    htmx = is_htmx(request)
    # One hop to the thread pool: who asks, the move, and the board drawn after it.
    outcome, context = await as_signed_in(request, _move_then_board, fields, version, htmx)
    message = _said(request, outcome)
    if context is None:
        if message:
            request.session["board_message"] = message
        return redirect("/board?" + urlencode({"cycle": fields["cycle_id"]}))
    context["message"] = message
    return render(request, "board/_board.html", context)


def _said(request: Request, outcome: Outcome) -> str | None:
    if isinstance(outcome, DomainError):
        return said(request, outcome, beside_field=False)
    return translate(request, outcome) if outcome is not None else None


def _move_then_board(
    services: Services, actor: Actor, fields: dict[str, str], version: int, htmx: bool
) -> tuple[Outcome, dict[str, Any] | None]:
    """Why it did not move (None when it moved), and the board when htmx redraws it."""
    message = _move(services, actor, fields, version)
    return message, _board_context(services, actor, None, fields["cycle_id"]) if htmx else None


def _move(services: Services, actor: Actor, fields: dict[str, str], version: int) -> Outcome:
    board = services.queries.board_of(actor, actor.person_id, fields["cycle_id"] or None)
    if board is None:
        raise NotFound(NO_SUCH_BOARD)
    if version < int(board["version"]):
        return STALE
    try:
        services.app.move_card(
            actor,
            UUID(board["cycle_id"]),
            card_id=fields["card_id"],
            to_column=fields["column"],
            position=forms.whole_number(fields["index"], -1),
        )
    except Conflict:
        return STALE
    except DomainError as refused:
        return refused
    return None


async def visibility(request: Request) -> Response:
    form = await request.form()
    cycle_id, card_id = str(form.get("cycle_id", "")), str(form.get("card_id", ""))
    visible = form.get("visible") == "true"
    context = await as_signed_in(
        request, _show_then_board, cycle_id, card_id, visible, is_htmx(request)
    )
    if context is None:
        return redirect("/board?" + urlencode({"cycle": cycle_id}))
    return render(request, "board/_board.html", context)


def _show_then_board(
    services: Services, actor: Actor, cycle_id: Any, card_id: str, visible: bool, htmx: bool
) -> dict[str, Any] | None:
    # cycle_id is the form's text: the use case checks it and refuses what is not an id.
    services.app.set_card_visibility(actor, cycle_id, card_id=card_id, visible=visible)
    return _board_context(services, actor, None, cycle_id) if htmx else None


async def visibility_of_all(request: Request) -> Response:
    form = await request.form()
    cycle_id, visible = str(form.get("cycle_id", "")), form.get("visible") == "true"
    await as_signed_in(request, _show_all, cycle_id, visible)
    return redirect("/board?" + urlencode({"cycle": cycle_id}))


def _show_all(services: Services, actor: Actor, cycle_id: str, visible: bool) -> None:
    services.app.show_board_to_team(actor, cycle_id, visible=visible)


routes = [
    Route("/board", board_page, methods=["GET"]),
    Route("/board/move", move, methods=["POST"]),
    Route("/board/visibility", visibility, methods=["POST"]),
    Route("/board/visibility-all", visibility_of_all, methods=["POST"]),
]
