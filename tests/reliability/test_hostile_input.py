"""Bad and hostile input, through GraphQL and the pages: a clear refusal, nothing stored,
and text that looks like markup stays text everywhere it is shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, refusal_code, served
from tests.reliability.server import csrf_token
from tests.scenario import fixed_today, small_org

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
HOLD = (
    "mutation($c: ID!, $cards: [CardStoryInput!]!, $notes: String!) { holdSession(input: "
    '{cycleId: $c, heldOn: "2026-12-01", notes: $notes, cards: $cards}) '
    "{ cycle { session { notes cards { id } } } userErrors { code reason field } } }"
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict[str, Any]]:
    settings = Settings(database=str(tmp_path / "db"), secret_key="hostile-tests")
    services = build_services(settings, clock=fixed_today)
    org = small_org(services.app)
    services.accounts.set_password(org.employee, "a-long-password")
    cycle_id = services.app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    tokens = {
        "manager": services.tokens.create("m", "write", as_email="mia@example.nl"),
        "employee": services.tokens.create("e", "write", as_email="eva@example.nl"),
    }
    services.close()
    with served(settings) as base:
        yield {"base": base, "settings": settings, "cycle": str(cycle_id), **tokens}


def _events(settings: Settings) -> int:
    services = build_services(settings)
    try:
        return services.projections.log_end()
    finally:
        services.close()


def _card(**overrides: str) -> dict[str, str]:
    return {"kind": "HARD", "asA": "developer", "iWantTo": "learn SQL", "inOrderTo": "grow",
            **overrides}  # fmt: skip


def _four(**first: str) -> list[dict[str, str]]:
    """The session's four cards, two hard and two soft; the first with `first` in it."""
    return [_card(**first), _card(), _card(kind="SOFT"), _card(kind="SOFT")]


def test_refused_input_says_why_and_stores_nothing(world: dict[str, Any]) -> None:
    manager = GraphQL(world["base"], world["manager"])
    before = _events(world["settings"])
    cases: dict[str, dict[str, Any]] = {
        "oversized": {"cards": [_card(asA="x" * 5000)], "notes": ""},
        "control character": {"cards": [_card(iWantTo="learn\x00SQL")], "notes": ""},
        "bidi override": {"cards": [_card(iWantTo="learn \u202eLQS")], "notes": ""},
        "unknown kind": {"cards": [_card(kind="MEDIUM")], "notes": ""},
        "no cards": {"cards": [], "notes": ""},
    }
    for name, variables in cases.items():
        body = manager.post(HOLD, {"c": world["cycle"], **variables})
        assert refusal_code(body) == "VALIDATION", name
    bad_date = manager.error(
        'mutation($c: ID!) { holdSession(input: {cycleId: $c, heldOn: "2026-02-30", '
        "cards: []}) { cycle { session { heldOn } } } }",
        {"c": world["cycle"]},
    )
    assert bad_date["extensions"]["code"] == "VALIDATION"
    huge = httpx2.post(
        f"{world['base']}/graphql",
        json={"query": HOLD, "variables": {"c": world["cycle"], "cards": _four(),
                                           "notes": "n" * 100_000}},
        headers={"Authorization": f"Bearer {world['manager']}"},
    )  # fmt: skip
    assert huge.status_code == 413
    assert _events(world["settings"]) == before


def test_markup_is_stored_as_text_and_shown_escaped(world: dict[str, Any]) -> None:
    manager = GraphQL(world["base"], world["manager"])
    session = manager.data(
        HOLD,
        {"c": world["cycle"], "notes": SCRIPT,
         "cards": _four(asA=SCRIPT, iWantTo=SCRIPT, inOrderTo=SCRIPT, actions=SCRIPT)},
    )["holdSession"]["cycle"]["session"]  # fmt: skip
    assert session["notes"] == SCRIPT
    card_ids = [card["id"] for card in session["cards"]][:3]
    employee = GraphQL(world["base"], world["employee"])
    employee.data(
        "mutation($c: ID!, $ids: [ID!]!) { selectCards(input: {cycleId: $c, cardIds: $ids}) "
        "{ board { version } } }",
        {"c": world["cycle"], "ids": card_ids},
    )
    board = employee.data("{ board { todo { asA iWantTo } } }")["board"]
    assert board["todo"][0]["iWantTo"] == SCRIPT
    with httpx2.Client(base_url=world["base"], follow_redirects=True) as browser:
        token = csrf_token(browser.get("/sign-in").text)
        browser.post("/sign-in", data={"email": "eva@example.nl", "password": "a-long-password",
                                       "csrf_token": token})  # fmt: skip
        for path in ("/board", f"/cycles/{world['cycle']}/session"):
            page = browser.get(path).text
            assert "<script>alert" not in page, path
            assert "&lt;script&gt;alert" in page, path


def test_a_pop_with_a_past_deadline_or_markup_is_handled_where_the_user_is(
    world: dict[str, Any],
) -> None:
    manager = GraphQL(world["base"], world["manager"])
    manager.data(HOLD, {"c": world["cycle"], "notes": "", "cards": _four()})
    plan = (
        "mutation($c: ID!, $d: String!, $when: Date!) { writePlan(input: {cycleId: $c, goals: "
        "[{description: $d, measure: $d, deadline: $when}], activities: [{description: $d, "
        "type: COURSE, form: FORMAL}], support: [{kind: TIME, description: $d}]}) "
        "{ cycle { planVersions { plan { goals { description } activities { description } } } } "
        "userErrors { code reason params field } } }"
    )
    past = manager.user_error(plan, {"c": world["cycle"], "d": "Goal", "when": "2001-01-01"})
    assert past == {
        "code": "VALIDATION",
        "reason": "plan.deadline_in_the_past",
        "params": {},
        "field": ["goals", "0", "deadline"],
    }
    versions = manager.data(plan, {"c": world["cycle"], "d": SCRIPT, "when": "2099-01-01"})
    stored = versions["writePlan"]["cycle"]["planVersions"][0]["plan"]
    assert stored["goals"][0]["description"] == SCRIPT
    assert stored["activities"][0]["description"] == SCRIPT
    with httpx2.Client(base_url=world["base"], follow_redirects=True) as browser:
        token = csrf_token(browser.get("/sign-in").text)
        browser.post("/sign-in", data={"email": "eva@example.nl", "password": "a-long-password",
                                       "csrf_token": token})  # fmt: skip
        page = browser.get(f"/cycles/{world['cycle']}/pop").text
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert" in page


def test_malformed_cookies_and_tokens_are_refused_calmly(world: dict[str, Any]) -> None:
    for cookie in ("garbage", "a.b.c", "x" * 4000, "eyJwZXJzb25faWQiOiAiMSJ9.AAAA.BBBB"):
        response = httpx2.get(
            f"{world['base']}/board",
            cookies={"groeispurt_session": cookie},
            follow_redirects=False,
        )
        assert response.status_code in (302, 303, 307), cookie
    for header in ("Bearer", "Basic abc", "Bearer gst_" + "x" * 5000, "Bearer ' OR 1=1"):
        response = httpx2.post(
            f"{world['base']}/graphql",
            json={"query": "{ me { id } }"},
            headers={"Authorization": header},
        )
        assert response.status_code != 500, header
        codes = {e["extensions"]["code"] for e in response.json()["errors"]}
        assert codes == {"UNAUTHENTICATED"}, header
