"""HR's training-needs report: counts per skill, team or function, hard against soft.

The bar chart is SVG drawn on the server from the same numbers as the table
and the CSV download, so the three never disagree and no chart script runs
in the browser. Bars are coloured by classes in the stylesheet (the
Content-Security-Policy allows no inline style).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from service.calls import in_thread
from web.rendering import current_actor, render, services_of, translate

GROUPINGS = ("skill", "team", "function")
KINDS = ("hard", "soft")
# Chart geometry in SVG user units; the SVG scales to the width it is given.
LABEL_WIDTH, BAR_AREA, BAR_HEIGHT, GAP, ROW_GAP, TOP = 220, 400, 14, 3, 14, 28


async def training_needs_page(request: Request) -> Response:
    actor = await current_actor(request)
    group_by = _grouping(request)
    report = await in_thread(services_of(request).queries.training_needs, actor, group_by)
    rows = _rows(report["groups"])
    return render(
        request,
        "hr/training_needs.html",
        {
            "report": report,
            "group_by": group_by,
            "groupings": GROUPINGS,
            "rows": rows,
            "chart": chart(rows, other=translate(request, "other")),
        },
    )


async def training_needs_csv(request: Request) -> Response:
    actor = await current_actor(request)
    group_by = _grouping(request)
    report = await in_thread(services_of(request).queries.training_needs, actor, group_by)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            *("group_by", "group", "kind", "people", "people_wishing", "people_agreed"),
            *("activities", "support"),
        ]
    )
    for g in report["groups"]:
        writer.writerow(
            [
                *(group_by, g["name"], g["kind"]),
                *(g["people"], g["people_wishing"], g["people_agreed"]),
                *(_counts(g["activities"]), _counts(g["support"])),
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


def _rows(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per group name with its hard and soft numbers side by side, in report order."""
    rows: dict[str, dict[str, Any]] = {}
    for g in groups:
        row = rows.setdefault(g["name"], {"name": g["name"], "kinds": {}})
        row["kinds"][g["kind"]] = g
    return list(rows.values())


def chart(rows: list[dict[str, Any]], *, other: str = "other") -> dict[str, Any]:
    """Bars for hard and soft per group, as numbers the template turns into SVG."""
    most = max((row["kinds"].get(k, {}).get("people", 0) for row in rows for k in KINDS), default=0)
    scale = BAR_AREA / most if most else 0
    bars, labels = [], []
    y = TOP
    for row in rows:
        name = other if row["name"] == "other" else row["name"]
        labels.append({"x": LABEL_WIDTH - 8, "y": y + BAR_HEIGHT + GAP / 2 + 4, "text": name})
        for i, kind in enumerate(KINDS):
            people = row["kinds"].get(kind, {}).get("people", 0)
            top = y + i * (BAR_HEIGHT + GAP)
            width = max(round(people * scale, 1), 1 if people else 0)
            bars.append(
                {
                    "kind": kind,
                    "x": LABEL_WIDTH,
                    "y": top,
                    "width": width,
                    "height": BAR_HEIGHT,
                    "people": people,
                    "name": name,
                    "value_x": LABEL_WIDTH + width + 6,
                    "value_y": top + BAR_HEIGHT - 3,
                }
            )
        y += 2 * BAR_HEIGHT + GAP + ROW_GAP
    return {
        "width": LABEL_WIDTH + BAR_AREA + 40,
        "height": y + 4,
        "bars": bars,
        "labels": labels,
        "legend_y": 12,
        "label_width": LABEL_WIDTH,
    }


routes = [
    Route("/hr/training-needs", training_needs_page, methods=["GET"]),
    Route("/hr/training-needs.csv", training_needs_csv, methods=["GET"]),
]
