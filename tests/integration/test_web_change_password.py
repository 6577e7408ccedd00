"""The change-password page: in the header for everyone signed in, errors next to their field."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import PASSWORD, csrf_of, demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client
NEW = "a brand new passphrase"


def change(client: TestClient, current: str, new: str, again: str | None = None) -> str:
    token = csrf_of(client.get("/account/password").text)
    response = client.post(
        "/account/password",
        data={
            "csrf_token": token,
            "current_password": current,
            "new_password": new,
            "new_password_again": new if again is None else again,
        },
    )
    return response.text


def error_of(page: str, field: str) -> str:
    found = re.search(rf'<p class="error" id="f-{field}-error">([^<]*)</p>', page)
    assert found is not None, f"no error next to {field}"
    return found.group(1)


def test_every_signed_in_page_links_to_changing_the_password(client: TestClient) -> None:
    assert 'href="/account/password"' not in client.get("/sign-in").text
    sign_in(client, "sanne")
    assert 'href="/account/password"' in client.get("/board").text
    page = client.get("/account/password").text
    assert "Wachtwoord wijzigen" in page
    assert 'autocomplete="current-password"' in page


def test_a_visitor_who_is_not_signed_in_cannot_reach_the_page(client: TestClient) -> None:
    assert client.get("/account/password").url.path == "/sign-in"


@pytest.mark.parametrize(
    ("current", "new", "again", "field", "dutch", "english"),
    [
        (
            "not my password",
            NEW,
            None,
            "current_password",
            "Dit is niet je huidige wachtwoord",
            "This is not your current password",
        ),
        (PASSWORD, "short", None, "new_password", "minstens 10 tekens", "at least 10 characters"),
        (
            PASSWORD,
            "aaaaaaaaaa",
            None,
            "new_password",
            "één teken dat zich herhaalt",
            "one character repeated",
        ),
        (PASSWORD, " " * 10, None, "new_password", "alleen spaties", "spaces only"),
        (
            PASSWORD,
            "password1234",
            None,
            "new_password",
            "veelgebruikte wachtwoorden",
            "list of common passwords",
        ),
        (
            PASSWORD,
            NEW,
            "a brand new passphrasf",
            "new_password_again",
            "niet gelijk",
            "not the same",
        ),
    ],
)
def test_a_refused_change_says_why_next_to_the_field_in_both_languages_and_changes_nothing(
    client: TestClient,
    current: str,
    new: str,
    again: str | None,
    field: str,
    dutch: str,
    english: str,
) -> None:
    sign_in(client, "sanne")
    assert dutch in error_of(change(client, current, new, again), field)
    client.post("/language", data={"lang": "en", "csrf_token": csrf_of(client.get("/board").text)})
    assert english in error_of(change(client, current, new, again), field)
    assert client.get("/board").url.path == "/board"  # still signed in, password unchanged
    client.cookies.clear()
    sign_in(client, "sanne")


def test_a_changed_password_is_the_one_that_signs_in(client: TestClient) -> None:
    sign_in(client, "sanne")
    page = change(client, PASSWORD, NEW)
    assert "Je wachtwoord is gewijzigd" in page
    assert client.get("/board").url.path == "/board"
    client.cookies.clear()
    token = csrf_of(client.get("/sign-in").text)
    old = client.post(
        "/sign-in", data={"email": demo_address("sanne"), "password": PASSWORD, "csrf_token": token}
    )
    assert old.status_code == 401
    new = client.post(
        "/sign-in", data={"email": demo_address("sanne"), "password": NEW, "csrf_token": token}
    )
    assert new.url.path == "/board"


def test_a_thief_with_a_session_cannot_guess_the_current_password_quickly(
    client: TestClient,
) -> None:
    """The current password is checked through the sign-in throttle."""
    sign_in(client, "sanne")
    for guess in range(5):
        change(client, f"guess number {guess}", NEW)
    page = change(client, PASSWORD, NEW)  # right, but held back
    assert "Dit is niet je huidige wachtwoord" in error_of(page, "current_password")
