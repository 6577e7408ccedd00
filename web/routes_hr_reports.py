"""HR's training-needs report: people per skill, team or function, hard against soft.

The figures are those of the last closed month, with some left out so that
nobody can be picked out (see `projections.training_needs_disclosure`); the
page says which month, and why a number is missing.

The bar chart is SVG drawn on the server from the same numbers as the table
and the CSV download, so the three never disagree and no chart script runs
in the browser. Bars are coloured by classes in the stylesheet (the
Content-Security-Policy allows no inline style).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from projections.training_needs_disclosure import NeedGroup
from projections.training_needs_report import Period
from service.calls import in_thread
from web.rendering import current_actor, language_of, render, services_of, translate

GROUPINGS = ("skill", "team", "function")
KINDS = ("hard", "soft")
# Chart geometry in SVG user units; the SVG scales to the width it is given.
# The legend is above the SVG, in the page's text: the bars start near the top.
LABEL_WIDTH, BAR_AREA, BAR_HEIGHT, GAP, ROW_GAP, TOP = 220, 400, 14, 3, 14, 6


async def training_needs_page(request: Request) -> Response:
    actor = await current_actor(request)
    group_by = _grouping(request)
    report = await in_thread(services_of(request).queries.training_needs, actor, group_by)
    rows = _rows(report.groups)
    return render(
        request,
        "hr/training_needs.html",
        {
            "report": report,
            "group_by": group_by,
            "groupings": GROUPINGS,
            "rows": rows,
            "period": _period(report.period, language_of(request)),
            "chart": chart(
                rows, other=translate(request, "other"), hidden=translate(request, "hidden")
            ),
        },
    )


def _period(period: Period, language: str) -> dict[str, str]:
    """The month reported and the day the next one shows, as a reader says them."""
    return {
        "month": format_date(date.fromisoformat(period.start), "LLLL y", locale=language),
        "end": format_date(date.fromisoformat(period.end), "d MMMM y", locale=language),
        "next": format_date(date.fromisoformat(period.next_update), "d MMMM y", locale=language),
    }


async def training_needs_csv(request: Request) -> Response:
    actor = await current_actor(request)
    group_by = _grouping(request)
    report = await in_thread(services_of(request).queries.training_needs, actor, group_by)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            *("group_by", "group", "kind", "people", "people_wishing", "people_agreed"),
            *("activities", "support", "period_start", "period_end"),
        ]
    )
    period = report.period
    for g in report.groups:
        # A hidden count is an empty cell, never a guess.
        counts = (g.people, g.people_wishing, g.people_agreed)
        writer.writerow(
            [
                *(group_by, g.name, g.kind),
                *("" if n is None else n for n in counts),
                *(_counts(g.activities), _counts(g.support)),
                *(period.start, period.end),
            ]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="training-needs-by-{group_by}.csv"'},
    )


def _grouping(request: Request) -> str:
    group_by = request.query_params.get("group_by", "skill")
    return group_by if group_by in GROUPINGS else "skill"


def _counts(counts: dict[str, int]) -> str:
    return "; ".join(f"{k}={v}" for k, v in counts.items())


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One group name with its numbers per kind side by side."""

    name: str
    kinds: dict[str, NeedGroup]


def _rows(groups: list[NeedGroup]) -> list[GroupRow]:
    """One row per group name, in report order."""
    rows: dict[str, GroupRow] = {}
    for g in groups:
        rows.setdefault(g.name, GroupRow(g.name, {})).kinds[g.kind] = g
    return list(rows.values())


def chart(rows: list[GroupRow], *, other: str = "other", hidden: str = "hidden") -> dict[str, Any]:
    """Bars for hard and soft per group, as numbers the template turns into SVG; a hidden
    count gets no bar, only the word `hidden`."""
    counts = [g.people for row in rows for k in KINDS if (g := row.kinds.get(k))]
    most = max((n for n in counts if n), default=0)
    scale = BAR_AREA / most if most else 0
    bars, labels = [], []
    y = TOP
    for row in rows:
        name = other if row.name == "other" else row.name
        labels.append({"x": LABEL_WIDTH - 8, "y": y + BAR_HEIGHT + GAP / 2 + 4, "text": name})
        for i, kind in enumerate(KINDS):
            group = row.kinds.get(kind)
            people = group.people if group else None
            top = y + i * (BAR_HEIGHT + GAP)
            width = max(round(people * scale, 1), 1) if people else 0
            bars.append(
                {
                    "kind": kind,
                    "x": LABEL_WIDTH,
                    "y": top,
                    "width": width,
                    "height": BAR_HEIGHT,
                    "people": people,
                    # No text where the group has nobody of this kind (never a stray "0");
                    # "hidden" where it has people but their number may not show.
                    "value": hidden if people is None and group else str(people or ""),
                    "name": name,
                    "value_x": LABEL_WIDTH + width + 6,
                    "value_y": top + BAR_HEIGHT - 3,
                }
            )
        y += 2 * BAR_HEIGHT + GAP + ROW_GAP
    return {
        "width": LABEL_WIDTH + BAR_AREA + 90,
        "height": y + 4,
        "bars": bars,
        "labels": labels,
        "label_width": LABEL_WIDTH,
    }


routes = [
    Route("/hr/training-needs", training_needs_page, methods=["GET"]),
    Route("/hr/training-needs.csv", training_needs_csv, methods=["GET"]),
]
