"""The retrospective history: one employee's timeline across cycles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from projections.history import get_history
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import PLAN, cycle_on_board, fixed_today, full_cycle, small_org


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(Settings(database=str(tmp_path / "db")), clock=fixed_today)
    yield services
    services.close()


def test_a_full_cycle_reads_as_a_timeline_of_who_did_what(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = full_cycle(app, org)
    entries = get_history(services.database, services.queries.log, str(org.employee))
    kinds = [e["kind"] for e in entries]
    assert kinds == [
        "cycle_opened",
        "preparation_submitted",
        "preparation_submitted",
        "session_held",
        "cards_selected",
        "card_moved",
        "card_moved",
        "plan_drafted",
        "plan_approved",
        "plan_approved",
        "plan_approved_by_both",
        "follow_up_scheduled",
        "follow_up_completed",
    ]
    assert {e["cycle_id"] for e in entries} == {str(cycle_id)}
    prepared = [e for e in entries if e["kind"] == "preparation_submitted"]
    assert [(e["party"], e["preparation_version"]) for e in prepared] == [
        ("employee", 1),
        ("manager", 1),
    ]
    assert entries == sorted(entries, key=lambda e: e["at"])
    assert entries[-1]["went_well"] == "SQL"


def test_a_card_moved_twice_shows_both_moves_with_the_card_title(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, card_ids = cycle_on_board(app, org)
    app.move_card(org.as_employee, cycle_id, card_id=card_ids[1], to_column="doing", position=0)
    app.move_card(org.as_employee, cycle_id, card_id=card_ids[1], to_column="done", position=0)
    moves = [
        e
        for e in get_history(services.database, services.queries.log, str(org.employee))
        if e["kind"] == "card_moved"
    ]
    assert [(m["from_column"], m["to_column"]) for m in moves] == [
        ("todo", "doing"),
        ("doing", "done"),
    ]
    assert {m["title"] for m in moves} == {"skill 1"}
    assert {m["party"] for m in moves} == {"employee"}


def test_a_revised_pop_resets_the_approvals_and_says_whose(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    app.write_plan(org.as_manager, cycle_id, PLAN)
    app.approve_plan(org.as_employee, cycle_id, 1)
    revised = dict(PLAN, support=[{"kind": "budget", "description": "course fee"}])
    app.write_plan(org.as_manager, cycle_id, revised)
    app.approve_plan(org.as_employee, cycle_id, 2)
    app.approve_plan(org.as_manager, cycle_id, 2)
    plan_entries = [
        e
        for e in get_history(services.database, services.queries.log, str(org.employee))
        if e["kind"].startswith("plan")
    ]
    assert [(e["kind"], e["party"], e["plan_version"]) for e in plan_entries] == [
        ("plan_drafted", "manager", 1),
        ("plan_approved", "employee", 1),
        ("plan_revised", "manager", 2),
        ("plan_approved", "employee", 2),
        ("plan_approved", "manager", 2),
        ("plan_approved_by_both", None, 2),
    ]
    assert plan_entries[2]["approvals_reset"] == [{"party": "employee", "plan_version": 1}]


def test_the_timeline_spans_cycles_and_leaves_out_drafts_and_colleagues(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    first, _ = cycle_on_board(app, org)
    app.close_cycle(org.as_manager, first, "new role")
    second = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2027-06-01"
    )
    app.save_preparation_draft(org.as_employee, second, {"ambitions": "private thoughts"})
    entries = get_history(services.database, services.queries.log, str(org.employee))
    assert [e["cycle_id"] for e in entries if e["kind"] == "cycle_opened"] == [
        str(first),
        str(second),
    ]
    assert entries[-1]["kind"] == "cycle_opened"
    assert entries[-1]["previous_cycle_id"] == str(first)
    assert "private thoughts" not in repr(entries)
    assert get_history(services.database, services.queries.log, str(org.colleague)) == []
