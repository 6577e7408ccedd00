"""The company backlog and people's details through the service, on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from domain.errors import InvalidInput
from service.actor import Actor, Role
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import ADMIN, PREPARATION, fixed_today, four_cards, small_org

HR = Actor(None, frozenset({Role.HR}), system="test")


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def test_hr_keeps_the_backlog_in_order_and_everyone_reads_it(services: Services) -> None:
    app = services.app
    org = small_org(app)
    sql = app.add_backlog_skill(HR, {"kind": "hard", "description": "SQL"})
    feedback = app.add_backlog_skill(HR, {"kind": "soft", "description": "Feedback"})
    app.move_backlog_skill(HR, feedback, 0)
    app.reword_backlog_skill(HR, sql, {"kind": "hard", "description": "SQL for reports"})
    listed = services.queries.backlog(org.as_employee)
    assert [s["description"] for s in listed] == ["Feedback", "SQL for reports"]
    app.retire_backlog_skill(HR, sql)
    assert [s["id"] for s in app.list_backlog(org.as_employee)] == [feedback]
    assert len(app.list_backlog(HR, include_retired=True)) == 2
    # A restart reads the same backlog back from the store.
    again = build_services(services.settings, clock=fixed_today)
    assert [s["id"] for s in again.app.list_backlog(HR)] == [feedback]
    again.close()


def test_a_card_or_preparation_may_point_only_at_an_active_backlog_skill(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    active = app.add_backlog_skill(HR, {"kind": "hard", "description": "SQL"})
    retired = app.add_backlog_skill(HR, {"kind": "soft", "description": "Old"})
    app.retire_backlog_skill(HR, retired)
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    hard: dict[str, Any] = PREPARATION["hard"]  # type: ignore[assignment]
    growth = dict(hard["growth"][0], backlog_skill_id=retired)
    answers = dict(PREPARATION, hard=dict(hard, growth=[growth]))
    with pytest.raises(InvalidInput, match="no longer") as refused:
        app.submit_preparation(org.as_employee, cycle_id, answers)
    assert refused.value.field == "hard.growth.0.backlog_skill_id"
    growth["backlog_skill_id"] = active
    app.submit_preparation(org.as_employee, cycle_id, answers)
    with pytest.raises(InvalidInput) as refused:
        app.hold_session(
            org.as_manager,
            cycle_id,
            held_on="2026-12-01",
            notes="",
            cards=[*four_cards()[:3], dict(four_cards()[3], backlog_skill_id="made-up")],
        )
    assert refused.value.field == "cards.3.backlog_skill_id"
    assert app.repository.get(cycle_id).session is None  # nothing stored half-way
    app.hold_session(
        org.as_manager,
        cycle_id,
        held_on="2026-12-01",
        notes="",
        cards=[dict(four_cards()[0], backlog_skill_id=active), *four_cards()[1:]],
    )


def test_hr_updates_a_persons_details_and_the_people_list_follows(services: Services) -> None:
    app = services.app
    org = small_org(app)
    app.change_name(HR, org.employee, "Eva de Vries")
    app.change_development_phase(HR, org.employee, "senior")
    app.correct_start_date(HR, org.employee, "2022-10-01")
    row = next(p for p in services.queries.people(HR) if p["person_id"] == str(org.employee))
    assert "start_date" in row  # HR reads the whole row
    assert (row["name"], row["development_phase"], row["start_date"]) == (
        "Eva de Vries",
        "senior",
        "2022-10-01",
    )


def test_a_new_email_address_is_claimed_and_the_old_one_set_free(services: Services) -> None:
    app = services.app
    org = small_org(app)
    with pytest.raises(InvalidInput, match="already registered"):
        app.change_email(HR, org.employee, "cas@example.nl")
    assert app.get_person(org.employee).email == "eva@example.nl"
    app.change_email(HR, org.employee, "Eva.Vries@example.nl")
    assert app.find_person_by_email("eva.vries@example.nl").id == org.employee  # type: ignore[union-attr]
    assert app.find_person_by_email("eva@example.nl") is None
    newcomer = app.register_person(
        ADMIN,
        name="Another Eva",
        email="eva@example.nl",
        function="Designer",
        team="Web",
        start_date="2026-11-01",
    )
    assert app.find_person_by_email("eva@example.nl").id == newcomer  # type: ignore[union-attr]


def test_a_person_sees_themselves_their_reports_and_only_the_names_of_their_team(
    services: Services,
) -> None:
    org = small_org(services.app)
    as_employee = {p["person_id"]: p for p in services.queries.people(org.as_employee)}
    assert set(as_employee) == {str(org.employee), str(org.manager), str(org.colleague)}
    assert "email" in as_employee[str(org.employee)]
    assert "email" not in as_employee[str(org.colleague)]
    as_manager = {p["person_id"]: p for p in services.queries.people(org.as_manager)}
    assert "email" in as_manager[str(org.colleague)]
    me = services.queries.me(org.as_employee)
    assert (me["name"], me["roles"]) == ("Eva Employee", [])
