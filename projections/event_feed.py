"""The change feed: the audit trail's rows after a position in the log, as a reader may see them.

An integrator syncs by asking for the events after the last one it has,
again and again. The trail's rows are keyed by their events' notification
ids and the runner applies the log in order, one transaction per batch, so
the rows a reader finds are always a prefix of the log: paging by position
(keyset) neither repeats nor skips an event while others are written. Who
may see which rows is decided by the service (`FeedScope`); the query here
only applies it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from projections.audit import AuditPage, EventLog, select_with_changes
from projections.database import Database
from projections.storage import placeholders

# An event class as the trail names it: (aggregate, event), e.g. ("GrowthCycle", "CardMoved").
Kind = tuple[str, str]
LARGEST_PAGE = 1000


@dataclass(frozen=True)
class FeedScope:
    """Which rows of the trail a reader may see: all, or those that concern the people
    named, the cycles named, or an aggregate of the types named; never `hidden` kinds."""

    everything: bool = False
    employees: frozenset[str] = frozenset()
    cycles: frozenset[str] = frozenset()
    aggregates: frozenset[str] = frozenset()
    hidden: frozenset[Kind] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.employees or self.cycles or self.aggregates)


def list_feed(
    database: Database,
    log: EventLog,
    scope: FeedScope,
    *,
    after: int = 0,
    limit: int = 100,
    kinds: Collection[Kind] = (),
) -> AuditPage:
    """Up to `limit` rows after position `after` (exclusive), in log order, with their
    events' fields; `kinds`: only these event classes (all when empty)."""
    limit = max(1, min(int(limit), LARGEST_PAGE))
    if scope.is_empty:
        return AuditPage(rows=[], next_after=None)
    where = ["a.seq > ?"]
    params: list[object] = [int(after)]
    if not scope.everything:
        seen = []
        for column, values in (
            ("a.employee_id", scope.employees),
            ("a.cycle_id", scope.cycles),
            ("a.aggregate", scope.aggregates),
        ):
            if values:
                seen.append(f"{column} IN ({placeholders(len(values))})")
                params += sorted(values)
        where.append(f"({' OR '.join(seen)})")
    for aggregate, name in sorted(scope.hidden):
        where.append("NOT (a.aggregate = ? AND a.kind = ?)")
        params += [aggregate, name]
    if kinds:
        chosen = sorted(set(kinds))
        where.append("(" + " OR ".join("(a.aggregate = ? AND a.kind = ?)" for _ in chosen) + ")")
        params += [part for kind in chosen for part in kind]
    rows = select_with_changes(
        database, log, f"{' AND '.join(where)} ORDER BY a.seq LIMIT ?", [*params, limit + 1]
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return AuditPage(rows=rows, next_after=rows[-1].seq if more else None)
