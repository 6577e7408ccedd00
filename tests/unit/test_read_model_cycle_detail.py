"""The cycle detail: one document with everything a cycle page shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from projections.cycle_detail import get_cycle, list_cycles
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import PLAN, PREPARATION, cycle_on_board, fixed_today, full_cycle, small_org


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(Settings(database=str(tmp_path / "db")), clock=fixed_today)
    yield services
    services.close()


def test_the_document_follows_the_stage_and_version_of_the_aggregate(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, card_ids = cycle_on_board(app, org)
    app.move_card(org.as_employee, cycle_id, card_id=card_ids[0], to_column="doing", position=0)
    app.move_card(org.as_employee, cycle_id, card_id=card_ids[0], to_column="done", position=0)
    doc = get_cycle(services.database, str(cycle_id))
    cycle: Any = app.repository.get(cycle_id)
    assert doc is not None
    assert doc["stage"] == cycle.stage.value == "on_board"
    assert doc["version"] == cycle.version
    assert doc["board"]["columns"] == cycle.board
    assert doc["employee_id"] == str(org.employee)
    assert doc["manager_id"] == str(org.manager)
    assert doc["planned_session_on"] == "2026-12-01"
    assert [p["version"] for p in doc["preparations"]["employee"]] == [1]
    assert len(doc["session"]["cards"]) == 4


def test_a_draft_is_kept_apart_and_marked_until_it_is_submitted(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    app.save_preparation_draft(org.as_employee, cycle_id, {"ambitions": "lead"})
    doc = get_cycle(services.database, str(cycle_id))
    assert doc is not None
    assert doc["drafts"]["employee"]["draft"] is True
    assert doc["drafts"]["employee"]["preparation"]["ambitions"] == "lead"
    assert doc["preparations"]["employee"] == []
    app.submit_preparation(org.as_employee, cycle_id, PREPARATION)
    doc = get_cycle(services.database, str(cycle_id))
    assert doc is not None
    assert doc["drafts"] == {}
    assert doc["preparations"]["employee"][0]["submitted_at"]


def test_every_pop_version_stays_with_what_it_changed_and_who_approved_it(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    app.write_plan(org.as_manager, cycle_id, PLAN)
    app.approve_plan(org.as_manager, cycle_id, 1)
    revised = dict(PLAN, support=[{"kind": "budget", "description": "course fee"}])
    app.write_plan(org.as_manager, cycle_id, revised)
    app.approve_plan(org.as_employee, cycle_id, 2)
    app.approve_plan(org.as_manager, cycle_id, 2)
    doc = get_cycle(services.database, str(cycle_id))
    assert doc is not None
    versions = doc["plan_versions"]
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["changes"] == []
    assert "added support: budget: course fee" in versions[1]["changes"]
    assert {p: a["version"] for p, a in doc["approvals"].items()} == {
        "employee": 2,
        "manager": 2,
    }
    assert [(a["party"], a["version"]) for a in doc["approval_history"]] == [
        ("manager", 1),
        ("employee", 2),
        ("manager", 2),
    ]
    assert doc["approved_version"] == 2
    assert doc["stage"] == "plan_agreed"


def test_a_completed_cycle_and_a_closed_one_are_listed_per_employee_and_manager(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    first = full_cycle(app, org)
    second = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2027-06-01"
    )
    app.close_cycle(org.as_manager, second, "left the company")
    done = get_cycle(services.database, str(first))
    assert done is not None
    assert done["stage"] == "completed"
    assert done["follow_up"]["completed"]["went_well"] == "SQL"
    closed = get_cycle(services.database, str(second))
    assert closed is not None
    assert (closed["stage"], closed["closed_reason"]) == ("closed", "left the company")
    assert closed["previous_cycle_id"] == str(first)
    listed = list_cycles(services.database, employee_id=str(org.employee))
    assert [c["cycle_id"] for c in listed] == [str(second), str(first)]
    assert len(list_cycles(services.database, manager_id=str(org.manager))) == 2
    assert list_cycles(services.database, manager_id=str(org.employee)) == []
    assert get_cycle(services.database, str(org.employee)) is None
