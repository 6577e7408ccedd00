"""The question set over GraphQL on both stores: HR reads and changes the set (a change on a
stale version saves nothing), a cycle asks the questions it opened with, and a preparation's
answers to them go in and come out by question id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, fixed_today, small_org

SET = "{ questionSet { version questions { id section employee manager builtIn } retired { id } } }"
ADD = (
    "mutation($q: AddQuestionInput!) { addQuestion(input: $q) { question { id employee } "
    "questionSet { version } userErrors { reason field } } }"
)
CHANGE = (
    "mutation($q: ChangeQuestionInput!) { changeQuestion(input: $q) { question { id employee "
    "manager builtIn } questionSet { version questions { id } } userErrors { reason } } }"
)
CYCLE = "query($c: ID!) { cycle(id: $c) { questions { id } preparations { party answers { " \
    "questionAnswers { questionId text } } } } }"  # fmt: skip
SUBMIT = (
    "mutation($c: ID!, $a: PreparationAnswersInput!) { submitPreparation(input: "
    "{cycleId: $c, answers: $a}) { cycle { id } userErrors { reason field } } }"
)
GROWTH = {"hard": {"growth": [{"skill": "SQL", "why": "reports"}]}}


@pytest.fixture
def world(store: Settings) -> Iterator[dict[str, Any]]:
    services = build_services(store, clock=fixed_today)
    app = services.app
    org = small_org(app)
    hr = app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staff",
        start_date="2015-01-01",
    )  # fmt: skip
    app.grant_role(ADMIN, hr, "hr")
    before = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2027-01-05"
    )
    tokens = services.tokens
    hr_token = tokens.create("hr-tool", "write", as_email="hr@example.nl")
    employee_token = tokens.create("lms", "write", as_email="eva@example.nl")
    services.close()
    with served(store) as base:
        yield {
            "hr": GraphQL(base, hr_token),
            "employee": GraphQL(base, employee_token),
            "cycle": str(before),
        }


def test_the_set_starts_as_the_hand_outs_questions_at_version_0(world: dict[str, Any]) -> None:
    found = world["employee"].data(SET)["questionSet"]
    assert found["version"] == 0
    ids = [q["id"] for q in found["questions"]]
    assert ids[:3] == ["opening-work", "opening-development-points", "opening-moments"]
    growth = next(q for q in found["questions"] if q["id"] == "manager-growth-opportunities")
    assert growth["employee"] is None
    assert growth["section"] == "MANAGER_VIEW"
    assert all(q["builtIn"] for q in found["questions"])


def test_hr_adds_a_question_and_a_stale_version_saves_nothing(world: dict[str, Any]) -> None:
    hr = world["hr"]
    added = hr.data(ADD, {"q": {"section": "OPENING", "employee": "Wat leerde je?",
                                "ifVersion": 0}})["addQuestion"]  # fmt: skip
    assert added["userErrors"] == []
    assert added["question"]["employee"] == "Wat leerde je?"
    assert added["questionSet"]["version"] == 2
    stale = hr.error(ADD, {"q": {"section": "OPENING", "employee": "Nog een", "ifVersion": 0}})
    assert stale["extensions"]["code"] == "CONFLICT"
    assert hr.data(SET)["questionSet"]["version"] == 2


def test_a_question_for_nobody_is_a_user_error_on_its_field(world: dict[str, Any]) -> None:
    error = world["hr"].user_error(ADD, {"q": {"section": "STRENGTHS", "help": "only help"}})
    assert error["reason"] == "questions.for_nobody"


def test_a_reword_keeps_what_it_leaves_out_and_the_question_is_then_hrs(
    world: dict[str, Any],
) -> None:
    changed = world["hr"].data(
        CHANGE, {"q": {"questionId": "opening-work", "employee": "Hoe gaat het?"}}
    )["changeQuestion"]
    assert changed["question"] == {
        "id": "opening-work",
        "employee": "Hoe gaat het?",
        "manager": "How does the employee feel about their work, as you see it?",
        "builtIn": False,
    }


def test_one_change_per_request(world: dict[str, Any]) -> None:
    error = world["hr"].user_error(
        CHANGE, {"q": {"questionId": "opening-work", "position": 1, "retire": True}}
    )
    assert error["reason"] == "request.one_question_change_per_request"


def test_an_employee_may_not_change_the_set(world: dict[str, Any]) -> None:
    error = world["employee"].error(ADD, {"q": {"section": "OPENING", "employee": "Nee"}})
    assert error["extensions"]["code"] == "FORBIDDEN"


def test_a_cycle_keeps_its_questions_and_answers_them_by_id(world: dict[str, Any]) -> None:
    hr, employee, cycle = world["hr"], world["employee"], world["cycle"]
    hr.data(CHANGE, {"q": {"questionId": "opening-work", "retire": True}})
    asked = employee.data(CYCLE, {"c": cycle})["cycle"]["questions"]
    assert "opening-work" in [q["id"] for q in asked]  # retired after the cycle opened
    answers = {**GROWTH, "questionAnswers": [{"questionId": "opening-work", "text": "Goed"}]}
    submitted = employee.data(SUBMIT, {"c": cycle, "a": answers})["submitPreparation"]
    assert submitted["userErrors"] == []
    [preparation] = employee.data(CYCLE, {"c": cycle})["cycle"]["preparations"]
    assert preparation["answers"]["questionAnswers"] == [
        {"questionId": "opening-work", "text": "Goed"}
    ]


def test_an_answer_to_a_question_not_asked_of_the_party_is_refused(
    world: dict[str, Any],
) -> None:
    answers = {
        **GROWTH,
        "questionAnswers": [{"questionId": "manager-growth-opportunities", "text": "x"}],
    }
    error = world["employee"].user_error(SUBMIT, {"c": world["cycle"], "a": answers})
    assert error["reason"] == "preparation.not_asked"
