"""Loading aggregates without the library's per-event protocol check.

The library's `project_aggregate` asserts `isinstance(event,
CanMutateProtocol)` before applying each event. On Python 3.11 a check
against a runtime protocol walks the protocol's attributes every time, a
large part of loading a growth cycle from its latest snapshot and the
events after it (BENCHMARKS.md says how large). Every event of ours is the
library's own aggregate event class, which has `mutate`, so the check can
never fail here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventsourcing.application import Repository


def replay(aggregate: Any, events: Iterable[Any]) -> Any:
    """Applies events in order to an aggregate (None before its first event)."""
    for event in events:
        aggregate = event.mutate(aggregate)
    return aggregate


class ReplayingRepository(Repository[Any]):
    """The library's repository, replaying with `replay` unless told otherwise."""

    def get(self, aggregate_id: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("projector_func", replay)
        return super().get(aggregate_id, *args, **kwargs)
