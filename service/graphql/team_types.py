"""What a team shares, and the timeline across an employee's cycles, as GraphQL types."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from projections.cycle_timeline import CycleLine, Moment, Timeline
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.values import moment
from service.team_reads import UpcomingShowAndTell


@strawberry.type(description="A card its employee shows to the team.")
class ShownSkill:
    kind: str = strawberry.field(description="hard or soft")
    skill: str = strawberry.field(description="The card's “I want to …”.")


@strawberry.type(
    description="A show & tell announced to the team: who, when, and the skills they show "
    "(only the cards the employee made visible to the team)."
)
class ShowAndTell:
    cycle_id: strawberry.ID
    employee_id: strawberry.ID
    name: str
    on: date
    skills: list[ShownSkill]

    @classmethod
    def from_item(cls, item: UpcomingShowAndTell) -> ShowAndTell:
        return cls(
            cycle_id=node_id("Cycle", item.cycle_id),
            employee_id=node_id("Person", item.employee_id),
            name=item.name,
            on=item.on,
            skills=[ShownSkill(kind=s.kind, skill=s.skill) for s in item.skills],
        )


@strawberry.type(description="One moment of a cycle on the timeline, in the order it happened.")
class TimelineMoment:
    kind: str = strawberry.field(
        description="opened, prepared, session_held, cards_chosen, plan_version, "
        "plan_approved, plan_agreed, handed_over, follow_up_planned, retrospective, closed"
    )
    at: datetime = strawberry.field(description="When it was recorded.")
    day: date = strawberry.field(description="The day it is about (a session's own day).")
    party: str | None
    person_id: strawberry.ID | None = strawberry.field(description="That party's person then.")
    version: int | None = strawberry.field(description="The POP (or preparation) version.")
    gap_days: int = strawberry.field(description="Whole days since the moment before it.")

    @classmethod
    def from_moment(cls, m: Moment) -> TimelineMoment:
        return cls(
            kind=m.kind.value,
            at=moment(m.at),
            day=date.fromisoformat(m.day[:10]),
            party=m.party,
            person_id=node_id_or_none("Person", m.person_id),
            version=m.version,
            gap_days=m.gap_days,
        )


@strawberry.type(description="One cycle on the timeline, numbered from the employee's first.")
class TimelineCycle:
    number: int
    cycle_id: strawberry.ID
    stage: str
    gap_days: int = strawberry.field(description="Whole days since the cycle before it opened.")
    moments: list[TimelineMoment]

    @classmethod
    def from_line(cls, line: CycleLine) -> TimelineCycle:
        return cls(
            number=line.number,
            cycle_id=node_id("Cycle", line.cycle["cycle_id"]),
            stage=line.cycle["stage"],
            gap_days=line.gap_days,
            moments=[TimelineMoment.from_moment(m) for m in line.moments],
        )


@strawberry.type(description="Every cycle of an employee, oldest first, each with its moments.")
class CycleTimeline:
    employee_id: strawberry.ID
    cycles: list[TimelineCycle]

    @classmethod
    def from_timeline(cls, timeline: Timeline) -> CycleTimeline:
        return cls(
            employee_id=node_id("Person", timeline.employee_id),
            cycles=[TimelineCycle.from_line(line) for line in timeline.cycles],
        )
