"""Mutations that take a growth cycle from opening to its follow-up or closing."""

from __future__ import annotations

import strawberry
from eventsourcing.utils import get_topic

from domain.growth_cycle import GrowthCycle
from service.actor import Actor
from service.container import Services
from service.graphql import inputs as i
from service.graphql.answers import CYCLE
from service.graphql.commands import Ctx, act, created, cycle_mutation, named
from service.graphql.types import Cycle
from service.idempotency import Claim
from service.ids import as_uuid


@strawberry.mutation(description="The employee's manager opens a growth cycle.")
async def open_cycle(info: Ctx, input: i.OpenCycleInput) -> Cycle:
    def write(services: Services, actor: Actor, n: i.OpenCycleInput, k: Claim | None) -> object:
        return services.app.open_cycle(
            actor,
            employee_id=as_uuid(n.employee_id),
            planned_session_on=n.planned_session_on.isoformat(),
            coach_id=as_uuid(n.coach_id) if n.coach_id is not None else None,
            idempotency=k,
        )

    opened = created(get_topic(GrowthCycle.Opened))
    return Cycle.from_doc(await act(info, input, "openCycle", write, opened, CYCLE))


@strawberry.mutation(
    description="HR hands the open cycle of someone without a manager to a coach; the "
    "former coach no longer sees it."
)
async def hand_cycle_to_coach(info: Ctx, input: i.HandCycleToCoachInput) -> Cycle:
    def write(
        services: Services, actor: Actor, n: i.HandCycleToCoachInput, k: Claim | None
    ) -> None:
        services.app.hand_cycle_to_coach(actor, n.cycle_id, n.coach_id, idempotency=k)

    target = named(input.cycle_id)
    return Cycle.from_doc(await act(info, input, "handCycleToCoach", write, target, CYCLE))


save_preparation_draft = cycle_mutation(
    "savePreparationDraft",
    i.PreparationInput,
    lambda s, a, n, k: s.app.save_preparation_draft(a, n.cycle_id, n.answers, idempotency=k),
    "Saves a draft only its author sees.",
)
submit_preparation = cycle_mutation(
    "submitPreparation",
    i.PreparationInput,
    lambda s, a, n, k: s.app.submit_preparation(a, n.cycle_id, n.answers, idempotency=k),
    "Shares the preparation with the other party; may be resubmitted until the session.",
)
hold_session = cycle_mutation(
    "holdSession",
    i.HoldSessionInput,
    lambda s, a, n, k: s.app.hold_session(
        a,
        n.cycle_id,
        held_on=n.held_on.isoformat(),
        notes=n.notes,
        cards=i.plain(n.cards),
        idempotency=k,
    ),
    "The manager records the session and its candidate cards.",
)
write_plan = cycle_mutation(
    "writePlan",
    i.WritePlanInput,
    lambda s, a, n, k: s.app.write_plan(
        a,
        n.cycle_id,
        {
            "goals": i.plain(n.goals),
            "activities": i.plain(n.activities),
            "support": i.plain(n.support),
        },
        idempotency=k,
    ),
    "Drafts the POP or revises it into a new version.",
)
approve_plan = cycle_mutation(
    "approvePlan",
    i.ApprovePlanInput,
    lambda s, a, n, k: s.app.approve_plan(a, n.cycle_id, n.version, idempotency=k),
    "A party approves a version; both approving the same version makes it count.",
)
schedule_follow_up = cycle_mutation(
    "scheduleFollowUp",
    i.ScheduleFollowUpInput,
    lambda s, a, n, k: s.app.schedule_follow_up(
        a,
        n.cycle_id,
        months=n.months,
        due_on=n.due_on.isoformat() if n.due_on else None,
        idempotency=k,
    ),
)
complete_follow_up = cycle_mutation(
    "completeFollowUp",
    i.CompleteFollowUpInput,
    lambda s, a, n, k: s.app.complete_follow_up(
        a,
        n.cycle_id,
        held_on=n.held_on.isoformat(),
        went_well=n.went_well,
        could_be_better=n.could_be_better,
        show_and_tell_on=n.show_and_tell_on.isoformat() if n.show_and_tell_on else None,
        idempotency=k,
    ),
    "The retrospective: what went well, what could be better.",
)
close_cycle = cycle_mutation(
    "closeCycle",
    i.CloseCycleInput,
    lambda s, a, n, k: s.app.close_cycle(a, n.cycle_id, n.reason, idempotency=k),
)
