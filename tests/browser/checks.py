"""What every browser test checks the same way: axe-core over a page, and the contrast
of two colours as the browser computes them (WCAG's ratio)."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.conftest import ARTIFACTS


def assert_accessible(page: Page, name: str) -> None:
    """axe-core finds nothing to fix; otherwise a screenshot named `name` shows the page."""
    results = Axe().run(page)
    if results.violations_count:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"axe-{name}.png"), full_page=True)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def contrast(one: str, other: str) -> float:
    """The contrast of two CSS colours as `getComputedStyle` gives them (`rgb(…)`)."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
