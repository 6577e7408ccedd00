"""The board in two browsers at once: a move on one device shows on the other without a reload."""

from __future__ import annotations

import time

from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in


def test_a_move_in_one_browser_shows_in_the_other_without_a_reload(
    browser: Browser, server: str
) -> None:
    contexts = [
        browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
        for _ in range(2)
    ]
    try:
        here, there = (context.new_page() for context in contexts)
        problems: list[str] = []
        for tab in (here, there):
            tab.set_default_timeout(10_000)
            # Script errors and refusals of the Content-Security-Policy (a missing favicon
            # is no problem of the board's).
            tab.on(
                "console",
                lambda m: (
                    problems.append(m.text)
                    if m.type == "error" and not m.text.startswith("Failed to load resource")
                    else None
                ),
            )
            sign_in(tab, "sanne")
        # The other device has its subscription open before the move.
        frames: list[str] = []
        there.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(str(f))))
        there.reload()
        deadline = time.monotonic() + 10
        while not any('"next"' in frame for frame in frames):
            assert time.monotonic() < deadline, f"no subscription answer: {frames}"
            there.wait_for_timeout(50)
        button = here.locator('#board button.move[id^="move-right-"]').first
        card_id = str(button.get_attribute("id")).removeprefix("move-right-")
        before = str(
            here.locator(f'[data-card-id="{card_id}"]').evaluate(
                "card => card.closest('[data-column]').dataset.column"
            )
        )
        after = {"todo": "doing", "doing": "done"}[before]
        with here.expect_response(lambda r: r.url.endswith("/board/move")):
            button.click()
        expect(
            there.locator(f'ol[data-column="{after}"] [data-card-id="{card_id}"]')
        ).to_be_visible()
        assert there.evaluate("performance.getEntriesByType('navigation').length") == 1
        assert not problems, problems
    finally:
        for context in contexts:
            context.close()
