"""The guide's change-feed and subscription examples run as written, on both stores."""

from __future__ import annotations

import re
from pathlib import Path

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.integration.subscription_client import socket
from tests.scenario import cycle_on_board, fixed_today, small_org

GUIDE = Path(__file__).parents[2] / "docs" / "integrators.md"


def _examples(section: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8").split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```graphql\n(.*?)```", text, re.DOTALL)


def test_the_guides_sync_and_subscription_examples_answer_as_described(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    try:
        org = small_org(services.app)
        cycle, cards = cycle_on_board(services.app, org)
        services.app.move_card(
            org.as_employee, cycle, card_id=cards[0], to_column="doing", position=0
        )
        audit = services.tokens.create("guide-bi", "audit")
        employee = services.tokens.create("guide-eva", "write", as_email="eva@example.nl")
    finally:
        services.close()
    [sync] = _examples("Syncing with the change feed")
    [subscriptions] = _examples("Subscribing to changes")
    with served(store) as base:
        page = GraphQL(base, audit).data(sync, {"after": None})["events"]
        assert [e["node"]["kind"] for e in page["edges"]] == ["GROWTH_CYCLE_CARD_MOVED"]
        again = GraphQL(base, audit).data(sync, {"after": page["pageInfo"]["endCursor"]})
        assert again["events"]["edges"] == []
        with socket(base, employee) as live:
            for operation, field in (("Board", "boardChanged"), ("Cycle", "cycleChanged")):
                live.send(
                    {
                        "id": operation,
                        "type": "subscribe",
                        "payload": {
                            "query": subscriptions,
                            "operationName": operation,
                            "variables": {"cycle": str(cycle)},
                        },
                    }
                )
                assert live.data()[field]["version"] >= 1
