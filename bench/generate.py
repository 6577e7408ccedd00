"""A realistic organisation at any scale, written in batches through the library.

Aggregates are built with the domain's own commands (so every event is a
real one) and saved many at a time with `app.save(*aggregates)`: one
transaction per batch instead of one per event.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from domain.dates import add_months
from domain.employee_cycles import EmployeeCycles
from domain.growth_cycle import GrowthCycle
from domain.person import EmailIndex, Person
from domain.vocabulary import Party
from service.actor import system_actor
from service.application import Groeispurt, attributed

TEAM_SIZE = 8
FUNCTIONS = ["Klantadviseur", "Beleidsmedewerker", "Ontwikkelaar", "Jurist", "Planner"]
SKILLS = [
    ("hard", "SQL"),
    ("hard", "Omgevingswet"),
    ("soft", "Feedback geven"),
    ("soft", "Presenteren"),
    ("hard", "Datavisualisatie"),
    ("soft", "Assertiviteit"),
]
BATCH = 200


STAMP = system_actor("benchmark data").attribution().record()


def generate(
    app: Groeispurt,
    *,
    target_events: int,
    moves_per_cycle: int = 20,
    seed: int = 7,
    progress: Callable[[int], Any] = lambda n: None,
) -> int:
    """Writes people and cycles until about `target_events` events exist; returns the count."""
    rng = random.Random(seed)
    written = 0
    pending: list[Any] = []
    manager: Person | None = None
    index = 0
    today = date(2026, 11, 23)

    def flush() -> None:
        nonlocal written
        if pending:
            # Stamped as Groeispurt's own work, like the demo's people.
            events = [attributed(e, STAMP) for a in pending for e in a.collect_events()]
            recordings = app.save(*events, *pending)
            written += len(recordings)
            progress(len(recordings))
            pending.clear()

    while written + sum(len(a.pending_events) for a in pending) < target_events:
        if index % TEAM_SIZE == 0:
            manager = _person(index, None, "Teamleider", f"Team {index // TEAM_SIZE}")
            pending += [manager, EmailIndex.claim(manager.email, manager.id)]
            index += 1
        assert manager is not None
        employee = _person(index, manager.id, rng.choice(FUNCTIONS), manager.team)
        pending += [employee, EmailIndex.claim(employee.email, employee.id)]
        index += 1
        cycles = EmployeeCycles.start(employee.id)
        start = today - timedelta(days=365 * 5)
        previous = None
        while start < today - timedelta(days=30):
            cycle = _cycle(rng, employee, manager, start, previous, moves_per_cycle, today)
            cycles.add(cycle.id)
            pending.append(cycle)
            previous = cycle.id
            start = add_months(start, 7)
        pending.append(cycles)
        if len(pending) >= BATCH:
            flush()
    flush()
    return written


def _person(index: int, manager_id: Any, function: str, team: str) -> Person:
    return Person.register(
        name=f"Persoon {index}",
        email=f"p{index}@bench.groeispurt.nl",
        function=function,
        team=team,
        manager_id=manager_id,
        start_date="2015-01-01",
    )


def _cycle(
    rng: random.Random,
    employee: Person,
    manager: Person,
    start: date,
    previous: Any,
    moves: int,
    today: date,
) -> GrowthCycle:
    cycle = GrowthCycle.open(
        employee_id=employee.id,
        manager_id=manager.id,
        planned_session_on=start,
        previous_cycle_id=previous,
    )
    kind, skill = rng.choice(SKILLS)
    answers = {kind: {"growth": [{"skill": skill, "why": "groeien", "actions": "cursus"}]}}
    cycle.submit_preparation(Party.EMPLOYEE, answers)
    cycle.submit_preparation(Party.MANAGER, answers)
    cards = [
        {"kind": k, "as_a": employee.function, "i_want_to": s, "in_order_to": "beter werk"}
        for kind in ("hard", "soft")
        for k, s in rng.sample([pair for pair in SKILLS if pair[0] == kind], 2)
    ]
    cycle.hold_session(held_on=start, notes="Goed gesprek", cards=cards)
    card_ids = list(cycle.cards)[:3]
    cycle.select_cards(card_ids)
    for _ in range(moves):
        cycle.move_card(
            rng.choice(card_ids), rng.choice(["todo", "doing", "done"]), rng.randint(0, 2)
        )
    deadline = max(add_months(start, 6), start).isoformat()
    plan = {
        "goals": [
            {"description": f"Beter in {skill}", "measure": "besproken", "deadline": deadline}
        ],
        "activities": [
            {"description": "Cursus", "type": "course", "form": "formal", "skill": skill}
        ],
    }
    cycle.write_plan(plan, today=start)
    cycle.approve_plan(Party.EMPLOYEE, 1)
    cycle.approve_plan(Party.MANAGER, 1)
    cycle.schedule_follow_up(months=6)
    if add_months(start, 6) < today:
        cycle.complete_follow_up(
            held_on=add_months(start, 6), went_well="veel geleerd", could_be_better="meer tijd"
        )
    return cycle
