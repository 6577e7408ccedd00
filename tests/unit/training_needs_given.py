"""Real domain events, stamped at chosen moments, folded into the training-needs read model.

    needs = NeedsLog()
    ann = needs.person("Sales", "Adviseur", at=OCTOBER)
    needs.wishes(ann, hard=["SQL"], soft=["Presenting"], at=OCTOBER)
    report = needs.report("team", today=DECEMBER)

The events are the aggregates' own (`Person.register`, `GrowthCycle.open`,
`submit_preparation`, …); only their timestamps are set, as if recorded then.
They are folded without a database: `NeedsLog` keeps what the storage
adapter would write (`projections.training_needs`) in memory, and reads the
report of a month from it as the adapter's query does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.growth_cycle import GrowthCycle
from domain.person import Person
from domain.vocabulary import Party
from projections import training_needs_fold
from projections.training_needs import check_grouping, month_of
from projections.training_needs_fold import CycleNeeds, FactRow
from projections.training_needs_report import TrainingNeedsReport, report
from tests.unit.folding import batch_of, stored
from tests.unit.given import CARD, GOAL, MANAGER

OCTOBER = datetime(2026, 10, 12, 9, 0, tzinfo=UTC)
NOVEMBER = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
DECEMBER = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
IN_DECEMBER = date(2026, 12, 4)  # reports the closed month: November
IN_JANUARY = date(2027, 1, 5)  # reports December


class NeedsStore:
    """What the storage adapter keeps, in memory: each cycle's state, the fact rows and
    the rows of people's team and function."""

    def __init__(self) -> None:
        self.cycles: dict[str, CycleNeeds] = {}
        self.latest: dict[str, list[str]] = {}  # person → [team, function] now
        self.facts: list[FactRow] = []
        self.where: dict[tuple[str, str], list[str]] = {}  # (person, from) → [team, function]
        self.position = 0

    def apply(self, events: Sequence[Any]) -> None:
        """One batch, as the runner hands it over; what the batch before wrote is read
        back as JSON, as the adapter loads it."""
        self.cycles = stored(self.cycles)
        changes = training_needs_fold.fold(
            self.cycles, self.latest, batch_of(events, self.position + 1)
        )
        self.position += len(events)
        self.where.update(changes.people)
        for at, cycle_id in changes.ended:
            for fact in self.facts:
                if fact.cycle_id == cycle_id and fact.valid_until is None:
                    fact.valid_until = at
        self.facts += changes.facts

    def report(self, group_by: str, k: int, today: date) -> TrainingNeedsReport:
        check_grouping(group_by)
        as_of, period = month_of(today)
        facts = [
            dict(
                zip(("source", "kind", "skill_key", "skill", "detail"), f.fields, strict=True),
                person_id=f.person_id,
            )
            for f in self.facts
            if f.valid_from < as_of and (f.valid_until is None or f.valid_until >= as_of)
        ]
        where = {
            person: (team, function)
            for (person, since), (team, function) in sorted(self.where.items())
            if since < as_of
        }
        return report(facts, where, group_by, k, period)


class NeedsLog:
    def __init__(self) -> None:
        self.store = NeedsStore()
        self.recorded: list[Any] = []  # every event folded, in order
        self.saves: list[list[Any]] = []  # the same, per save
        self.people: dict[UUID, Person] = {}
        self.cycles: dict[UUID, GrowthCycle] = {}
        self._count = 0

    def fold(self, aggregate: Aggregate, at: datetime) -> None:
        events = list(aggregate.collect_events())
        for event in events:
            object.__setattr__(event, "timestamp", at)
        self.recorded += events
        self.saves.append(events)
        self.store.apply(events)

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
        cards = [dict(CARD, i_want_to=f"card {i}", kind=("hard", "soft")[i // 2]) for i in range(4)]
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

    def report(self, group_by: str, k: int = 5, today: date = IN_DECEMBER) -> TrainingNeedsReport:
        return self.store.report(group_by, k, today)


def _answers(hard: Sequence[str], soft: Sequence[str]) -> dict[str, Any]:
    return {
        "hard": {"growth": [{"skill": s} for s in hard]},
        "soft": {"growth": [{"skill": s} for s in soft]},
    }


def numbers(report: TrainingNeedsReport) -> dict[tuple[str, str, str], float | None]:
    """Every number a report publishes, keyed by (group, kind, measure), balance included."""
    published: dict[tuple[str, str, str], float | None] = {}
    for g in report.groups:
        published[(g.name, g.kind, "people")] = g.people
        published[(g.name, g.kind, "people_wishing")] = g.people_wishing
        published[(g.name, g.kind, "people_agreed")] = g.people_agreed
        for part, counts in (("activities", g.activities), ("support", g.support)):
            for detail, n in counts.items():
                published[(g.name, g.kind, f"{part}:{detail}")] = n
    balance = report.hard_soft_balance
    published[("balance", "", "hard")] = balance.hard
    published[("balance", "", "soft")] = balance.soft
    published[("balance", "", "hard_share")] = balance.hard_share
    return published


def people(report: TrainingNeedsReport, name: str, kind: str) -> int | None:
    """A group's people, or None when the report has no such group."""
    return next((g.people for g in report.groups if (g.name, g.kind) == (name, kind)), None)
