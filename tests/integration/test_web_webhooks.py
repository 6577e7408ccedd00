"""The administrators' webhooks page: register (the secret shown once), disable, enable; and
everyone else refused, on the page and its forms."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import csrf_of, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client

URL = "https://hooks.example.org/groeispurt"


def _register(client: TestClient, csrf: str, url: str, kinds: list[str]) -> str:
    response = client.post(
        "/admin/webhooks",
        data={"url": url, "description": "HRIS", "event_kinds": kinds, "csrf_token": csrf},
    )
    return response.text


def test_an_administrator_registers_a_webhook_and_sees_the_secret_once(client: TestClient) -> None:
    csrf = sign_in(client, "admin")
    page = client.get("/admin/webhooks")
    assert page.status_code == 200
    assert 'href="/admin/webhooks"' in page.text  # in the header, for administrators
    answer = _register(client, csrf, URL, ["GrowthCycle.CardMoved", "Person.TeamChanged"])
    found = re.search(r'id="new-secret">(whsec_[^<]+)<', answer)
    assert found, answer
    secret = found.group(1)
    assert URL in answer
    again = client.get("/admin/webhooks").text
    assert secret not in again
    assert "GrowthCycle.CardMoved, Person.TeamChanged" in again
    webhook_id = re.search(r'action="/admin/webhooks/([0-9a-f-]+)/disable"', again)
    assert webhook_id
    disabled = client.post(
        f"/admin/webhooks/{webhook_id.group(1)}/disable", data={"csrf_token": csrf}
    )
    assert disabled.status_code == 200
    assert "uitgeschakeld" in disabled.text  # the demo's language: Dutch
    assert f'action="/admin/webhooks/{webhook_id.group(1)}/enable"' in disabled.text
    enabled = client.post(
        f"/admin/webhooks/{webhook_id.group(1)}/enable", data={"csrf_token": csrf}
    )
    assert f'action="/admin/webhooks/{webhook_id.group(1)}/disable"' in enabled.text


def test_a_refused_registration_says_why_next_to_its_field(client: TestClient) -> None:
    csrf = sign_in(client, "admin")
    response = client.post(
        "/admin/webhooks",
        data={"url": "ftp://hooks.example.org/x", "event_kinds": ["Person.TeamChanged"],
              "csrf_token": csrf},
    )  # fmt: skip
    assert response.status_code == 400
    assert 'id="f-url-error"' in response.text
    assert "begint met https://" in response.text
    assert 'value="ftp://hooks.example.org/x"' in response.text
    none_chosen = client.post("/admin/webhooks", data={"url": URL, "csrf_token": csrf})
    assert none_chosen.status_code == 400
    assert 'id="f-event_kinds-error"' in none_chosen.text
    assert "whsec_" not in none_chosen.text


@pytest.mark.parametrize("person", ["hr", "marieke", "sanne"])  # HR, a manager, an employee
def test_only_administrators_reach_the_webhooks_page_and_its_forms(
    client: TestClient, person: str
) -> None:
    admin_csrf = sign_in(client, "admin")
    answer = _register(client, admin_csrf, URL, ["Person.TeamChanged"])
    webhook_id = re.search(r'action="/admin/webhooks/([0-9a-f-]+)/disable"', answer)
    assert webhook_id
    client.post("/sign-out", data={"csrf_token": admin_csrf})
    csrf = sign_in(client, person)
    assert 'href="/admin/webhooks"' not in client.get("/board").text
    assert client.get("/admin/webhooks").status_code == 403
    posted = client.post(
        "/admin/webhooks",
        data={"url": URL, "event_kinds": ["Person.TeamChanged"], "csrf_token": csrf},
    )
    assert posted.status_code == 403
    assert "whsec_" not in posted.text
    for what in ("disable", "enable"):
        refused = client.post(
            f"/admin/webhooks/{webhook_id.group(1)}/{what}", data={"csrf_token": csrf}
        )
        assert refused.status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(client: TestClient) -> None:
    response = client.get("/admin/webhooks", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")
    csrf = csrf_of(client.get("/sign-in").text)
    posted = client.post(
        "/admin/webhooks", data={"url": URL, "csrf_token": csrf}, follow_redirects=False
    )
    assert posted.status_code == 303
