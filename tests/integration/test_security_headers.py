"""Caches keep no personal page, production insists on HTTPS, and GraphQL suggests no names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from starlette.testclient import TestClient

from service.settings import Settings
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import htmx, sign_in
from web.app import create_app

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client
HSTS = "max-age=63072000; includeSubDomains"
# Misspelt names, each of which graphql-core would answer with "Did you mean …?".
MISSPELT: dict[str, tuple[str, dict[str, Any]]] = {
    "field": ("{ mee { name } }", {}),
    "argument": ("{ people(frist: 1) { edges { node { name } } } }", {}),
    "enum value": ("{ trainingNeeds(groupBy: SKILLL) { groups { name } } }", {}),
    "type": ("query ($f: AuditFiltr) { auditTrail(filter: $f) { edges { cursor } } }", {}),
}


@pytest.fixture
def production(demo_settings: Settings) -> Iterator[TestClient]:
    settings = replace(demo_settings, environment="production")
    with TestClient(create_app(settings), base_url="https://testserver") as test_client:
        yield test_client


def test_a_shared_computer_keeps_no_personal_page_or_api_answer_in_its_cache(
    client: TestClient,
) -> None:
    token = sign_in(client, "marieke")
    for url in ("/board", "/cycles", "/team", "/account/password", "/sign-in", "/no-such-page"):
        response = client.get(url)
        assert response.headers["cache-control"] == "no-store", url
    answer = client.post("/graphql", json={"query": "{ me { name } }"}, headers=htmx(token))
    assert answer.json()["data"]["me"]["name"]
    assert answer.headers["cache-control"] == "no-store"
    # What is the same for everyone may be cached.
    assert client.get("/static/groeispurt.css").headers.get("cache-control") != "no-store"


def test_a_network_attacker_cannot_downgrade_production_to_plain_http(
    production: TestClient, client: TestClient
) -> None:
    for url in ("/sign-in", "/static/groeispurt.css"):
        assert production.get(url).headers["strict-transport-security"] == HSTS
    answer = production.post("/graphql", json={"query": "{ me { name } }"})
    assert answer.headers["strict-transport-security"] == HSTS
    # Development runs on plain http://localhost: HSTS there would stick to localhost.
    assert "strict-transport-security" not in client.get("/sign-in").headers


def _messages(client: TestClient, query: str, variables: dict[str, Any]) -> list[str]:
    body: dict[str, Any] = client.post(
        "/graphql", json={"query": query, "variables": variables}
    ).json()
    return [error["message"] for error in body["errors"]]


@pytest.mark.parametrize("kind", MISSPELT)
def test_an_attacker_gets_no_names_suggested_by_graphql_in_production(
    production: TestClient, client: TestClient, kind: str
) -> None:
    assert any("Did you mean" in m for m in _messages(client, *MISSPELT[kind])), kind
    refused = _messages(production, *MISSPELT[kind])
    assert refused, kind
    assert not any("Did you mean" in m for m in refused), refused
