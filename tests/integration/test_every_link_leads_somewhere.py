"""No link leads to a refusal: signed in as each kind of person, every link of every page
they can reach on this site opens (no 403, no 404, no 500), and the menu offers each
administrator and HR page they may use.

The walk starts at the board (where signing in lands) and the menu, follows every
`<a href>` to this host once, in the page's language, and records who found which
broken link where, so a failure names the page to fix.
"""

from __future__ import annotations

import html
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import csrf_of, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client

HOST = "testserver"
HREF = re.compile(r'<a\s[^>]*href="([^"]*)"')
# Far more than the demo has; a walk that grows past it is following a loop of new URLs.
MOST_PAGES = 2_000
# Each kind of person: an employee with cards, one waiting on a POP, a manager of
# each team, HR, an administrator (who is not HR).
PEOPLE = ("sanne", "lotte", "marieke", "pieter", "hr", "admin")
# The pages each one's menu must offer, beside the board, the cycle and the team.
MENU = {
    "hr": ("/hr",),
    "admin": ("/hr/people", "/admin/webhooks"),
}


def _links(page: str, at: str) -> list[str]:
    found = []
    for href in HREF.findall(page):
        url = urlsplit(urljoin(f"http://{HOST}{at}", html.unescape(href)))
        if url.netloc == HOST and url.scheme == "http":
            found.append(url.path + (f"?{url.query}" if url.query else ""))
    return found


def _walk(client: TestClient, start: str) -> tuple[int, list[str]]:
    """Opens every page reachable from `start`; how many, and each broken link found."""
    seen = {start}
    queue = deque([(start, "the start")])
    broken = []
    while queue:
        url, found_on = queue.popleft()
        answer = client.get(url)
        if answer.status_code >= 400:
            broken.append(f"{url} ({answer.status_code}), linked from {found_on}")
            continue
        if not answer.headers.get("content-type", "").startswith("text/html"):
            continue  # a download (the CSV): it opened, and links to nothing
        landed = urlsplit(str(answer.url))  # after redirects
        here = landed.path + (f"?{landed.query}" if landed.query else "")
        for link in _links(answer.text, here):
            if link not in seen:
                seen.add(link)
                queue.append((link, here))
        assert len(seen) < MOST_PAGES, "the walk keeps finding new addresses"
    return len(seen), broken


@pytest.mark.parametrize("who", PEOPLE)
def test_no_link_on_any_page_a_person_reaches_is_refused_or_missing(
    client: TestClient, who: str
) -> None:
    sign_in(client, who)
    opened, broken = _walk(client, "/board")
    assert opened > 5
    assert broken == [], f"{who} follows links that fail:\n" + "\n".join(broken)


@pytest.mark.parametrize("who", PEOPLE)
def test_the_menu_offers_every_organisation_page_a_person_may_use_and_no_other(
    client: TestClient, who: str
) -> None:
    sign_in(client, who)
    menu = client.get("/board").text.split('<nav class="nav"', 1)[1].split("</nav>", 1)[0]
    offered = {link for link in _links(menu, "/board") if link.startswith(("/hr", "/admin"))}
    assert offered == set(MENU.get(who, ()))


def test_someone_invited_a_moment_ago_follows_every_link_without_a_refusal(
    client: TestClient,
) -> None:
    token = sign_in(client, "admin")
    made = client.post(
        "/hr/people",
        data={
            "name": "Ilse Verbeke",
            "email": "ilse@demo.groeispurt.nl",
            "function": "Klantadviseur",
            "team": "Dienstverlening",
            "development_phase": "junior",
            "language": "nl",
            "start_date": "2026-01-05",
            "csrf_token": token,
        },
    )
    found = re.search(r'id="sign-in-link" type="text" value="http://testserver([^"]+)"', made.text)
    assert found is not None
    client.cookies.clear()
    path = found.group(1)
    password = "tulips along the canal"
    landed = client.post(
        path,
        data={
            "new_password": password,
            "new_password_again": password,
            "csrf_token": csrf_of(client.get(path).text),
        },
    )
    assert landed.url.path == "/board"
    _, broken = _walk(client, "/board")
    assert broken == [], "\n".join(broken)


def test_signed_out_the_sign_in_page_and_its_links_open(client: TestClient) -> None:
    _, broken = _walk(client, "/sign-in")
    assert broken == []
