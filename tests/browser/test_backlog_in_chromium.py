"""HR's company backlog in a real Chromium, in Dutch and in English: add a skill, drag it to
the top, move it with the keyboard (the focus stays, the live region says where it went),
retire it; axe-core finds nothing to fix on the list or on a skill's page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible, contrast
from tests.browser.conftest import ARTIFACTS, sign_in

TEXTS = {
    "nl": {
        "skill": "Toegankelijk schrijven",
        "added": "staat nu achteraan op de backlog",
        "first": "“Toegankelijk schrijven” staat nu op plaats 1 van {count}.",
        "second": "“Toegankelijk schrijven” staat nu op plaats 2 van {count}.",
        "retired": "“Toegankelijk schrijven” is van de backlog gehaald.",
        "change": "Wijzig",
    },
    "en": {
        "skill": "Plain language",
        "added": "is added at the end of the backlog",
        "first": "“Plain language” is now number 1 of {count}.",
        "second": "“Plain language” is now number 2 of {count}.",
        "retired": "“Plain language” is retired: it is off the backlog.",
        "change": "Change",
    },
}


def _focus_contrast(page: Page) -> float:
    """The focused element's outline against the background around it (WCAG's ratio)."""
    outline, around = page.evaluate(
        """() => {
          const el = document.activeElement;
          let box = el.parentElement;
          while (box && getComputedStyle(box).backgroundColor === "rgba(0, 0, 0, 0)") {
            box = box.parentElement;
          }
          return [getComputedStyle(el).outlineColor, getComputedStyle(box).backgroundColor];
        }"""
    )
    return contrast(outline, around)


def _names(page: Page) -> list[str]:
    return page.locator("#backlog .backlog-name").all_inner_texts()


@pytest.fixture
def hr_page(page: Page, request: pytest.FixtureRequest) -> Iterator[Page]:
    """HR signed in, reading the pages in the test's language; Dutch again afterwards
    (the choice is kept with the person, and other tests read Dutch)."""
    sign_in(page, "hr")
    language = request.param
    if language == "en":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    try:
        yield page
    finally:
        if language == "en":
            page.get_by_role("button", name="Nederlands").click()


def _drag_to_the_top(page: Page, name: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 1600})  # the whole list in view
    item = page.locator("#backlog li.backlog-skill", has_text=name)
    source = item.locator(".backlog-name").bounding_box()
    target = page.locator("#backlog li.backlog-skill").first.bounding_box()
    assert source is not None
    assert target is not None
    start_x, start_y = source["x"] + 20, source["y"] + 8
    end_x, end_y = target["x"] + 60, target["y"] + 4
    with page.expect_response(lambda r: r.url.endswith("/hr/backlog/move")) as moved:
        page.mouse.move(start_x, start_y)
        page.mouse.down()
        # SortableJS needs real intermediate moves to start a drag, and swaps past an item
        # only once the item's own animation ends: small steps, a moment apart.
        for step in range(1, 41):
            page.mouse.move(
                start_x + (end_x - start_x) * step / 40, start_y + (end_y - start_y) * step / 40
            )
            page.wait_for_timeout(25)
        page.wait_for_timeout(200)
        page.mouse.move(end_x, end_y - 1)
        page.mouse.up()
    assert moved.value.status == 200


@pytest.mark.parametrize("hr_page", ["nl", "en"], indirect=True)
def test_hr_adds_a_skill_drags_it_to_the_top_moves_it_with_the_keyboard_and_retires_it(
    hr_page: Page,
) -> None:
    page, texts = hr_page, TEXTS[str(hr_page.locator("html").get_attribute("lang"))]
    page.goto("/hr/backlog")
    original = _names(page)
    assert len(original) >= 5  # the demo's, and what other tests added and left
    count = len(original) + 1
    assert_accessible(page, "backlog")

    page.click("#add-title")
    page.fill("#f-description", texts["skill"])
    page.select_option("#f-kind", "soft")
    page.select_option("#f-horizon", "future")
    page.fill("#f-inspiration", "Every resident understands our letters.")
    page.locator("form.register-form button.primary").click()
    expect(page.locator("#backlog-status")).to_contain_text(texts["added"])
    assert _names(page) == [*original, texts["skill"]]
    assert_accessible(page, "backlog-added")

    _drag_to_the_top(page, texts["skill"])
    expect(page.locator("#backlog .backlog-name").first).to_have_text(texts["skill"])
    expect(page.locator("#backlog-status")).to_have_text(texts["first"].format(count=count))
    page.reload()
    assert _names(page) == [texts["skill"], *original]

    skill_id = page.locator("#backlog li.backlog-skill").first.get_attribute("data-skill-id")
    down = page.locator(f"#move-down-{skill_id}")
    down.focus()
    with page.expect_response(lambda r: r.url.endswith("/hr/backlog/move")):
        page.keyboard.press("Enter")
    expect(page.locator("#backlog-status")).to_have_text(texts["second"].format(count=count))
    assert _names(page) == [original[0], texts["skill"], *original[1:]]
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == f"move-down-{skill_id}"  # the keyboard user keeps their place
    assert _focus_contrast(page) >= 3
    assert_accessible(page, "backlog-moved")

    item = page.locator(f"#skill-{skill_id}")
    item.get_by_role("link", name=f"{texts['change']} {texts['skill']}").click()
    expect(page.locator("h1")).to_have_text(texts["skill"])
    assert_accessible(page, "backlog-skill")
    page.locator("form[action$='/retire'] button.danger").click()
    expect(page.locator("#f-confirm-error")).to_be_visible()  # not ticked: asked again
    assert_accessible(page, "backlog-skill-unconfirmed")
    page.check("#f-confirm")
    page.locator("form[action$='/retire'] button.danger").click()
    expect(page.locator("#backlog-status")).to_contain_text(texts["retired"])
    assert _names(page) == original


def test_screenshots_of_the_backlog_at_1280_and_360_pixels(page: Page) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    sign_in(page, "hr")
    page.goto("/hr/backlog")
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        expect(page.locator("#backlog .backlog-list")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"the backlog is {overflow}px wide at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"backlog-{width}.png"), full_page=True)
