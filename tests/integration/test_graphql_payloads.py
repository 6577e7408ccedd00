"""Every mutation answers with a payload of its own: what it changed, its user errors, the
clientMutationId. A refused mutation never hides what another one in the document saved."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from service.container import build_services
from service.ids import global_id
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, moves_in_log, served
from tests.scenario import cycle_on_board, fixed_today, small_org

MOVE_THEN_APPROVE = (
    "mutation($c: ID!, $card: ID!) {"
    " move: moveCard(input: {cycleId: $c, cardId: $card, toColumn: DOING, clientMutationId: "
    '"m-1"}) { board { version } card { id column } userErrors { reason } clientMutationId }'
    " approve: approvePlan(input: {cycleId: $c, version: 9}) { cycle { id } userErrors {"
    " message code reason params field } clientMutationId } }"
)
MOVE_THEN_PLAN = (
    "mutation($c: ID!, $card: ID!) {"
    " move: moveCard(input: {cycleId: $c, cardId: $card, toColumn: DOING}) { card { column } }"
    ' plan: writePlan(input: {cycleId: $c, goals: [{description: "G", measure: "M", '
    'deadline: "2099-01-01"}]}) { cycle { id } } }'
)


@pytest.fixture
def world(store: Settings) -> Iterator[dict[str, Any]]:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, cards = cycle_on_board(services.app, org)
    token = services.tokens.create("lms", "write", as_email="eva@example.nl")
    services.close()
    with served(store) as base:
        yield {
            "api": GraphQL(base, token),
            "cycle": cycle_id,
            "cards": cards,
            "settings": store,
            "variables": {"c": str(cycle_id), "card": cards[0]},
        }


def _board(api: GraphQL) -> dict[str, Any]:
    board: dict[str, Any] = api.data("{ board { doing { id } } }")["board"]
    return board


def test_when_the_second_of_two_mutations_is_refused_the_first_is_answered_and_saved(
    world: dict[str, Any],
) -> None:
    body = world["api"].post(MOVE_THEN_APPROVE, world["variables"])
    assert "errors" not in body
    move, approve = body["data"]["move"], body["data"]["approve"]
    assert move["card"] == {"id": card_id(world), "column": "DOING"}
    assert (move["userErrors"], move["clientMutationId"]) == ([], "m-1")
    assert approve == {
        "cycle": None,
        "userErrors": [
            {
                "message": "There is no POP to approve yet.",
                "code": "VALIDATION",
                "reason": "plan.none_yet",
                "params": {},
                "field": None,
            }
        ],
        "clientMutationId": None,
    }
    assert _board(world["api"])["doing"] == [{"id": card_id(world)}]
    assert moves_in_log(world["settings"], world["cycle"]) == 1


def test_when_the_second_mutation_is_forbidden_the_first_is_still_in_data(
    world: dict[str, Any],
) -> None:
    body = world["api"].post(MOVE_THEN_PLAN, world["variables"])
    assert body["data"] == {"move": {"card": {"column": "DOING"}}, "plan": None}
    [error] = body["errors"]
    assert (error["path"], error["extensions"]["code"]) == (["plan"], "FORBIDDEN")
    assert moves_in_log(world["settings"], world["cycle"]) == 1


def test_the_client_mutation_id_comes_back_as_it_was_sent_refused_or_not(
    world: dict[str, Any],
) -> None:
    document = (
        "mutation($c: ID!, $card: ID!, $id: String) { moveCard(input: {cycleId: $c, "
        "cardId: $card, toColumn: DONE, clientMutationId: $id}) { clientMutationId userErrors "
        "{ reason } } }"
    )
    for sent in ("lms-42", "", None):
        answer = world["api"].data(document, {**world["variables"], "id": sent})["moveCard"]
        assert answer == {"clientMutationId": sent, "userErrors": []}
    refused = world["api"].data(document, {**world["variables"], "card": "no-card", "id": "x"})
    assert refused["moveCard"]["clientMutationId"] == "x"
    assert refused["moveCard"]["userErrors"] != []


def test_a_refused_input_frees_its_idempotency_key_for_the_corrected_request(
    world: dict[str, Any],
) -> None:
    document = (
        "mutation($c: ID!, $card: ID!) { moveCard(input: {cycleId: $c, cardId: $card, "
        'toColumn: DOING, idempotencyKey: "retry-1"}) { card { id } userErrors { reason } } }'
    )
    refused = world["api"].data(document, {**world["variables"], "card": "no-card"})
    assert refused["moveCard"]["userErrors"] != []
    moved = world["api"].data(document, world["variables"])["moveCard"]
    assert moved == {"card": {"id": card_id(world)}, "userErrors": []}
    assert world["api"].data(document, world["variables"])["moveCard"] == moved
    assert moves_in_log(world["settings"], world["cycle"]) == 1


def test_an_idempotency_key_too_long_is_a_user_error_naming_it(world: dict[str, Any]) -> None:
    error = world["api"].user_error(
        "mutation($c: ID!, $card: ID!, $key: String) { moveCard(input: {cycleId: $c, "
        "cardId: $card, toColumn: DOING, idempotencyKey: $key}) { card { id } "
        "userErrors { reason field } } }",
        {**world["variables"], "key": "k" * 201},
    )
    assert error == {"reason": "idempotency.key_length", "field": ["idempotencyKey"]}
    assert moves_in_log(world["settings"], world["cycle"]) == 0


def card_id(world: dict[str, Any]) -> str:
    """The global ID of the first card, as the API names it."""
    return global_id("Card", str(world["cycle"]), str(world["cards"][0]))
