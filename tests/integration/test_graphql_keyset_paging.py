"""Every list that can grow pages with keyset cursors over real HTTP, on both stores: rows
added between two pages neither repeat nor go missing, totalCount counts them all, and a
cursor that is not one the list gave out is VALIDATION."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import pytest

from service.accounts import actor_for_person
from service.actor import Actor
from service.container import Services, build_services
from service.ids import global_id
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, Org, cycle_on_board, fixed_today, small_org

PEOPLE = """query($after: String) { people(first: 3, after: $after) { totalCount
  pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }"""
CYCLES = """query($e: ID!, $after: String) { cycles(employeeId: $e, first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }"""
HISTORY = """query($e: ID!, $after: String) { history(employeeId: $e, first: 4, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { kind version } } } }"""
BACKLOG = """query($after: String) { backlog(first: 2, after: $after) { totalCount
  pageInfo { hasNextPage endCursor } edges { node { description } } } }"""
AUDIT = """query($after: String) { auditTrail(first: 5, after: $after) { totalCount
  pageInfo { hasNextPage endCursor } edges { node { sequence } } } }"""


@dataclass
class World:
    services: Services
    base: str
    api: GraphQL
    org: Org
    hr: Actor
    cycle_id: UUID
    cards: list[str]


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    services = build_services(store, clock=fixed_today)
    app = services.app
    org = small_org(app)
    hr_id = app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staf",
        start_date="2015-01-01",
    )  # fmt: skip
    app.grant_role(ADMIN, hr_id, "hr")
    hr = actor_for_person(app, hr_id)
    cycle_id, cards = cycle_on_board(app, org)
    token = services.tokens.create("hris", "audit")
    try:
        with served(store) as base:
            yield World(services, base, GraphQL(base, token), org, hr, cycle_id, cards)
    finally:
        services.close()


def register(world: World, name: str) -> None:
    world.services.app.register_person(
        ADMIN, name=name, email=f"{uuid4().hex[:8]}@example.nl", function="Dev", team="Ops",
        start_date="2021-01-01",
    )  # fmt: skip


def pages(
    api: GraphQL, query: str, field: str, variables: dict[str, Any], between: Any = None
) -> tuple[list[dict[str, Any]], list[int]]:
    """Every page of a list, calling `between()` after the first; the nodes and the totals."""
    nodes: list[dict[str, Any]] = []
    totals: list[int] = []
    after = None
    while True:
        page = api.data(query, {**variables, "after": after})[field]
        nodes += [edge["node"] for edge in page["edges"]]
        totals.append(page["totalCount"])
        if between is not None and len(totals) == 1:
            between()
        if not page["pageInfo"]["hasNextPage"]:
            return nodes, totals
        after = page["pageInfo"]["endCursor"]


def test_people_added_between_two_pages_neither_repeat_nor_go_missing(world: World) -> None:
    for name in ("Bo", "Dana", "Ede", "Fenna", "Gert"):
        register(world, name)
    before = [n["name"] for n in pages(world.api, PEOPLE, "people", {})[0]]
    assert before == sorted(before)
    assert len(before) == 9

    def add_before_and_after_the_cursor() -> None:
        register(world, "Aaron")  # sorts before the first page's end: an offset would repeat one
        register(world, "Zoë")

    seen, totals = pages(world.api, PEOPLE, "people", {}, add_before_and_after_the_cursor)
    names = [n["name"] for n in seen]
    assert names == sorted([*before, "Zoë"])
    assert totals[0] == 9
    assert set(totals[1:]) == {11}


def test_an_employees_cycles_come_in_pages_newest_first(world: World) -> None:
    app, org = world.services.app, world.org
    app.close_cycle(org.as_manager, world.cycle_id, "again")
    opened = [world.cycle_id]
    for month in (1, 2):
        cycle = app.open_cycle(
            org.as_manager, employee_id=org.employee, planned_session_on=f"2027-0{month}-01"
        )
        app.close_cycle(org.as_manager, cycle, "again")
        opened.append(cycle)
    employee = {"e": global_id("Person", str(org.employee))}

    def open_another() -> None:
        app.open_cycle(org.as_manager, employee_id=org.employee, planned_session_on="2027-05-01")

    seen, totals = pages(world.api, CYCLES, "cycles", employee, open_another)
    # The newest, opened after the first page, is not among the older ones that follow it.
    assert [n["id"] for n in seen] == [global_id("Cycle", str(c)) for c in opened[::-1]]
    assert totals == [3, 4]


def test_the_history_pages_on_with_what_happened_after_the_first_page(world: World) -> None:
    app, org = world.services.app, world.org
    employee = {"e": global_id("Person", str(org.employee))}
    everything, _ = pages(world.api, HISTORY, "history", employee)

    def move_a_card() -> None:
        app.move_card(
            org.as_employee, world.cycle_id, card_id=world.cards[0], to_column="doing", position=0
        )

    seen, totals = pages(world.api, HISTORY, "history", employee, move_a_card)
    assert seen[: len(everything)] == everything
    assert [n["kind"] for n in seen[len(everything) :]] == ["CARD_MOVED"]
    assert totals[0] == len(everything)
    assert totals[-1] == len(everything) + 1


def test_a_skill_put_at_the_top_between_pages_repeats_none_of_the_backlog(world: World) -> None:
    app = world.services.app
    for n in range(5):
        app.add_backlog_skill(world.hr, {"kind": "hard", "description": f"Skill {n}"})

    def add_at_the_top() -> None:
        app.add_backlog_skill(world.hr, {"kind": "soft", "description": "Newest"}, 0)

    seen, totals = pages(world.api, BACKLOG, "backlog", {}, add_at_the_top)
    assert [n["description"] for n in seen] == [f"Skill {n}" for n in range(5)]
    assert totals == [5, 6, 6]


def test_the_audit_trail_pages_by_its_sequence(world: World) -> None:
    seen, totals = pages(world.api, AUDIT, "auditTrail", {})
    sequences = [n["sequence"] for n in seen]
    assert sequences == sorted(set(sequences))
    assert len(sequences) == totals[0]


def _cursor(*parts: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode()


BAD_CURSORS = {
    "not base64": "not a cursor!",
    "huge": "A" * 10_000,
    "not JSON": base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    "not a list": _cursor("people"),
    "empty": "",
}


def test_a_malformed_huge_or_foreign_cursor_is_validation_on_every_list(world: World) -> None:
    employee = global_id("Person", str(world.org.employee))
    lists = {
        "people": (PEOPLE, {}, _cursor("people", "Bo", 7)),
        "cycles": (CYCLES, {"e": employee}, _cursor("cycles", "x")),
        "history": (HISTORY, {"e": employee}, _cursor("history", 2**64)),
        "backlog": (BACKLOG, {}, _cursor("backlog", "x", -1)),
        "auditTrail": (AUDIT, {}, _cursor("audit", True)),
    }
    people_cursor = world.api.data(PEOPLE, {})["people"]["pageInfo"]["endCursor"]
    wrong = []
    for field, (query, variables, mistyped) in lists.items():
        cursors = {**BAD_CURSORS, "mistyped": mistyped}
        if field != "people":
            cursors["of another list"] = people_cursor
        for name, cursor in cursors.items():
            body = world.api.post(query, {**variables, "after": cursor})
            errors = body.get("errors") or [{}]
            found = errors[0].get("extensions", {})
            if (found.get("code"), found.get("reason")) != ("VALIDATION", "page.unknown_cursor"):
                wrong.append(f"{field}, {name}: {body}")
    assert not wrong, "\n".join(wrong)
    for first in (0, 101):
        error = world.api.error("query($n: Int) { people(first: $n) { totalCount } }", {"n": first})
        assert error["extensions"]["reason"] == "page.size_out_of_range"
