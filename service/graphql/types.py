"""GraphQL output types, separate from read-model rows and built by `from_row`.

Deeply nested documents that belong together (a preparation's answers, a POP
version, a retrospective) are `JSON` values whose shape the SDL describes;
everything integrators filter or join on is a typed field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry
from strawberry.scalars import JSON

from domain import backlog
from projections import board as boards
from projections import follow_ups
from projections.board_fold import BoardCard
from projections.cycle_fold import CycleDoc
from projections.people import DETAILS
from projections.people_fold import Colleague, PersonRow
from projections.training_needs_report import TrainingNeedsReport


@strawberry.type(
    description="A person in the organisation (colleagues see name, team and function only)."
)
class Person:
    id: strawberry.ID
    name: str
    team: str
    function: str
    email: str | None
    manager_id: strawberry.ID | None
    development_phase: str | None
    language: str | None
    start_date: str | None
    roles: list[str]

    @classmethod
    def from_row(cls, row: PersonRow | Colleague) -> Person:
        # A colleague's row holds only name, team and function: the rest stays null.
        values: Mapping[str, Any] = row
        details: dict[str, Any] = {field: values.get(field) for field in DETAILS}
        return cls(
            id=strawberry.ID(row["person_id"]),
            roles=list(values.get("roles") or []),
            **details,
        )


@strawberry.type(description="A skill card as a user story: As a … I want to … in order to ….")
class Card:
    id: strawberry.ID
    kind: str
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str
    support: str
    backlog_skill_id: strawberry.ID | None
    column: str | None
    entered_column_at: str | None
    visible_to_team: bool

    @classmethod
    def from_doc(cls, card: BoardCard) -> Card:
        backlog = card["backlog_skill_id"]
        return cls(
            id=strawberry.ID(card["id"]),
            kind=card["kind"],
            as_a=card["as_a"],
            i_want_to=card["i_want_to"],
            in_order_to=card["in_order_to"],
            actions=card["actions"],
            support=card["support"],
            backlog_skill_id=strawberry.ID(backlog) if backlog is not None else None,
            column=card["column"],
            entered_column_at=card["entered_at"],
            visible_to_team=card["visible_to_team"],
        )


@strawberry.type(description="An employee's kanban board of one cycle: To do · Doing · Done.")
class Board:
    cycle_id: strawberry.ID
    employee_id: strawberry.ID
    status: str
    version: int = strawberry.field(description="Changes with every event of the cycle.")
    todo: list[Card]
    doing: list[Card]
    done: list[Card]

    @classmethod
    def from_doc(cls, board: boards.Board) -> Board:
        lanes = board["lanes"]
        return cls(
            cycle_id=strawberry.ID(board["cycle_id"]),
            employee_id=strawberry.ID(board["employee_id"]),
            status=board["status"],
            version=board["version"],
            todo=[Card.from_doc(c) for c in lanes.get("todo", [])],
            doing=[Card.from_doc(c) for c in lanes.get("doing", [])],
            done=[Card.from_doc(c) for c in lanes.get("done", [])],
        )


@strawberry.type(
    description="A growth cycle as the caller may see it (drafts only to their author)."
)
class Cycle:
    id: strawberry.ID
    employee_id: strawberry.ID
    manager_id: strawberry.ID | None = strawberry.field(
        description="Who leads the cycle; null while nobody does (handed over, no coach yet)."
    )
    stage: str
    planned_session_on: str
    previous_cycle_id: strawberry.ID | None
    version: int
    preparations: JSON = strawberry.field(
        description="Submitted versions per party: {employee: [...], manager: [...]}."
    )
    drafts: JSON = strawberry.field(description="The caller's own unsubmitted draft, if any.")
    session: JSON | None = strawberry.field(description="{held_on, notes, cards: [...]}.")
    plan_versions: JSON = strawberry.field(
        description="Every POP version: {version, plan: {goals, activities, support}, at, changes}."
    )
    approvals: JSON = strawberry.field(description="party → the version that party approved last.")
    approved_version: int | None
    follow_up: JSON | None
    closed: bool

    @classmethod
    def from_doc(cls, doc: CycleDoc) -> Cycle:
        manager, previous = doc["manager_id"], doc["previous_cycle_id"]
        return cls(
            id=strawberry.ID(doc["cycle_id"]),
            employee_id=strawberry.ID(doc["employee_id"]),
            manager_id=strawberry.ID(manager) if manager is not None else None,
            stage=doc["stage"],
            planned_session_on=doc["planned_session_on"],
            previous_cycle_id=strawberry.ID(previous) if previous is not None else None,
            version=doc["version"],
            preparations=JSON(doc["preparations"]),
            drafts=JSON(doc["drafts"]),
            session=JSON(doc["session"]) if doc["session"] is not None else None,
            plan_versions=JSON(doc["plan_versions"]),
            approvals=JSON(doc["approvals"]),
            approved_version=doc["approved_version"],
            follow_up=JSON(doc["follow_up"]) if doc["follow_up"] is not None else None,
            closed=doc["closed"],
        )


@strawberry.type(description="A follow-up or a cycle waiting on someone.")
class FollowUpItem:
    cycle_id: strawberry.ID
    employee_id: strawberry.ID
    manager_id: strawberry.ID
    stage: str
    due_on: str | None
    days_overdue: int | None
    waiting_for: JSON | None

    @classmethod
    def from_row(cls, item: follow_ups.FollowUpItem) -> FollowUpItem:
        return cls(
            cycle_id=strawberry.ID(item.cycle_id),
            employee_id=strawberry.ID(item.employee_id),
            manager_id=strawberry.ID(item.manager_id),
            stage=item.stage,
            due_on=item.due_on,
            days_overdue=item.days_overdue,
            waiting_for=JSON(item.waiting_for) if item.waiting_for is not None else None,
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


@strawberry.type(
    description="People counted per group, never named. Groups of fewer than minGroupSize "
    "fold into 'other'; a count that would rest on fewer people, or let one be worked "
    "out, is null."
)
class TrainingNeedGroup:
    name: str
    kind: str
    people: int | None = strawberry.field(
        description="Distinct people with a need of this kind; null: fewer than minGroupSize."
    )
    people_wishing: int | None = strawberry.field(
        description="Of them, people who want to grow in it; null when hidden."
    )
    people_agreed: int | None = strawberry.field(
        description="Of them, people with it agreed in a POP approved by both; null when hidden."
    )
    activities: JSON = strawberry.field(
        description="People with an agreed activity of each type: {course: 6, …}; "
        "a type is left out when its count would be hidden."
    )
    support: JSON = strawberry.field(
        description="People with agreed support of each kind, left out like activities."
    )


@strawberry.type(
    description="Training needs as they stood at the end of the last closed calendar month "
    "(UTC): one person's change shows only once that month is over, with everyone else's."
)
class TrainingNeeds:
    group_by: str
    min_group_size: int
    period_start: str = strawberry.field(description="First day of the month reported (ISO).")
    period_end: str = strawberry.field(description="Last day of the month reported (ISO).")
    next_update_on: str = strawberry.field(description="When the next month's figures show.")
    groups: list[TrainingNeedGroup]
    hard_soft_balance: JSON = strawberry.field(
        description="{hard, soft}: people with a hard and a soft need (null: fewer than "
        "minGroupSize); hard_share only when both show."
    )

    @classmethod
    def from_doc(cls, report: TrainingNeedsReport) -> TrainingNeeds:
        balance = report.hard_soft_balance
        return cls(
            group_by=report.group_by,
            min_group_size=report.min_group_size,
            period_start=report.period.start,
            period_end=report.period.end,
            next_update_on=report.period.next_update,
            groups=[
                TrainingNeedGroup(
                    name=g.name,
                    kind=g.kind,
                    people=g.people,
                    people_wishing=g.people_wishing,
                    people_agreed=g.people_agreed,
                    activities=JSON(g.activities),
                    support=JSON(g.support),
                )
                for g in report.groups
            ],
            hard_soft_balance=JSON(
                {"hard": balance.hard, "soft": balance.soft, "hard_share": balance.hard_share}
            ),
        )


@strawberry.type(description="A skill on HR's company backlog.")
class BacklogSkill:
    id: strawberry.ID
    kind: str
    horizon: str
    description: str
    inspiration: str
    retired: bool

    @classmethod
    def from_doc(cls, doc: backlog.BacklogSkill) -> BacklogSkill:
        return cls(
            id=strawberry.ID(doc["id"]),
            kind=doc["kind"],
            horizon=doc["horizon"],
            description=doc["description"],
            inspiration=doc["inspiration"],
            retired=doc["retired"],
        )
