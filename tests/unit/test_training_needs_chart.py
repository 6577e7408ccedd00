"""The training-needs chart: an empty bar prints nothing, a hidden one says so, and the
legend is page text above the bars rather than SVG text that could run into them."""

from __future__ import annotations

from pathlib import Path

from projections.training_needs_disclosure import NeedGroup
from web.routes_hr_reports import TOP, GroupRow, chart


def _group(name: str, kind: str, people: int | None) -> NeedGroup:
    return NeedGroup(name, kind, people, people, 0, {}, {})


def test_a_kind_nobody_in_the_group_has_gets_no_bar_and_no_stray_zero() -> None:
    rows = [
        GroupRow("SQL", {"hard": _group("SQL", "hard", 11), "soft": _group("SQL", "soft", 0)}),
        GroupRow("Presenting", {"soft": _group("Presenting", "soft", 7)}),
    ]
    bars = chart(rows)["bars"]
    values = [(b["name"], b["kind"], b["value"], b["width"]) for b in bars]
    assert values == [
        ("SQL", "hard", "11", 400),
        ("SQL", "soft", "", 0),
        ("Presenting", "hard", "", 0),
        ("Presenting", "soft", str(7), round(7 * 400 / 11, 1)),
    ]


def test_a_hidden_count_says_hidden_and_draws_no_bar() -> None:
    (hard, _) = chart(
        [GroupRow("Legal", {"hard": _group("Legal", "hard", None)})], hidden="verborgen"
    )["bars"]
    assert (hard["value"], hard["width"]) == ("verborgen", 0)


def test_the_bars_start_below_nothing_but_their_own_margin_and_the_legend_is_page_text() -> None:
    first = chart([GroupRow("SQL", {"hard": _group("SQL", "hard", 5)})])["bars"][0]
    assert first["y"] == TOP
    template = Path(__file__).parents[2] / "web" / "templates" / "hr" / "training_needs.html"
    svg = template.read_text(encoding="utf-8").split("<svg", 1)[1].split("</svg>", 1)[0]
    assert '_("hard skills")' not in svg  # no legend inside the SVG
    assert 'class="chart-legend"' in template.read_text(encoding="utf-8")
