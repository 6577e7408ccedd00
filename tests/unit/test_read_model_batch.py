"""A batch gives read models each event with its aggregate's id as text and its moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from bench.store_limits import young_cycle
from projections.read_model import Batch, utc_iso


def opened_and_moved() -> list[Any]:
    cycle = young_cycle()
    cycle.move_card(next(iter(cycle.cards)), "doing", 0)
    return list(cycle.collect_events())


def test_each_event_comes_with_its_aggregate_id_as_text_and_its_moment_in_utc() -> None:
    events = opened_and_moved()
    batch = Batch.of(list(range(11, 11 + len(events))), events)

    assert [(event, key, at) for event, key, at in batch] == [
        (event, str(event.originator_id), utc_iso(event.timestamp)) for event in events
    ]
    assert all(at.endswith("+00:00") and len(at) == 32 for _, _, at in batch)


def test_a_batch_after_a_position_holds_only_the_events_past_it() -> None:
    events = opened_and_moved()
    batch = Batch.of(list(range(11, 11 + len(events))), events)

    assert batch.after(10) is batch
    assert list(batch.after(12)) == list(batch)[2:]
    assert batch.after(12).ids == batch.ids[2:]
    assert len(batch.after(11 + len(events))) == 0


def test_a_moment_in_another_zone_is_written_in_utc() -> None:
    [opened, *_] = opened_and_moved()
    amsterdam = timezone(timedelta(hours=1))
    moment = datetime(2026, 12, 2, 15, 30, tzinfo=amsterdam)
    object.__setattr__(opened, "timestamp", moment)

    [(_, _, at)] = list(Batch.of([1], [opened]))

    assert at == "2026-12-02T14:30:00.000000+00:00"
    assert at == utc_iso(moment.astimezone(UTC))
