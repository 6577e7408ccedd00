"""Opening a cycle and preparing the session: drafts, submissions, versions, the freeze."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import InvalidInput, NotAllowedNow
from domain.vocabulary import Party, Stage
from tests.unit.given import (
    EMPLOYEE,
    MANAGER,
    PREPARATION,
    closed,
    draft_saved,
    given,
    open_cycle,
    prepared,
    refused,
    session_held,
    when,
    when_events,
)


def test_a_manager_opens_a_cycle_with_a_planned_session_date() -> None:
    cycle = open_cycle(planned_session_on="2026-12-01")
    events = cycle.collect_events()
    assert [type(e).__name__ for e in events] == ["Opened"]
    assert cycle.employee_id == EMPLOYEE
    assert cycle.manager_id == MANAGER
    assert cycle.planned_session_on == date(2026, 12, 1)
    assert cycle.previous_cycle_id is None
    assert cycle.stage is Stage.PREPARING
    assert cycle.is_active


def test_a_manager_cannot_open_a_cycle_with_themselves() -> None:
    with pytest.raises(InvalidInput) as raised:
        open_cycle(employee_id=MANAGER)
    assert raised.value.field == "employee_id"


@pytest.mark.parametrize("planned", [None, "", "next week", "2026-02-30"])
def test_a_cycle_needs_a_valid_planned_session_date(planned: object) -> None:
    with pytest.raises(InvalidInput) as raised:
        open_cycle(planned_session_on=planned)
    assert raised.value.field == "planned_session_on"


def test_a_saved_draft_is_kept_for_its_party_only() -> None:
    cycle = given()
    assert when(cycle, draft_saved(Party.EMPLOYEE)) == ["PreparationDraftSaved"]
    assert set(cycle.drafts) == {"employee"}
    assert cycle.drafts["employee"]["ambitions"] == "Tech lead in two years"
    assert cycle.preparations == {"employee": [], "manager": []}


def test_saving_a_draft_again_replaces_the_earlier_draft() -> None:
    cycle = given(draft_saved(Party.MANAGER))
    when(cycle, draft_saved(Party.MANAGER, dict(PREPARATION, ambitions="Architect")))
    assert cycle.drafts["manager"]["ambitions"] == "Architect"


def test_a_draft_may_be_incomplete_but_a_submission_names_a_skill_to_grow_in() -> None:
    cycle = given()
    assert when(cycle, draft_saved(Party.EMPLOYEE, {"going_well": "Reviews"})) == [
        "PreparationDraftSaved"
    ]
    error = refused(cycle, prepared(Party.EMPLOYEE, {"going_well": "Reviews"}), InvalidInput)
    assert error.field == "hard.growth"


def test_submitting_clears_the_draft_of_that_party_only() -> None:
    cycle = given(draft_saved(Party.EMPLOYEE), draft_saved(Party.MANAGER))
    assert when(cycle, prepared(Party.EMPLOYEE)) == ["PreparationSubmitted"]
    assert set(cycle.drafts) == {"manager"}
    assert len(cycle.preparations["employee"]) == 1


def test_a_submitted_preparation_is_stored_in_its_normal_form() -> None:
    cycle = given()
    answers = dict(PREPARATION, going_well="  Code reviews \r\n and pairing  ")
    [event] = when_events(cycle, prepared(Party.EMPLOYEE, answers))
    assert event.party == "employee"
    assert event.version == 1
    assert event.preparation["going_well"] == "Code reviews \n and pairing"
    assert event.preparation["hard"]["growth"][0] == {
        "skill": "SQL",
        "why": "faster reports",
        "actions": "course",
        "support": "",
        "backlog_skill_id": None,
    }


def test_resubmitting_a_preparation_keeps_each_version_numbered_one_and_two() -> None:
    cycle = given(prepared(Party.EMPLOYEE))
    [event] = when_events(cycle, prepared(Party.EMPLOYEE, dict(PREPARATION, ambitions="CTO")))
    assert event.version == 2
    versions = cycle.preparations["employee"]
    assert [v["ambitions"] for v in versions] == ["Tech lead in two years", "CTO"]


def test_each_party_numbers_its_own_preparation_versions() -> None:
    cycle = given(prepared(Party.EMPLOYEE), prepared(Party.EMPLOYEE))
    [event] = when_events(cycle, prepared(Party.MANAGER))
    assert event.version == 1
    assert len(cycle.preparations["employee"]) == 2


def test_empty_rows_of_a_form_are_dropped_from_a_preparation() -> None:
    answers = {
        "hard": {"needed": ["SQL", "  ", ""], "growth": [{"skill": "SQL"}, {}, {"skill": " "}]},
    }
    cycle = given(prepared(Party.EMPLOYEE, answers))
    [submitted] = cycle.preparations["employee"]
    assert submitted["hard"]["needed"] == ["SQL"]
    assert [g["skill"] for g in submitted["hard"]["growth"]] == ["SQL"]
    assert submitted["development_phase"] is None


def test_growth_answers_without_the_skill_they_are_about_are_refused() -> None:
    answers = {"soft": {"growth": [{"why": "better reviews"}]}}
    error = refused(given(), prepared(Party.EMPLOYEE, answers), InvalidInput)
    assert error.field == "soft.growth.0.skill"


def test_a_third_skill_to_grow_in_of_one_kind_is_refused() -> None:
    answers = {"hard": {"growth": [{"skill": s} for s in ("SQL", "Python", "Go")]}}
    error = refused(given(), draft_saved(Party.EMPLOYEE, answers), InvalidInput)
    assert error.field == "hard.growth"


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ("I am fine", "preparation"),
        ({"hard": ["SQL"]}, "hard"),
        ({"soft": {"growth": "listening"}}, "soft.growth"),
        ({"hard": {"growth": ["SQL"]}}, "hard.growth.0"),
        ({"hard": {"needed": "SQL"}}, "hard.needed"),
        ({"hard": {"strengths": ["x"] * 21}}, "hard.strengths"),
        ({"development_phase": "guru"}, "development_phase"),
        ({"ambitions": "x" * 4001}, "ambitions"),
    ],
)
def test_a_malformed_preparation_is_refused_with_the_field_named(
    answers: object, field: str
) -> None:
    error = refused(given(), draft_saved(Party.EMPLOYEE, answers), InvalidInput)
    assert error.field == field


def test_preparations_are_frozen_once_the_session_is_held() -> None:
    cycle = given(prepared(Party.EMPLOYEE), session_held())
    refused(cycle, prepared(Party.EMPLOYEE), NotAllowedNow)
    refused(cycle, draft_saved(Party.MANAGER), NotAllowedNow)
    assert len(cycle.preparations["employee"]) == 1


def test_a_closed_cycle_accepts_no_preparation() -> None:
    cycle = given(closed())
    refused(cycle, draft_saved(Party.EMPLOYEE), NotAllowedNow)
    refused(cycle, prepared(Party.MANAGER), NotAllowedNow)
