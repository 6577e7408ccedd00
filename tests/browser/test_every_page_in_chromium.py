"""Every page each role can reach, in Dutch and in English, in a real Chromium: axe-core
finds nothing to fix, no request of the page is refused, and the browser reports no
Content-Security-Policy violation, also while a card is dragged across the board."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page

from tests.browser.checks import assert_accessible
from tests.browser.conftest import sign_in

# Who signs in, and the page they land on; between them they reach every page.
ROLES = {"employee": "sanne", "manager": "marieke", "hr": "hr", "admin": "admin"}
# Pages per role and language: the menu's pages, their tabs and what they link to.
MOST_PAGES = 40
# Links that do something rather than show a page, or that are not HTML.
SKIPPED = ("/sign-out", "/language", ".csv", "/static/")


@pytest.fixture
def watched(page: Page) -> list[str]:
    """What the console reports as a Content-Security-Policy violation while the test runs."""
    violations: list[str] = []

    def heard(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", heard)
    return violations


def _sign_in_as(page: Page, role: str) -> None:
    """Through the form; HR and administrators land on their own first page."""
    if role in ("employee", "manager"):
        sign_in(page, ROLES[role])
        return
    page.context.clear_cookies()
    page.goto("/sign-in")
    page.fill("#email", f"{ROLES[role]}@demo.groeispurt.nl")
    page.fill("#password", "groeispurt-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()


def _links(page: Page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    here = urlsplit(page.url)
    found = []
    for href in hrefs:
        parts = urlsplit(str(href))
        if parts.netloc != here.netloc or any(skip in parts.path for skip in SKIPPED):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _switch_language(page: Page, to: str) -> None:
    page.locator(f'form[action="/language"] button[value="{to}"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == to


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_a_role_reaches_is_accessible_and_allowed_in_both_languages(
    page: Page, watched: list[str], role: str
) -> None:
    _sign_in_as(page, role)
    start = urlsplit(page.url).path
    chosen = page.locator("html").get_attribute("lang") or "nl"
    try:
        _crawl(page, role, start)
    finally:  # the choice is the person's: give the other tests their language back
        page.goto(start)
        if page.locator("html").get_attribute("lang") != chosen:
            _switch_language(page, chosen)
    assert watched == []


def _crawl(page: Page, role: str, start: str) -> None:
    for language in ("nl", "en"):
        if page.locator("html").get_attribute("lang") != language:
            _switch_language(page, language)
        seen: set[str] = set()
        queue = [start]
        while queue and len(seen) < MOST_PAGES:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            answer = page.goto(path)
            assert answer is not None
            assert answer.status < 400, f"{role} follows a link to {path}: {answer.status}"
            assert_accessible(
                page, f"{role}-{language}-{path.strip('/').replace('/', '-') or 'home'}"
            )
            queue += [link for link in _links(page) if link not in seen]
        assert len(seen) >= 3, f"{role} reached only {sorted(seen)}"


def test_dragging_a_card_breaks_no_content_security_policy(page: Page, watched: list[str]) -> None:
    # Lotte's board: the board tests have Sanne's. Whichever card comes first goes elsewhere.
    sign_in(page, "lotte")
    card = page.locator("ol[data-column] > li.card").first
    lane = str(card.evaluate("card => card.closest('[data-column]').dataset.column"))
    other = "done" if lane != "done" else "todo"
    source = card.locator(".story").bounding_box()
    target = page.locator(f'ol[data-column="{other}"]').bounding_box()
    assert source is not None
    assert target is not None
    page.mouse.move(source["x"] + 30, source["y"] + 10)
    page.mouse.down()
    for step in range(1, 21):
        page.mouse.move(
            source["x"] + 30 + (target["x"] + 40 - source["x"] - 30) * step / 20,
            source["y"] + 10 + (target["y"] + 30 - source["y"] - 10) * step / 20,
        )
    page.mouse.up()
    page.wait_for_load_state("networkidle")
    assert watched == []


CONTROLS = (
    "button, .button, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), "
    ".nav a, .tools .link, .tabs a"
)
SMALL_CONTROLS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.offsetParent !== null)
  .map(el => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
  .filter(([, box]) => box.width < 44 || box.height < 44)
  .map(([html, box]) => `${Math.round(box.width)}x${Math.round(box.height)} ${html}`)"""


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("sanne", "/board"),
        ("sanne", "/cycles"),
        ("marieke", "/team"),
        ("sanne", "/account/password"),
    ],
)
def test_on_a_375_pixel_phone_every_control_is_big_enough_for_a_finger(
    page: Page, who: str, path: str
) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, who)
    page.goto(path)
    assert page.evaluate(SMALL_CONTROLS, CONTROLS) == []


def test_a_board_swapped_while_cards_carry_sortables_styles_breaks_no_policy(
    page: Page, watched: list[str]
) -> None:
    """What a drag leaves behind, made certain: Sortable animates through element.style,
    so cards carry style attributes when htmx swaps the board in after the move."""
    sign_in(page, "lotte")
    page.eval_on_selector_all(
        "#board, #board li.card", "cards => cards.forEach(c => { c.style.transform = 'none'; })"
    )
    button = page.locator("#board button.move").first
    with page.expect_response(lambda r: r.url.endswith("/board/move")):
        button.click()
    page.wait_for_load_state("networkidle")
    assert watched == []
