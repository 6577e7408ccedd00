"""Signing in and out, CSRF, the security headers and the language switch."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import (
    SESSION_COOKIE,
    csrf_of,
    demo_address,
    htmx,
    replace_session_cookie,
    sign_in,
)

# The fixtures, made visible to pytest in this module.
demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def test_a_visitor_is_sent_to_sign_in(client: TestClient) -> None:
    response = client.get("/board")
    assert response.url.path == "/sign-in"
    assert "Inloggen" in response.text  # Dutch is the default


def test_the_right_password_opens_the_board(client: TestClient) -> None:
    sign_in(client, "sanne")
    page = client.get("/board")
    assert page.status_code == 200
    assert 'id="board"' in page.text
    assert "Sanne" in page.text or "Mijn bord" in page.text


def test_a_wrong_password_says_so_on_the_form(client: TestClient) -> None:
    token = csrf_of(client.get("/sign-in").text)
    response = client.post(
        "/sign-in",
        data={"email": demo_address("sanne"), "password": "not-it-at-all", "csrf_token": token},
    )
    assert response.status_code == 401
    assert 'role="alert"' in response.text
    assert 'value="sanne@demo.groeispurt.nl"' in response.text
    assert client.get("/board").url.path == "/sign-in"


def test_a_tampered_session_cookie_counts_as_signed_out(client: TestClient) -> None:
    sign_in(client, "sanne")
    cookie = client.cookies[SESSION_COOKIE]
    tampered = cookie[:-4] + ("AAAA" if not cookie.endswith("AAAA") else "BBBB")
    replace_session_cookie(client, tampered)
    assert client.get("/board").url.path == "/sign-in"


def test_a_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    sign_in(client, "sanne")
    response = client.post("/language", data={"lang": "en"})
    assert response.status_code == 403
    assert "<html" in response.text
    assert "Traceback" not in response.text


def test_a_post_with_a_wrong_csrf_token_is_refused(client: TestClient) -> None:
    sign_in(client, "sanne")
    response = client.post("/language", data={"lang": "en"}, headers=htmx("wrong-token"))
    assert response.status_code == 403


def test_every_page_forbids_inline_script(client: TestClient) -> None:
    for url in ("/sign-in", "/board", "/no-such-page"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy


def test_an_unknown_address_gets_a_page_that_looks_like_the_product(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert 'href="/static/groeispurt.css"' in response.text


def test_the_language_switch_is_remembered_for_the_person(client: TestClient) -> None:
    token = sign_in(client, "sanne")
    client.post("/language", data={"lang": "en", "csrf_token": token, "back": "/board"})
    assert "My board" in client.get("/board").text
    client.post("/sign-out", data={"csrf_token": csrf_of(client.get("/board").text)})
    client.cookies.clear()
    sign_in(client, "sanne")
    assert "My board" in client.get("/board").text


def test_signing_out_ends_the_session(client: TestClient) -> None:
    token = sign_in(client, "sanne")
    client.post("/sign-out", data={"csrf_token": token})
    assert client.get("/board").url.path == "/sign-in"


def test_every_page_names_its_icon_and_the_browsers_own_request_for_one_is_answered(
    client: TestClient,
) -> None:
    page = client.get("/sign-in").text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    for path in ("/static/favicon.svg", "/favicon.ico"):
        icon = client.get(path)
        assert (icon.status_code, icon.headers["content-type"]) == (200, "image/svg+xml")
        assert icon.text.startswith("<svg")
