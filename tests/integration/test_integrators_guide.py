"""The integrators' guide is right: every example of its common jobs runs as written,
with the token its heading names, against a served app on both stores; and every
GraphQL example anywhere in it is a document the schema takes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import graphql
import pytest

from service.accounts import actor_for_person
from service.container import build_services
from service.ids import global_id
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, PLAN, cycle_on_board, fixed_today, small_org

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "integrators.md"
SCHEMA = graphql.build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))


def common_jobs() -> list[str]:
    """The guide's ```graphql blocks under "## Common jobs", in order."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("\n## Common jobs\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```graphql\n(.*?)```", section, flags=re.DOTALL)


@dataclass
class World:
    base: str
    tokens: dict[str, str]
    ids: dict[str, str]


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    services = build_services(store, clock=fixed_today)
    app = services.app
    org = small_org(app)
    hr = app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staf",
        start_date="2015-01-01",
    )  # fmt: skip
    app.grant_role(ADMIN, hr, "hr")
    app.change_team(ADMIN, org.employee, "Vergunningen")
    cycle_id, cards = cycle_on_board(app, org)
    app.write_plan(org.as_manager, cycle_id, PLAN)
    app.approve_plan(org.as_employee, cycle_id, 1)
    app.approve_plan(org.as_manager, cycle_id, 1)
    preparing = app.open_cycle(
        org.as_manager, employee_id=org.colleague, planned_session_on="2027-01-15"
    )
    assert actor_for_person(app, hr).is_hr
    tokens = services.tokens
    made = {
        "hr_read": tokens.create("lms", "read", as_email="hr@example.nl"),
        "hr": tokens.create("hris", "write", as_email="hr@example.nl"),
        "read": tokens.create("bi", "read"),
        "employee": tokens.create("lms-eva", "write", as_email="eva@example.nl"),
        "colleague": tokens.create("lms-cas", "write", as_email="cas@example.nl"),
    }
    ids = {
        "employee": global_id("Person", str(org.employee)),
        "manager": global_id("Person", str(org.manager)),
        "colleague": global_id("Person", str(org.colleague)),
        "hr": global_id("Person", str(hr)),
        "cycle": global_id("Cycle", str(cycle_id)),
        "card": global_id("Card", str(cycle_id), cards[0]),
        "preparing": global_id("Cycle", str(preparing)),
    }
    services.close()
    with served(store) as base:
        yield World(base, made, ids)


# Each example by its operation's name: the token its heading names, its variables, and
# what its answer must show.
Check = Callable[[World, dict[str, Any]], None]
EXAMPLES: dict[str, tuple[str, Callable[[dict[str, str]], dict[str, Any]], Check]] = {
    "Planned": (
        "hr_read",
        lambda ids: {"employee": ids["employee"]},
        lambda w, d: _planned(d),
    ),
    "CyclesAcross": (
        "hr",
        lambda ids: {"after": None},
        lambda w, d: _equal(
            [e["node"]["employeeId"] for e in d["cycles"]["edges"]], [w.ids["employee"]]
        ),
    ),
    "Register": (
        "hr",
        lambda ids: {"manager": ids["manager"]},
        lambda w, d: w.ids.update(noor=_no_user_errors(d["registerPerson"])["person"]["id"]),
    ),
    "FindByExternalId": (
        "hr",
        lambda ids: {},
        lambda w, d: _equal(d["person"]["id"], w.ids["noor"]),
    ),
    "FindByEmail": (
        "hr",
        lambda ids: {},
        lambda w, d: _equal(d["person"], {"id": w.ids["noor"], "externalId": "E-10234"}),
    ),
    "MoveToTeam": (
        "hr",
        lambda ids: {"person": ids["colleague"]},
        lambda w, d: _equal(d["changePerson"]["person"]["team"], "Vergunningen"),
    ),
    "NewManager": (
        "hr",
        lambda ids: {"person": ids["colleague"], "manager": ids["hr"]},
        lambda w, d: _equal(d["changePerson"]["person"]["managerId"], w.ids["hr"]),
    ),
    "NewExternalId": (
        "hr",
        lambda ids: {"person": ids["colleague"]},
        lambda w, d: _equal(d["changePerson"]["person"]["externalId"], "E-20001"),
    ),
    "Leaver": (
        "hr",
        lambda ids: {"person": ids["noor"]},
        lambda w, d: _equal(_no_user_errors(d["deactivatePerson"])["person"]["active"], False),
    ),
    "People": (
        "hr",
        lambda ids: {"after": None},
        lambda w, d: _equal(d["people"]["totalCount"], 5),  # Noor too: HR sees who left
    ),
    "Needs": ("read", lambda ids: {}, lambda w, d: _equal(d["trainingNeeds"]["minGroupSize"], 5)),
    "Audit": (
        "hr",
        lambda ids: {"after": None},
        lambda w, d: _equal(d["auditTrail"]["totalCount"], 3),
    ),
    "Move": (
        "employee",
        lambda ids: {"cycle": ids["cycle"], "card": ids["card"]},
        lambda w, d: _equal(
            [c["id"] for c in _no_user_errors(d["moveCard"])["board"]["doing"]], [w.ids["card"]]
        ),
    ),
    "Prepare": (
        "colleague",
        lambda ids: {"cycle": ids["preparing"]},
        lambda w, d: _equal(_no_user_errors(d["submitPreparation"])["cycle"]["stage"], "PREPARING"),
    ),
    "Again": (
        "employee",
        lambda ids: {"card": ids["card"]},
        lambda w, d: _equal(d["node"]["column"], "DOING"),
    ),
}


def _equal(got: object, expected: object) -> None:
    assert got == expected


def _no_user_errors(payload: dict[str, Any]) -> dict[str, Any]:
    assert payload["userErrors"] == [], payload["userErrors"]
    return payload


def _planned(data: dict[str, Any]) -> None:
    [edge] = data["cycles"]["edges"]
    cycle = edge["node"]
    assert (cycle["stage"], cycle["approvedVersion"]) == ("PLAN_AGREED", 1)
    [version] = cycle["planVersions"]
    assert version["plan"]["activities"][0]["type"] == "COURSE"


def test_every_example_of_the_common_jobs_runs_as_written(world: World) -> None:
    ran = []
    for block in common_jobs():
        for definition in graphql.parse(block).definitions:
            assert isinstance(definition, graphql.OperationDefinitionNode)
            assert definition.name is not None, f"name the example's operation:\n{block}"
            name = definition.name.value
            assert name in EXAMPLES, f"say here how to run the guide's example {name}"
            role, variables, check = EXAMPLES[name]
            api = GraphQL(world.base, world.tokens[role])
            check(world, api.data(block, variables(world.ids), operation=name))
            ran.append(name)
    assert ran == list(EXAMPLES)


def _operations(block: str) -> list[str]:
    """A block may hold several operations; each is a document of its own."""
    document = graphql.parse(block)
    return [block[d.loc.start : d.loc.end] for d in document.definitions if d.loc is not None]


@pytest.mark.parametrize(
    "block",
    re.findall(r"```graphql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S),
    ids=lambda b: b.split("(")[0].split("{")[0].strip(),
)
def test_every_graphql_example_of_the_guide_fits_the_schema(block: str) -> None:
    for operation in _operations(block):
        errors = graphql.validate(SCHEMA, graphql.parse(operation))
        assert not errors, f"{operation}\n{errors}"
