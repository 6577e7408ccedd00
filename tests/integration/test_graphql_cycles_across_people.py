"""Cycles across people for HR and audits (and a manager: their own reports), filtered by
manager, team, stage and the day they opened, paged by keyset cursors that stay right while
cycles are opened."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from service.actor import Actor
from service.container import build_services
from service.ids import bare_key
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, cycle_on_board, fixed_today, small_org

CYCLES = (
    "query($f: CycleFilter, $first: Int, $after: String, $e: ID) { cycles(filter: $f, "
    "first: $first, after: $after, employeeId: $e) { totalCount pageInfo { hasNextPage "
    "endCursor } edges { cursor node { id employeeId stage } } } }"
)


@pytest.fixture
def world(store: Settings) -> Iterator[dict[str, Any]]:
    services = build_services(store, clock=fixed_today)
    app = services.app
    org = small_org(app)
    otto = app.register_person(
        ADMIN, name="Otto Other", email="otto@example.nl", function="Lead", team="Data",
        start_date="2016-01-01",
    )  # fmt: skip
    pia = app.register_person(
        ADMIN, name="Pia Data", email="pia@example.nl", function="Analyst", team="Data",
        start_date="2021-01-01", manager_id=otto,
    )  # fmt: skip
    hr = app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staf",
        start_date="2015-01-01",
    )  # fmt: skip
    app.grant_role(ADMIN, hr, "hr")
    eva_cycle, _ = cycle_on_board(app, org)
    cas_cycle = app.open_cycle(
        org.as_manager, employee_id=org.colleague, planned_session_on="2026-12-05"
    )
    pia_cycle = app.open_cycle(Actor(otto), employee_id=pia, planned_session_on="2026-12-07")
    tokens = services.tokens
    made = {
        who: tokens.create(who, "write", as_email=f"{who}@example.nl")
        for who in ("hr", "mia", "otto", "eva")
    }
    made["reader"] = tokens.create("bi", "read")
    made["auditor"] = tokens.create("auditor", "audit")
    services.close()
    with served(store) as base:
        yield {
            "api": {who: GraphQL(base, token) for who, token in made.items()},
            "cycles": {"eva": str(eva_cycle), "cas": str(cas_cycle), "pia": str(pia_cycle)},
            "org": org,
            "people": {"otto": str(otto), "pia": pia},
            "settings": store,
        }


def _ids(api: GraphQL, **variables: Any) -> list[str]:
    page = api.data(CYCLES, variables)["cycles"]
    assert page["totalCount"] == len(page["edges"])
    return [bare_key(edge["node"]["id"]) for edge in page["edges"]]


def test_hr_filters_cycles_by_manager_team_stage_and_the_day_they_opened(
    world: dict[str, Any],
) -> None:
    hr, cycles, org = world["api"]["hr"], world["cycles"], world["org"]
    assert _ids(hr) == [cycles["pia"], cycles["cas"], cycles["eva"]]  # newest first
    assert _ids(hr, f={"managerId": str(org.manager)}) == [cycles["cas"], cycles["eva"]]
    assert _ids(hr, f={"team": "Data"}) == [cycles["pia"]]
    assert _ids(hr, f={"stage": "ON_BOARD"}) == [cycles["eva"]]
    assert _ids(hr, f={"stage": "PREPARING", "team": "Web"}) == [cycles["cas"]]
    today = datetime.now(UTC).date()
    assert len(_ids(hr, f={"openedFrom": today.isoformat(), "openedTo": today.isoformat()})) == 3
    assert _ids(hr, f={"openedTo": (today - timedelta(days=1)).isoformat()}) == []
    assert _ids(hr, f={"openedFrom": (today + timedelta(days=1)).isoformat()}) == []
    assert _ids(world["api"]["auditor"], f={"team": "Data"}) == [cycles["pia"]]


def test_pages_of_cycles_stay_right_while_a_cycle_is_opened_between_them(
    world: dict[str, Any],
) -> None:
    hr, cycles = world["api"]["hr"], world["cycles"]
    first = hr.data(CYCLES, {"first": 2})["cycles"]
    assert [bare_key(e["node"]["id"]) for e in first["edges"]] == [cycles["pia"], cycles["cas"]]
    assert (first["totalCount"], first["pageInfo"]["hasNextPage"]) == (3, True)
    services = build_services(world["settings"], clock=fixed_today)
    try:
        org = world["org"]
        hanna = services.app.register_person(
            ADMIN, name="New Hire", email="new@example.nl", function="Dev", team="Web",
            start_date="2026-11-01", manager_id=org.manager,
        )  # fmt: skip
        services.app.open_cycle(org.as_manager, employee_id=hanna, planned_session_on="2026-12-09")
    finally:
        services.close()
    second = hr.data(CYCLES, {"first": 2, "after": first["pageInfo"]["endCursor"]})["cycles"]
    assert [bare_key(e["node"]["id"]) for e in second["edges"]] == [cycles["eva"]]
    assert (second["totalCount"], second["pageInfo"]["hasNextPage"]) == (4, False)


def test_a_manager_lists_their_reports_cycles_and_an_employee_their_own(
    world: dict[str, Any],
) -> None:
    api, cycles = world["api"], world["cycles"]
    assert _ids(api["mia"]) == [cycles["cas"], cycles["eva"]]
    assert _ids(api["otto"]) == [cycles["pia"]]
    assert _ids(api["otto"], f={"team": "Web"}) == []
    assert _ids(api["eva"]) == [cycles["eva"]]
    assert _ids(api["eva"], e=str(world["org"].employee)) == [cycles["eva"]]
    assert _ids(api["mia"], e=str(world["org"].colleague)) == [cycles["cas"]]


def test_cycles_are_refused_to_a_reporting_token_and_for_someone_elses_employee(
    world: dict[str, Any],
) -> None:
    api = world["api"]
    assert api["reader"].error(CYCLES)["extensions"]["code"] == "FORBIDDEN"
    stranger = api["otto"].error(CYCLES, {"e": str(world["org"].employee)})
    assert stranger["extensions"]["code"] == "FORBIDDEN"
    assert GraphQL(api["hr"].base).error(CYCLES)["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_cursor_this_api_did_not_give_or_a_page_too_large_is_validation(
    world: dict[str, Any],
) -> None:
    hr = world["api"]["hr"]
    for after in ("not-a-cursor", "Yzp4", "x" * 5000):
        error = hr.error(CYCLES, {"after": after})
        assert error["extensions"]["reason"] == "page.unknown_cursor", after
    assert hr.error(CYCLES, {"first": 101})["extensions"]["reason"] == "page.size_out_of_range"
