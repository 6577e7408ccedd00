"""The administrators' webhooks page in a real Chromium: register one, see the secret once,
disable it; axe-core finds nothing to fix on the page, before and after."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible
from tests.browser.conftest import sign_in


def test_an_administrator_registers_a_webhook_and_the_page_stays_accessible(
    page: Page,
) -> None:
    page.context.clear_cookies()
    page.goto("/sign-in")
    page.fill("#email", "admin@demo.groeispurt.nl")
    page.fill("#password", "groeispurt-demo")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    page.goto("/admin/webhooks")
    assert_accessible(page, "webhooks-empty")
    page.click("#register-title")
    page.fill("#f-url", "https://hooks.example.org/groeispurt")
    page.fill("#f-description", "HRIS")
    page.check('input[value="GrowthCycle.CardMoved"]')
    page.click("form.register-form button.primary")
    secret = page.locator("#new-secret")
    expect(secret).to_contain_text("whsec_")
    assert_accessible(page, "webhooks-registered")
    page.goto("/admin/webhooks")
    expect(page.locator("#new-secret")).to_have_count(0)
    page.locator("article.webhook form button").first.click()
    expect(page.locator("article.webhook .tag--late")).to_be_visible()
    assert_accessible(page, "webhooks-disabled")


def test_the_webhooks_link_is_for_administrators_only(page: Page) -> None:
    sign_in(page, "sanne")
    expect(page.locator('a[href="/admin/webhooks"]')).to_have_count(0)
