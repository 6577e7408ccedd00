"""Sessions the server can end, on SQLite and PostgreSQL, on the pages and on /graphql.

An attacker who copied a session cookie (from a shared computer, a proxy log,
a backup of a browser profile) loses it the moment its owner signs out,
changes their password, or has it reset by an administrator; a role taken
away counts from the very next request.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import itsdangerous
import pytest
from starlette.testclient import TestClient

from service.container import Services, build_services
from service.settings import Settings
from tests.integration.sign_in_helpers import PASSWORD
from tests.scenario import ADMIN, Org, fixed_today, small_org
from web.app import create_app

COOKIE = "groeispurt_session"
# Where the test client's cookie jar keeps the test server's cookies: one set by
# hand must land there too.
COOKIE_DOMAIN = "testserver.local"
SECRET = "test-secret"


@dataclass
class Site:
    client: TestClient
    org: Org

    @property
    def services(self) -> Services:
        services: Services = self.client.app.state.services  # type: ignore[attr-defined]
        return services

    def sign_in(self, email: str = "eva@example.nl", password: str = PASSWORD) -> str:
        """Signs in; returns the session cookie (what an attacker would copy)."""
        self.client.cookies.clear()
        token = _csrf(self.client.get("/sign-in").text)
        response = self.client.post(
            "/sign-in", data={"email": email, "password": password, "csrf_token": token}
        )
        assert response.status_code == 200, response.text
        return self.cookie()

    def cookie(self) -> str:
        cookie = self.client.cookies.get(COOKIE)
        assert cookie is not None
        return cookie

    def use(self, cookie: str) -> None:
        self.client.cookies.clear()
        self.client.cookies.set(COOKIE, cookie, domain=COOKIE_DOMAIN)

    def signed_in(self) -> bool:
        return self.client.get("/board").url.path != "/sign-in"

    def csrf(self) -> str:
        return _csrf(self.client.get("/board").text)

    def graphql(self, query: str) -> dict[str, Any]:
        """A query with the session cookie (and its CSRF token, as a browser's page sends)."""
        token = _session(self.cookie()).get("csrf_token", "")
        response = self.client.post(
            "/graphql", json={"query": query}, headers={"X-CSRF-Token": str(token)}
        )
        body: dict[str, Any] = response.json()
        return body

    def sign_out(self) -> None:
        self.client.post("/sign-out", data={"csrf_token": self.csrf()})


def _csrf(page: str) -> str:
    marker = 'name="csrf-token" content="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def _session(cookie: str) -> dict[str, Any]:
    payload = itsdangerous.TimestampSigner(SECRET).unsign(cookie)
    contents: dict[str, Any] = json.loads(base64.b64decode(payload))
    return contents


def _gql_code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors") or [{}]
    code: str | None = errors[0].get("extensions", {}).get("code")
    return code


@pytest.fixture
def site(store: Settings) -> Iterator[Site]:
    settings = replace(store, secret_key=SECRET)
    services = build_services(settings, clock=fixed_today)
    try:
        org = small_org(services.app)
        for person in (org.employee, org.manager, org.colleague):
            services.accounts.set_password(person, PASSWORD)
    finally:
        services.close()
    with TestClient(create_app(settings), follow_redirects=True) as client:
        yield Site(client, org)


def test_a_copied_cookie_stops_working_when_its_owner_signs_out(site: Site) -> None:
    stolen = site.sign_in()
    site.use(stolen)
    assert site.signed_in()
    assert site.graphql("{ me { name } }")["data"]["me"]["name"] == "Eva Employee"
    site.sign_out()
    site.use(stolen)  # the attacker's copy, taken before the sign-out
    assert not site.signed_in()
    site.use(stolen)
    assert _gql_code(site.graphql("{ me { name } }")) == "UNAUTHENTICATED"


def test_signing_out_on_one_device_ends_the_copies_on_every_other(site: Site) -> None:
    laptop = site.sign_in()
    phone = site.sign_in()
    site.use(phone)
    site.sign_out()
    site.use(laptop)
    assert not site.signed_in()


def test_a_copied_cookie_stops_working_when_its_owner_changes_their_password(site: Site) -> None:
    stolen = site.sign_in()
    mine = site.sign_in()
    site.use(mine)
    response = site.client.post(
        "/account/password",
        data={
            "csrf_token": site.csrf(),
            "current_password": PASSWORD,
            "new_password": "a fresh passphrase of mine",
            "new_password_again": "a fresh passphrase of mine",
        },
    )
    assert response.status_code == 200
    assert site.signed_in()  # the browser that changed it stays signed in
    fresh = site.cookie()
    assert _session(fresh)["session_id"] != _session(mine)["session_id"]
    for old in (stolen, mine):
        site.use(old)
        assert not site.signed_in()
        site.use(old)
        assert _gql_code(site.graphql("{ me { name } }")) == "UNAUTHENTICATED"


def test_a_copied_cookie_stops_working_when_an_administrator_resets_the_password(
    site: Site,
) -> None:
    stolen = site.sign_in()
    site.services.accounts.set_password(site.org.employee, "reset by the administrator")
    site.use(stolen)
    assert not site.signed_in()
    site.use(stolen)
    assert _gql_code(site.graphql("{ me { name } }")) == "UNAUTHENTICATED"
    assert site.sign_in(password="reset by the administrator")


def test_a_revoked_hr_role_stops_working_on_the_next_request(site: Site) -> None:
    site.services.app.grant_role(ADMIN, site.org.manager, "hr")
    site.use(site.sign_in("mia@example.nl"))
    assert site.client.get("/hr/people").status_code == 200
    assert 'href="/hr"' in site.client.get("/board").text
    assert site.graphql("{ me { roles } }")["data"]["me"]["roles"] == ["HR"]
    site.services.app.revoke_role(ADMIN, site.org.manager, "hr")
    assert site.client.get("/hr/people").status_code == 403
    assert 'href="/hr"' not in site.client.get("/board").text
    assert site.graphql("{ me { roles } }")["data"]["me"]["roles"] == []


def test_a_cookie_forged_with_the_secret_key_names_nobody(site: Site) -> None:
    """Even with the signing key, a cookie that names a person (as cookies once did)
    or a made-up session id signs nobody in: only a session the server started counts."""
    site.sign_in()
    for forged in (
        {"person_id": str(site.org.employee), "name": "Eva Employee", "roles": ["hr"]},
        {"session_id": "made-up-by-the-attacker"},
    ):
        payload = base64.b64encode(json.dumps(forged).encode())
        site.use(itsdangerous.TimestampSigner(SECRET).sign(payload).decode())
        assert not site.signed_in()
