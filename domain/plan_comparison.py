"""Two versions of a POP side by side: each goal, activity and support promise in a row.

A row holds an item as the older version has it and as the newer one does:
the same in both, changed (the same goal, activity or kind of support with
other details), only in the newer one (added) or only in the older one
(removed). An item is recognised by what it is about: a goal and an activity
by their description, a support promise by its kind; a goal whose
description was reworded is one removed and one added.

Rows follow the newer version's order; a removed item stands after the item
it followed in the older version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from domain.plan import Activity, Goal, Plan, SupportPromise

Item = TypeVar("Item", Goal, Activity, SupportPromise)


class Change(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Row(Generic[Item]):
    change: Change
    old: Item | None  # None: added
    new: Item | None  # None: removed
    changed: frozenset[str] = field(default_factory=frozenset)  # the details that differ


@dataclass(frozen=True, slots=True)
class PlanComparison:
    goals: list[Row[Goal]]
    activities: list[Row[Activity]]
    support: list[Row[SupportPromise]]

    def count(self, change: Change | str) -> int:
        rows: list[Sequence[Row[Goal] | Row[Activity] | Row[SupportPromise]]]
        rows = [self.goals, self.activities, self.support]
        return sum(1 for part in rows for row in part if row.change == change)

    @property
    def differs(self) -> bool:
        return any(self.count(c) for c in (Change.CHANGED, Change.ADDED, Change.REMOVED))


def compare_versions(old: Plan, new: Plan) -> PlanComparison:
    # What recognises an item, and the details compared once it is recognised.
    return PlanComparison(
        goals=_rows(old["goals"], new["goals"], _description, ("measure", "deadline")),
        activities=_rows(
            old["activities"], new["activities"], _description, ("type", "form", "skill")
        ),
        support=_rows(old["support"], new["support"], _kind, ("description",)),
    )


def _description(item: Goal | Activity) -> str:
    return item["description"]


def _kind(item: SupportPromise) -> str:
    return item["kind"]


def _rows(
    old: list[Item], new: list[Item], key: Callable[[Item], str], details: tuple[str, ...]
) -> list[Row[Item]]:
    match = _match(old, new, key)
    matched_old = {i: j for j, i in match.items()}
    rows: list[Row[Item]] = []
    removed_before: list[Row[Item]] = []  # removed items that no kept item precedes
    after: dict[int, list[Row[Item]]] = {}  # new position → removed items that follow it
    for i, item in enumerate(old):
        if i in matched_old:
            continue
        preceding = [matched_old[k] for k in range(i) if k in matched_old]
        place = after.setdefault(preceding[-1], []) if preceding else removed_before
        place.append(Row(Change.REMOVED, item, None))
    rows += removed_before
    for j, item in enumerate(new):
        if j in match:
            was = old[match[j]]
            changed = frozenset(d for d in details if was.get(d, "") != item.get(d, ""))
            rows.append(Row(Change.CHANGED if changed else Change.SAME, was, item, changed))
        else:
            rows.append(Row(Change.ADDED, None, item))
        rows += after.get(j, [])
    return rows


def _match(old: list[Item], new: list[Item], key: Callable[[Item], str]) -> dict[int, int]:
    """Which older item each newer item is (new index → old index): an identical one
    first, then one about the same thing."""
    free = set(range(len(old)))
    match: dict[int, int] = {}
    for same in (lambda a, b: a == b, lambda a, b: key(a) == key(b)):
        for j, item in enumerate(new):
            if j in match:
                continue
            found = next((i for i in sorted(free) if same(old[i], item)), None)
            if found is not None:
                match[j] = found
                free.discard(found)
    return match
