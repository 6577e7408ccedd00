"""Mutations on an employee's board: choosing its cards, moving them, showing them."""

from __future__ import annotations

from service.graphql import inputs as i
from service.graphql.commands import board_mutation

select_cards = board_mutation(
    "selectCards",
    i.SelectCardsInput,
    lambda s, a, n, k: s.app.select_cards(
        a, n.cycle_id, [str(c) for c in n.card_ids], idempotency=k
    ),
    "At most three cards go onto the board, in To do.",
)
move_card = board_mutation(
    "moveCard",
    i.MoveCardInput,
    lambda s, a, n, k: s.app.move_card(
        a,
        n.cycle_id,
        card_id=str(n.card_id),
        to_column=n.to_column.value,
        position=n.position,
        idempotency=k,
    ),
    "The employee moves a card; answers with the board.",
)
set_card_visibility = board_mutation(
    "setCardVisibility",
    i.CardVisibilityInput,
    lambda s, a, n, k: s.app.set_card_visibility(
        a, n.cycle_id, card_id=str(n.card_id), visible=n.visible, idempotency=k
    ),
    "The employee shows a card to the team, or hides it.",
)
