"""Inspiration and the backlog in a real Chromium, axe-checked: a preparation takes a skill
from the inspiration cards with one click (htmx, and without JavaScript), an employee links
a board card to a backlog skill, and HR merges two wordings of one skill on /hr/backlog."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.checks import assert_accessible
from tests.browser.conftest import sign_in


def _needed(page: Page, kind: str) -> list[str]:
    return [line for line in page.locator(f"#f-{kind}-needed").input_value().splitlines() if line]


def test_one_click_on_an_inspiration_card_puts_it_on_the_list_of_question_one(page: Page) -> None:
    sign_in(page, "daan")
    page.goto("/cycles")
    page.get_by_role("link", name="Voorbereiding").first.click()
    page.fill("#f-hard-needed", "Excel")
    page.fill("#f-going_well", "De samenwerking met de klanten")
    inspiration = page.locator("fieldset", has=page.locator("#f-hard-needed")).locator(
        "details.prep-inspiration"
    )
    inspiration.locator("summary").click()
    assert_accessible(page, "preparation-inspiration")
    button = inspiration.locator("button", has_text="Een nieuwe programmeertaal leren").first
    button_id = button.get_attribute("id")
    with page.expect_response(lambda r: r.url.endswith("/preparation/inspiration")):
        button.click()
    expect(page.locator("#tab [role=status]")).to_contain_text("Sla het concept op")
    assert _needed(page, "hard") == ["Excel", "Een nieuwe programmeertaal leren"]
    assert page.locator("#f-going_well").input_value() == "De samenwerking met de klanten"
    # The keyboard user stays on the button they pressed, in the list htmx drew again.
    assert page.evaluate("() => document.activeElement.id") == button_id
    assert_accessible(page, "preparation-inspiration-added")
    # Enter in a field saves the draft, as before: not a click on an inspiration.
    page.locator("#f-hard-growth-0-skill").fill("Python")
    with page.expect_navigation():
        page.locator("#f-hard-growth-0-skill").press("Enter")
    expect(page.locator("#tab .notice")).to_be_visible()  # "Draft saved on …"
    assert "Een nieuwe programmeertaal leren" in _needed(page, "hard")


def test_without_javascript_the_inspiration_button_posts_the_form_and_keeps_it(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    try:
        sign_in_without_script(page, "daan")
        page.goto("/cycles")
        page.get_by_role("link", name="Voorbereiding").first.click()
        page.fill("#f-soft-needed", "Luisteren")
        page.locator("details.prep-inspiration").nth(1).locator("summary").click()
        page.locator("button[name=inspiration-soft]", has_text="Presenteren").first.click()
        assert _needed(page, "soft") == ["Luisteren", "Presenteren"]
    finally:
        context.close()


def sign_in_without_script(page: Page, name: str) -> None:
    page.goto("/sign-in")
    page.fill("#email", f"{name}@demo.groeispurt.nl")
    page.fill("#password", "groeispurt-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/board")


def test_the_employee_links_a_board_card_to_a_backlog_skill_and_sees_it_on_the_card(
    page: Page,
) -> None:
    sign_in(page, "sanne")
    card = page.locator("#board li.card", has_text="zaaksysteem")
    card_id = card.get_attribute("data-card-id")
    card.get_by_role("link", name="Aan een vaardigheid van de backlog koppelen").click()
    expect(page.locator("h1")).to_have_text("Een kaartje aan de bedrijfsbacklog koppelen")
    assert_accessible(page, "backlog-link")
    page.select_option("#f-backlog_skill_id", label="Werken met data en AI (harde vaardigheid)")
    page.get_by_role("button", name="Koppeling opslaan").click()
    page.wait_for_url("**/board?**")
    linked = page.locator(f"#card-{card_id}")
    expect(linked.locator(".card-backlog")).to_contain_text("Werken met data en AI")
    expect(page.locator("#board [role=status]")).to_contain_text("verwijst nu naar")
    assert_accessible(page, "board-linked")
    linked.get_by_role("link", name="Koppeling wijzigen").click()
    page.select_option("#f-backlog_skill_id", "")
    page.get_by_role("button", name="Koppeling opslaan").click()
    expect(page.locator(f"#card-{card_id} .card-backlog strong")).to_have_count(0)


def test_hr_merges_two_wordings_of_one_skill_on_the_backlog_page(page: Page) -> None:
    sign_in(page, "hr")
    page.goto("/hr/backlog")
    for name in ("Luisteren naar inwoners", "Groeien in luisteren naar inwoners"):
        page.click("#add-title")
        page.fill("#f-description", name)
        page.select_option("#f-kind", "soft")
        page.locator("form.register-form button.primary").click()
        expect(page.locator("#backlog-status")).to_contain_text(name)
    pair = page.locator(".similar-pair", has_text="Groeien in luisteren naar inwoners")
    expect(pair).to_be_visible()
    assert_accessible(page, "backlog-similar")
    pair.get_by_role("button").click()  # not confirmed: asked again, beside the box
    pair = page.locator(".similar-pair", has_text="Groeien in luisteren naar inwoners")
    expect(pair.locator(".error")).to_be_visible()
    assert_accessible(page, "backlog-merge-unconfirmed")
    pair.get_by_role("checkbox").check()
    pair.get_by_role("button").click()
    expect(page.locator("#backlog-status")).to_contain_text("is samengevoegd met")
    names = page.locator("#backlog .backlog-name").all_inner_texts()
    assert "Groeien in luisteren naar inwoners" not in names
    assert "Luisteren naar inwoners" in names
    # Leave the backlog as long as it was, for the other tests: retire the one kept.
    page.locator("#backlog li.backlog-skill", has_text="Luisteren naar inwoners").get_by_role(
        "link"
    ).click()
    page.check("#f-confirm")
    page.locator("form[action$='/retire'] button.danger").click()
    expect(page.locator("#backlog-status")).to_contain_text("van de backlog gehaald")
