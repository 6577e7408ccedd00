"""The question set in a real Chromium: HR adds a question, moves it with the keyboard (the
focus stays, the live region says where it went) and by dragging, and retires it; an employee
answers the cycle's questions in a draft; both parties' answers read side by side. axe-core
finds nothing to fix on any of these pages."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible
from tests.browser.conftest import ARTIFACTS, sign_in

QUESTION = "Waar ben je dit jaar trots op?"


def _strengths(page: Page) -> list[str]:
    part = page.locator("#questions ol[data-sortable='questions-strengths']")
    return [t.strip() for t in part.locator("li .backlog-main").all_inner_texts()]


def _drag_to_the_top_of_its_part(page: Page, text: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 2400})  # the whole set in view
    part = page.locator("#questions ol[data-sortable='questions-strengths']")
    source = part.locator("li", has_text=text).locator(".backlog-name").first.bounding_box()
    target = part.locator("li").first.bounding_box()
    assert source is not None
    assert target is not None
    start_x, start_y = source["x"] + 20, source["y"] + 8
    end_x, end_y = target["x"] + 60, target["y"] + 4
    with page.expect_response(lambda r: r.url.endswith("/hr/questions/move")) as moved:
        page.mouse.move(start_x, start_y)
        page.mouse.down()
        for step in range(1, 41):  # SortableJS starts a drag only after real moves
            page.mouse.move(
                start_x + (end_x - start_x) * step / 40, start_y + (end_y - start_y) * step / 40
            )
            page.wait_for_timeout(25)
        page.wait_for_timeout(200)
        page.mouse.move(end_x, end_y - 1)
        page.mouse.up()
    assert moved.value.status == 200


def test_hr_adds_a_question_moves_it_by_keyboard_and_drag_and_retires_it(page: Page) -> None:
    sign_in(page, "hr")
    page.goto("/hr/questions")
    expect(page.locator("h1")).to_have_text("Vragen voor de voorbereiding")
    assert_accessible(page, "questions")
    before = _strengths(page)

    page.click("#add-title")
    page.select_option("#f-section", "strengths")
    page.fill("#f-employee", QUESTION)
    page.fill("#f-manager", "Waar mag je medewerker dit jaar trots op zijn?")
    page.locator("form.register-form button.primary").click()
    expect(page.locator("#questions-status")).to_contain_text("achteraan in “Sterke punten”")
    assert "Waar mag je medewerker dit jaar trots op zijn?" in _strengths(page)[-1]
    assert_accessible(page, "questions-added")

    item = page.locator("#questions li", has_text=QUESTION)
    question_id = item.get_attribute("data-question-id")
    up = page.locator(f"#move-up-{question_id}")
    up.focus()
    with page.expect_response(lambda r: r.url.endswith("/hr/questions/move")):
        page.keyboard.press("Enter")
    count = len(before) + 1
    expect(page.locator("#questions-status")).to_have_text(
        f"De vraag staat nu op plaats {count - 1} van {count} in “Sterke punten”."
    )
    assert page.evaluate("() => document.activeElement.id") == f"move-up-{question_id}"
    assert_accessible(page, "questions-moved")

    _drag_to_the_top_of_its_part(page, QUESTION)
    expect(page.locator("#questions-status")).to_have_text(
        f"De vraag staat nu op plaats 1 van {count} in “Sterke punten”."
    )
    page.reload()
    assert QUESTION in _strengths(page)[0]

    page.locator(f"#question-{question_id}").get_by_role("link", name=f"Wijzig {QUESTION}").click()
    expect(page.locator("h1")).to_have_text(QUESTION)
    assert_accessible(page, "question")
    page.locator("form[action$='/retire'] button.danger").click()
    expect(page.locator("#f-confirm-error")).to_be_visible()
    page.check("#f-confirm")
    page.locator("form[action$='/retire'] button.danger").click()
    expect(page.locator("#questions-status")).to_contain_text("uit de vragenlijst gehaald")
    assert _strengths(page) == before
    expect(page.locator("#retired-title")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 360, "height": 900})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 360, f"the page is {overflow}px wide at 360px"
    page.screenshot(path=str(ARTIFACTS / "questions-360.png"), full_page=True)


def test_an_employee_answers_the_cycles_questions_and_reads_both_answers_side_by_side(
    page: Page,
) -> None:
    sign_in(page, "daan")
    page.goto("/cycles")
    page.get_by_role("link", name="Voorbereiding").first.click()
    answer = page.locator("#f-answers-opening-work")
    expect(page.get_by_label("Hoe sta je in je werk?")).to_be_visible()
    answer.fill("Goed: ik leer elke week iets nieuws.")
    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator("#f-answers-opening-work")).to_have_value(
        "Goed: ik leer elke week iets nieuws."
    )
    assert_accessible(page, "preparation-questions")

    sign_in(page, "lisa")  # both shared their preparation in the demo
    page.goto("/cycles")
    page.get_by_role("link", name="Voorbereiding").first.click()
    expect(page.locator("#answers-title")).to_have_text("Antwoorden naast elkaar")
    expect(page.locator(".answers")).to_contain_text("Betrokken en gemotiveerd")
    assert_accessible(page, "preparation-answers")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "preparation-answers.png"), full_page=True)
