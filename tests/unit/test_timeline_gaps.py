"""How long after the moment before, as the timeline says it: only when long enough to notice."""

from __future__ import annotations

import pytest

from web.rendering import build_templates

TEMPLATES = build_templates()


def said(days: int, language: str) -> str:
    page = TEMPLATES[language].env.from_string(
        '{% from "timeline/_gap.html" import gap with context %}{{ gap(days) }}'
    )
    return page.render(days=days, lang=language).strip()


@pytest.mark.parametrize(
    ("days", "english", "dutch"),
    [
        (3, "", ""),
        (20, "2 weeks later", "2 weken later"),
        (91, "3 months later", "3 maanden later"),
        (400, "13 months later", "13 maanden later"),
        (800, "2 years later", "2 jaar later"),
    ],
)
def test_a_gap_is_said_in_weeks_months_or_years_in_the_pages_language(
    days: int, english: str, dutch: str
) -> None:
    assert said(days, "en") == english
    assert said(days, "nl") == dutch
