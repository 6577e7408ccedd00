"""What an HRIS asked for: an external id on a person, unique like an e-mail address, and a
person found by e-mail or external id with the same rights as the list of people."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from service.container import build_services
from service.ids import global_id
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, fixed_today, small_org

REGISTER = (
    "mutation($name: String!, $email: String!, $ext: String) { registerPerson(input: "
    '{name: $name, email: $email, function: "Jurist", team: "Juridische zaken", '
    'startDate: "2026-12-01", developmentPhase: SENIOR, language: EN, externalId: $ext}) '
    "{ person { id name externalId developmentPhase language active } "
    "userErrors { reason field params } } }"
)
CHANGE = (
    "mutation($p: ID!, $ext: String) { changePerson(input: {personId: $p, externalId: $ext}) "
    "{ person { id externalId } userErrors { reason field } } }"
)
BY_EMAIL = "query($e: String!) { person(email: $e) { id name email externalId } }"
BY_EXTERNAL_ID = "query($x: String!) { person(externalId: $x) { id name } }"


@pytest.fixture
def world(store: Settings) -> Iterator[dict[str, Any]]:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    hr = services.app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staf",
        start_date="2015-01-01", external_id="HR-0001",
    )  # fmt: skip
    services.app.grant_role(ADMIN, hr, "hr")
    tokens = services.tokens
    made = {
        "hr": tokens.create("hris", "write", as_email="hr@example.nl"),
        "manager": tokens.create("m", "write", as_email="mia@example.nl"),
        "employee": tokens.create("e", "write", as_email="eva@example.nl"),
        "colleague": tokens.create("c", "write", as_email="cas@example.nl"),
        "reader": tokens.create("bi", "read"),
        "auditor": tokens.create("audit", "audit"),
    }
    services.close()
    with served(store) as base:
        yield {
            "api": {who: GraphQL(base, token) for who, token in made.items()},
            "anonymous": GraphQL(base),
            "org": org,
        }


def test_an_hris_registers_a_person_with_an_external_id_and_finds_them_by_it(
    world: dict[str, Any],
) -> None:
    hr = world["api"]["hr"]
    person = hr.data(REGISTER, {"name": "Noor", "email": "noor@example.nl", "ext": "E-1001"})[
        "registerPerson"
    ]["person"]
    assert {k: v for k, v in person.items() if k != "id"} == {
        "name": "Noor",
        "externalId": "E-1001",
        "developmentPhase": "SENIOR",
        "language": "EN",
        "active": True,
    }
    assert hr.data(BY_EXTERNAL_ID, {"x": "E-1001"})["person"] == {
        "id": person["id"],
        "name": "Noor",
    }
    assert hr.data(BY_EMAIL, {"e": " Noor@Example.NL "})["person"]["id"] == person["id"]
    assert hr.data(BY_EXTERNAL_ID, {"x": "E-9999"})["person"] is None


def test_a_new_external_id_frees_the_old_one_and_null_takes_it_away(
    world: dict[str, Any],
) -> None:
    hr = world["api"]["hr"]
    first = hr.data(REGISTER, {"name": "Noor", "email": "noor@example.nl", "ext": "E-1"})
    noor = first["registerPerson"]["person"]["id"]
    moved = hr.data(CHANGE, {"p": noor, "ext": "E-2"})["changePerson"]
    assert moved == {"person": {"id": noor, "externalId": "E-2"}, "userErrors": []}
    assert hr.data(BY_EXTERNAL_ID, {"x": "E-1"})["person"] is None
    other = hr.data(REGISTER, {"name": "Olaf", "email": "olaf@example.nl", "ext": "E-1"})
    assert other["registerPerson"]["userErrors"] == []
    cleared = hr.data(CHANGE, {"p": noor, "ext": None})["changePerson"]["person"]
    assert cleared == {"id": noor, "externalId": None}
    assert hr.data(BY_EXTERNAL_ID, {"x": "E-2"})["person"] is None


def test_two_people_never_share_an_external_id(world: dict[str, Any]) -> None:
    hr = world["api"]["hr"]
    taken = hr.user_error(REGISTER, {"name": "Noor", "email": "noor@example.nl", "ext": "HR-0001"})
    assert taken == {
        "reason": "person.external_id_taken",
        "field": ["externalId"],
        "params": {"external_id": "HR-0001"},
    }
    assert hr.data(BY_EMAIL, {"e": "noor@example.nl"})["person"] is None  # nothing registered
    eva = hr.data(BY_EMAIL, {"e": "eva@example.nl"})["person"]["id"]
    again = hr.user_error(CHANGE, {"p": eva, "ext": "HR-0001"})
    assert again == {"reason": "person.external_id_taken", "field": ["externalId"]}


def test_a_person_is_found_only_by_whom_the_list_of_people_shows_with_that_detail(
    world: dict[str, Any],
) -> None:
    api, org = world["api"], world["org"]
    found = {
        who: (api[who].post(BY_EMAIL, {"e": "eva@example.nl"}))
        for who in ("hr", "auditor", "manager", "employee", "colleague", "reader")
    }
    ids: dict[str, str | None] = {
        who: ((body.get("data") or {}).get("person") or {}).get("id") for who, body in found.items()
    }
    eva = global_id("Person", str(org.employee))
    assert (ids["hr"], ids["auditor"], ids["manager"]) == (eva, eva, eva)
    assert ids["employee"] == eva  # herself
    assert ids["colleague"] is None  # a colleague's view of her has no e-mail address
    assert found["reader"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    stranger = api["manager"].data(BY_EXTERNAL_ID, {"x": "HR-0001"})["person"]
    assert stranger is None  # HR is not Mia's report: she cannot tell whether it exists
    assert api["hr"].data(BY_EXTERNAL_ID, {"x": "HR-0001"})["person"]["name"] == "Hanna HR"
    nobody = world["anonymous"].error(BY_EMAIL, {"e": "eva@example.nl"})
    assert nobody["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_lookup_takes_exactly_one_of_email_and_external_id(world: dict[str, Any]) -> None:
    hr = world["api"]["hr"]
    for arguments in ('email: "eva@example.nl", externalId: "HR-0001"', ""):
        query = f"{{ person({arguments}) {{ id }} }}" if arguments else "{ person { id } }"
        error = hr.error(query)
        assert (error["extensions"]["code"], error["extensions"]["reason"]) == (
            "VALIDATION",
            "request.one_person_key",
        )
