"""The session at the table in a real Chromium (seeds 000 and 001): the employee writes the
cards with her manager, who changes one in his own browser; four candidates, three chosen;
the session report approved by both, each in their own browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.checks import assert_accessible
from tests.browser.conftest import ARTIFACTS, sign_in
from tests.browser.test_every_page_in_chromium import CONTROLS, SMALL_CONTROLS


@pytest.fixture
def manager_page(browser: Browser, server: str) -> Iterator[Page]:
    """The manager's own browser: no cookies shared with the employee's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _session_tab(page: Page) -> None:
    page.goto("/cycles")
    page.locator("nav.tabs a").nth(2).click()
    expect(page.locator("#candidates")).to_be_visible()


def _manager_session_tab(page: Page, name: str) -> None:
    page.goto("/team")
    page.locator(f'[data-name="{name}"] .team-links a').first.click()
    page.locator("nav.tabs a").nth(2).click()


def _write_card(page: Page, kind: str, skill: str, why: str) -> None:
    page.select_option("#f-card-kind", kind)
    page.fill("#f-card-i_want_to", skill)
    page.fill("#f-card-in_order_to", why)
    page.click("#save-card")
    expect(page.locator(".candidate").filter(has_text=skill)).to_be_visible()


def test_the_employee_and_her_manager_write_four_cards_and_three_go_on_the_board(
    page: Page, manager_page: Page
) -> None:
    # In the demo Lisa and Pieter wrote one hard and one soft card at the table already.
    sign_in(page, "lisa")
    _session_tab(page)
    session_url = page.url
    expect(page.locator("#prepared")).to_be_visible()
    page.locator("a", has_text="Begin een kaartje met Python en SQL").click()
    expect(page.locator("#f-card-i_want_to")).to_have_value("Python en SQL")
    expect(page.locator("#f-card-in_order_to")).to_have_value("betere rapportages bouwen")
    page.fill("#f-card-actions", "Een cursus SQL volgen")
    page.click("#save-card")
    expect(page.locator("#candidates")).to_contain_text("2 van 2 harde, 1 van 2 zachte")
    assert_accessible(page, "session-table")

    # Her manager, in his own browser, changes the card she just wrote.
    sign_in(manager_page, "pieter")
    _manager_session_tab(manager_page, "Lisa Hendriks")
    card = manager_page.locator(".candidate").filter(has_text="Python en SQL")
    card.get_by_role("link", name="Wijzig dit kaartje").click()
    manager_page.fill("#f-card-support", "Een dag per maand met het datateam")
    manager_page.click("#save-card")
    expect(card).to_contain_text("Versie 2, geschreven door Pieter Claes")

    # Both open the card (version 2); he saves first, so her change is refused, not lost.
    page.locator(".candidate").filter(has_text="Python en SQL").get_by_role(
        "link", name="Wijzig dit kaartje"
    ).click()
    page.fill("#f-card-actions", "Twee cursussen")
    manager_page.locator(".candidate").filter(has_text="Python en SQL").get_by_role(
        "link", name="Wijzig dit kaartje"
    ).click()
    manager_page.fill("#f-card-actions", "Een cursus en een proefproject")
    manager_page.click("#save-card")
    page.click("#save-card")
    expect(page.locator(".alert")).to_contain_text("Iemand anders wijzigde dit kaartje intussen")
    expect(page.locator("#f-card-actions")).to_have_value("Een cursus en een proefproject")
    expect(page.locator("#yours")).to_contain_text("Twee cursussen")
    assert_accessible(page, "session-card-conflict")

    # The fourth card, soft; then he records the session and they choose three.
    page.goto(session_url)
    _write_card(page, "soft", "Presenteren voor een groep", "kennis delen")
    manager_page.reload()
    manager_page.fill("#f-held_on", "2026-12-01")
    manager_page.click("#record-session")
    boxes = manager_page.locator('input[name="card_ids"]')
    expect(boxes).to_have_count(4)
    for n in range(3):
        boxes.nth(n).check()
    manager_page.get_by_role("button", name="Zet op het bord").click()
    expect(manager_page.locator(".tag--ok", has_text="op het bord")).to_have_count(3)
    page.goto("/board")
    expect(page.locator("li.card")).to_have_count(3)


def test_the_session_report_counts_once_both_approved_it_in_their_own_browsers(
    page: Page, manager_page: Page
) -> None:
    # In the demo Emma's session is held and her manager wrote and approved the report.
    sign_in(page, "emma")
    _session_tab_held(page)
    expect(page.locator("#report-v1")).to_contain_text("Pieter Claes keurde versie 1 goed")
    expect(page.locator("#report-agreed")).to_have_count(0)
    page.locator("details.report-edit summary").click()
    page.fill("#f-text", page.locator("#f-text").input_value() + " Emma vult aan: ook presenteren.")
    page.click("#save-report")
    expect(page.locator(".report-current h4")).to_contain_text("Versie 2")
    page.click("#approve-report")
    expect(page.locator(".report-current .approvals")).to_contain_text("keurde versie 2 goed")
    assert_accessible(page, "session-report")

    sign_in(manager_page, "pieter")
    _manager_session_tab(manager_page, "Emma Dubois")
    expect(manager_page.locator("#approve-report")).to_have_text(
        "Keur versie 2 van het verslag goed"
    )
    manager_page.click("#approve-report")
    expect(manager_page.locator("#report-agreed")).to_contain_text("Door beiden goedgekeurd op")
    page.reload()
    expect(page.locator("#report-agreed")).to_contain_text("Door beiden goedgekeurd op")
    page.locator("nav.tabs a").first.click()
    expect(page.locator("#report-step")).to_contain_text("✓")


def _session_tab_held(page: Page) -> None:
    page.goto("/cycles")
    page.locator("nav.tabs a").nth(2).click()
    expect(page.locator(".session-report")).to_be_visible()


def test_the_session_table_fits_a_phone_with_big_enough_controls_and_is_photographed(
    page: Page,
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    sign_in(page, "marieke")
    _manager_session_tab(page, "Daan Peeters")
    expect(page.locator("#card-form")).to_be_visible()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"the session tab is {overflow}px wide at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"session-table-{width}.png"), full_page=True)
    assert page.evaluate(SMALL_CONTROLS, CONTROLS) == []
