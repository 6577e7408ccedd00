"""Mutations on an employee's board: choosing its cards, moving them, showing them."""

from __future__ import annotations

import strawberry

from service.graphql import inputs as i
from service.graphql.commands import board_command, typed

select_cards = strawberry.mutation(
    resolver=typed(
        board_command(
            "selectCards",
            lambda s, a, n: s.app.select_cards(a, n.cycle_id, [str(c) for c in n.card_ids]),
        ),
        i.SelectCardsInput,
    ),
    description="At most three cards go onto the board, in To do.",
)
move_card = strawberry.mutation(
    resolver=typed(
        board_command(
            "moveCard",
            lambda s, a, n: s.app.move_card(
                a,
                n.cycle_id,
                card_id=str(n.card_id),
                to_column=n.to_column.value,
                position=n.position,
            ),
        ),
        i.MoveCardInput,
    ),
    description="The employee moves a card; answers with the board.",
)
set_card_visibility = strawberry.mutation(
    resolver=typed(
        board_command(
            "setCardVisibility",
            lambda s, a, n: s.app.set_card_visibility(
                a, n.cycle_id, card_id=str(n.card_id), visible=n.visible
            ),
        ),
        i.CardVisibilityInput,
    ),
    description="The employee shows a card to the team, or hides it.",
)
