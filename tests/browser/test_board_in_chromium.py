"""The board and the POP in a real Chromium: drag and drop, keyboard moves, approvals, errors."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, sign_in


def _lane_of(page: Page, card_id: str) -> str:
    column = page.locator(f'[data-card-id="{card_id}"]').evaluate(
        "card => card.closest('[data-column]').dataset.column"
    )
    return str(column)


def test_a_card_dragged_from_to_do_to_doing_stays_there_after_a_reload(page: Page) -> None:
    sign_in(page, "sanne")
    card = page.locator('ol[data-column="todo"] > li.card').first
    card_id = str(card.get_attribute("data-card-id"))
    source = card.locator(".story").bounding_box()
    target = page.locator('ol[data-column="doing"]').bounding_box()
    assert source is not None
    assert target is not None
    with page.expect_response(lambda r: r.url.endswith("/board/move")) as moved:
        page.mouse.move(source["x"] + 40, source["y"] + 10)
        page.mouse.down()
        for step in range(1, 16):  # SortableJS needs real intermediate moves to start a drag
            page.mouse.move(
                source["x"] + 40 + (target["x"] + 60 - source["x"] - 40) * step / 15,
                source["y"] + 10 + (target["y"] + target["height"] - 10 - source["y"]) * step / 15,
            )
        page.mouse.up()
    assert moved.value.status == 200
    expect(page.locator(f'ol[data-column="doing"] [data-card-id="{card_id}"]')).to_be_visible()
    page.reload()
    assert _lane_of(page, card_id) == "doing"


def test_a_card_moves_with_the_keyboard_and_keeps_the_focus(page: Page) -> None:
    sign_in(page, "sanne")
    button = page.locator('#board button.move[id^="move-right-"]').first
    button_id = str(button.get_attribute("id"))
    card_id = button_id.removeprefix("move-right-")
    before = _lane_of(page, card_id)
    button.focus()
    with page.expect_response(lambda r: r.url.endswith("/board/move")):
        page.keyboard.press("Enter")
    after = {"todo": "doing", "doing": "done"}[before]
    expect(page.locator(f'ol[data-column="{after}"] [data-card-id="{card_id}"]')).to_be_visible()
    focused = page.evaluate(
        "() => document.activeElement.closest('[data-card-id]')?.dataset.cardId || null"
    )
    assert focused == card_id
    page.reload()
    assert _lane_of(page, card_id) == after


def _open_pop_of(page: Page, name: str) -> None:
    """The manager reaches a report's POP through My team; the employee through My cycle."""
    page.goto("/team")
    link = page.locator(f'[data-name="{name}"] .team-links a').first
    if link.count():
        link.click()
    else:
        page.goto("/cycles")
    page.get_by_role("link", name="POP", exact=True).click()
    expect(page.locator(".pop-current")).to_be_visible()


def test_manager_and_employee_approve_the_same_pop_version(page: Page) -> None:
    # In the demo Lotte approved version 1 already; the POP waits for her manager.
    sign_in(page, "lotte")
    _open_pop_of(page, "Lotte Maes")
    version = page.locator(".pop-current h3").inner_text().split()[:2]
    expect(page.locator(".approvals")).to_contain_text("Lotte Maes keurde versie 1 goed")
    expect(page.locator("#approved-by-both")).to_have_count(0)
    sign_in(page, "marieke")
    _open_pop_of(page, "Lotte Maes")
    assert page.locator(".pop-current h3").inner_text().split()[:2] == version
    expect(page.locator("#approve")).to_have_text("Keur versie 1 goed")
    page.locator("#approve").click()
    expect(page.locator("#approved-by-both")).to_contain_text("Door beiden goedgekeurd op")
    sign_in(page, "lotte")
    _open_pop_of(page, "Lotte Maes")
    expect(page.locator("#approved-by-both")).to_contain_text("Door beiden goedgekeurd op")
    expect(page.locator(".approvals")).to_contain_text("Marieke Jansen keurde versie 1 goed")
    expect(page.locator("#approve")).to_have_count(0)


def test_a_revised_pop_counts_once_both_approved_the_new_version(page: Page) -> None:
    sign_in(page, "marieke")
    _open_pop_of(page, "Fatima El Amrani")
    page.locator("details.pop-edit summary").click()
    page.fill("#f-goals-0-measure", "Twee dossiers zelfstandig afgerond, besproken met de coach")
    page.locator("details.pop-edit form button.primary").click()
    expect(page.locator(".pop-current h3")).to_contain_text("Versie 2")
    expect(page.locator("#approved-by-both")).to_have_count(0)
    page.locator("#approve").click()
    expect(page.locator(".approvals")).to_contain_text("Marieke Jansen keurde versie 2 goed")
    sign_in(page, "fatima")
    _open_pop_of(page, "Fatima El Amrani")
    expect(page.locator("#approve")).to_have_text("Keur versie 2 goed")
    page.locator("#approve").click()
    expect(page.locator("#approved-by-both")).to_contain_text("Door beiden goedgekeurd op")


def test_a_smart_goal_without_a_measure_shows_the_error_next_to_the_field(page: Page) -> None:
    sign_in(page, "marieke")
    page.goto("/team")
    page.locator('[data-name="Sanne de Boer"] .team-links a').first.click()
    page.get_by_role("link", name="POP", exact=True).click()
    form = page.locator("details.pop-edit")
    if form.get_attribute("open") is None:
        form.locator("summary").click()
    page.fill("#f-goals-0-description", "Zelfstandig klantgesprekken voeren")
    page.fill("#f-goals-0-deadline", "2030-06-30")
    page.locator("details.pop-edit form button.primary").click()
    error = page.locator("#f-goals-0-measure-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("M van SMART")
    expect(page.locator("#f-goals-0-measure")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-goals-0-description")).to_have_value(
        re.compile("Zelfstandig klantgesprekken")
    )


def test_screenshots_of_the_board_at_1280_and_360_pixels(page: Page) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    sign_in(page, "sanne")
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        expect(page.locator("#board .lanes")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"the board is {overflow}px wide at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"board-{width}.png"), full_page=True)
