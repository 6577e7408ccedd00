"""Mutations on an employee's board: choosing its cards, moving them, showing them."""

from __future__ import annotations

import strawberry

from service.actor import Actor
from service.container import Services
from service.graphql import inputs as i
from service.graphql import payloads as p
from service.graphql.commands import Ctx, on_board, on_card
from service.idempotency import Claim


@strawberry.mutation(description="At most three cards go onto the board, in To do.")
async def select_cards(info: Ctx, input: i.SelectCardsInput) -> p.SelectCardsPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        card_ids = [str(card) for card in input.card_ids]
        services.app.select_cards(actor, input.cycle_id, card_ids, idempotency=claim)

    return await on_board(info, input, "selectCards", write, p.SelectCardsPayload)


@strawberry.mutation(description="The employee moves a card; answers with the board and the card.")
async def move_card(info: Ctx, input: i.MoveCardInput) -> p.MoveCardPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.move_card(
            actor,
            input.cycle_id,
            card_id=str(input.card_id),
            to_column=input.to_column.value,
            position=input.position,
            idempotency=claim,
        )

    return await on_card(info, input, "moveCard", write, p.MoveCardPayload)


@strawberry.mutation(description="The employee shows a card to the team, or hides it.")
async def set_card_visibility(
    info: Ctx, input: i.CardVisibilityInput
) -> p.SetCardVisibilityPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.set_card_visibility(
            actor,
            input.cycle_id,
            card_id=str(input.card_id),
            visible=input.visible,
            idempotency=claim,
        )

    return await on_card(info, input, "setCardVisibility", write, p.SetCardVisibilityPayload)


@strawberry.mutation(
    description="The employee shows every card of the board to the team at once, or hides "
    "them all: a manager showing their own kanban to the team they lead."
)
async def show_board_to_team(
    info: Ctx, input: i.BoardVisibilityInput
) -> p.ShowBoardToTeamPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.show_board_to_team(
            actor, input.cycle_id, visible=input.visible, idempotency=claim
        )

    return await on_board(info, input, "showBoardToTeam", write, p.ShowBoardToTeamPayload)
