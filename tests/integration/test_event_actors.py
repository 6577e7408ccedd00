"""Every fact records who caused it, and the trail shows who did it apart from whom it concerns."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from domain.person import Person
from service.accounts import actor_for_person
from service.actor import Actor
from service.container import Services, build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, PREPARATION, Org, fixed_today, full_cycle, small_org
from web.routes_hr import KINDS

PRIVATE_DRAFT = {**PREPARATION, "ambitions": "only for me: leave within a year"}


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def _hr(services: Services) -> tuple[Org, Actor]:
    org = small_org(services.app)
    hr = services.app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staff",
        start_date="2015-01-01",
    )  # fmt: skip
    services.app.grant_role(ADMIN, hr, "hr")
    return org, actor_for_person(services.app, hr)


def test_no_row_of_the_audit_trail_has_an_unknown_actor_after_a_whole_cycle(
    services: Services,
) -> None:
    org, hr = _hr(services)
    full_cycle(services.app, org)
    rows = services.queries.audit(hr, limit=1000).rows
    assert len(rows) > 20
    assert [r.row.kind for r in rows if r.actor["kind"] == "unknown"] == []


def test_a_managers_approval_names_the_manager_as_actor_and_the_employee_as_subject(
    services: Services,
) -> None:
    org, hr = _hr(services)
    full_cycle(services.app, org)
    rows = services.queries.audit(hr, kinds=["PlanApproved"]).rows
    by_actor = {r.actor["name"]: r for r in rows}
    assert set(by_actor) == {"Mia Manager", "Eva Employee"}
    manager_row = by_actor["Mia Manager"]
    assert manager_row.actor["kind"] == "person"
    assert manager_row.subject == {"person_id": str(org.employee), "name": "Eva Employee"}
    assert manager_row.row.changes == {"party": "manager", "version": 1}  # actor not in changes


def test_history_entries_carry_who_did_them_as_well_as_the_party(services: Services) -> None:
    org, hr = _hr(services)
    full_cycle(services.app, org)
    history = services.queries.history(hr, org.employee)
    moved = [e for e in history if e.row.kind == "card_moved"]
    assert moved
    assert {(e.row.party, e.actor["name"]) for e in moved} == {("employee", "Eva Employee")}
    registered_by = services.queries.audit(hr, kinds=["Registered"]).rows[0].actor
    assert registered_by["kind"] == "system"
    assert registered_by["system"] == "test"


def test_a_token_that_acts_for_a_person_is_named_with_that_person(services: Services) -> None:
    org, hr = _hr(services)
    token = services.tokens.create("lms", "write", as_email="mia@example.nl")
    manager_by_token = services.tokens.authenticate(token)
    services.app.open_cycle(
        manager_by_token, employee_id=org.employee, planned_session_on="2026-12-20"
    )
    opened = services.queries.audit(hr, kinds=["Opened"]).rows[0].actor
    assert (opened["kind"], opened["token"], opened["name"]) == ("token", "lms", "Mia Manager")
    assert opened["label"] == "token lms for Mia Manager"


def test_events_saved_before_actors_were_recorded_read_as_unknown_not_as_an_error(
    services: Services,
) -> None:
    _, hr = _hr(services)
    # As an older release saved it: straight through the library, with no actor.
    person = Person.register(
        name="Old Timer", email="old@example.nl", function="Archivist", team="Staff",
        start_date="2001-01-01",
    )  # fmt: skip
    services.app.save(person)
    services.projections.catch_up()
    rows = services.queries.audit(hr, employee_id=str(person.id)).rows
    assert [r.actor["kind"] for r in rows] == ["unknown"]
    assert rows[0].actor["label"] == "unknown (before actors were recorded)"
    assert rows[0].subject is not None
    assert rows[0].subject["name"] == "Old Timer"


def test_the_audit_page_and_graphql_show_who_did_it_and_whom_it_concerns(store: Settings) -> None:
    with served(store) as base:
        services = build_services(store, clock=fixed_today)
        try:
            org, _ = _hr(services)
            full_cycle(services.app, org)
            token = services.tokens.create("auditor", "audit")
        finally:
            services.close()
        data = GraphQL(base, token).data(
            """{ auditTrail(first: 50, filter: {kinds: ["PlanApproved"]}) {
                 edges { node { kind actor { kind name label } subject { name }
                 changes { __typename ... on PlanApprovedFields { party version } } } } } }"""
        )
    nodes = [e["node"] for e in data["auditTrail"]["edges"]]
    assert {(n["actor"]["name"], n["subject"]["name"]) for n in nodes} == {
        ("Mia Manager", "Eva Employee"),
        ("Eva Employee", "Eva Employee"),
    }
    assert [n["actor"]["kind"] for n in nodes] == ["PERSON", "PERSON"]
    assert sorted(n["changes"]["party"] for n in nodes) == ["EMPLOYEE", "MANAGER"]
    assert {n["changes"]["__typename"] for n in nodes} == {"PlanApprovedFields"}
    assert "ManagerHandedOver" in KINDS


def test_a_draft_shows_in_the_trail_as_saved_but_never_with_what_it_says(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    try:
        org, hr = _hr(services)
        cycle_id = services.app.open_cycle(
            org.as_manager, employee_id=org.employee, planned_session_on="2026-12-20"
        )
        services.app.save_preparation_draft(org.as_employee, cycle_id, PRIVATE_DRAFT)
        token = services.tokens.create("auditor", "audit")
        [row] = services.queries.audit(hr, kinds=["PreparationDraftSaved"]).rows
        assert row.row.changes == {"party": "employee"}
        assert row.actor["name"] == "Eva Employee"
        history = services.queries.history(hr, org.employee)
        assert "only for me" not in repr(history)
    finally:
        services.close()
    with served(store) as base:
        body = GraphQL(base, token).data(
            """query ($id: ID!) { auditTrail(first: 50) { edges { node { kind changes {
                   __typename ... on PreparationDraftSavedFields { party }
                   ... on OtherEventFields { fields { name value } } } } } }
                 history(employeeId: $id) { edges { node { kind details { __typename } } } } }""",
            {"id": str(org.employee)},
        )
    assert "only for me" not in repr(body)
    kinds = [e["node"]["kind"] for e in body["auditTrail"]["edges"]]
    assert "PreparationDraftSaved" in kinds
