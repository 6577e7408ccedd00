"""`node(id:)` and `nodes(ids:)` answer with the object to a caller who may see it and with
null to one who may not, exactly as for an object that does not exist; per caller, over
real HTTP on both stores, with a handover so that a former manager is among them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import pytest

from service.ids import global_id
from service.settings import Settings
from tests.integration.access_table import World, build_world
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN

NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"
# What is asked for: the employee, her cycle, its board, a card she keeps to herself and
# one she shows to her team, and a skill of the backlog.
OBJECTS = ("person", "cycle", "board", "hidden_card", "shown_card", "skill")
TYPES = {"person": "Person", "cycle": "Cycle", "board": "Board", "hidden_card": "Card",
         "shown_card": "Card", "skill": "BacklogSkill"}  # fmt: skip
EVERYTHING = frozenset(OBJECTS)
TEAMMATE = frozenset({"person", "board", "shown_card", "skill"})
SEES = {
    "employee": EVERYTHING,
    "write_token": EVERYTHING,  # bound to the employee
    "new_manager": EVERYTHING,
    "hr": EVERYTHING,
    "audit_token": EVERYTHING,
    "colleague": TEAMMATE,
    # Still in the employee's team after the handover: a teammate now, nothing more.
    "former_manager": TEAMMATE,
    "admin": frozenset({"person", "skill"}),
    "other_manager": frozenset({"skill"}),
    "read_token": frozenset({"skill"}),
}
EMAILS = {
    "employee": "eva@example.nl",
    "write_token": "eva@example.nl",
    "new_manager": "nina@example.nl",
    "former_manager": "mia@example.nl",
    "colleague": "cas@example.nl",
    "other_manager": "otto@example.nl",
    "hr": "hr@example.nl",
    "admin": "admin@example.nl",
}


@dataclass
class Api:
    base: str
    tokens: dict[str, str]
    ids: dict[str, str]

    def as_(self, role: str) -> GraphQL:
        return GraphQL(self.base, self.tokens.get(role))


@pytest.fixture
def api(store: Settings) -> Iterator[Api]:
    for world in build_world(store):
        tokens, ids = _handed_over(world)
        with served(store) as base:
            yield Api(base, tokens, ids)


def _handed_over(world: World) -> tuple[dict[str, str], dict[str, str]]:
    """The employee shows one card to her team; HR gives her a new manager."""
    app, tokens = world.app, world.services.tokens
    app.set_card_visibility(
        world.actors["employee"], world.cycle_id, card_id=world.card_ids[1], visible=True
    )
    new = app.register_person(
        ADMIN, name="Nina New", email="nina@example.nl", function="Teamlead", team="Leads",
        start_date="2018-01-01",
    )  # fmt: skip
    app.change_manager(world.actors["hr"], world.employee, new)
    made = {role: tokens.create(f"node-{role}", "write", as_email=e) for role, e in EMAILS.items()}
    made["read_token"] = tokens.create("node-read", "read")
    made["audit_token"] = tokens.create("node-audit", "audit")
    cycle = str(world.cycle_id)
    ids = {
        "person": global_id("Person", str(world.employee)),
        "cycle": global_id("Cycle", cycle),
        "board": global_id("Board", cycle),
        "hidden_card": global_id("Card", cycle, world.card_ids[0]),
        "shown_card": global_id("Card", cycle, world.card_ids[1]),
        "skill": global_id("BacklogSkill", world.skill_id),
    }
    return made, ids


def test_node_gives_each_caller_the_object_where_they_may_see_it_and_null_elsewhere(
    api: Api,
) -> None:
    wrong = []
    for role, sees in SEES.items():
        for name in OBJECTS:
            body = api.as_(role).post(NODE, {"id": api.ids[name]})
            expected = {"__typename": TYPES[name], "id": api.ids[name]} if name in sees else None
            if body.get("errors") or body["data"]["node"] != expected:
                wrong.append(f"{name} as {role}: {body}")
    assert not wrong, "\n".join(wrong)


def test_nodes_answers_each_id_as_node_does_in_the_order_asked(api: Api) -> None:
    ids = [api.ids[name] for name in OBJECTS]
    for role, sees in SEES.items():
        answer = api.as_(role).data(NODES, {"ids": ids})["nodes"]
        assert [n is not None for n in answer] == [name in sees for name in OBJECTS], role


def test_an_object_that_does_not_exist_is_null_like_one_the_caller_may_not_see(api: Api) -> None:
    missing = [
        global_id("Person", str(uuid4())),
        global_id("Cycle", str(uuid4())),
        global_id("Board", str(uuid4())),
        global_id("Card", str(uuid4()), str(uuid4())),
        global_id("BacklogSkill", str(uuid4())),
    ]
    for role in ("hr", "other_manager", "employee", "read_token"):
        body = api.as_(role).post(NODES, {"ids": missing})
        assert body == {"data": {"nodes": [None] * len(missing)}}, role


def test_a_caller_without_a_token_is_unauthenticated_and_gets_no_node(api: Api) -> None:
    body = api.as_("no_one").post(NODE, {"id": api.ids["skill"]})
    assert body["data"] == {"node": None}
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_colleague_sees_a_person_by_name_team_and_function_only(api: Api) -> None:
    query = "query($id: ID!) { node(id: $id) { ... on Person { name team email startDate } } }"
    person: dict[str, Any] = api.as_("colleague").data(query, {"id": api.ids["person"]})["node"]
    assert person == {"name": "Eva Employee", "team": "Web", "email": None, "startDate": None}
    board = api.as_("colleague").data(
        "query($id: ID!) { node(id: $id) { ... on Board { todo { id } version } } }",
        {"id": api.ids["board"]},
    )["node"]
    assert board == {"todo": [{"id": api.ids["shown_card"]}], "version": 0}


def test_an_id_that_is_no_global_id_is_validation_and_so_are_more_than_a_hundred(
    api: Api,
) -> None:
    bare = api.as_("hr").error(NODE, {"id": str(uuid4())})
    assert bare["extensions"]["code"] == "VALIDATION"
    assert (bare["extensions"]["reason"], bare["extensions"]["field"]) == ("id.not_a_node", "id")
    many = api.as_("hr").error(NODES, {"ids": [api.ids["skill"]] * 101})
    assert (many["extensions"]["reason"], many["extensions"]["params"]) == (
        "id.too_many", {"limit": 100}
    )  # fmt: skip
    forged = global_id("Cycle", str(uuid4())).replace("=", "") + "!!"
    assert api.as_("hr").error(NODE, {"id": forged})["extensions"]["code"] == "VALIDATION"
