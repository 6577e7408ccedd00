"""The question set through the service, on both stores: a cycle keeps the questions it
opened with, whatever HR changes later; two changes on one version never both count; every
change names its actor; a restart reads the same set back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from domain.question_set import QuestionSet
from service.actor import Actor, Role
from service.container import Services, build_services
from service.errors import Conflict
from service.settings import Settings
from tests.scenario import PREPARATION, fixed_today, load_cycle, small_org

HR = Actor(None, frozenset({Role.HR}), system="test")


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def test_a_cycle_keeps_its_questions_when_hr_changes_the_set_later(services: Services) -> None:
    app = services.app
    org = small_org(app)
    first = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2027-01-05"
    )
    app.add_question(HR, {"section": "strengths", "employee": "Wat deed je met plezier?"})
    app.retire_question(HR, "opening-work")
    doc = services.queries.cycle(org.as_employee, first)
    assert doc is not None
    assert doc["question_set_version"] == 0  # the built-in set, as it opened
    asked = [q["id"] for q in doc["questions"] or []]
    assert "opening-work" in asked
    assert len(asked) == len(QuestionSet.start().active())
    answers = {**PREPARATION, "answers": {"opening-work": "Goed"}}
    app.submit_preparation(org.as_employee, first, answers)
    app.close_cycle(org.as_manager, first, "a new one")
    second = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2027-02-05"
    )
    newer = load_cycle(app, second)
    assert "opening-work" not in [q["id"] for q in newer.asked_questions]
    assert "Wat deed je met plezier?" in [q["employee"] for q in newer.asked_questions]
    assert services.queries.question_set(org.as_employee).version == 3


def test_two_changes_made_on_one_version_never_both_count(services: Services) -> None:
    app = services.app
    app.add_question(HR, {"section": "opening", "employee": "Eerste"}, if_version=0)
    with pytest.raises(Conflict):
        app.add_question(HR, {"section": "opening", "employee": "Tweede"}, if_version=0)
    employees = [q["employee"] for q in app.current_question_set().questions]
    assert "Eerste" in employees
    assert "Tweede" not in employees


def test_each_change_is_an_event_with_its_actor_and_a_restart_reads_the_same_set(
    services: Services,
) -> None:
    app = services.app
    added = app.add_question(HR, {"section": "ambitions", "manager": "Welke rol past later?"})
    app.move_question(HR, added, 0)
    kinds = [
        (type(e).__qualname__, getattr(e, "actor", None))
        for e in app.events.get(QuestionSet.start().id)
    ]
    assert [k for k, _ in kinds] == [
        "QuestionSet.Started",
        "QuestionSet.QuestionAdded",
        "QuestionSet.QuestionMoved",
    ]
    assert all(actor for _, actor in kinds)
    again = build_services(services.settings, clock=fixed_today)
    try:
        assert again.app.current_question_set() == app.current_question_set()
    finally:
        again.close()
