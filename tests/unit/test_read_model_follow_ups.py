"""Follow-ups due: overdue, due soon, and cycles waiting for someone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from projections.follow_ups import list_follow_ups
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import PLAN, PREPARATION, cycle_on_board, fixed_today, small_org


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(Settings(database=str(tmp_path / "db")), clock=fixed_today)
    yield services
    services.close()


def test_a_follow_up_past_its_date_is_overdue_for_the_manager_and_for_hr(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    app.schedule_follow_up(org.as_manager, cycle_id, months=3)  # due 2027-03-01

    before = list_follow_ups(services.database, date(2027, 1, 1), manager_id=str(org.manager))
    assert [i["cycle_id"] for i in before["scheduled"]] == [str(cycle_id)]
    assert before["overdue"] == before["due_soon"] == []

    soon = list_follow_ups(services.database, date(2027, 2, 15), manager_id=str(org.manager))
    assert [i["due_on"] for i in soon["due_soon"]] == ["2027-03-01"]

    late = list_follow_ups(services.database, date(2027, 3, 11))
    assert [(i["cycle_id"], i["days_overdue"]) for i in late["overdue"]] == [(str(cycle_id), 10)]
    assert list_follow_ups(services.database, date(2027, 3, 11), manager_id=str(org.employee)) == {
        "overdue": [],
        "due_soon": [],
        "scheduled": [],
        "waiting": [],
    }


def test_a_completed_follow_up_is_no_longer_due(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    app.schedule_follow_up(org.as_manager, cycle_id, months=3)
    app.complete_follow_up(
        org.as_employee, cycle_id, held_on="2027-03-05", went_well="a", could_be_better="b"
    )
    assert list_follow_ups(services.database, date(2027, 4, 1))["overdue"] == []


def test_a_pop_waiting_for_one_party_says_which(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    app.write_plan(org.as_manager, cycle_id, PLAN)
    assert list_follow_ups(services.database, fixed_today())["waiting"][0]["waiting_for"] == [
        "employee",
        "manager",
    ]
    app.approve_plan(org.as_manager, cycle_id, 1)
    waiting = list_follow_ups(services.database, fixed_today())["waiting"]
    assert [(w["waiting_on"], w["waiting_for"]) for w in waiting] == [("approval", ["employee"])]
    app.approve_plan(org.as_employee, cycle_id, 1)
    assert list_follow_ups(services.database, fixed_today())["waiting"] == []


def test_a_prepared_cycle_past_its_planned_session_waits_for_the_session(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    app.submit_preparation(org.as_employee, cycle_id, PREPARATION)
    assert list_follow_ups(services.database, date(2026, 11, 30))["waiting"] == []
    waiting = list_follow_ups(services.database, date(2026, 12, 8))["waiting"]
    assert [(w["waiting_on"], w["prepared"]) for w in waiting] == [("session", ["employee"])]
