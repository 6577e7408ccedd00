"""GraphQL types of the reports: follow-ups due, and training needs counted, never named."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from projections import follow_ups
from projections.training_needs_disclosure import NeedGroup
from projections.training_needs_report import TrainingNeedsReport
from service.graphql.enums import ActivityType, NeedKind, Party, Stage, SupportKind, WaitingOn
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.values import day, day_or_none


@strawberry.type(description="A follow-up or a cycle waiting on someone.")
class FollowUpItem:
    cycle_id: strawberry.ID
    employee_id: strawberry.ID
    manager_id: strawberry.ID | None = strawberry.field(
        description="Who leads the cycle; null while nobody does."
    )
    stage: Stage
    planned_session_on: date
    due_on: date | None = strawberry.field(description="When the follow-up is due, if planned.")
    days_overdue: int | None
    waiting_on: WaitingOn | None = strawberry.field(
        description="In the list of waiting cycles: what the cycle waits for."
    )
    waiting_for: list[Party] = strawberry.field(
        description="Waiting on approval: the parties whose approval the POP still needs."
    )
    prepared: list[Party] = strawberry.field(
        description="Waiting on the session: the parties who have prepared."
    )

    @classmethod
    def from_row(cls, item: follow_ups.FollowUpItem) -> FollowUpItem:
        return cls(
            cycle_id=node_id("Cycle", item.cycle_id),
            employee_id=node_id("Person", item.employee_id),
            manager_id=node_id_or_none("Person", item.manager_id),
            stage=Stage(item.stage),
            planned_session_on=day(item.planned_session_on),
            due_on=day_or_none(item.due_on),
            days_overdue=item.days_overdue,
            waiting_on=WaitingOn(item.waiting_on) if item.waiting_on else None,
            waiting_for=[Party(p) for p in item.waiting_for or []],
            prepared=[Party(p) for p in item.prepared or []],
        )


@strawberry.type
class FollowUpsDue:
    overdue: list[FollowUpItem]
    due_soon: list[FollowUpItem]
    scheduled: list[FollowUpItem]
    waiting: list[FollowUpItem]

    @classmethod
    def from_doc(cls, due: follow_ups.FollowUps) -> FollowUpsDue:
        return cls(
            overdue=[FollowUpItem.from_row(i) for i in due.overdue],
            due_soon=[FollowUpItem.from_row(i) for i in due.due_soon],
            scheduled=[FollowUpItem.from_row(i) for i in due.scheduled],
            waiting=[FollowUpItem.from_row(i) for i in due.waiting],
        )


@strawberry.enum(description="What training needs are counted per.")
class GroupBy(Enum):
    SKILL = "skill"
    TEAM = "team"
    FUNCTION = "function"


@strawberry.type(description="People with an agreed activity of one type.")
class ActivityCount:
    type: ActivityType
    people: int


@strawberry.type(description="People with agreed support of one kind.")
class SupportCount:
    kind: SupportKind
    people: int


@strawberry.type(
    description="People counted per group, never named. Groups of fewer than minGroupSize "
    "fold into 'other'; a count that would rest on fewer people, or let one be worked "
    "out, is null."
)
class TrainingNeedGroup:
    name: str
    kind: NeedKind
    people: int | None = strawberry.field(
        description="Distinct people with a need of this kind; null: fewer than minGroupSize."
    )
    people_wishing: int | None = strawberry.field(
        description="Of them, people who want to grow in it; null when hidden."
    )
    people_agreed: int | None = strawberry.field(
        description="Of them, people with it agreed in a POP approved by both; null when hidden."
    )
    activities: list[ActivityCount] = strawberry.field(
        description="People with an agreed activity of each type; a type is left out when "
        "its count would be hidden."
    )
    support: list[SupportCount] = strawberry.field(
        description="People with agreed support of each kind, left out like activities."
    )

    @classmethod
    def from_row(cls, group: NeedGroup) -> TrainingNeedGroup:
        return cls(
            name=group.name,
            kind=NeedKind(group.kind),
            people=group.people,
            people_wishing=group.people_wishing,
            people_agreed=group.people_agreed,
            activities=[
                ActivityCount(type=ActivityType(t), people=n)
                for t, n in sorted(group.activities.items())
            ],
            support=[
                SupportCount(kind=SupportKind(k), people=n)
                for k, n in sorted(group.support.items())
            ],
        )


@strawberry.type(
    description="People with a hard and with a soft need; null where the count is hidden "
    "(fewer than minGroupSize)."
)
class HardSoftBalance:
    hard: int | None
    soft: int | None
    hard_share: float | None = strawberry.field(
        description="hard / (hard + soft), only when both counts show."
    )


@strawberry.type(
    description="Training needs as they stood at the end of the last closed calendar month "
    "(UTC): one person's change shows only once that month is over, with everyone else's."
)
class TrainingNeeds:
    group_by: GroupBy
    min_group_size: int
    period_start: date = strawberry.field(description="First day of the month reported.")
    period_end: date = strawberry.field(description="Last day of the month reported.")
    next_update_on: date = strawberry.field(description="When the next month's figures show.")
    groups: list[TrainingNeedGroup]
    hard_soft_balance: HardSoftBalance

    @classmethod
    def from_doc(cls, report: TrainingNeedsReport) -> TrainingNeeds:
        balance = report.hard_soft_balance
        return cls(
            group_by=GroupBy(report.group_by),
            min_group_size=report.min_group_size,
            period_start=day(report.period.start),
            period_end=day(report.period.end),
            next_update_on=day(report.period.next_update),
            groups=[TrainingNeedGroup.from_row(g) for g in report.groups],
            hard_soft_balance=HardSoftBalance(
                hard=balance.hard, soft=balance.soft, hard_share=balance.hard_share
            ),
        )
