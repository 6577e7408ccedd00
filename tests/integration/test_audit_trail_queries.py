"""The audit trail read from both stores: every event, filterable and paged, its fields read
from the stored events; the POP as it stood at a moment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from eventsourcing.domain import Aggregate, event

from projections.audit import AuditRow, list_audit
from projections.plan_as_of import get_plan_as_of
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import PLAN, cycle_on_board, fixed_today, full_cycle, small_org


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    """On both stores: a row's fields are read from each store's own events table."""
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def all_rows(services: Services, **filters: object) -> list[AuditRow]:
    rows: list[AuditRow] = []
    after = 0
    while True:
        page = list_audit(services.database, services.queries.log, limit=4, after=after, **filters)
        rows += page.rows
        if page.next_after is None:
            return rows
        after = page.next_after


def test_every_event_is_one_row_in_log_order_and_pages_add_up(services: Services) -> None:
    app = services.app
    org = small_org(app)
    full_cycle(app, org)
    rows = all_rows(services)
    assert len(rows) == services.projections.log_end()
    # Numbered by their place in the log: a cursor of the trail or the feed stays right.
    log = services.app.recorder.select_notifications(start=1, limit=len(rows) + 1)
    assert [r.seq for r in rows] == [n.id for n in log]
    assert {r.aggregate for r in rows} >= {"Person", "GrowthCycle", "EmailIndex"}


def test_the_trail_filters_by_employee_cycle_kind_and_period(services: Services) -> None:
    app = services.app
    org = small_org(app)
    started = datetime.now(UTC)
    cycle_id = full_cycle(app, org)
    cycle_rows = all_rows(services, cycle_id=str(cycle_id))
    assert cycle_rows[0].kind == "CycleAdded"  # the employee's index names the cycle too
    cycle_rows = [r for r in cycle_rows if r.aggregate == "GrowthCycle"]
    assert [r.version for r in cycle_rows] == list(range(1, len(cycle_rows) + 1))
    assert {r.employee_id for r in cycle_rows} == {str(org.employee)}
    moves = all_rows(services, employee_id=str(org.employee), kinds=["CardMoved"])
    assert [(m.changes["from_column"], m.changes["to_column"]) for m in moves] == [
        ("todo", "doing"),
        ("doing", "done"),
    ]
    before = all_rows(services, until=started)
    assert {r.kind for r in before} <= {"Registered", "Claimed"}
    after = all_rows(services, since=started)
    assert len(before) + len(after) == services.projections.log_end()
    assert all_rows(services, employee_id=str(org.colleague), kinds=["CardMoved"]) == []


def test_the_changes_hold_the_events_own_fields_as_plain_json(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    opened = all_rows(services, cycle_id=str(cycle_id), kinds=["Opened"])[0]
    assert opened.changes == {
        "employee_id": str(org.employee),
        "manager_id": str(org.manager),
        "planned_session_on": "2026-12-01",
        "previous_cycle_id": None,
    }


def test_the_plan_as_of_a_past_moment_shows_the_version_and_approvals_of_then(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    before_plan = datetime.now(UTC)
    app.write_plan(org.as_manager, cycle_id, PLAN)
    app.approve_plan(org.as_employee, cycle_id, 1)
    app.approve_plan(org.as_manager, cycle_id, 1)
    agreed = datetime.now(UTC)
    revised = dict(PLAN, support=[{"kind": "budget", "description": "course fee"}])
    app.write_plan(org.as_manager, cycle_id, revised)
    app.approve_plan(org.as_manager, cycle_id, 2)

    assert (
        get_plan_as_of(services.database, services.queries.log, str(cycle_id), before_plan) is None
    )
    then = get_plan_as_of(services.database, services.queries.log, str(cycle_id), agreed)
    assert then is not None
    assert then.version == 1
    assert then.plan["support"] == PLAN["support"]
    assert {p: a.version for p, a in then.approvals.items()} == {"employee": 1, "manager": 1}
    assert then.approved_by_both is not None
    assert then.approved_by_both.version == 1

    now = get_plan_as_of(
        services.database, services.queries.log, str(cycle_id), datetime.now(UTC) + timedelta(1)
    )
    assert now is not None
    assert now.version == 2
    assert {p: a.version for p, a in now.approvals.items()} == {"manager": 2}
    assert now.approved_by_both is not None
    assert now.approved_by_both.version == 1  # the contract still in force


class Vault(Aggregate):
    """An aggregate whose event carries fields named like secrets."""

    @event("Sealed")
    def seal(self, label: str, api_token: str, password_hash: str) -> None:
        self.label = label


def test_fields_named_like_secrets_never_reach_the_trail(services: Services) -> None:
    vault = Vault()
    vault.seal(label="kluis", api_token="t0ps3cret", password_hash="$argon2id$…")
    services.app.save(vault)
    services.projections.catch_up()
    sealed = all_rows(services, kinds=["Sealed"])
    assert [row.changes for row in sealed] == [{"label": "kluis"}]
