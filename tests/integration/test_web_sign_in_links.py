"""Sign-in links over HTTP: HR registers someone and gets their invitation link, the new
person sets a password with it in a browser of their own and lands signed in; a link that
works no more says why; only HR and administrators make links."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from starlette.testclient import TestClient

from service.container import Services
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import PASSWORD, csrf_of, demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client

NEW_PASSWORD = "tulips along the canal"
NEWCOMER = {
    "name": "Ilse Verbeke",
    "email": "ilse@demo.groeispurt.nl",
    "function": "Klantadviseur",
    "team": "Dienstverlening",
    "development_phase": "junior",
    "language": "en",
    "start_date": "2026-01-05",
}


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


@contextmanager
def _fresh_browser(client: TestClient) -> Iterator[TestClient]:
    """Another browser on the same server: no cookies of its own yet. Not entered as a
    context manager, which would run the app's lifespan (and its services) a second time."""
    browser = TestClient(client.app, follow_redirects=True)
    try:
        yield browser
    finally:
        browser.close()


def _link_in(page: str) -> str:
    found = re.search(r'id="sign-in-link" type="text" value="([^"]+)"', page)
    assert found is not None, "the page shows no link"
    return html.unescape(found.group(1)).removeprefix("http://testserver")


def _register(client: TestClient, who: str = "hr") -> tuple[str, str]:
    """Registers the newcomer as `who`; the answer's page and the link's path."""
    token = sign_in(client, who)
    page = client.post("/hr/people", data={**NEWCOMER, "csrf_token": token})
    assert page.status_code == 200, page.text
    return page.text, _link_in(page.text)


def _person_id(services: Services, name: str) -> str:
    person = services.app.find_person_by_email(demo_address(name))
    assert person is not None
    return str(person.id)


def _set(browser: TestClient, path: str, new: str, again: str | None = None) -> Any:
    token = csrf_of(browser.get(path).text)
    data = {"new_password": new, "new_password_again": again or new, "csrf_token": token}
    return browser.post(path, data=data)


def test_registering_someone_shows_their_invitation_link_once_to_copy(client: TestClient) -> None:
    page, path = _register(client)
    assert path.startswith("/set-password/")
    assert "Ilse Verbeke is geregistreerd." in page
    assert "Een uitnodigingslink voor Ilse Verbeke staat klaar." in page
    assert 'data-copy="sign-in-link"' in page
    assert "werkt één keer, tot" in page
    person = re.search(r'data-location="(/hr/people/[0-9a-f-]{36})"', page)
    assert person is not None
    again = client.get(person.group(1)).text
    assert path not in again  # shown once: the page itself never has it again
    assert "Ilse Verbeke heeft nog geen wachtwoord." in again
    assert "Een link gemaakt op" in again


def test_the_new_person_sets_a_password_in_a_browser_of_their_own_and_is_signed_in(
    client: TestClient,
) -> None:
    _, path = _register(client)
    with _fresh_browser(client) as browser:
        opened = browser.get(path)
        assert opened.status_code == 200
        assert "Welcome to Groeispurt" in opened.text  # registered with English
        assert 'value="ilse@demo.groeispurt.nl" readonly' in opened.text
        landed = _set(browser, path, NEW_PASSWORD)
        assert landed.url.path == "/board"
        assert "Welcome to Groeispurt! Your password is set and you are signed in." in landed.text
        assert "Sign out" in landed.text
    with _fresh_browser(client) as later:
        token = csrf_of(later.get("/sign-in").text)
        answer = later.post(
            "/sign-in",
            data={"email": NEWCOMER["email"], "password": NEW_PASSWORD, "csrf_token": token},
        )
        assert answer.url.path == "/board"


def test_two_different_passwords_are_refused_next_to_the_field_and_the_link_still_works(
    client: TestClient,
) -> None:
    _, path = _register(client)
    with _fresh_browser(client) as browser:
        refused = _set(browser, path, NEW_PASSWORD, "tulips along the river")
        assert refused.status_code == 400
        assert 'id="f-new_password_again-error"' in refused.text
        assert NEW_PASSWORD not in refused.text  # no password is echoed back
        weak = _set(browser, path, "short")
        assert weak.status_code == 400
        assert 'id="f-new_password-error"' in weak.text
        assert _set(browser, path, NEW_PASSWORD).url.path == "/board"


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nl", "Deze link is al gebruikt"), ("en", "This link has already been used")],
)
def test_a_used_link_says_so_in_the_pages_language(
    client: TestClient, language: str, heading: str
) -> None:
    _, path = _register(client)
    with _fresh_browser(client) as browser:
        _set(browser, path, NEW_PASSWORD)
    with _fresh_browser(client) as browser:
        token = csrf_of(browser.get("/sign-in").text)
        browser.post("/language", data={"lang": language, "back": "/", "csrf_token": token})
        again = browser.get(path)
        assert again.status_code == 410
        assert heading in again.text
        assert 'href="/sign-in"' in again.text


def test_an_expired_link_says_when_it_expired(client: TestClient) -> None:
    _, path = _register(client)
    with _services(client).database.transaction() as cursor:
        cursor.execute("UPDATE sign_in_links SET expires_at = ?", (1_700_000_000.0,))  # 2023
    with _fresh_browser(client) as browser:
        page = browser.get(path)
        assert page.status_code == 410
        assert "<h1>Deze link is verlopen</h1>" in page.text
        assert "Deze link is verlopen op 14 nov 2023." in page.text
        token = csrf_of(page.text)
        used = browser.post(path, data={"new_password": NEW_PASSWORD, "csrf_token": token})
        assert used.status_code == 410


