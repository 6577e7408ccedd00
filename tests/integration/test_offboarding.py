"""Offboarding: HR deactivates someone who leaves. Their access ends at once — sessions,
tokens, signing in — their own open cycle is closed, and their history stays."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from service.container import build_services
from service.ids import global_id
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.reliability.server import csrf_token
from tests.scenario import ADMIN, Org, cycle_on_board, fixed_today, small_org

PASSWORD = "a long enough password 1"
DEACTIVATE = (
    "mutation($p: ID!, $on: Date!, $why: String!) { deactivatePerson(input: {personId: $p, "
    "leftOn: $on, reason: $why}) { person { id active leftOn } "
    "userErrors { reason field params } } }"
)
PEOPLE = "{ people(first: 100) { edges { node { id active leftOn } } } }"


@pytest.fixture
def world(store: Settings) -> Iterator[dict[str, Any]]:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, _ = cycle_on_board(services.app, org)
    hr = services.app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staf",
        start_date="2015-01-01",
    )  # fmt: skip
    services.app.grant_role(ADMIN, hr, "hr")
    services.accounts.set_password(org.employee, PASSWORD)
    tokens = {
        "hr": services.tokens.create("hris", "write", as_email="hr@example.nl"),
        "employee": services.tokens.create("lms", "write", as_email="eva@example.nl"),
        "manager": services.tokens.create("m", "write", as_email="mia@example.nl"),
        "colleague": services.tokens.create("c", "write", as_email="cas@example.nl"),
    }
    services.close()
    with served(store) as base:
        yield {
            "base": base,
            "api": {who: GraphQL(base, token) for who, token in tokens.items()},
            "org": org,
            "hr": hr,
            "cycle": str(cycle_id),
            "settings": store,
        }


def _signed_in(base: str) -> httpx2.Client:
    browser = httpx2.Client(base_url=base, follow_redirects=True, timeout=30)
    _sign_in(browser)
    return browser


def _sign_in(browser: httpx2.Client) -> httpx2.Response:
    token = csrf_token(browser.get("/sign-in").text)
    return browser.post(
        "/sign-in", data={"email": "eva@example.nl", "password": PASSWORD, "csrf_token": token}
    )


def _people(api: GraphQL) -> dict[str, dict[str, Any]]:
    edges = api.data(PEOPLE)["people"]["edges"]
    return {edge["node"]["id"]: edge["node"] for edge in edges}


def test_a_person_who_is_deactivated_loses_every_access_at_once_and_keeps_their_history(
    world: dict[str, Any],
) -> None:
    api, org = world["api"], world["org"]
    eva = global_id("Person", str(org.employee))
    browser = _signed_in(world["base"])
    assert browser.get("/board", follow_redirects=False).status_code == 200
    assert api["employee"].data("{ me { id } }")["me"]["id"] == eva
    history = "query($e: ID!) { history(employeeId: $e) { totalCount } }"
    before = api["hr"].data(history, {"e": eva})["history"]["totalCount"]

    answer = api["hr"].data(DEACTIVATE, {"p": eva, "on": "2026-11-30", "why": "Moved abroad"})
    assert answer["deactivatePerson"] == {
        "person": {"id": eva, "active": False, "leftOn": "2026-11-30"},
        "userErrors": [],
    }

    assert api["employee"].error("{ me { id } }")["extensions"]["code"] == "UNAUTHENTICATED"
    page = browser.get("/board", follow_redirects=False)
    assert page.status_code in (302, 303)
    assert "/sign-in" in page.headers["location"]
    own_graphql = browser.post("/graphql", json={"query": "{ me { id } }"}).json()
    assert own_graphql["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    again = _sign_in(browser)
    assert again.status_code == 401
    assert "wachtwoord klopt niet" in again.text  # the same answer as for an unknown address
    assert browser.get("/board", follow_redirects=False).status_code in (302, 303)

    services = build_services(world["settings"])
    try:
        [token] = [t for t in services.tokens.list() if t["name"] == "lms"]
        assert token["revoked_at"] is not None
    finally:
        services.close()
    cycle = api["hr"].data(
        "query($c: ID!) { cycle(id: $c) { stage closed } }", {"c": world["cycle"]}
    )
    assert cycle["cycle"] == {"stage": "CLOSED", "closed": True}
    assert api["hr"].data(history, {"e": eva})["history"]["totalCount"] > before
    assert _people(api["hr"])[eva] == {"id": eva, "active": False, "leftOn": "2026-11-30"}
    assert eva not in _people(api["manager"])
    assert eva not in _people(api["colleague"])


def test_deactivating_refuses_oneself_a_second_time_and_a_day_before_the_start(
    world: dict[str, Any],
) -> None:
    hr, eva = world["api"]["hr"], str(world["org"].employee)
    early = hr.user_error(DEACTIVATE, {"p": eva, "on": "2020-01-01", "why": ""})
    assert early == {
        "reason": "person.left_before_start",
        "field": ["leftOn"],
        "params": {"start": "2022-09-01"},
    }
    oneself = hr.user_error(DEACTIVATE, {"p": str(world["hr"]), "on": "2026-11-30", "why": ""})
    assert oneself["reason"] == "person.deactivate_oneself"
    hr.data(DEACTIVATE, {"p": eva, "on": "2026-11-30", "why": ""})
    twice = hr.user_error(DEACTIVATE, {"p": eva, "on": "2026-11-30", "why": ""})
    assert (twice["reason"], twice["params"]) == (
        "person.already_deactivated",
        {"name": "Eva Employee"},
    )


def test_nobody_can_be_given_a_manager_who_left(world: dict[str, Any]) -> None:
    hr, org = world["api"]["hr"], world["org"]
    hr.data(DEACTIVATE, {"p": str(org.manager), "on": "2026-11-30", "why": ""})
    refused = hr.user_error(
        "mutation($p: ID!, $m: ID!) { changePerson(input: {personId: $p, managerId: $m}) "
        "{ person { id } userErrors { reason field } } }",
        {"p": str(org.colleague), "m": str(org.manager)},
    )
    assert refused == {"reason": "person.deactivated", "field": ["managerId"]}


def test_only_hr_and_administrators_deactivate(world: dict[str, Any]) -> None:
    org: Org = world["org"]
    for who in ("employee", "manager", "colleague"):
        error = world["api"][who].error(
            DEACTIVATE, {"p": str(org.colleague), "on": "2026-11-30", "why": ""}
        )
        assert error["extensions"]["code"] == "FORBIDDEN", who
        assert error["path"] == ["deactivatePerson"]
