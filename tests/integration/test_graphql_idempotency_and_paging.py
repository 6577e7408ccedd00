"""Retries act once; long lists come in pages with a total."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, moves_in_log, served
from tests.scenario import ADMIN, cycle_on_board, fixed_today, load_cycle, small_org

MOVE = (
    "mutation($c: ID!, $card: ID!, $key: String) { moveCard(input: {cycleId: $c, cardId: $card, "
    "toColumn: DOING, idempotencyKey: $key}) { board { version doing { id } } } }"
)


def test_a_retried_mutation_with_the_same_key_acts_once(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "db"))
    services = build_services(settings, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, cards = cycle_on_board(services.app, org)
    token = services.tokens.create("lms", "write", as_email="eva@example.nl")
    services.close()
    with served(settings) as base:
        api = GraphQL(base, token)
        first = api.data(MOVE, {"c": str(cycle_id), "card": cards[0], "key": "move-1"})
        again = api.data(MOVE, {"c": str(cycle_id), "card": cards[0], "key": "move-1"})
        assert again == first
        assert moves_in_log(settings, cycle_id) == 1
        # Two copies of one request at the same moment: still one move.
        answers: list[dict[str, Any]] = []
        threads = [
            threading.Thread(
                target=lambda: answers.append(
                    api.post(
                        MOVE.replace("DOING", "DONE"),
                        {"c": str(cycle_id), "card": cards[1], "key": "move-2"},
                    )
                )
            )
            for _ in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert moves_in_log(settings, cycle_id) == 2
        codes = {a["errors"][0]["extensions"]["code"] for a in answers if a.get("errors")}
        assert codes <= {"CONFLICT"}  # "still being handled": ask again
        # The same key for another kind of request is refused.
        error = api.error(
            "mutation($c: ID!) { approvePlan(input: {cycleId: $c, version: 1, idempotencyKey: "
            '"move-1"}) { cycle { id } } }',
            {"c": str(cycle_id)},
        )
        assert error["extensions"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert load_cycle(build_services(settings).app, cycle_id).board is not None


def test_people_come_in_pages_with_a_total_count(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "db"))
    services = build_services(settings)
    hr = services.app.register_person(
        ADMIN,
        name="Hanna",
        email="hr@example.nl",
        function="HR",
        team="Staf",
        start_date="2020-01-01",
    )
    services.app.grant_role(ADMIN, hr, "hr")
    for n in range(11):
        services.app.register_person(
            ADMIN,
            name=f"Person {n:02}",
            email=f"p{n}@example.nl",
            function="Dev",
            team="Web",
            start_date="2021-01-01",
        )
    token = services.tokens.create("hris", "read", as_email="hr@example.nl")
    services.close()
    query = (
        "query($after: String) { people(first: 5, after: $after) { totalCount "
        "pageInfo { hasNextPage endCursor } edges { node { name } } } }"
    )
    with served(settings) as base:
        api = GraphQL(base, token)
        names: list[str] = []
        after = None
        pages = 0
        while True:
            page = api.data(query, {"after": after})["people"]
            assert page["totalCount"] == 12
            names += [edge["node"]["name"] for edge in page["edges"]]
            pages += 1
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert pages == 3
        assert len(names) == len(set(names)) == 12
        bad = api.error(query, {"after": "not-a-cursor"})
        assert bad["extensions"] == {
            "code": "VALIDATION",
            "reason": "page.unknown_cursor",
            "params": {},
            "field": "after",
        }
