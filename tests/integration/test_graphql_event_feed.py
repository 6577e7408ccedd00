"""The change feed over real HTTP on both stores: paged in log order with no repeat or gap
while events are written, each caller seeing what they may and no more, typed and named."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import pytest

from service.accounts import actor_for_person
from service.actor import Actor
from service.container import build_services
from service.graphql.pagination import decode_cursor
from service.ids import bare_key, global_id
from service.settings import Settings
from tests.integration import access_table as matrix
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, PREPARATION

FEED = """query($after: String, $first: Int, $kinds: [EventKind!]) {
  events(after: $after, first: $first, kinds: $kinds) {
    edges { cursor node { kind occurredAt aggregateId aggregateVersion cycleId
      actor { kind personId token label } subject { personId name }
      changes { __typename
        ... on CardMovedFields { cardId fromColumn toColumn position }
        ... on SessionHeldFields { heldOn cards { asA iWantTo inOrderTo } }
        ... on PreparationDraftSavedFields { party } } } }
    pageInfo { endCursor hasNextPage } } }"""


def everything(client: GraphQL, first: int = 100, **variables: Any) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    after = None
    while True:
        page = client.data(FEED, {"after": after, "first": first, **variables})["events"]
        events += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return events
        after = page["pageInfo"]["endCursor"]


@dataclass
class FeedWorld(matrix.World):
    drafted: UUID | None = None  # the colleague's cycle, with a draft of the manager's


@pytest.fixture
def world(store: Settings) -> Iterator[FeedWorld]:
    for plain in matrix.build_world(store):
        world = FeedWorld(**vars(plain))
        app = world.app
        manager, colleague = world.actors["manager"], world.actors["other_employee"]
        assert colleague.person_id is not None
        world.drafted = app.open_cycle(
            manager, employee_id=colleague.person_id, planned_session_on="2027-02-01"
        )
        app.save_preparation_draft(manager, world.drafted, PREPARATION)
        app.move_card(
            world.actors["employee"], world.cycle_id, card_id=world.card_ids[0], to_column="doing",
            position=0,
        )  # fmt: skip
        yield world


def tokens_of(world: matrix.World) -> dict[str, str | None]:
    tokens = world.services.tokens
    made: dict[str, str | None] = {"no_one": None}
    for role, actor in world.actors.items():
        if role in ("no_one", "read_token", "audit_token", "write_token"):
            continue
        assert actor.person_id is not None
        email = world.app.get_person(actor.person_id).email
        made[role] = tokens.create(f"feed-{role}", "write", as_email=email)
    made["write_token"] = tokens.create("feed-write", "write", as_email="eva@example.nl")
    made["read_token"] = tokens.create("feed-read", "read")
    made["audit_token"] = tokens.create("feed-audit", "audit")
    made["read_token_for_employee"] = tokens.create("feed-eva", "read", as_email="eva@example.nl")
    return made


def test_the_feed_pages_through_every_event_in_log_order_while_events_are_written(
    world: FeedWorld,
) -> None:
    employee = world.actors["employee"]
    stop = threading.Event()

    def keep_moving() -> None:
        columns = ("todo", "doing")
        n = 0
        while not stop.is_set() and n < 400:
            world.app.move_card(
                employee, world.cycle_id, card_id=world.card_ids[1], to_column=columns[n % 2],
                position=0,
            )  # fmt: skip
            n += 1

    with served(world.services.settings) as base:
        client = GraphQL(base, tokens_of(world)["audit_token"])
        writer = threading.Thread(target=keep_moving)
        writer.start()
        seen: list[str] = []
        cursors: list[str] = []
        after = None
        try:
            for _ in range(30):  # pages read while the writer writes
                page = client.data(FEED, {"after": after, "first": 7})["events"]
                cursors += [edge["cursor"] for edge in page["edges"]]
                seen += [e["node"]["aggregateId"] + ":" + str(e["node"]["aggregateVersion"])
                         for e in page["edges"]]  # fmt: skip
                after = page["pageInfo"]["endCursor"] or after
        finally:
            stop.set()
            writer.join()
        while True:  # and the rest, once it has stopped
            page = client.data(FEED, {"after": after, "first": 100})["events"]
            cursors += [edge["cursor"] for edge in page["edges"]]
            seen += [e["node"]["aggregateId"] + ":" + str(e["node"]["aggregateVersion"])
                     for e in page["edges"]]  # fmt: skip
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
    log = world.app.recorder.select_notifications(start=1, limit=100_000)
    expected = [f"{n.originator_id}:{n.originator_version}" for n in log]
    assert seen == expected  # every event once, in log order: no repeat, no gap
    positions = [decode_cursor("events", c, (int,)) for c in cursors]
    assert positions == [(n.id,) for n in log]


def test_each_caller_sees_what_they_may_and_no_more(world: FeedWorld) -> None:
    app = world.app
    employee, colleague = str(world.employee), str(world.actors["other_employee"].person_id)
    manager = str(world.actors["manager"].person_id)
    hr = str(world.actors["hr"].person_id)
    cycle, drafted = str(world.cycle_id), str(world.drafted)
    tokens = tokens_of(world)
    # After the handover, the former manager fares as a stranger to the employee's cycle.
    new = app.register_person(
        ADMIN, name="Nina New", email="nina@example.nl", function="Lead", team="Web",
        start_date="2018-01-01",
    )  # fmt: skip
    with served(world.services.settings) as base:

        def feed(role: str) -> list[dict[str, Any]]:
            return everything(GraphQL(base, tokens[role]))

        seen = {role: feed(role) for role in tokens if role not in ("no_one", "read_token")}
        log_size = world.services.projections.log_end()
        # HR and an audit token: everything, a draft as saved but never what it says.
        for role in ("hr", "audit_token"):
            assert len(seen[role]) == log_size
            kinds = [e["kind"] for e in seen[role]]
            assert "GROWTH_CYCLE_PREPARATION_DRAFT_SAVED" in kinds
            drafts = [e for e in seen[role] if e["kind"].endswith("DRAFT_SAVED")]
            assert all(
                d["changes"] == {"__typename": "PreparationDraftSavedFields", "party": "EMPLOYEE"}
                or d["changes"]["party"] == "MANAGER"
                for d in drafts
            )

        def aggregates(role: str) -> set[str]:
            return {e["aggregateId"] for e in seen[role]}

        def subjects(role: str) -> set[str | None]:
            return {bare_key((e["subject"] or {}).get("personId")) for e in seen[role]}

        for role in seen:
            if role not in ("hr", "audit_token"):
                saw = {e["kind"] for e in seen[role]}
                assert "GROWTH_CYCLE_PREPARATION_DRAFT_SAVED" not in saw, role
        # The manager: their reports' cycles and records, their own, the backlog.
        assert {cycle, drafted} <= aggregates("manager")
        assert subjects("manager") <= {employee, colleague, manager, None}
        # The employee (and a token acting for them, also with read scope): their own only.
        for role in ("employee", "write_token", "read_token_for_employee"):
            assert cycle in aggregates(role), role
            assert subjects(role) <= {employee, None}, role
        # A colleague in the same team: nothing of the employee's.
        assert cycle not in aggregates("other_employee")
        assert subjects("other_employee") <= {colleague, None}
        assert drafted in aggregates("other_employee")  # their own cycle
        # Another team's manager: only their own record and the backlog.
        assert subjects("other_manager") <= {str(world.actors["other_manager"].person_id), None}
        # An administrator: every person's record, nobody's cycle.
        assert {employee, colleague, hr} <= subjects("admin")
        assert not {cycle, drafted} & aggregates("admin")
        # A reports-only token reads nothing here; nobody at all is asked to sign in.
        assert GraphQL(base, tokens["read_token"]).error(FEED)["extensions"]["code"] == "FORBIDDEN"
        assert GraphQL(base, None).error(FEED)["extensions"]["code"] == "UNAUTHENTICATED"
        app.change_manager(world.actors["hr"], world.employee, new)
        former = feed("manager")
        assert cycle not in {e["aggregateId"] for e in former}
        assert employee not in {bare_key((e["subject"] or {}).get("personId")) for e in former}
        assert drafted in {e["aggregateId"] for e in former}  # still the colleague's manager
        nina = world.services.tokens.create("feed-nina", "write", as_email="nina@example.nl")
        newly = everything(GraphQL(base, nina))
        # The new manager reads the whole cycle, from its opening on.
        opened = [e for e in newly if e["aggregateId"] == cycle]
        assert opened[0]["kind"] == "GROWTH_CYCLE_OPENED"
        assert "GROWTH_CYCLE_MANAGER_HANDED_OVER" in {e["kind"] for e in opened}


def test_an_event_is_typed_with_its_actor_subject_moment_and_camel_case_changes(
    world: FeedWorld,
) -> None:
    with served(world.services.settings) as base:
        client = GraphQL(base, tokens_of(world)["hr"])
        moves = everything(client, kinds=["GROWTH_CYCLE_CARD_MOVED"])
        opened = everything(client, kinds=["GROWTH_CYCLE_OPENED", "GROWTH_CYCLE_SESSION_HELD"])
    [move] = moves
    assert move["changes"] == {
        "__typename": "CardMovedFields",
        "cardId": global_id("Card", str(world.cycle_id), str(world.card_ids[0])),
        "fromColumn": "TODO",
        "toColumn": "DOING",
        "position": 0,
    }
    assert move["cycleId"] == global_id("Cycle", str(world.cycle_id))
    assert move["actor"]["kind"] == "PERSON"
    assert move["actor"]["personId"] == global_id("Person", str(world.employee))
    assert move["subject"] == {
        "personId": global_id("Person", str(world.employee)),
        "name": "Eva Employee",
    }
    assert datetime.fromisoformat(move["occurredAt"]).utcoffset() is not None
    assert {e["kind"] for e in opened} == {"GROWTH_CYCLE_OPENED", "GROWTH_CYCLE_SESSION_HELD"}
    held = next(e for e in opened if e["kind"] == "GROWTH_CYCLE_SESSION_HELD")
    assert {"asA", "iWantTo", "inOrderTo"} <= set(held["changes"]["cards"][0])
    assert "heldOn" in held["changes"]


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"after": "x" * 5000}, "after"),
        ({"after": _cursor('["events",' + "9" * 30 + "]")}, "after"),
        ({"after": _cursor('["events",99999999999999999999]')}, "after"),
        ({"after": _cursor('["people","Ann","x"]')}, "after"),
        ({"after": "not base64!"}, "after"),
        ({"after": "é"}, "after"),
        ({"first": 101}, "first"),
        ({"first": 0}, "first"),
    ],
)
def test_a_huge_or_malformed_cursor_or_page_size_answers_validation(
    store: Settings, variables: dict[str, Any], field: str
) -> None:
    services = build_services(store)
    try:
        token = services.tokens.create("feed-audit", "audit")
    finally:
        services.close()
    with served(store) as base:
        error = GraphQL(base, token).error(FEED, variables)
    assert error["extensions"]["code"] == "VALIDATION"
    assert error["extensions"]["field"] == field


def test_the_former_manager_reads_no_event_of_the_cycle_handed_over(world: FeedWorld) -> None:
    """In process too, through the read query the API calls."""
    former = world.actors["manager"]
    assert former.person_id is not None
    new = world.app.register_person(
        ADMIN, name="Nina New", email="nina2@example.nl", function="Lead", team="Web",
        start_date="2018-01-01",
    )  # fmt: skip
    world.app.change_manager(world.actors["hr"], world.employee, new)
    page = world.services.queries.events(actor_for_person(world.app, former.person_id), limit=1000)
    assert str(world.cycle_id) not in {named.row.aggregate_id for named in page.rows}
    page = world.services.queries.events(Actor(new), limit=1000)
    assert str(world.cycle_id) in {named.row.aggregate_id for named in page.rows}
