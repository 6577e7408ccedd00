"""What a board's cards need to show the backlog skill each points at, and whether the
person may change it (on the page of `routes_backlog_links`)."""

from __future__ import annotations

from typing import Any

from projections.board import Board
from service.actor import Actor
from service.container import Services


def may_link(actor: Actor, board: Board | None, own: bool) -> bool:
    """The employee and the manager leading the cycle, while it is open."""
    if board is None or board.get("team_view") or board.get("status") != "active":
        return False
    leads = board.get("manager_id") is not None and board["manager_id"] == str(actor.person_id)
    return bool((own or leads) and actor.may_write)


def link_context(
    services: Services, actor: Actor, board: Board | None, own: bool
) -> dict[str, Any]:
    """The names of the skills the cards point at (the backlog is read only when a card
    points at one: a card move redraws the board), and whether links may change."""
    cards = board.get("cards", {}) if board else {}
    linked = any(card.get("backlog_skill_id") for card in cards.values())
    names = {}
    if linked:
        names = {
            s["id"]: s["description"] for s in services.queries.backlog(actor, include_retired=True)
        }
    return {"can_link": may_link(actor, board, own), "backlog_names": names}
