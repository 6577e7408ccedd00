"""Idempotency keys: another payload under the same key, a request that died, a slow one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from service.container import build_services
from service.errors import Conflict
from service.idempotency import Claim, Earlier, KeyTakenOver
from service.ids import global_id
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, moves_in_log, served
from tests.scenario import cycle_on_board, fixed_today, small_org

MOVE = (
    "mutation($c: ID!, $card: ID!, $to: Column!, $key: String) { moveCard(input: "
    "{cycleId: $c, cardId: $card, toColumn: $to, idempotencyKey: $key}) "
    "{ board { version doing { id } } } }"
)


def _died_holding(settings: Settings, person_id: Any, key: str, ago: timedelta) -> None:
    """A moveCard request that reserved `key` `ago` and then died before saving."""
    services = build_services(settings)
    try:
        with services.database.transaction() as cursor:
            cursor.execute(
                "INSERT INTO idempotency_keys (caller, key, operation, reserved_by, created_at) "
                "VALUES (?, ?, 'moveCard', 'a request that died', ?)",
                (f"{person_id}:[]", key, (datetime.now(UTC) - ago).isoformat()),
            )
    finally:
        services.close()


def test_the_same_key_with_another_payload_is_refused_with_its_own_code(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, cards = cycle_on_board(services.app, org)
    token = services.tokens.create("lms", "write", as_email="eva@example.nl")
    services.close()
    with served(store) as base:
        api = GraphQL(base, token)
        first = {"c": str(cycle_id), "card": cards[0], "to": "DOING", "key": "move-1"}
        api.data(MOVE, first)
        other = api.error(MOVE, {**first, "card": cards[1]})
        assert other["extensions"]["code"] == "IDEMPOTENCY_KEY_REUSED"
        assert "different request" in other["message"]
        kind = api.error(
            "mutation($c: ID!) { approvePlan(input: {cycleId: $c, version: 1, idempotencyKey: "
            '"move-1"}) { cycle { id } } }',
            {"c": str(cycle_id)},
        )
        assert kind["extensions"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert moves_in_log(store, cycle_id) == 1


def test_a_key_whose_request_died_is_released_after_two_minutes(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, cards = cycle_on_board(services.app, org)
    token = services.tokens.create("lms", "write", as_email="eva@example.nl")
    services.close()
    _died_holding(store, org.employee, "move-old", timedelta(minutes=3))
    _died_holding(store, org.employee, "move-new", timedelta(seconds=10))
    with served(store) as base:
        api = GraphQL(base, token)
        move = {"c": str(cycle_id), "card": cards[0], "to": "DOING", "key": "move-old"}
        moved = api.data(MOVE, move)
        assert moved["moveCard"]["board"]["doing"] == [
            {"id": global_id("Card", str(cycle_id), cards[0])}
        ]
        assert api.data(MOVE, move) == moved
        recent = api.error(MOVE, {**move, "card": cards[1], "key": "move-new"})
        assert recent["extensions"]["code"] == "CONFLICT"
    assert moves_in_log(store, cycle_id) == 1


def test_a_request_overtaken_after_its_lease_saves_nothing(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    try:
        org = small_org(services.app)
        cycle_id, cards = cycle_on_board(services.app, org)
        keys = services.idempotency
        slow = keys.begin(org.as_employee, "move-1", "moveCard", "same input")
        assert isinstance(slow, Claim)
        with services.database.transaction() as cursor:  # two minutes and more go by
            old = (datetime.now(UTC) - timedelta(minutes=3)).isoformat()
            cursor.execute("UPDATE idempotency_keys SET created_at = ?", (old,))
        retry = keys.begin(org.as_employee, "move-1", "moveCard", "same input")
        assert isinstance(retry, Claim)
        with pytest.raises(KeyTakenOver):
            services.app.move_card(
                org.as_employee,
                cycle_id,
                card_id=cards[0],
                to_column="doing",
                position=0,
                idempotency=slow,
            )
        assert moves_in_log(store, cycle_id) == 0
        services.app.move_card(
            org.as_employee,
            cycle_id,
            card_id=cards[0],
            to_column="doing",
            position=0,
            idempotency=retry,
        )
        assert moves_in_log(store, cycle_id) == 1
        again = keys.begin(org.as_employee, "move-1", "moveCard", "same input")
        assert isinstance(again, Earlier)
        fresh = keys.begin(org.as_employee, "move-2", "moveCard", "x")
        assert isinstance(fresh, Claim)
        with pytest.raises(Conflict):  # a key being handled is not taken over early
            keys.begin(org.as_employee, "move-2", "moveCard", "x")
    finally:
        services.close()
