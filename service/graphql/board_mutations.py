"""Mutations on an employee's board: choosing its cards, moving them, showing them."""

from __future__ import annotations

import strawberry

from service.actor import Actor
from service.container import Services
from service.graphql import inputs as i
from service.graphql.commands import Ctx, on_board
from service.graphql.types import Board
from service.idempotency import Claim


@strawberry.mutation(description="At most three cards go onto the board, in To do.")
async def select_cards(info: Ctx, input: i.SelectCardsInput) -> Board:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        card_ids = [str(card) for card in input.card_ids]
        services.app.select_cards(actor, input.cycle_id, card_ids, idempotency=claim)

    return await on_board(info, input, "selectCards", write)


@strawberry.mutation(description="The employee moves a card; answers with the board.")
async def move_card(info: Ctx, input: i.MoveCardInput) -> Board:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.move_card(
            actor,
            input.cycle_id,
            card_id=str(input.card_id),
            to_column=input.to_column.value,
            position=input.position,
            idempotency=claim,
        )

    return await on_board(info, input, "moveCard", write)


@strawberry.mutation(description="The employee shows a card to the team, or hides it.")
async def set_card_visibility(info: Ctx, input: i.CardVisibilityInput) -> Board:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.set_card_visibility(
            actor,
            input.cycle_id,
            card_id=str(input.card_id),
            visible=input.visible,
            idempotency=claim,
        )

    return await on_board(info, input, "setCardVisibility", write)
