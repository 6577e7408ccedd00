"""Given events, when a command, then the events it records.

    cycle = given(session_held(), cards_selected())
    then = when(cycle, lambda c: c.move_card(card(c, 0), "doing", 0))
    assert then == ["CardMoved"]

`given` replays the steps and collects their events, so `when` sees only what
the command under test records. `refused` checks that a command raises and
records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.domain import Aggregate

from domain.errors import DomainError
from domain.growth_cycle import GrowthCycle
from domain.vocabulary import Party

Step = Callable[[GrowthCycle], Any]

EMPLOYEE = UUID("00000000-0000-4000-8000-00000000000e")
MANAGER = UUID("00000000-0000-4000-8000-00000000000a")
PLANNED = date(2026, 12, 1)
SESSION_DAY = date(2026, 12, 1)
TODAY = date(2026, 11, 23)

PREPARATION: dict[str, Any] = {
    "hard": {
        "needed": ["Python", "SQL"],
        "strengths": ["Python"],
        "untapped": ["Event sourcing"],
        "growth": [{"skill": "SQL", "why": "faster reports", "actions": "course"}],
    },
    "soft": {"growth": [{"skill": "Giving feedback", "why": "better reviews"}]},
    "going_well": "Code reviews",
    "could_be_better": "Estimating",
    "development_phase": "vakvolwassen",
    "ambitions": "Tech lead in two years",
}

CARD: dict[str, Any] = {
    "kind": "hard",
    "as_a": "developer",
    "i_want_to": "write efficient SQL",
    "in_order_to": "build reports faster",
    "actions": "SQL course",
    "support": "two hours a week",
}

GOAL: dict[str, Any] = {
    "description": "Write the monthly report query",
    "measure": "runs under 1 s",
    "deadline": "2027-03-01",
}

PLAN: dict[str, Any] = {
    "goals": [GOAL],
    "activities": [{"description": "SQL course", "type": "course", "form": "formal"}],
    "support": [{"kind": "time", "description": "two hours a week"}],
}


def cards(count: int = 4) -> list[dict[str, Any]]:
    """`count` candidate cards, hard ones first, then soft: four are two of each."""
    return [
        dict(CARD, i_want_to=f"skill {i}", kind="hard" if i < 2 else "soft") for i in range(count)
    ]


def plan_with(**goal: Any) -> dict[str, Any]:
    """PLAN with its one goal changed; a value of None leaves the field out."""
    changed = {k: v for k, v in {**GOAL, **goal}.items() if v is not None}
    return dict(PLAN, goals=[changed])


# -- steps ---------------------------------------------------------------------


def draft_saved(party: Party, answers: Any = None) -> Step:
    return lambda c: c.save_preparation_draft(party, PREPARATION if answers is None else answers)


def prepared(party: Party, answers: Any = None) -> Step:
    return lambda c: c.submit_preparation(party, PREPARATION if answers is None else answers)


def session_held(count: int = 4, held_on: Any = SESSION_DAY) -> Step:
    return lambda c: c.hold_session(held_on=held_on, notes="Good talk", cards=cards(count))


def cards_selected(count: int = 3) -> Step:
    return lambda c: c.select_cards(card_ids(c)[:count])


def card_moved(index: int, to_column: str, position: int = 0) -> Step:
    return lambda c: c.move_card(card_ids(c)[index], to_column, position)


def plan_written(plan: Any = None) -> Step:
    return lambda c: c.write_plan(PLAN if plan is None else plan, today=TODAY)


def plan_approved(party: Party, version: int = 1) -> Step:
    return lambda c: c.approve_plan(party, version)


def follow_up_scheduled(months: int = 3) -> Step:
    return lambda c: c.schedule_follow_up(months=months)


def follow_up_completed(held_on: Any = "2027-03-01") -> Step:
    return lambda c: c.complete_follow_up(held_on=held_on, went_well="SQL", could_be_better="Time")


def closed(reason: str = "Left the company") -> Step:
    return lambda c: c.close(reason)


ON_BOARD: tuple[Step, ...] = (
    prepared(Party.EMPLOYEE),
    prepared(Party.MANAGER),
    session_held(),
    cards_selected(),
)
AGREED: tuple[Step, ...] = (
    *ON_BOARD,
    plan_written(),
    plan_approved(Party.EMPLOYEE),
    plan_approved(Party.MANAGER),
)


# -- given / when / then -------------------------------------------------------


def open_cycle(**overrides: Any) -> GrowthCycle:
    details: dict[str, Any] = {
        "employee_id": EMPLOYEE,
        "manager_id": MANAGER,
        "planned_session_on": PLANNED,
    }
    return GrowthCycle.open(**{**details, **overrides})


def history(*steps: Step) -> tuple[GrowthCycle, list[Aggregate.Event]]:
    """The cycle after the steps, with every event it recorded (Opened first)."""
    cycle = open_cycle()
    for step in steps:
        step(cycle)
    return cycle, list(cycle.collect_events())  # type: ignore[arg-type]


def given(*steps: Step) -> GrowthCycle:
    """A cycle whose given events are already collected: only new ones remain."""
    return history(*steps)[0]


def when_events(cycle: GrowthCycle, command: Step) -> list[Any]:
    command(cycle)
    return list(cycle.collect_events())


def when(cycle: GrowthCycle, command: Step) -> list[str]:
    """The class names of the events the command records, in order."""
    return [type(event).__name__ for event in when_events(cycle, command)]


def refused(
    cycle: GrowthCycle, command: Step, error: type[DomainError] = DomainError
) -> DomainError:
    """Asserts the command raises `error` and records nothing; returns the error."""
    with pytest.raises(error) as raised:
        command(cycle)
    assert cycle.collect_events() == []
    return raised.value


def card_ids(cycle: GrowthCycle) -> list[str]:
    return list(cycle.cards)


def card(cycle: GrowthCycle, index: int) -> str:
    return card_ids(cycle)[index]


def replay(events: list[Any]) -> GrowthCycle:
    cycle: GrowthCycle = events[0].mutate(None)
    for event in events[1:]:
        cycle = event.mutate(cycle)
    return cycle


def state(aggregate: Aggregate) -> dict[str, Any]:
    return {k: v for k, v in vars(aggregate).items() if k != "_pending_events"}
