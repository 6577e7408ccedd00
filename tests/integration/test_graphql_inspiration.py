"""GraphQL over HTTP: the inspiration cards read and changed by HR with the deck's version,
two backlog skills merged, and a card linked to a backlog skill by the employee."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from service.actor import Actor, Role
from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, cycle_on_board, fixed_today, small_org

HR = Actor(None, frozenset({Role.HR}), system="test")
DECK = "{ inspirationCards { version cards { id kind titleNl titleEn exampleEn retired } } }"
ADD = (
    'mutation($v: Int) { addInspirationCard(input: {kind: HARD, titleNl: "Kotlin", '
    "ifVersion: $v}) { card { id titleNl titleEn } deck { version } userErrors { reason field } } }"
)


@pytest.fixture
def world(store: Settings) -> Iterator[dict[str, Any]]:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    hr = services.app.register_person(
        ADMIN, name="Hanna HR", email="hanna@example.nl", function="HR", team="Staf",
        start_date="2020-01-01",
    )  # fmt: skip
    services.app.grant_role(ADMIN, hr, "hr")
    skills = [
        services.app.add_backlog_skill(HR, {"kind": "soft", "description": d})
        for d in ("Feedback geven en ontvangen", "Groeien in feedback geven en ontvangen")
    ]
    cycle_id, cards = cycle_on_board(services.app, org)
    tokens = services.tokens
    as_hr = tokens.create("hris", "write", as_email="hanna@example.nl")
    as_employee = tokens.create("lms", "write", as_email="eva@example.nl")
    services.close()
    with served(store) as base:
        yield {
            "hr": GraphQL(base, as_hr),
            "employee": GraphQL(base, as_employee),
            "skills": skills,
            "cycle": str(cycle_id),
            "cards": cards,
        }


def test_everyone_reads_the_built_in_deck_and_hr_adds_a_card_on_its_version(
    world: dict[str, Any],
) -> None:
    deck = world["employee"].data(DECK)["inspirationCards"]
    assert deck["version"] == 0
    assert "Feedback geven en ontvangen" in {c["titleNl"] for c in deck["cards"]}
    added = world["hr"].data(ADD, {"v": 0})["addInspirationCard"]
    assert added["userErrors"] == []
    assert added["card"]["titleNl"] == "Kotlin"
    assert added["deck"]["version"] == 2
    stale = world["hr"].post(ADD, {"v": 0})
    assert stale["errors"][0]["extensions"]["code"] == "CONFLICT"


def test_hr_rewords_one_field_of_a_card_and_retires_it_and_the_employee_may_not(
    world: dict[str, Any],
) -> None:
    card = world["employee"].data(DECK)["inspirationCards"]["cards"][0]
    change = (
        "mutation($input: InspirationCardChangeInput!) "
        "{ changeInspirationCard(input: $input) { card { titleNl titleEn retired } "
        "userErrors { reason } } }"
    )
    reworded = world["hr"].data(change, {"input": {"cardId": card["id"], "titleEn": "Feedback"}})[
        "changeInspirationCard"
    ]
    assert reworded["card"]["titleEn"] == "Feedback"
    assert reworded["card"]["titleNl"] == card["titleNl"]  # left out: kept
    both = world["hr"].data(
        change,
        {"input": {"cardId": card["id"], "titleEn": "X", "retire": True}},
    )["changeInspirationCard"]
    assert both["userErrors"][0]["reason"] == "request.one_inspiration_change_per_request"
    refused = world["employee"].post(change, {"input": {"cardId": card["id"], "retire": True}})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    retired = world["hr"].data(change, {"input": {"cardId": card["id"], "retire": True}})[
        "changeInspirationCard"
    ]
    assert retired["card"]["retired"] is True


def test_hr_merges_a_skill_into_another_and_the_backlog_says_which(world: dict[str, Any]) -> None:
    keep, twin = world["skills"]
    merged = world["hr"].data(
        "mutation($a: ID!, $b: ID!) { mergeBacklogSkills(input: {skillId: $b, intoSkillId: $a})"
        " { skill { description } skills { description } userErrors { reason } } }",
        {"a": keep, "b": twin},
    )["mergeBacklogSkills"]
    assert merged["skill"]["description"] == "Feedback geven en ontvangen"
    assert [s["description"] for s in merged["skills"]] == ["Feedback geven en ontvangen"]
    itself = world["hr"].data(
        "mutation($a: ID!) { mergeBacklogSkills(input: {skillId: $a, intoSkillId: $a})"
        " { userErrors { reason field } } }",
        {"a": keep},
    )["mergeBacklogSkills"]
    assert itself["userErrors"][0]["reason"] == "backlog.merge_into_itself"


def test_the_employee_links_a_card_to_a_backlog_skill_and_unlinks_it(world: dict[str, Any]) -> None:
    link = (
        "mutation($c: ID!, $card: ID!, $s: ID) { linkCardToBacklog(input: {cycleId: $c, "
        "cardId: $card, backlogSkillId: $s}) { card { id backlogSkillId } userErrors { reason } } }"
    )
    variables = {"c": world["cycle"], "card": world["cards"][0], "s": world["skills"][0]}
    linked = world["employee"].data(link, variables)["linkCardToBacklog"]
    assert linked["userErrors"] == []
    assert linked["card"]["backlogSkillId"] is not None
    unlinked = world["employee"].data(link, {**variables, "s": None})["linkCardToBacklog"]
    assert unlinked["card"]["backlogSkillId"] is None
    gone = world["employee"].data(link, {**variables, "card": "no-such-card"})
    assert gone["linkCardToBacklog"]["userErrors"][0]["reason"] == "session.no_such_card"