@pytest.mark.parametrize("path", ["/set-password/nonsense", "/set-password/" + "x" * 500])
def test_an_unknown_link_gets_a_page_of_its_own_not_an_error(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert "Deze link werkt niet" in page.text
    assert "Vraag HR of een beheerder om een nieuwe link." in page.text


def test_a_replaced_link_no_longer_works(client: TestClient) -> None:
    page, old = _register(client)
    person = re.search(r'data-location="(/hr/people/[0-9a-f-]{36})"', page)
    assert person is not None
    token = csrf_of(page)
    newer = client.post(f"{person.group(1)}/sign-in-link", data={"csrf_token": token})
    new = _link_in(newer.text)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_hr_makes_a_reset_link_for_someone_with_a_password_which_ends_their_sessions(
    client: TestClient,
) -> None:
    with _fresh_browser(client) as sanne:
        sign_in(sanne, "sanne")
        assert sanne.get("/board").url.path == "/board"
        token = sign_in(client, "hr")
        url = f"/hr/people/{_person_id(_services(client), 'sanne')}"
        person = client.get(url).text
        assert "Sanne de Boer heeft een wachtwoord." in person
        assert "Maak een link om het wachtwoord opnieuw in te stellen" in person
        made = client.post(f"{url}/sign-in-link", data={"csrf_token": token})
        assert "Een link om het wachtwoord van Sanne de Boer opnieuw in te stellen" in made.text
        path = _link_in(made.text)
        with _fresh_browser(client) as phone:
            opened = phone.get(path).text
            assert "Kies een nieuw wachtwoord" in opened
            assert "Je nieuwe wachtwoord is ingesteld" in _set(phone, path, NEW_PASSWORD).text
        assert sanne.get("/board").url.path == "/sign-in"  # signed out everywhere else
        assert "Sanne de Boer heeft een wachtwoord." in client.get(url).text
        assert "De laatste link is gebruikt op" in client.get(url).text


def test_someone_signed_in_who_opens_another_persons_link_is_told_it_signs_them_out(
    client: TestClient,
) -> None:
    _, path = _register(client)
    page = client.get(path).text  # HR's own browser
    assert (
        "Je bent ingelogd als Hanna de Vries. Als je dit wachtwoord instelt, word jij hier "
        "uitgelogd en wordt Ilse Verbeke ingelogd."
    ) in page


def test_hr_gets_no_link_button_for_an_administrator_and_is_refused_one(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    url = f"/hr/people/{_person_id(_services(client), 'admin')}"
    page = client.get(url).text
    assert "/sign-in-link" not in page
    assert "Alleen een beheerder kan een inloglink maken voor een beheerder." in page
    assert client.post(f"{url}/sign-in-link", data={"csrf_token": token}).status_code == 403


@pytest.mark.parametrize(("who", "status"), [("sanne", 403), ("marieke", 403), ("admin", 200)])
def test_only_hr_and_administrators_make_links(client: TestClient, who: str, status: int) -> None:
    token = sign_in(client, who)
    url = f"/hr/people/{_person_id(_services(client), 'lotte')}/sign-in-link"
    assert client.post(url, data={"csrf_token": token}).status_code == status


def test_making_a_link_signed_out_asks_to_sign_in_first(client: TestClient) -> None:
    token = csrf_of(client.get("/sign-in").text)
    url = f"/hr/people/{_person_id(_services(client), 'lotte')}/sign-in-link"
    answer = client.post(url, data={"csrf_token": token})
    assert answer.url.path == "/sign-in"


def test_an_administrator_registers_people_from_the_menu_and_sees_only_their_hr_pages(
    client: TestClient,
) -> None:
    sign_in(client, "admin")
    board = client.get("/board").text
    assert 'href="/hr/people"' in board
    assert 'href="/admin/webhooks"' in board
    assert client.get("/hr").url.path == "/hr/people"
    people = client.get("/hr/people").text
    for hr_only in ("/hr/audit", "/hr/pop", "/hr/training-needs"):
        assert f'href="{hr_only}' not in people
    person = client.get(f"/hr/people/{_person_id(_services(client), 'lotte')}").text
    assert "/hr/audit" not in person
    assert "Maak een link om het wachtwoord opnieuw in te stellen" in person


def test_the_demo_password_still_signs_in_after_a_link_was_made_but_not_used(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    url = f"/hr/people/{_person_id(_services(client), 'lotte')}/sign-in-link"
    client.post(url, data={"csrf_token": token})
    with _fresh_browser(client) as browser:
        token = csrf_of(browser.get("/sign-in").text)
        answer = browser.post(
            "/sign-in",
            data={"email": demo_address("lotte"), "password": PASSWORD, "csrf_token": token},
        )
        assert answer.url.path == "/board"


def test_the_language_the_new_person_chose_on_the_link_page_is_kept_as_theirs(
    client: TestClient,
) -> None:
    _, path = _register(client)  # registered with English
    with _fresh_browser(client) as browser:
        token = csrf_of(browser.get(path).text)
        browser.post("/language", data={"lang": "nl", "back": path, "csrf_token": token})
        landed = _set(browser, path, NEW_PASSWORD)
        assert "Welkom bij Groeispurt!" in landed.text
    person = _services(client).app.find_person_by_email(NEWCOMER["email"])
    assert person is not None
    assert person.language == "nl"
