"""Every output is typed: cycles with their preparations, session, POP versions, approvals
and follow-up; boards and cards; people; the history and the audit trail per kind; fields
in camelCase, words as enums, days as Date and moments as DateTime, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import pytest

from service.accounts import actor_for_person
from service.container import build_services
from service.ids import global_id, read_global_id
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, PLAN, cycle_on_board, fixed_today, small_org

REVISED = {**PLAN, "support": [{"kind": "budget", "description": "a course budget"}]}

CYCLE = """query($c: ID!) { cycle(id: $c) {
  id employeeId managerId stage plannedSessionOn openedAt version
  preparations { party version submittedAt answers {
    goingWell couldBeBetter developmentPhase ambitions
    hard { needed strengths untapped growth { skill why actions support backlogSkillId } }
    soft { growth { skill } } } }
  drafts { party }
  session { heldOn notes recordedAt cards { id kind asA iWantTo inOrderTo backlogSkillId } }
  planVersions { version writtenAt
    plan { goals { description measure deadline } activities { description type form skill }
           support { kind description } }
    changes { inWords addedSupport { kind description } removedSupport { kind } addedGoals { measure } } }
  approvals { party version at }
  approvedVersion approvedAt
  followUp { dueOn scheduledAt retrospective { heldOn wentWell couldBeBetter showAndTellOn recordedAt } }
  closed closedAt closedReason } }"""


@dataclass
class World:
    base: str
    hr: str
    cycle_id: UUID
    employee: UUID
    manager: UUID
    cards: list[str]


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
    cycle_id, cards = cycle_on_board(app, org)
    app.move_card(org.as_employee, cycle_id, card_id=cards[0], to_column="doing", position=0)
    app.write_plan(org.as_manager, cycle_id, PLAN)
    app.write_plan(org.as_manager, cycle_id, REVISED)
    app.approve_plan(org.as_employee, cycle_id, 2)
    app.approve_plan(org.as_manager, cycle_id, 2)
    app.schedule_follow_up(org.as_manager, cycle_id, months=3)
    app.complete_follow_up(
        org.as_employee, cycle_id, held_on="2027-03-01", went_well="SQL", could_be_better="Time"
    )
    app.change_team(actor_for_person(app, hr), org.employee, "Data")
    token = services.tokens.create("audit", "audit")
    services.close()
    with served(store) as base:
        yield World(base, token, cycle_id, org.employee, org.manager, cards)


def is_moment(text: str) -> bool:
    moment = datetime.fromisoformat(text)
    return moment.tzinfo is not None and moment.utcoffset() is not None


def test_a_cycle_comes_back_typed_in_camel_case_with_days_moments_and_enums(world: World) -> None:
    cycle = GraphQL(world.base, world.hr).data(CYCLE, {"c": str(world.cycle_id)})["cycle"]
    assert cycle["id"] == global_id("Cycle", str(world.cycle_id))
    assert cycle["employeeId"] == global_id("Person", str(world.employee))
    assert cycle["managerId"] == global_id("Person", str(world.manager))
    assert (cycle["stage"], cycle["plannedSessionOn"]) == ("COMPLETED", "2026-12-01")
    assert is_moment(cycle["openedAt"])
    [employee, manager] = sorted(cycle["preparations"], key=lambda p: p["party"])
    assert (employee["party"], employee["version"], manager["party"]) == ("EMPLOYEE", 1, "MANAGER")
    assert is_moment(employee["submittedAt"])
    answers = employee["answers"]
    assert answers["developmentPhase"] == "VAKVOLWASSEN"
    assert answers["goingWell"] == "Code reviews"
    assert answers["hard"]["needed"] == ["Python", "SQL"]
    assert answers["hard"]["growth"][0] == {
        "skill": "SQL", "why": "faster reports", "actions": "course", "support": "time",
        "backlogSkillId": None,
    }  # fmt: skip
    assert cycle["drafts"] == []
    session = cycle["session"]
    assert (session["heldOn"], session["notes"]) == ("2026-12-01", "Good talk")
    assert [read_global_id(c["id"]) for c in session["cards"]][:3] == [
        read_global_id(global_id("Card", str(world.cycle_id), card)) for card in world.cards
    ]
    assert session["cards"][0]["kind"] == "HARD"
    assert session["cards"][0]["asA"] == "developer"
    first, second = cycle["planVersions"]
    assert first["changes"] is None  # the first version changes nothing before it
    assert first["plan"]["goals"][0]["deadline"] == "2027-03-01"
    assert first["plan"]["activities"][0] == {
        "description": "SQL course", "type": "COURSE", "form": "FORMAL", "skill": ""
    }  # fmt: skip
    assert is_moment(second["writtenAt"])
    assert second["changes"]["addedSupport"] == [
        {"kind": "BUDGET", "description": "a course budget"}
    ]
    assert second["changes"]["removedSupport"] == [{"kind": "TIME"}]
    assert second["changes"]["addedGoals"] == []
    assert second["changes"]["inWords"] == [
        "added support: budget: a course budget", "removed support: time: two hours a week"
    ]  # fmt: skip
    assert sorted((a["party"], a["version"]) for a in cycle["approvals"]) == [
        ("EMPLOYEE", 2), ("MANAGER", 2)
    ]  # fmt: skip
    assert cycle["approvedVersion"] == 2
    assert is_moment(cycle["approvedAt"])
    follow_up = cycle["followUp"]
    assert follow_up["dueOn"] == "2027-03-01"
    assert follow_up["retrospective"]["heldOn"] == "2027-03-01"
    assert follow_up["retrospective"]["showAndTellOn"] is None
    assert is_moment(follow_up["retrospective"]["recordedAt"])
    assert (cycle["closed"], cycle["closedAt"], cycle["closedReason"]) == (False, None, None)


def test_a_board_its_cards_and_a_person_come_back_typed(world: World) -> None:
    data = GraphQL(world.base, world.hr).data(
        """query($e: ID!, $p: ID!) {
          board(employeeId: $e) { id cycleId employeeId status version
            todo { id } doing { id cycleId kind column enteredColumnAt visibleToTeam backlogSkillId } }
          node(id: $p) { __typename ... on Person { id name team managerId developmentPhase
            language startDate roles } } }""",
        {"e": str(world.employee), "p": global_id("Person", str(world.employee))},
    )
    board = data["board"]
    assert board["id"] == global_id("Board", str(world.cycle_id))
    assert (board["status"], board["cycleId"]) == (
        "COMPLETED",
        global_id("Cycle", str(world.cycle_id)),
    )
    [doing] = board["doing"]
    assert doing["id"] == global_id("Card", str(world.cycle_id), world.cards[0])
    assert (doing["kind"], doing["column"], doing["visibleToTeam"]) == ("HARD", "DOING", False)
    assert is_moment(doing["enteredColumnAt"])
    person = data["node"]
    assert person["__typename"] == "Person"
    assert (person["name"], person["team"], person["developmentPhase"]) == (
        "Eva Employee", "Data", "JUNIOR"
    )  # fmt: skip
    assert (person["language"], person["startDate"], person["roles"]) == ("NL", "2022-09-01", [])
    assert person["managerId"] == global_id("Person", str(world.manager))


def test_the_history_and_the_audit_trail_say_each_kind_of_event_in_its_own_type(
    world: World,
) -> None:
    data = GraphQL(world.base, world.hr).data(
        """query($e: ID!) {
          history(employeeId: $e, first: 100) { totalCount edges { node { at kind party version
            actor { kind label } details { __typename
              ... on HistoryCardMoved { card { id title } fromColumn toColumn position }
              ... on HistoryPlanRevised { planVersion approvalsReset { party planVersion } }
              ... on HistoryTeamChanged { team }
              ... on HistoryFollowUpCompleted { heldOn wentWell showAndTellOn } } } } }
          auditTrail(first: 100, filter: {employeeId: $e}) { edges { node { at kind changes {
            __typename
            ... on CardMovedFields { cardId fromColumn toColumn position }
            ... on PlanWrittenFields { version plan { support { kind } } }
            ... on TeamChangedFields { team }
            ... on PreparationSubmittedFields { party answers { developmentPhase } }
            ... on OtherEventFields { fields { name value } } } } } } }""",
        {"e": global_id("Person", str(world.employee))},
    )
    entries = [e["node"] for e in data["history"]["edges"]]
    assert all(is_moment(e["at"]) for e in entries)
    by_kind = {e["kind"]: e for e in entries}
    moved = by_kind["CARD_MOVED"]
    assert moved["party"] == "EMPLOYEE"
    assert moved["details"] == {
        "__typename": "HistoryCardMoved",
        "card": {"id": global_id("Card", str(world.cycle_id), world.cards[0]), "title": "skill 0"},
        "fromColumn": "TODO", "toColumn": "DOING", "position": 0,
    }  # fmt: skip
    assert by_kind["PLAN_REVISED"]["details"]["planVersion"] == 2
    assert by_kind["TEAM_CHANGED"]["details"] == {
        "__typename": "HistoryTeamChanged",
        "team": "Data",
    }
    assert by_kind["FOLLOW_UP_COMPLETED"]["details"]["wentWell"] == "SQL"
    assert moved["actor"]["kind"] == "PERSON"
    trail = {e["node"]["kind"]: e["node"]["changes"] for e in data["auditTrail"]["edges"]}
    assert trail["CardMoved"] == {
        "__typename": "CardMovedFields",
        "cardId": global_id("Card", str(world.cycle_id), world.cards[0]),
        "fromColumn": "TODO", "toColumn": "DOING", "position": 0,
    }  # fmt: skip
    assert trail["PlanRevised"]["plan"]["support"] == [{"kind": "BUDGET"}]
    assert trail["TeamChanged"] == {"__typename": "TeamChangedFields", "team": "Data"}
    assert trail["PreparationSubmitted"]["answers"]["developmentPhase"] == "VAKVOLWASSEN"
    assert {t["__typename"] for t in trail.values()} != {"OtherEventFields"}


def test_the_pop_as_it_stood_at_a_moment_is_typed_with_the_approvals_by_then(
    world: World,
) -> None:
    plan = GraphQL(world.base, world.hr).data(
        """query($c: ID!) { planAsOf(cycleId: $c, at: "2100-01-01T00:00:00Z") { cycleId version
             writtenAt plan { goals { deadline } } approvals { party version at }
             approvedByBoth { version at } } }""",
        {"c": global_id("Cycle", str(world.cycle_id))},
    )["planAsOf"]
    assert (plan["cycleId"], plan["version"]) == (global_id("Cycle", str(world.cycle_id)), 2)
    assert plan["plan"]["goals"] == [{"deadline": "2027-03-01"}]
    assert [(a["party"], a["version"]) for a in plan["approvals"]] == [
        ("EMPLOYEE", 2), ("MANAGER", 2)
    ]  # fmt: skip
    assert plan["approvedByBoth"]["version"] == 2
    assert is_moment(plan["approvedByBoth"]["at"])
