"""An organisation whose training needs were recorded last month, through the use cases.

Event timestamps come from the eventsourcing library's clock; `recorded_at`
sets that clock to a moment of last month while the organisation is built,
so the report (of the last closed month, by the real date) has figures, and
anything done afterwards falls in the month still open.

    Sales     6 advisers, SQL / Presenting; 5 of them with a POP agreed (course in SQL)
    Support   4 advisers and 1 jurist, SQL / Presenting
    Legal     5 jurists, Contract law / Presenting
    Board     1 director, Strategy / Presenting — the person to pick out
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from unittest import mock
from uuid import UUID

import eventsourcing.domain

from service.actor import Actor
from service.container import Services
from tests.scenario import ADMIN, CARD, PLAN

PASSWORD = "needs-report-at-month-end"


def last_month() -> datetime:
    """A moment well inside the calendar month before today's."""
    day = date.today().replace(day=1) - timedelta(days=20)
    return datetime.combine(day, time(9, 0), UTC)


@contextmanager
def recorded_at(moment: datetime) -> Iterator[None]:
    """Events created inside are stamped `moment`, as if recorded then."""
    with mock.patch.object(eventsourcing.domain, "datetime_now_with_tzinfo", return_value=moment):
        yield


@dataclass
class NeedsOrg:
    services: Services
    hr: UUID
    manager: UUID
    waiting: UUID  # the sixth Sales cycle: preparation and cards, its POP not yet agreed
    people: dict[str, list[UUID]] = field(default_factory=dict)

    @property
    def as_hr(self) -> Actor:
        return self.services.accounts.actor_for(self.hr)

    def agree(self, cycle_id: UUID, skill: str = "SQL") -> None:
        """Session, cards, a POP with a course in `skill`, approved by both."""
        app, manager = self.services.app, Actor(self.manager)
        employee = Actor(app.repository.get(cycle_id).employee_id)
        today = app.today()
        cards = [dict(CARD, i_want_to=f"card {i}", kind=("hard", "soft")[i // 2]) for i in range(4)]
        app.hold_session(manager, cycle_id, held_on=today, notes="", cards=cards)
        app.select_cards(employee, cycle_id, list(app.repository.get(cycle_id).cards)[:3])
        course = {"description": "Course", "type": "course", "form": "formal", "skill": skill}
        app.write_plan(manager, cycle_id, dict(PLAN, activities=[course]))
        app.approve_plan(employee, cycle_id, 1)
        app.approve_plan(manager, cycle_id, 1)

    def wish(self, person: UUID, hard: str, soft: str = "Presenting") -> UUID:
        app = self.services.app
        planned = app.today() + timedelta(days=10)
        cycle_id = app.open_cycle(
            Actor(self.manager), employee_id=person, planned_session_on=planned
        )
        answers = {"hard": {"growth": [{"skill": hard}]}, "soft": {"growth": [{"skill": soft}]}}
        app.submit_preparation(Actor(person), cycle_id, answers)
        return cycle_id

    def hire(self, team: str, function: str, name: str, language: str = "nl") -> UUID:
        person: UUID = self.services.app.register_person(
            ADMIN,
            name=name,
            email=f"{name.lower().replace(' ', '.')}@needs.example.nl",
            function=function,
            team=team,
            start_date="2024-01-01",
            manager_id=self.manager,
            language=language,
        )
        self.people.setdefault(team, []).append(person)
        return person


def build_needs_org(services: Services) -> NeedsOrg:
    app = services.app
    with recorded_at(last_month()):
        hr = app.register_person(
            ADMIN,
            name="Hanna HR",
            email="hanna@needs.example.nl",
            function="HR-adviseur",
            team="Staf",
            start_date="2020-01-01",
        )
        app.grant_role(ADMIN, hr, "hr")
        manager = app.register_person(
            ADMIN,
            name="Mo Manager",
            email="mo@needs.example.nl",
            function="Teamleider",
            team="Staf",
            start_date="2020-01-01",
        )
        org = NeedsOrg(services, hr, manager, waiting=manager)
        teams = [
            ("Sales", "Adviseur", 6, "SQL"),
            ("Support", "Adviseur", 4, "SQL"),
            ("Support", "Jurist", 1, "SQL"),
            ("Legal", "Jurist", 5, "Contract law"),
            ("Board", "Director", 1, "Strategy"),
        ]
        for team, function, count, skill in teams:
            for i in range(count):
                person = org.hire(team, function, f"{team} {function} {i}")
                cycle_id = org.wish(person, skill)
                if team == "Sales":
                    org.waiting = cycle_id
                    if i < 5:
                        org.agree(cycle_id)
    services.accounts.set_password(hr, PASSWORD)
    return org
