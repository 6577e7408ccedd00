"""Events as the runner hands them to a fold: a batch in log order, without a database.

    boards: dict[str, BoardDoc] = {}
    changes = board_fold.fold(boards, batch_of(events))

`stored` sends documents through JSON and back, as the storage adapter
writes and loads them between two batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from projections import audit_fold
from projections.audit import AuditRow, entry_of
from projections.json_text import compact_json, parse_json
from projections.read_model import Batch

T = TypeVar("T")


def batch_of(events: Sequence[Any], first_id: int = 1) -> Batch:
    return Batch.of(list(range(first_id, first_id + len(events))), events)


def stored(docs: dict[str, T]) -> dict[str, T]:
    """The documents as the next batch loads them: written as JSON and read back."""
    back: dict[str, T] = parse_json(compact_json(docs))
    return back


def trail_of(events: Sequence[Any]) -> list[AuditRow]:
    """The audit trail's rows of these events, each with its event's fields, as the
    trail reads them back from the log."""
    changes = audit_fold.fold({}, batch_of(events))
    return [entry_of(row, event) for row, event in zip(changes.rows, events, strict=True)]
