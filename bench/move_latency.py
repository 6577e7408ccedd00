"""A card move on a young cycle against one on a long-lived cycle: snapshots keep them equal."""

from __future__ import annotations

import statistics
import time
from typing import Any

from service.actor import Actor, system_actor
from service.container import Services

ADMIN = system_actor("benchmark")


def _board(services: Services, tag: str) -> tuple[Actor, Any, list[str]]:
    app = services.app
    manager = app.register_person(
        ADMIN,
        name=f"M {tag}",
        email=f"m-{tag}@lat.nl",
        function="Lead",
        team="Lat",
        start_date="2020-01-01",
    )
    employee = app.register_person(
        ADMIN,
        name=f"E {tag}",
        email=f"e-{tag}@lat.nl",
        function="Dev",
        team="Lat",
        start_date="2020-01-01",
        manager_id=manager,
    )
    cycle = app.open_cycle(Actor(manager), employee_id=employee, planned_session_on="2026-12-01")
    cards = [
        {
            "kind": ("hard", "soft")[i // 2],
            "as_a": "dev",
            "i_want_to": f"s{i}",
            "in_order_to": "grow",
        }
        for i in range(4)
    ]
    app.hold_session(Actor(manager), cycle, held_on="2026-12-01", notes="", cards=cards)
    card_ids = [c["id"] for c in app._load_cycle(cycle).cards.values()][:3]
    app.select_cards(Actor(employee), cycle, card_ids)
    return Actor(employee), cycle, card_ids


def _moves(services: Services, actor: Actor, cycle: Any, card: str, count: int) -> list[float]:
    timings = []
    for i in range(count):
        started = time.perf_counter()
        services.app.move_card(
            actor, cycle, card_id=card, to_column=("doing", "todo")[i % 2], position=0
        )
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def move_latency(services: Services, samples: int = 200) -> dict[str, float]:
    """Median ms of a move (use case + save + read models caught up) at ~10 and ~1,000 events."""
    young_actor, young, young_cards = _board(services, "young")
    old_actor, old, old_cards = _board(services, "old")
    _moves(services, old_actor, old, old_cards[0], 1000)
    # Interleave the two so machine noise hits both alike.
    young_times: list[float] = []
    old_times: list[float] = []
    for _ in range(samples // 10):
        young_times += _moves(services, young_actor, young, young_cards[1], 10)
        old_times += _moves(services, old_actor, old, old_cards[1], 10)
        # Keep the young cycle young: start a fresh one when it has grown past ~20 events.
        if services.app._load_cycle(young).version > 20:
            young_actor, young, young_cards = _board(services, f"young{len(young_times)}")
    return {"young_ms": statistics.median(young_times), "old_ms": statistics.median(old_times)}
