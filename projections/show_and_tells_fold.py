"""Show & tells: per cycle, the day its employee shows the team what they grew, and its fold.

A row is made when a show & tell is first announced (or recorded with the
follow-up) and keeps the day the last event said; calling it off or
closing the cycle empties the day, so no list shows it. What is shown
(the cards made visible to the team) is read from the board when a list
is asked for: this read model knows days, never cards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.growth_cycle import GrowthCycle
from projections.read_model import Event


@dataclass(slots=True)
class ShowAndTellRow:
    cycle_id: str
    employee_id: str
    on: str | None  # ISO day; None: called off, or the cycle was closed


_FOLDED = (
    GrowthCycle.Opened,
    GrowthCycle.ShowAndTellPlanned,
    GrowthCycle.ShowAndTellCalledOff,
    GrowthCycle.FollowUpCompleted,
    GrowthCycle.Closed,
)


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    return {key for event, key, _ in batch if isinstance(event, _FOLDED[1:])}


def fold(
    rows: dict[str, ShowAndTellRow],
    batch: Iterable[tuple[Event, str, str]],
    employees: dict[str, str],
) -> dict[str, ShowAndTellRow]:
    """Folds events in log order into `rows` (the stored ones by cycle id); returns the rows
    that changed. `employees` holds whose cycle each one is: filled from the batch's
    `Opened` events and from the stored rows."""
    changed: dict[str, ShowAndTellRow] = {}
    for event, key, _ in batch:
        if isinstance(event, GrowthCycle.Opened):
            employees[key] = str(event.employee_id)
            continue
        day: str | None
        match event:
            case GrowthCycle.ShowAndTellPlanned():
                day = event.on.isoformat()
            case GrowthCycle.FollowUpCompleted() if event.show_and_tell_on is not None:
                day = event.show_and_tell_on.isoformat()
            case GrowthCycle.ShowAndTellCalledOff() | GrowthCycle.Closed():
                day = None
            case _:
                continue
        row = rows.get(key)
        if row is None:
            if day is None or key not in employees:
                continue
            row = rows[key] = ShowAndTellRow(key, employees[key], day)
        row.on = day
        changed[key] = row
    return changed
