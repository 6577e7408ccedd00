"""Inputs are typed and camelCase: what an integrator sends is what is stored, and a key or
a value the schema does not know is refused before anything runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import PREPARATION_ANSWERS, fixed_today, load_cycle, small_org

SUBMIT = (
    "mutation($c: ID!, $a: PreparationAnswersInput!) { submitPreparation(input: "
    "{cycleId: $c, answers: $a}) { cycle { id } userErrors { reason field } } }"
)


@pytest.fixture
def world(store: Settings) -> Iterator[dict[str, Any]]:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    cycle_id = services.app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    token = services.tokens.create("lms", "write", as_email="eva@example.nl")
    services.close()
    with served(store) as base:
        yield {"api": GraphQL(base, token), "cycle": cycle_id, "settings": store}


def _submitted(settings: Settings, cycle_id: Any) -> list[Any]:
    """The employee's submitted preparations, as the event store has them."""
    services = build_services(settings)
    try:
        return list(load_cycle(services.app, cycle_id).preparations.get("employee", []))
    finally:
        services.close()


def _stored(settings: Settings, cycle_id: Any) -> dict[str, Any]:
    latest: dict[str, Any] = _submitted(settings, cycle_id)[-1]
    return latest


def test_a_preparation_sent_with_camel_case_keys_is_stored_with_its_values(
    world: dict[str, Any],
) -> None:
    # Written inline, as the integrators' guide shows it: the keys the SDL documents.
    answered = world["api"].data(
        "mutation($c: ID!) { submitPreparation(input: {cycleId: $c, answers: {"
        'hard: {needed: ["SQL"], growth: [{skill: "SQL", why: "faster reports", '
        'actions: "a course", support: "time"}]}, goingWell: "Code reviews", '
        'couldBeBetter: "Estimating", developmentPhase: VAKVOLWASSEN, ambitions: "Tech lead"}}) '
        "{ cycle { id } userErrors { reason } } }",
        {"c": str(world["cycle"])},
    )["submitPreparation"]
    assert answered["userErrors"] == []
    stored = _stored(world["settings"], world["cycle"])
    assert stored["going_well"] == "Code reviews"
    assert stored["could_be_better"] == "Estimating"
    assert stored["development_phase"] == "vakvolwassen"
    assert stored["ambitions"] == "Tech lead"
    assert stored["hard"]["growth"][0]["why"] == "faster reports"


def test_a_preparation_in_variables_is_stored_with_its_values(world: dict[str, Any]) -> None:
    world["api"].data(SUBMIT, {"c": str(world["cycle"]), "a": PREPARATION_ANSWERS})
    stored = _stored(world["settings"], world["cycle"])
    assert (stored["going_well"], stored["development_phase"]) == ("Code reviews", "vakvolwassen")
    assert stored["soft"]["growth"][0]["skill"] == "Giving feedback"


def test_a_key_the_input_does_not_know_is_refused_and_nothing_is_stored(
    world: dict[str, Any],
) -> None:
    snake = {**PREPARATION_ANSWERS, "going_well": "the old spelling"}
    body = world["api"].post(SUBMIT, {"c": str(world["cycle"]), "a": snake})
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VALIDATION"
    assert error["extensions"]["reason"] == "request.invalid_variables"
    assert "going_well" in error["message"]
    inline = world["api"].post(
        'mutation($c: ID!) { submitPreparation(input: {cycleId: $c, answers: {going_well: "x"}}) '
        "{ cycle { id } } }",
        {"c": str(world["cycle"])},
    )
    assert inline["errors"][0]["extensions"]["code"] == "VALIDATION"
    assert _submitted(world["settings"], world["cycle"]) == []


def test_a_value_of_a_fixed_set_is_an_enum_and_another_value_is_refused(
    world: dict[str, Any],
) -> None:
    for phase in ("vakvolwassen", "MEDIOR"):
        body = world["api"].post(
            SUBMIT,
            {"c": str(world["cycle"]), "a": {**PREPARATION_ANSWERS, "developmentPhase": phase}},
        )
        assert body["errors"][0]["extensions"]["reason"] == "request.invalid_variables", phase


def test_a_refused_answer_names_its_place_inside_the_answers(world: dict[str, Any]) -> None:
    three = [{"skill": f"skill {n}"} for n in range(3)]
    answers = {**PREPARATION_ANSWERS, "hard": {"growth": three}}
    error = world["api"].user_error(SUBMIT, {"c": str(world["cycle"]), "a": answers})
    assert error == {
        "reason": "preparation.too_many_skills_to_grow_in",
        "field": ["answers", "hard", "growth"],
    }
