"""The team page in a real Chromium, in Dutch and in English: a colleague sees the upcoming
show & tell (with only the card shown to the team) and the manager's own board, opens that
board, and the employee announces her show & tell on the follow-up tab; axe-core finds
nothing to fix on any of the pages.

In the demo Marieke Jansen (coached by HR: she has no manager) shows her whole board to
the team she leads, and Sanne de Boer announced a show & tell of the card she shows.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible
from tests.browser.conftest import sign_in

LANGUAGES = ("nl", "en")
TEXT = {
    "nl": {
        "see": "Bekijk de kaartjes van Marieke Jansen",
        "board": "Bord van Marieke Jansen",
        "only": "Alleen de kaartjes die aan het team getoond worden.",
        "announce": "Verplaats de show & tell",
        "announced": "Aangekondigd aan het team voor",
    },
    "en": {
        "see": "See the cards of Marieke Jansen",
        "board": "Board of Marieke Jansen",
        "only": "Only the cards shown to the team.",
        "announce": "Move the show & tell",
        "announced": "Announced to the team for",
    },
}
MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _in_language(page: Page, language: str) -> None:
    if page.locator("html").get_attribute("lang") != language:
        page.locator(f'button[name="lang"][value="{language}"]').click()
        expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_colleague_sees_the_show_and_tell_and_the_managers_own_board(
    page: Page, language: str
) -> None:
    sign_in(page, "lotte")
    _in_language(page, language)
    page.goto("/team")
    upcoming = page.locator(".show-and-tell-item", has_text="Sanne de Boer")
    expect(upcoming).to_contain_text("groeien in gesprekstechnieken aan de balie")
    expect(upcoming).not_to_contain_text("zaaksysteem")
    expect(page.locator("section[aria-labelledby=managers-board-title] li")).to_have_count(3)
    assert_accessible(page, f"team-show-and-tell-{language}")
    page.get_by_role("link", name=TEXT[language]["see"]).click()
    expect(page.locator("h1")).to_have_text(TEXT[language]["board"])
    expect(page.locator(".page-head")).to_contain_text(TEXT[language]["only"])
    expect(page.locator("#board .card")).to_have_count(3)
    assert_accessible(page, f"managers-board-shown-{language}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_employee_announces_her_show_and_tell_and_the_team_page_lists_it(
    page: Page, language: str
) -> None:
    sign_in(page, "sanne")
    _in_language(page, language)
    page.goto("/cycles")
    page.goto(page.url.rstrip("/") + "/follow-up")
    day = date.today() + timedelta(days=30 if language == "nl" else 31)
    page.fill("#f-on", day.isoformat())
    page.click("#plan-show-and-tell")
    said = f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"
    expect(page.locator(".show-and-tell")).to_contain_text(f"{TEXT[language]['announced']} {said}")
    assert_accessible(page, f"follow-up-show-and-tell-{language}")
    page.goto("/team")
    expect(page.locator(f'time[datetime="{day.isoformat()}"]')).to_have_text(said)
