"""The store's own limits: what the eventsourcing library does with no HTTP, no GraphQL, no projections."""

from __future__ import annotations

import time
from uuid import uuid4

from domain.growth_cycle import GrowthCycle
from service.application import Groeispurt


def young_cycle() -> GrowthCycle:
    """A new cycle (not saved) with three cards in To do."""
    cycle = GrowthCycle.open(
        employee_id=uuid4(), manager_id=uuid4(), planned_session_on="2026-12-01"
    )
    cards = [
        {
            "kind": ("hard", "soft")[i // 2],
            "as_a": "dev",
            "i_want_to": f"skill {i}",
            "in_order_to": "grow",
        }
        for i in range(4)
    ]
    cycle.hold_session(held_on="2026-12-01", notes="", cards=cards)
    cycle.select_cards(list(cycle.cards)[:3])
    return cycle


def cycle_on_board(app: Groeispurt) -> tuple[GrowthCycle, list[str]]:
    cycle = young_cycle()
    app.save(cycle)
    return cycle, list(cycle.cards)


def raw_get_append_save_rate(app: Groeispurt, seconds: float = 3.0) -> float:
    """Events per second of get → move a card → save on one aggregate, the library's limit.

    Loads through the application's repository, as a move over HTTP does (it
    replays without the library's per-event protocol check, `service/replay.py`),
    so the ratio of moves to this rate counts only what HTTP, GraphQL and the
    read models add.
    """
    cycle, card_ids = cycle_on_board(app)
    columns = ["doing", "todo"]
    count = 0
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    while time.perf_counter() < deadline:
        loaded: object = app.repository.get(cycle.id)
        assert isinstance(loaded, GrowthCycle)
        loaded.move_card(card_ids[0], columns[count % 2], 0)
        app.save(loaded)
        count += 1
    return count / (time.perf_counter() - started)


def raw_log_read_rate(app: Groeispurt, batch: int = 1000) -> tuple[int, float]:
    """Events per second of reading the whole notification log and decoding each event."""
    start, read = 1, 0
    started = time.perf_counter()
    while True:
        notifications = app.recorder.select_notifications(start=start, limit=batch)
        if not notifications:
            break
        for notification in notifications:
            app.mapper.to_domain_event(notification)
        read += len(notifications)
        start = notifications[-1].id + 1
    return read, read / (time.perf_counter() - started)
