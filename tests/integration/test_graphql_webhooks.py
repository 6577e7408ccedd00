"""Webhooks over GraphQL, against a real server: administrators register and follow them.

The payloads follow GitHub's conventions (the object, `userErrors`, the
`clientMutationId` back); the secret is in `registerWebhook`'s answer alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from service.actor import Role
from service.container import Services, build_services
from service.settings import Settings
from service.webhook_deliveries import Deliveries
from service.webhook_outbox import Outbox
from service.webhook_worker import WebhookWorker
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import ADMIN, Org, fixed_today, small_org
from tests.webhook_receiver import Receiver, signature_is_valid

REGISTER = """
mutation($url: String!, $kinds: [String!]!) {
  registerWebhook(input: {url: $url, eventKinds: $kinds, description: "HRIS",
                          clientMutationId: "r-1"}) {
    webhook { id url description eventKinds state disabledReason registeredAt changedAt }
    secret
    userErrors { message field }
    clientMutationId
  }
}"""
DELIVERIES = """
query($id: ID!, $after: String) {
  webhookDeliveries(webhookId: $id, first: 2, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id webhookId eventKind eventId status attempts lastStatusCode lastError
                   createdAt nextAttemptAt finishedAt } }
  }
}"""


@dataclass
class World:
    services: Services
    org: Org
    tokens: dict[str, str]


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    people = {"employee": "eva@example.nl", "manager": "mia@example.nl"}
    for role in ("hr", "admin"):
        person = services.app.register_person(
            ADMIN, name=f"{role} person", email=f"{role}@example.nl", function="Staff",
            team="Staff", start_date="2015-01-01",
        )  # fmt: skip
        services.app.grant_role(ADMIN, person, Role(role).value)
        people[role] = f"{role}@example.nl"
    tokens = {
        role: services.tokens.create(f"t-{role}", "write", as_email=email)
        for role, email in people.items()
    }
    yield World(services, org, tokens)
    services.close()


def test_an_administrator_registers_a_webhook_and_sees_its_secret_once(
    world: World, store: Settings
) -> None:
    with served(store) as base:
        admin = GraphQL(base, world.tokens["admin"])
        answer = admin.data(
            REGISTER, {"url": "https://hooks.example.org/g", "kinds": ["Person.TeamChanged"]}
        )["registerWebhook"]
        assert answer["userErrors"] == []
        assert answer["clientMutationId"] == "r-1"
        assert answer["secret"].startswith("whsec_")
        webhook = answer["webhook"]
        assert webhook["state"] == "ENABLED"
        assert webhook["eventKinds"] == ["Person.TeamChanged"]
        assert webhook["registeredAt"].endswith("+00:00")
        listed = admin.data("{ webhooks { id url state } }")["webhooks"]
        assert listed == [{"id": webhook["id"], "url": webhook["url"], "state": "ENABLED"}]
        # No field of a webhook holds the secret.
        assert answer["secret"] not in str(admin.post("{ webhooks { id url description } }"))

        changed = admin.data(
            'mutation($id: ID!) { changeWebhook(input: {webhookId: $id, description: "LMS", '
            'clientMutationId: "c-1"}) { webhook { description } userErrors { field } '
            "clientMutationId } }",
            {"id": webhook["id"]},
        )["changeWebhook"]
        assert changed == {
            "webhook": {"description": "LMS"}, "userErrors": [], "clientMutationId": "c-1"
        }  # fmt: skip
        disabled = admin.data(
            'mutation($id: ID!) { disableWebhook(input: {webhookId: $id, reason: "Moving"}) '
            "{ webhook { state disabledReason } } }",
            {"id": webhook["id"]},
        )["disableWebhook"]
        assert disabled["webhook"] == {"state": "DISABLED", "disabledReason": "Moving"}
        enabled = admin.data(
            "mutation($id: ID!) { enableWebhook(input: {webhookId: $id}) { webhook { state } } }",
            {"id": webhook["id"]},
        )["enableWebhook"]
        assert enabled["webhook"] == {"state": "ENABLED"}


def test_wrong_input_comes_back_as_user_errors_naming_the_field_and_nothing_is_saved(
    world: World, store: Settings
) -> None:
    with served(store) as base:
        admin = GraphQL(base, world.tokens["admin"])
        for url, kinds, field in (
            ("ftp://hooks.example.org/g", ["Person.TeamChanged"], "url"),
            ("https://user:pw@hooks.example.org/g", ["Person.TeamChanged"], "url"),
            ("https://hooks.example.org/g", ["CardMoved"], "eventKinds"),
            ("https://hooks.example.org/g", [], "eventKinds"),
        ):
            answer = admin.data(REGISTER, {"url": url, "kinds": kinds})["registerWebhook"]
            assert answer["webhook"] is None
            assert answer["secret"] is None
            assert [e["field"] for e in answer["userErrors"]] == [[field]]
            assert answer["clientMutationId"] == "r-1"
        assert admin.data("{ webhooks { id } }")["webhooks"] == []


def test_deliveries_show_their_status_attempts_and_last_error_newest_first(
    world: World, store: Settings
) -> None:
    receiver = Receiver()  # down: every attempt fails
    new = world.services.app.register_webhook(
        ADMIN, url=receiver.url, event_kinds=["Person.TeamChanged"]
    )
    for team in ("A", "B", "C"):
        world.services.app.change_team(ADMIN, world.org.employee, team)
    services = world.services
    WebhookWorker(
        Outbox(services.app, services.database),
        Deliveries(services.app, services.database, services.settings),
    ).run_once()
    with served(store) as base:
        admin = GraphQL(base, world.tokens["admin"])
        first = admin.data(DELIVERIES, {"id": str(new.id)})["webhookDeliveries"]
        assert first["totalCount"] == 3
        assert first["pageInfo"]["hasNextPage"] is True
        nodes = [edge["node"] for edge in first["edges"]]
        assert [n["eventId"] for n in nodes] == sorted((n["eventId"] for n in nodes), key=int)[::-1]
        for node in nodes:
            assert node["status"] == "RETRYING"
            assert node["attempts"] == 1
            assert node["lastStatusCode"] is None
            assert "could not be sent" in node["lastError"]
            assert node["nextAttemptAt"] > node["createdAt"]
            assert node["webhookId"] == str(new.id)
            assert node["eventKind"] == "Person.TeamChanged"
        rest = admin.data(DELIVERIES, {"id": str(new.id), "after": first["pageInfo"]["endCursor"]})[
            "webhookDeliveries"
        ]
        assert len(rest["edges"]) == 1
        assert rest["pageInfo"]["hasNextPage"] is False
        assert int(rest["edges"][0]["node"]["eventId"]) < int(nodes[-1]["eventId"])
        wrong = admin.error(DELIVERIES, {"id": str(new.id), "after": "bm90LW91cnM="})
        assert wrong["extensions"]["code"] == "VALIDATION"
    receiver.start()  # and once it is up, the retries arrive, signed
    try:
        worker = WebhookWorker(
            Outbox(services.app, services.database),
            # Far enough ahead that every retry is due.
            Deliveries(services.app, services.database, services.settings, now=lambda: 4e9),
        )
        assert worker.run_once() == 3
        assert all(signature_is_valid(new.secret, r) for r in receiver.wait_for(3))
    finally:
        receiver.stop()


@pytest.mark.parametrize("role", ["hr", "manager", "employee", "no_one"])
def test_only_an_administrator_may_touch_webhooks_over_graphql(
    world: World, store: Settings, role: str
) -> None:
    new = world.services.app.register_webhook(
        ADMIN, url="https://hooks.example.org/g", event_kinds=["Person.TeamChanged"]
    )
    documents: list[tuple[str, dict[str, Any]]] = [
        (REGISTER, {"url": "https://hooks.example.org/x", "kinds": ["Person.TeamChanged"]}),
        ("{ webhooks { id } }", {}),
        (DELIVERIES, {"id": str(new.id)}),
        ("mutation($id: ID!) { changeWebhook(input: {webhookId: $id, description: \"x\"}) "
         "{ webhook { id } } }", {"id": str(new.id)}),
        ("mutation($id: ID!) { disableWebhook(input: {webhookId: $id}) { webhook { id } } }",
         {"id": str(new.id)}),
        ("mutation($id: ID!) { enableWebhook(input: {webhookId: $id}) { webhook { id } } }",
         {"id": str(new.id)}),
    ]  # fmt: skip
    expected = "UNAUTHENTICATED" if role == "no_one" else "FORBIDDEN"
    with served(store) as base:
        client = GraphQL(base, world.tokens.get(role))
        for document, variables in documents:
            error = client.error(document, variables)
            assert error["extensions"]["code"] == expected, (role, document)
