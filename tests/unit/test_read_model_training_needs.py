"""Training needs: counts of people per skill, team and function, never a small group."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from projections.training_needs import get_training_needs
from service.application import Groeispurt
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import ADMIN, CARD, PLAN, Org, fixed_today, small_org


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(Settings(database=str(tmp_path / "db")), clock=fixed_today)
    yield services
    services.close()


def wishing(app: Groeispurt, org: Org, employee: UUID, hard: str, soft: str) -> UUID:
    """A cycle of `employee` whose preparation names one hard and one soft skill."""
    cycle_id = app.open_cycle(org.as_manager, employee_id=employee, planned_session_on="2026-12-01")
    answers = {"hard": {"growth": [{"skill": hard}]}, "soft": {"growth": [{"skill": soft}]}}
    app.submit_preparation(org.as_employee.__class__(employee), cycle_id, answers)
    return cycle_id


def team_of(app: Groeispurt, org: Org, count: int, team: str) -> list[UUID]:
    return [
        app.register_person(
            ADMIN,
            name=f"Person {team} {i}",
            email=f"p{i}@{team.lower()}.example.nl",
            function="Adviseur",
            team=team,
            start_date="2024-01-01",
            manager_id=org.manager,
        )
        for i in range(count)
    ]


def group(report: dict[str, Any], name: str, kind: str) -> dict[str, Any]:
    return next(g for g in report["groups"] if (g["name"], g["kind"]) == (name, kind))


def test_a_group_smaller_than_the_minimum_is_folded_into_other(services: Services) -> None:
    app = services.app
    org = small_org(app)
    many = team_of(app, org, 5, "Sales")
    few = team_of(app, org, 2, "Legal")
    for person in many:
        wishing(app, org, person, "SQL", "Presenting")
    for person in few:
        wishing(app, org, person, "Contract law", "Presenting")

    by_skill = get_training_needs(services.database, "skill", min_group_size=5)
    names = {(g["name"], g["kind"]) for g in by_skill["groups"]}
    assert names == {("SQL", "hard"), ("Presenting", "soft"), ("other", "hard")}
    assert group(by_skill, "SQL", "hard")["people"] == 5
    assert group(by_skill, "Presenting", "soft")["people"] == 7
    assert group(by_skill, "other", "hard")["people"] == 2
    assert "Contract law" not in repr(by_skill)

    by_team = get_training_needs(services.database, "team", min_group_size=5)
    assert {(g["name"], g["kind"]) for g in by_team["groups"]} == {
        ("Sales", "hard"),
        ("Sales", "soft"),
        ("other", "hard"),
        ("other", "soft"),
    }
    assert "Legal" not in repr(by_team)
    assert by_skill["hard_soft_balance"] == {"hard": 7, "soft": 7, "hard_share": 0.5}


def test_counts_are_of_distinct_people_and_never_name_them(services: Services) -> None:
    app = services.app
    org = small_org(app)
    people = team_of(app, org, 3, "Ops")
    for person in people:
        wishing(app, org, person, "SQL", "sql ")  # also as a soft wish: still three people
    report = get_training_needs(services.database, "function", min_group_size=3)
    assert group(report, "Adviseur", "hard")["people"] == 3
    assert all(str(p) not in repr(report) for p in people)
    assert "Person" not in repr(report)


def test_agreed_activities_count_only_once_both_approved(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = wishing(app, org, org.employee, "SQL", "Feedback")
    cards = [dict(CARD, i_want_to="SQL")]
    app.hold_session(org.as_manager, cycle_id, held_on="2026-12-01", notes="", cards=cards)
    card_ids: list[str] = list(app.repository.get(cycle_id).cards)
    app.select_cards(org.as_employee, cycle_id, card_ids)
    plan = dict(
        PLAN,
        activities=[
            {"description": "SQL course", "type": "course", "form": "formal", "skill": "SQL"},
            {"description": "Book", "type": "book", "form": "informal", "skill": "SQL"},
        ],
    )
    app.write_plan(org.as_manager, cycle_id, plan)
    app.approve_plan(org.as_manager, cycle_id, 1)
    sql = group(get_training_needs(services.database, "skill", min_group_size=1), "SQL", "hard")
    assert (sql["people_agreed"], sql["activities"]) == (0, {})
    app.approve_plan(org.as_employee, cycle_id, 1)
    sql = group(get_training_needs(services.database, "skill", min_group_size=1), "SQL", "hard")
    assert sql["activities"] == {"book": 1, "course": 1}
    assert (sql["people"], sql["people_wishing"], sql["people_agreed"]) == (1, 1, 1)


def test_team_is_taken_as_it_was_when_the_need_arose(services: Services) -> None:
    app = services.app
    org = small_org(app)
    people = team_of(app, org, 2, "Alpha")
    wishing(app, org, people[0], "SQL", "Feedback")
    app.change_team(ADMIN, people[1], "Beta")
    wishing(app, org, people[1], "SQL", "Feedback")
    teams = get_training_needs(services.database, "team", min_group_size=1)
    assert {(g["name"], g["kind"]) for g in teams["groups"]} >= {
        ("Alpha", "hard"),
        ("Beta", "hard"),
    }
    with pytest.raises(ValueError, match="group_by"):
        get_training_needs(services.database, "name")
