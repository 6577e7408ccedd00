"""Real domain events, stamped at chosen moments, folded into the training-needs read model.

    needs = NeedsLog(tmp_path)
    ann = needs.person("Sales", "Adviseur", at=OCTOBER)
    needs.wishes(ann, hard=["SQL"], soft=["Presenting"], at=OCTOBER)
    report = needs.report("team", today=DECEMBER)

The events are the aggregates' own (`Person.register`, `GrowthCycle.open`,
`submit_preparation`, …); only their timestamps are set, as if recorded then.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.growth_cycle import GrowthCycle
from domain.person import Person
from domain.vocabulary import Party
from projections.database import SQLiteDatabase
from projections.read_model import Batch
from projections.training_needs import TrainingNeedsReadModel, get_training_needs
from tests.unit.given import CARD, GOAL, MANAGER

OCTOBER = datetime(2026, 10, 12, 9, 0, tzinfo=UTC)
NOVEMBER = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
DECEMBER = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
IN_DECEMBER = date(2026, 12, 4)  # reports the closed month: November
IN_JANUARY = date(2027, 1, 5)  # reports December


class NeedsLog:
    def __init__(self, folder: Path) -> None:
        self.database = SQLiteDatabase(str(folder / "needs.db"))
        self.model = TrainingNeedsReadModel()
        self.database.script(self.model.schema)
        self.position = 0
        self.recorded: list[Any] = []  # every event folded, in order
        self.people: dict[UUID, Person] = {}
        self.cycles: dict[UUID, GrowthCycle] = {}
        self._count = 0

    def close(self) -> None:
        self.database.close()

    def fold(self, aggregate: Aggregate, at: datetime) -> None:
        events = list(aggregate.collect_events())
        for event in events:
            object.__setattr__(event, "timestamp", at)
        self.recorded += events
        ids = list(range(self.position + 1, self.position + 1 + len(events)))
        self.position += len(events)
        with self.database.transaction(durable=False) as cursor:
            self.model.apply(cursor, Batch.of(ids, events))

    # -- people --------------------------------------------------------------

    def person(self, team: str, function: str, at: datetime = OCTOBER) -> UUID:
        self._count += 1
        person = Person.register(
            name=f"Person {self._count}",
            email=f"p{self._count}@example.nl",
            function=function,
            team=team,
            start_date="2024-01-01",
        )
        self.people[person.id] = person
        self.fold(person, at)
        return person.id

    def group(self, count: int, team: str, function: str = "Adviseur") -> list[UUID]:
        return [self.person(team, function) for _ in range(count)]

    def change_team(self, person_id: UUID, team: str, at: datetime) -> None:
        person = self.people[person_id]
        person.change_team(team)
        self.fold(person, at)

    # -- cycles --------------------------------------------------------------

    def wishes(
        self,
        employee: UUID,
        hard: Sequence[str] = (),
        soft: Sequence[str] = (),
        at: datetime = OCTOBER,
    ) -> UUID:
        """Opens a cycle whose employee submits a preparation naming these skills."""
        cycle = GrowthCycle.open(
            employee_id=employee, manager_id=MANAGER, planned_session_on="2026-12-20"
        )
        self.cycles[cycle.id] = cycle
        cycle.submit_preparation(Party.EMPLOYEE, _answers(hard, soft))
        self.fold(cycle, at)
        return cycle.id

    def resubmit(
        self, cycle_id: UUID, hard: Sequence[str], soft: Sequence[str], at: datetime
    ) -> None:
        cycle = self.cycles[cycle_id]
        cycle.submit_preparation(Party.EMPLOYEE, _answers(hard, soft))
        self.fold(cycle, at)

    def agree(self, cycle_id: UUID, activities: list[tuple[str, str]], at: datetime) -> None:
        """Session, three cards, a POP with these (type, skill) activities approved by both,
        all recorded at `at`."""
        cycle = self.cycles[cycle_id]
        cards = [dict(CARD, i_want_to=f"card {i}") for i in range(4)]
        cycle.hold_session(held_on="2026-12-01", notes="", cards=cards)
        cycle.select_cards(list(cycle.cards)[:3])
        plan = {
            "goals": [GOAL],
            "activities": [
                {"description": t, "type": t, "form": "formal", "skill": s} for t, s in activities
            ],
            "support": [{"kind": "time", "description": "two hours a week"}],
        }
        cycle.write_plan(plan, today=date(2026, 10, 1))
        cycle.approve_plan(Party.EMPLOYEE, 1)
        cycle.approve_plan(Party.MANAGER, 1)
        self.fold(cycle, at)

    def report(self, group_by: str, k: int = 5, today: date = IN_DECEMBER) -> dict[str, Any]:
        return get_training_needs(self.database, group_by, min_group_size=k, today=today)


def _answers(hard: Sequence[str], soft: Sequence[str]) -> dict[str, Any]:
    return {
        "hard": {"growth": [{"skill": s} for s in hard]},
        "soft": {"growth": [{"skill": s} for s in soft]},
    }


def numbers(report: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    """Every number a report publishes, keyed by (group, kind, measure), balance included."""
    published: dict[tuple[str, str, str], Any] = {}
    for g in report["groups"]:
        for measure in ("people", "people_wishing", "people_agreed"):
            published[(g["name"], g["kind"], measure)] = g[measure]
        for part in ("activities", "support"):
            for detail, n in g[part].items():
                published[(g["name"], g["kind"], f"{part}:{detail}")] = n
    for measure, value in report["hard_soft_balance"].items():
        published[("balance", "", measure)] = value
    return published


def people(report: dict[str, Any], name: str, kind: str) -> Any:
    """A group's people, or None when the report has no such group."""
    return next(
        (g["people"] for g in report["groups"] if (g["name"], g["kind"]) == (name, kind)), None
    )
