"""Every refusal comes back with a stable code an integrator can act on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from domain.dates import EARLIEST, LATEST
from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, Org, cycle_on_board, fixed_today, small_org

MOVE = (
    "mutation($c: ID!, $card: ID!, $to: Column!) { moveCard(input: "
    "{cycleId: $c, cardId: $card, toColumn: $to}) { board { version } } }"
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict[str, Any]]:
    settings = Settings(database=str(tmp_path / "db"))
    services = build_services(settings, clock=fixed_today)
    org: Org = small_org(services.app)
    cycle_id, card_ids = cycle_on_board(services.app, org)
    tokens = {
        "employee": services.tokens.create("e", "write", as_email="eva@example.nl"),
        "colleague": services.tokens.create("c", "write", as_email="cas@example.nl"),
        "reader": services.tokens.create("bi", "read"),
        "auditor": services.tokens.create("auditor", "audit"),
    }
    services.close()
    with served(settings) as base:
        yield {
            "base": base,
            "tokens": tokens,
            "cycle": str(cycle_id),
            "cards": card_ids,
            "org": org,
            "settings": settings,
        }


def test_no_token_is_unauthenticated(world: dict[str, Any]) -> None:
    error = GraphQL(world["base"]).error("{ me { id } }")
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_colleague_moving_someone_elses_card_is_forbidden(world: dict[str, Any]) -> None:
    colleague = GraphQL(world["base"], world["tokens"]["colleague"])
    error = colleague.error(MOVE, {"c": world["cycle"], "card": world["cards"][0], "to": "DOING"})
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["message"] == "You are not allowed to do this."


def test_a_read_token_cannot_write(world: dict[str, Any]) -> None:
    reader = GraphQL(world["base"], world["tokens"]["reader"])
    error = reader.error(MOVE, {"c": world["cycle"], "card": world["cards"][0], "to": "DOING"})
    assert error["extensions"]["code"] == "FORBIDDEN"


def test_hr_changing_an_unknown_person_is_not_found(world: dict[str, Any]) -> None:
    services = build_services(world["settings"])
    hr = services.app.register_person(
        ADMIN,
        name="Hanna HR",
        email="hanna@example.nl",
        function="HR",
        team="Staf",
        start_date="2020-01-01",
    )
    services.app.grant_role(ADMIN, hr, "hr")
    token = services.tokens.create("hris", "write", as_email="hanna@example.nl")
    services.close()
    error = GraphQL(world["base"], token).error(
        'mutation { changePerson(input: {personId: "00000000-0000-0000-0000-000000000001", '
        'team: "X"}) { person { id } } }'
    )
    assert error["extensions"]["code"] == "NOT_FOUND"


def test_a_broken_rule_is_a_user_error_naming_the_field(world: dict[str, Any]) -> None:
    employee = GraphQL(world["base"], world["tokens"]["employee"])
    error = employee.user_error(
        "mutation($c: ID!) { approvePlan(input: {cycleId: $c, version: 0}) "
        "{ cycle { id } userErrors { code reason field } clientMutationId } }",
        {"c": world["cycle"]},
    )
    assert error == {"code": "VALIDATION", "reason": "plan.none_yet", "field": None}
    error = employee.user_error(
        "mutation($c: ID!, $card: ID!) { moveCard(input: {cycleId: $c, cardId: $card, "
        "toColumn: DOING}) { board { version } card { id } userErrors { code } "
        "clientMutationId } }",
        {"c": world["cycle"], "card": "not-a-card"},
    )
    assert error["code"] == "VALIDATION"
    # A query has no payload: its refusal is an error of the response.
    error = employee.error("{ people(first: 500) { totalCount } }")
    assert error["extensions"] == {
        "code": "VALIDATION",
        "reason": "page.size_out_of_range",
        "params": {"limit": 100},
        "field": "first",
    }


def test_a_refusal_answers_its_reason_and_the_values_its_message_names(
    world: dict[str, Any],
) -> None:
    employee = GraphQL(world["base"], world["tokens"]["employee"])
    error = employee.user_error(
        "mutation($c: ID!) { approvePlan(input: {cycleId: $c, version: 4}) { cycle { id } "
        "userErrors { message reason params } clientMutationId } }",
        {"c": world["cycle"]},
    )
    assert error == {
        "message": "There is no POP to approve yet.",
        "reason": "plan.none_yet",
        "params": {},
    }


def test_a_day_in_a_refusal_is_sent_as_iso_text(world: dict[str, Any]) -> None:
    services = build_services(world["settings"])
    manager = services.tokens.create("m", "write", as_email="mia@example.nl")
    services.close()
    error = GraphQL(world["base"], manager).user_error(
        "mutation($c: ID!) { writePlan(input: {cycleId: $c, goals: [{description: "
        '"Present at the guild", measure: "A talk given", deadline: "1800-01-01"}]}) '
        "{ cycle { id } userErrors { message code reason params field } clientMutationId } }",
        {"c": world["cycle"]},
    )
    assert {k: v for k, v in error.items() if k != "message"} == {
        "code": "VALIDATION",
        "reason": "date.out_of_range",
        "params": {"first": EARLIEST.isoformat(), "last": LATEST.isoformat()},
        "field": ["goals", "0", "deadline"],
    }
    assert error["message"] == (
        f"goals.0.deadline must lie between {EARLIEST.isoformat()} and {LATEST.isoformat()}."
    )


def test_every_error_answered_carries_a_code_a_reason_and_params(world: dict[str, Any]) -> None:
    employee = GraphQL(world["base"], world["tokens"]["employee"])
    colleague = GraphQL(world["base"], world["tokens"]["colleague"])
    move = {"c": world["cycle"], "card": world["cards"][0], "to": "DOING"}
    answers = {
        "no token": GraphQL(world["base"]).error("{ me { id } }"),
        "someone else's card": colleague.error(MOVE, move),
        "a read token writing": GraphQL(world["base"], world["tokens"]["reader"]).error(MOVE, move),
        "a field that does not exist": employee.error("{ me { shoeSize } }"),
        "not GraphQL at all": employee.error("{ me { id "),
    }
    reasons = {
        name: (e["extensions"]["code"], e["extensions"]["reason"]) for name, e in answers.items()
    }
    assert reasons == {
        "no token": ("UNAUTHENTICATED", "auth.no_credentials"),
        "someone else's card": ("FORBIDDEN", "access.forbidden"),
        "a read token writing": ("FORBIDDEN", "token.read_only"),
        "a field that does not exist": ("VALIDATION", "request.invalid_document"),
        "not GraphQL at all": ("VALIDATION", "request.invalid_document"),
    }
    assert all(e["extensions"]["params"] == {} for e in answers.values())


def test_two_moves_of_one_board_at_the_same_moment_can_conflict(world: dict[str, Any]) -> None:
    employee = GraphQL(world["base"], world["tokens"]["employee"])
    codes: list[str] = []
    lock = threading.Lock()

    def mover(card: str) -> None:
        for n in range(40):
            body = employee.post(
                MOVE, {"c": world["cycle"], "card": card, "to": ["DOING", "TODO"][n % 2]}
            )
            with lock:
                codes.append(
                    body["errors"][0]["extensions"]["code"] if body.get("errors") else "OK"
                )

    threads = [threading.Thread(target=mover, args=(c,)) for c in world["cards"]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(
        f"{len(codes)} concurrent moves: {codes.count('OK')} landed, {codes.count('CONFLICT')} conflicts"
    )
    assert set(codes) <= {"OK", "CONFLICT"}
    assert "OK" in codes


def test_an_unexpected_failure_is_masked_with_an_error_id(world: dict[str, Any]) -> None:
    services = build_services(world["settings"])
    with (
        services.database.transaction() as cursor
    ):  # a broken read store, as a disk fault would leave it
        cursor.execute("DROP TABLE rm_audit")
    services.close()
    auditor = GraphQL(world["base"], world["tokens"]["auditor"])
    error = auditor.error("{ auditTrail(first: 1) { totalCount } }")
    assert error["extensions"]["code"] == "INTERNAL"
    assert len(error["extensions"]["errorId"]) == 12
    assert error["extensions"]["reason"] == "internal.unexpected"
    assert error["extensions"]["params"] == {"error_id": error["extensions"]["errorId"]}
    assert "rm_audit" not in error["message"]
    assert "Traceback" not in str(error)


def test_a_too_deep_query_is_refused_before_it_runs(world: dict[str, Any]) -> None:
    nested = "query { " + "people { edges { node { id " * 4 + "} } } " * 4 + "}"
    error = GraphQL(world["base"], world["tokens"]["reader"]).error(nested)
    assert "exceeds maximum operation depth" in error["message"]
    assert error["extensions"]["code"] == "VALIDATION"


def test_a_document_sent_again_is_not_validated_again(world: dict[str, Any]) -> None:
    # strawberry keeps its validation cache per size; the limits must not defeat it.
    from strawberry.extensions.validation_cache import _get_validate_cache

    from service.graphql.app import CACHED_DOCUMENTS

    cache: Any = _get_validate_cache(CACHED_DOCUMENTS)
    client = GraphQL(world["base"], world["tokens"]["employee"])
    client.data("{ me { id } }")
    before = cache.cache_info()
    client.data("{ me { id } }")
    client.data("{ me { id } }")
    after = cache.cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (2, 0)


def test_hundreds_of_aliases_are_refused(world: dict[str, Any]) -> None:
    query = "{ " + " ".join(f"a{n}: me {{ id }}" for n in range(300)) + " }"
    error = GraphQL(world["base"], world["tokens"]["employee"]).error(query)
    assert "alias" in error["message"].lower()


def test_an_oversized_document_is_refused_with_413(world: dict[str, Any]) -> None:
    response = httpx2.post(
        f"{world['base']}/graphql",
        json={"query": "{ me { id } }" + " " * 70_000},
        headers={"Authorization": f"Bearer {world['tokens']['employee']}"},
    )
    assert response.status_code == 413
    extensions = response.json()["errors"][0]["extensions"]
    assert extensions["code"] == "VALIDATION"
    assert (extensions["reason"], extensions["params"]) == ("request.too_large", {"limit_kib": 64})


def test_queries_over_get_are_refused(world: dict[str, Any]) -> None:
    response = httpx2.get(
        f"{world['base']}/graphql",
        params={"query": "{ me { id } }"},
        headers={
            "Authorization": f"Bearer {world['tokens']['employee']}",
            "Accept": "application/json",
        },
    )
    assert response.status_code >= 400
