"""A change that was saved, while the read models could not (yet) take it in.

`save_changes` raises `ReadModelsBehind` after the events are committed, when
bringing the read models up to them failed (a full disk, a database error) or
took too long. The change is in the log and the read models catch up later
(the follower pulls the log every second), so whoever answers the request
says it was saved: the pages with a notice, GraphQL with the changed object as
its own events say and a `READ_MODELS_CATCHING_UP` note. Never "nothing was
saved": a retry would then make the same change twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.utils import get_topic


class ReadModelsBehind(Exception):
    def __init__(self, notification_id: int, saved: Sequence[tuple[int, Any]]) -> None:
        super().__init__(
            f"Saved up to notification {notification_id}; the read models have not caught up."
        )
        self.notification_id = notification_id
        self.saved = list(saved)

    def saved_topics(self) -> tuple[tuple[str, str], ...]:
        """(aggregate id, event topic) of the first saved event of each aggregate."""
        first: dict[str, str] = {}
        for _, event in self.saved:
            first.setdefault(str(event.originator_id), get_topic(type(event)))
        return tuple(first.items())
