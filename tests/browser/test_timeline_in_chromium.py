"""The timeline across cycles and two POP versions side by side in a real Chromium, in Dutch
and in English: the employee, their manager and HR each reach the timeline the way they
would, axe-core finds nothing to fix on any of the pages, and the focus ring stands out.

In the demo Noah Vermeulen has a completed cycle whose POP was rewritten once, and the
next cycle it led to; Pieter Claes is his manager.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible
from tests.browser.conftest import ARTIFACTS, sign_in

LANGUAGES = ("nl", "en")
TEXT = {
    "nl": {
        "link": "Tijdlijn van alle groeispurten",
        "mine": "Mijn tijdlijn",
        "theirs": "Tijdlijn van Noah Vermeulen",
        "version1": "Versie 1",
        "version2": "POP-versie 2",
        "last_time": "Vorige keer",
        "removed": "− verwijderd",
        "added": "+ toegevoegd",
        "show": "Naast elkaar tonen",
        "twice": "twee keer gekozen",
    },
    "en": {
        "link": "Timeline of every cycle",
        "mine": "My timeline",
        "theirs": "Timeline of Noah Vermeulen",
        "version1": "Version 1",
        "version2": "POP version 2",
        "last_time": "Last time",
        "removed": "− removed",
        "added": "+ added",
        "show": "Show side by side",
        "twice": "chosen twice",
    },
}

# The focus ring's contrast against the background it is drawn on (WCAG 2.x luminance).
FOCUS_CONTRAST = """element => {
  const rgb = text => (text.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  let node = element.parentElement, background = [255, 255, 255];
  while (node) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0)) { background = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  const style = getComputedStyle(element);
  if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) return 0;
  const [a, b] = [luminance(rgb(style.outlineColor)), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def _in_language(page: Page, language: str) -> None:
    """Chooses the pages' language with the switch in the header (it is kept per person)."""
    if page.locator("html").get_attribute("lang") != language:
        page.locator(f'button[name="lang"][value="{language}"]').click()
        expect(page.locator("html")).to_have_attribute("lang", language)


def _focus_ring_stands_out(page: Page, selector: str) -> None:
    link = page.locator(selector).first
    link.focus()
    page.keyboard.press("Shift+Tab")  # a keyboard focus, so :focus-visible applies
    page.keyboard.press("Tab")
    contrast = float(link.evaluate(FOCUS_CONTRAST))
    assert contrast >= 3, f"the focus ring of {selector} is {contrast:.2f}:1"


def _timeline_is_drawn(page: Page, language: str, title: str) -> None:
    text = TEXT[language]
    expect(page.locator("h1")).to_have_text(title)
    lanes = page.locator("ol.timeline-cycles > li.cycle-lane")
    expect(lanes).to_have_count(2)
    first = lanes.nth(0)
    expect(first.locator("ol.rail > li.station")).to_have_count(13)
    expect(first.locator(".station--plan_version")).to_have_count(2)
    expect(first.locator(".station--retrospective")).to_be_visible()
    expect(first.get_by_role("link", name=text["version2"])).to_be_visible()
    # The marks are drawn for the eye only; every station says what it is in words.
    assert first.locator(".mark").first.get_attribute("aria-hidden") == "true"
    expect(first.locator("section.retro")).to_contain_text("De cursus gaf direct resultaat")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_employee_opens_their_timeline_from_the_cycle_page(page: Page, language: str) -> None:
    sign_in(page, "noah")
    _in_language(page, language)
    page.goto("/cycles")
    expect(page.locator(".last-time")).to_contain_text(TEXT[language]["last_time"])
    expect(page.locator(".last-time")).to_contain_text("Meer tijd vrijmaken om te oefenen.")
    assert_accessible(page, f"cycle-last-time-{language}")
    page.get_by_role("link", name=TEXT[language]["link"]).click()
    _timeline_is_drawn(page, language, TEXT[language]["mine"])
    assert_accessible(page, f"timeline-employee-{language}")
    _focus_ring_stands_out(page, ".station-title a")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manager_opens_a_reports_timeline_from_my_team(page: Page, language: str) -> None:
    sign_in(page, "pieter")
    _in_language(page, language)
    page.goto("/team")
    row = page.locator('[data-name="Noah Vermeulen"]')
    row.get_by_role("link", name=TEXT[language]["theirs"]).click()
    _timeline_is_drawn(page, language, TEXT[language]["theirs"])
    assert_accessible(page, f"timeline-manager-{language}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hr_opens_the_timeline_from_the_person_page(page: Page, language: str) -> None:
    sign_in(page, "hr")
    _in_language(page, language)
    page.goto("/hr/people")
    page.get_by_role("link", name="Noah Vermeulen").click()
    page.get_by_role("link", name=TEXT[language]["link"]).click()
    _timeline_is_drawn(page, language, TEXT[language]["theirs"])
    expect(page.get_by_role("link", name="← Noah Vermeulen")).to_be_visible()
    assert_accessible(page, f"timeline-hr-{language}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_pop_versions_side_by_side_chosen_with_the_form(page: Page, language: str) -> None:
    text = TEXT[language]
    sign_in(page, "noah")
    _in_language(page, language)
    page.goto("/cycles")
    page.get_by_role("link", name=text["link"]).click()
    page.get_by_role("link", name=text["version2"]).click()
    expect(page.locator("#pop-v2")).to_be_visible()
    # An earlier version opens in full, from the timeline's link to it too.
    page.goto(page.url.replace("#pop-v2", "#pop-v1"))
    earlier = page.locator("details#pop-v1")
    expect(earlier).to_have_attribute("open", "")
    expect(earlier.get_by_text("Cursus Python en SQL")).to_be_visible()
    assert_accessible(page, f"pop-versions-{language}")
    # The same version twice is refused next to the field, the choice kept.
    page.select_option("#f-a", "2")
    page.select_option("#f-b", "2")
    page.get_by_role("button", name=text["show"]).click()
    expect(page.locator("#f-b-error")).to_contain_text(text["twice"])
    expect(page.locator("#f-b")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-a")).to_have_value("2")
    assert_accessible(page, f"pop-compare-refused-{language}")
    page.select_option("#f-b", "1")
    page.get_by_role("button", name=text["show"]).click()
    table = page.locator("table.compare")
    expect(table).to_be_visible()
    expect(table.locator("thead th").first).to_contain_text(text["version1"])
    expect(table.locator(".change--removed")).to_have_text(text["removed"])
    expect(table.locator(".change--added")).to_have_text(text["added"])
    expect(table.locator("del.item")).to_contain_text("Cursus Python en SQL")
    expect(table.locator("ins.item")).to_contain_text("Vakboek over python en sql")
    # Not by colour alone: a removal is struck through, an addition underlined.
    decoration = table.locator("del.item").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in str(decoration)
    assert_accessible(page, f"pop-compare-{language}")
    _focus_ring_stands_out(page, "#f-a")


def test_screenshots_of_the_timeline_and_the_comparison_at_1280_and_360_pixels(
    page: Page,
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    sign_in(page, "noah")
    _in_language(page, "nl")
    page.goto("/timeline")
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"the timeline is {overflow}px wide at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"timeline-{width}.png"), full_page=True)
