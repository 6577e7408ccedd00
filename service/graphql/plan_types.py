"""GraphQL types of the POP: its versions, goals, activities, support and approvals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import strawberry

from domain import plan as plans
from projections import cycle_fold as cycle
from projections import plan_as_of
from service.graphql.enums import ActivityType, LearningForm, Party, SupportKind
from service.graphql.node_ids import node_id
from service.graphql.values import day, moment


@strawberry.type(description="A SMART goal: how it is measured and by when.")
class Goal:
    description: str
    measure: str
    deadline: date

    @classmethod
    def from_doc(cls, goal: plans.Goal) -> Goal:
        return cls(
            description=goal["description"], measure=goal["measure"], deadline=day(goal["deadline"])
        )


@strawberry.type(description="A learning activity of the POP.")
class Activity:
    description: str
    type: ActivityType
    form: LearningForm
    skill: str = strawberry.field(description="The skill it is for, in words; may be empty.")

    @classmethod
    def from_doc(cls, activity: plans.Activity) -> Activity:
        return cls(
            description=activity["description"],
            type=ActivityType(activity["type"]),
            form=LearningForm(activity["form"]),
            skill=activity["skill"],
        )


@strawberry.type(description="Support the organisation promises in the POP.")
class SupportPromise:
    kind: SupportKind
    description: str

    @classmethod
    def from_doc(cls, support: plans.SupportPromise) -> SupportPromise:
        return cls(kind=SupportKind(support["kind"]), description=support["description"])


@strawberry.type(description="The POP (personal development plan) of one version.")
class Plan:
    goals: list[Goal]
    activities: list[Activity]
    support: list[SupportPromise]

    @classmethod
    def from_doc(cls, plan: plans.Plan) -> Plan:
        return cls(
            goals=[Goal.from_doc(g) for g in plan["goals"]],
            activities=[Activity.from_doc(a) for a in plan["activities"]],
            support=[SupportPromise.from_doc(s) for s in plan["support"]],
        )


@strawberry.type(
    description="What a version changed against the one before: a changed item shows as "
    "one removed and one added."
)
class PlanChanges:
    in_words: list[str] = strawberry.field(
        description="The same in plain words, as the pages show it: 'added goal: …'."
    )
    added_goals: list[Goal]
    removed_goals: list[Goal]
    added_activities: list[Activity]
    removed_activities: list[Activity]
    added_support: list[SupportPromise]
    removed_support: list[SupportPromise]

    @classmethod
    def between(cls, before: plans.Plan, version: cycle.PlanVersion) -> PlanChanges:
        changes = plans.compare_plans(before, version["plan"])
        return cls(
            in_words=list(version["changes"]),
            added_goals=[Goal.from_doc(g) for g in changes.added_goals],
            removed_goals=[Goal.from_doc(g) for g in changes.removed_goals],
            added_activities=[Activity.from_doc(a) for a in changes.added_activities],
            removed_activities=[Activity.from_doc(a) for a in changes.removed_activities],
            added_support=[SupportPromise.from_doc(s) for s in changes.added_support],
            removed_support=[SupportPromise.from_doc(s) for s in changes.removed_support],
        )


@strawberry.type(description="One version of the POP.")
class PlanVersion:
    version: int
    plan: Plan
    written_at: datetime
    changes: PlanChanges | None = strawberry.field(
        description="What it changed against the version before; null for the first."
    )

    @classmethod
    def all_of(cls, versions: Sequence[cycle.PlanVersion]) -> list[PlanVersion]:
        return [
            cls(
                version=v["version"],
                plan=Plan.from_doc(v["plan"]),
                written_at=moment(v["written_at"]),
                changes=PlanChanges.between(versions[i - 1]["plan"], v) if i else None,
            )
            for i, v in enumerate(versions)
        ]


@strawberry.type(description="A party's approval of a version of the POP.")
class Approval:
    party: Party
    version: int
    at: datetime


@strawberry.type(description="A version of the POP both parties approved, and when.")
class ApprovedVersion:
    version: int
    at: datetime

    @classmethod
    def from_row(cls, approved: plan_as_of.Approved) -> ApprovedVersion:
        return cls(version=approved.version, at=moment(approved.at))


@strawberry.type(
    description="The POP of a cycle as it stood at a moment, with the approvals by then."
)
class PlanAsOf:
    cycle_id: strawberry.ID
    version: int = strawberry.field(description="The version that was current then.")
    plan: Plan
    written_at: datetime
    approvals: list[Approval] = strawberry.field(
        description="Who had approved which version by then, since that version was written."
    )
    approved_by_both: ApprovedVersion | None = strawberry.field(
        description="The last version both had approved by then: the plan in force."
    )

    @classmethod
    def from_row(cls, found: plan_as_of.PlanAsOf) -> PlanAsOf:
        both = found.approved_by_both
        return cls(
            cycle_id=node_id("Cycle", found.cycle_id),
            version=found.version,
            plan=Plan.from_doc(found.plan),
            written_at=moment(found.written_at),
            approvals=[
                Approval(party=Party(party), version=a.version, at=moment(a.at))
                for party, a in sorted(found.approvals.items())
            ],
            approved_by_both=ApprovedVersion.from_row(both) if both is not None else None,
        )
