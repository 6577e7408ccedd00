"""Invitations in a real Chromium: an administrator registers a person and copies the
invitation link; the new person opens it in a browser of their own, chooses a password and
lands signed in. axe-core finds nothing to fix on the new pages, in Dutch and in English,
and the focus outline on them stands out 3:1 from what is behind it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.checks import assert_accessible, contrast
from tests.browser.conftest import sign_in
from tests.browser.test_every_page_in_chromium import CONTROLS, SMALL_CONTROLS

PASSWORD = "tulips along the canal"
# Reads the colour of the focus outline and of the first opaque background behind the element.
FOCUS_COLOURS = """() => {
  const element = document.activeElement;
  const outline = getComputedStyle(element).outlineColor;
  let behind = element.parentElement;
  while (behind && getComputedStyle(behind).backgroundColor === "rgba(0, 0, 0, 0)") {
    behind = behind.parentElement;
  }
  return [outline, behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)"];
}"""


def _focus_stands_out(page: Page, selector: str) -> None:
    page.focus(selector)
    page.keyboard.press("Shift+Tab")  # focus by keyboard, so :focus-visible applies
    page.keyboard.press("Tab")
    outline, behind = page.evaluate(FOCUS_COLOURS)
    assert contrast(outline, behind) >= 3, f"{selector}: {outline} on {behind}"


def _big_enough_on_a_phone(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    try:
        assert page.evaluate(SMALL_CONTROLS, CONTROLS) == []
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def other_browser(browser: Browser, server: str) -> Iterator[BrowserContext]:
    """A browser of the new person's own: no cookies, nothing shared with the admin's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    context.set_default_timeout(10_000)
    try:
        yield context
    finally:
        context.close()


def _in_dutch(page: Page) -> None:
    """The administrator's pages in Dutch, whatever another test left as their language."""
    if page.locator("html").get_attribute("lang") != "nl":
        page.click("button[name=lang][value=nl]")
        expect(page.locator("html")).to_have_attribute("lang", "nl")


def _register(page: Page, name: str, email: str, language: str) -> str:
    page.goto("/hr/people")
    page.click("#register-title")
    page.fill("#f-name", name)
    page.fill("#f-email", email)
    page.fill("#f-function", "Klantadviseur")
    page.fill("#f-team", "Dienstverlening")
    page.fill("#f-start_date", "2026-01-05")
    page.select_option("#f-language", language)
    page.click("form.register-form button.primary")
    expect(page.locator("#sign-in-link")).to_be_visible()
    return page.url


def test_an_invited_person_sets_a_password_in_a_fresh_browser_and_lands_signed_in(
    page: Page, other_browser: BrowserContext
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, "admin")
    _in_dutch(page)
    expect(page.locator('nav.nav a[href="/hr/people"]')).to_be_visible()
    _register(page, "Ilse Verbeke", "ilse@demo.groeispurt.nl", "en")
    # The page the browser shows is the person's own, so a reload posts nothing again.
    assert "/hr/people/" in page.url
    expect(page.locator(".link-made")).to_contain_text("Een uitnodigingslink voor Ilse Verbeke")
    assert_accessible(page, "invitation-made-nl")
    _focus_stands_out(page, "button[data-copy]")
    _big_enough_on_a_phone(page)
    page.click("button[data-copy]")
    expect(page.locator("#copy-status")).to_have_text("Gekopieerd")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.input_value("#sign-in-link")
    assert "/set-password/" in link

    new_person = other_browser.new_page()
    new_person.goto(link)
    expect(new_person.locator("h1")).to_have_text("Welcome to Groeispurt")
    assert_accessible(new_person, "set-password-en")
    _focus_stands_out(new_person, "#f-new_password")
    _big_enough_on_a_phone(new_person)
    new_person.fill("#f-new_password", PASSWORD)
    new_person.fill("#f-new_password_again", "tulips along the river")
    new_person.click("form.form button[type=submit]")
    expect(new_person.locator("#f-new_password_again-error")).to_be_visible()
    assert_accessible(new_person, "set-password-refused-en")
    new_person.click("button[name=lang][value=nl]")
    expect(new_person.locator("h1")).to_have_text("Welkom bij Groeispurt")
    assert_accessible(new_person, "set-password-nl")
    new_person.fill("#f-new_password", PASSWORD)
    new_person.fill("#f-new_password_again", PASSWORD)
    new_person.click("form.form button[type=submit]")
    new_person.wait_for_url("**/board")
    expect(new_person.locator(".notice")).to_contain_text("Welkom bij Groeispurt!")
    expect(new_person.locator("form[action='/sign-out'] button")).to_be_visible()

    new_person.goto(link)
    expect(new_person.locator("h1")).to_have_text("Deze link is al gebruikt")
    assert_accessible(new_person, "link-used-nl")
    new_person.click("button[name=lang][value=en]")
    expect(new_person.locator("h1")).to_have_text("This link has already been used")
    assert_accessible(new_person, "link-used-en")
    _focus_stands_out(new_person, "a.button.primary")

    page.reload()
    expect(page.locator("#sign-in-link")).to_have_count(0)
    expect(page.locator(".sign-in")).to_contain_text("Ilse Verbeke heeft een wachtwoord.")


def test_the_person_page_and_a_reset_link_pass_axe_in_english(page: Page) -> None:
    sign_in(page, "admin")
    _in_dutch(page)
    _register(page, "Tom Test", "tom.test@demo.groeispurt.nl", "nl")
    page.click("button[name=lang][value=en]")
    expect(page.locator(".sign-in h2")).to_have_text("Signing in")
    assert_accessible(page, "person-page-en")
    page.click(".sign-in form button")
    expect(page.locator(".link-made")).to_contain_text("An invitation link for Tom Test is ready.")
    assert_accessible(page, "invitation-made-en")
    page.goto("/hr/people")
    page.locator("tr", has_text="Lotte Maes").locator("a").click()
    page.click(".sign-in form button")
    expect(page.locator(".link-made")).to_contain_text("A password reset link for Lotte Maes")
    assert_accessible(page, "reset-made-en")
    page.click("button[name=lang][value=nl]")  # the administrator's own choice, as it was


def test_an_unknown_link_gets_a_clear_page_in_both_languages(page: Page) -> None:
    page.goto("/set-password/not-a-link")
    expect(page.locator("h1")).to_have_text("Deze link werkt niet")
    assert_accessible(page, "link-unknown-nl")
    page.click("button[name=lang][value=en]")
    expect(page.locator("h1")).to_have_text("This link does not work")
    assert_accessible(page, "link-unknown-en")
