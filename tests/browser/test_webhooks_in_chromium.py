"""The administrators' webhooks page in a real Chromium: register one, see the secret once,
disable it; axe-core finds nothing to fix on the page, before and after."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, sign_in


def _accessible(page: Page, name: str) -> None:
    results = Axe().run(page)
    if results.violations_count:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert results.violations_count == 0, results.generate_report()


def test_an_administrator_registers_a_webhook_and_the_page_stays_accessible(page: Page) -> None:
    page.context.clear_cookies()
    page.goto("/sign-in")
    page.fill("#email", "admin@demo.groeispurt.nl")
    page.fill("#password", "groeispurt-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    page.goto("/admin/webhooks")
    _accessible(page, "webhooks-empty")
    page.click("#register-title")
    page.fill("#f-url", "https://hooks.example.org/groeispurt")
    page.fill("#f-description", "HRIS")
    page.check('input[value="GrowthCycle.CardMoved"]')
    page.click("form.register-form button.primary")
    secret = page.locator("#new-secret")
    expect(secret).to_contain_text("whsec_")
    _accessible(page, "webhooks-registered")
    page.goto("/admin/webhooks")
    expect(page.locator("#new-secret")).to_have_count(0)
    page.locator("article.webhook form button").first.click()
    expect(page.locator("article.webhook .tag--late")).to_be_visible()
    _accessible(page, "webhooks-disabled")


def test_the_webhooks_link_is_for_administrators_only(page: Page) -> None:
    sign_in(page, "sanne")
    expect(page.locator('a[href="/admin/webhooks"]')).to_have_count(0)
