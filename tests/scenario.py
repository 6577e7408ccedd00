"""A small organisation and a full growth cycle, driven through the use cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.growth_cycle import GrowthCycle
from service.actor import Actor, Role
from service.application import Groeispurt

ADMIN = Actor(None, frozenset({Role.ADMIN}), system="test")
TODAY = date(2026, 11, 23)


def fixed_today() -> date:
    return TODAY


@dataclass
class Org:
    manager: UUID
    employee: UUID
    colleague: UUID

    @property
    def as_manager(self) -> Actor:
        return Actor(self.manager)

    @property
    def as_employee(self) -> Actor:
        return Actor(self.employee)


def small_org(app: Groeispurt) -> Org:
    manager = app.register_person(
        ADMIN,
        name="Mia Manager",
        email="mia@example.nl",
        function="Teamlead",
        team="Web",
        start_date="2019-03-01",
    )
    employee = app.register_person(
        ADMIN,
        name="Eva Employee",
        email="eva@example.nl",
        function="Developer",
        team="Web",
        start_date="2022-09-01",
        manager_id=manager,
    )
    colleague = app.register_person(
        ADMIN,
        name="Cas Colleague",
        email="cas@example.nl",
        function="Developer",
        team="Web",
        start_date="2023-01-01",
        manager_id=manager,
    )
    return Org(manager, employee, colleague)


PREPARATION = {
    "hard": {
        "needed": ["Python", "SQL"],
        "strengths": ["Python"],
        "untapped": ["Event sourcing"],
        "growth": [
            {"skill": "SQL", "why": "faster reports", "actions": "course", "support": "time"}
        ],
    },
    "soft": {"growth": [{"skill": "Giving feedback", "why": "better reviews"}]},
    "going_well": "Code reviews",
    "could_be_better": "Estimating",
    "development_phase": "vakvolwassen",
    "ambitions": "Tech lead in two years",
}

# The same answers as GraphQL takes them: camelCase keys, the phase as an enum value.
PREPARATION_ANSWERS = {
    "hard": PREPARATION["hard"],
    "soft": PREPARATION["soft"],
    "goingWell": "Code reviews",
    "couldBeBetter": "Estimating",
    "developmentPhase": "VAKVOLWASSEN",
    "ambitions": "Tech lead in two years",
}

CARD = {
    "kind": "hard",
    "as_a": "developer",
    "i_want_to": "write efficient SQL",
    "in_order_to": "build reports faster",
    "actions": "SQL course",
    "support": "two hours a week",
}

PLAN = {
    "goals": [
        {
            "description": "Write the monthly report query",
            "measure": "runs under 1 s",
            "deadline": "2027-03-01",
        },
    ],
    "activities": [{"description": "SQL course", "type": "course", "form": "formal"}],
    "support": [{"kind": "time", "description": "two hours a week"}],
}


def four_cards(**first: Any) -> list[dict[str, Any]]:
    """The session's four candidate cards (seed 000): two hard skills, then two soft."""
    cards = [dict(CARD, i_want_to=f"skill {i}", kind=("hard", "soft")[i // 2]) for i in range(4)]
    cards[0].update(first)
    return cards


def cycle_on_board(app: Groeispurt, org: Org) -> tuple[UUID, list[str]]:
    """Opens a cycle and brings it to three cards on the board; returns its id and the card ids."""
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    app.submit_preparation(org.as_employee, cycle_id, PREPARATION)
    app.submit_preparation(org.as_manager, cycle_id, PREPARATION)
    app.hold_session(
        org.as_manager, cycle_id, held_on="2026-12-01", notes="Good talk", cards=four_cards()
    )
    card_ids: list[str] = list(load_cycle(app, cycle_id).cards)[:3]
    app.select_cards(org.as_employee, cycle_id, card_ids)
    return cycle_id, card_ids


def full_cycle(app: Groeispurt, org: Org) -> UUID:
    cycle_id, card_ids = cycle_on_board(app, org)
    app.move_card(org.as_employee, cycle_id, card_id=card_ids[0], to_column="doing", position=0)
    app.move_card(org.as_employee, cycle_id, card_id=card_ids[0], to_column="done", position=0)
    app.write_plan(org.as_manager, cycle_id, PLAN)
    app.approve_plan(org.as_employee, cycle_id, 1)
    app.approve_plan(org.as_manager, cycle_id, 1)
    app.schedule_follow_up(org.as_manager, cycle_id, months=3)
    app.complete_follow_up(
        org.as_employee, cycle_id, held_on="2027-03-01", went_well="SQL", could_be_better="Time"
    )
    return cycle_id


def load_cycle(app: Groeispurt, cycle_id: UUID) -> GrowthCycle:
    """The cycle as the event store has it (tests check the write side directly)."""
    cycle: object = app.repository.get(cycle_id)
    assert isinstance(cycle, GrowthCycle)
    return cycle
