"""Mutations that take a growth cycle from opening to its follow-up or closing."""

from __future__ import annotations

import strawberry

from service.actor import Actor
from service.container import Services
from service.graphql import inputs as i
from service.graphql.commands import Ctx, Doc, act, cycle_mutation, read_cycle
from service.graphql.types import Cycle
from service.ids import as_uuid


@strawberry.mutation(description="The employee's manager opens a growth cycle.")
async def open_cycle(info: Ctx, input: i.OpenCycleInput) -> Cycle:
    def command(services: Services, actor: Actor) -> Doc:
        cycle_id = services.app.open_cycle(
            actor,
            employee_id=as_uuid(input.employee_id),
            planned_session_on=input.planned_session_on.isoformat(),
            coach_id=as_uuid(input.coach_id) if input.coach_id is not None else None,
        )
        return read_cycle(services, actor, cycle_id)

    return Cycle.from_doc(await act(info, input.idempotency_key, "openCycle", command))


@strawberry.mutation(
    description="HR hands the open cycle of someone without a manager to a coach; the "
    "former coach no longer sees it."
)
async def hand_cycle_to_coach(info: Ctx, input: i.HandCycleToCoachInput) -> Cycle:
    def command(services: Services, actor: Actor) -> Doc:
        services.app.hand_cycle_to_coach(actor, input.cycle_id, input.coach_id)
        return read_cycle(services, actor, input.cycle_id)

    return Cycle.from_doc(await act(info, input.idempotency_key, "handCycleToCoach", command))


save_preparation_draft = cycle_mutation(
    "savePreparationDraft",
    i.PreparationInput,
    lambda s, a, n: s.app.save_preparation_draft(a, n.cycle_id, n.answers),
    "Saves a draft only its author sees.",
)
submit_preparation = cycle_mutation(
    "submitPreparation",
    i.PreparationInput,
    lambda s, a, n: s.app.submit_preparation(a, n.cycle_id, n.answers),
    "Shares the preparation with the other party; may be resubmitted until the session.",
)
hold_session = cycle_mutation(
    "holdSession",
    i.HoldSessionInput,
    lambda s, a, n: s.app.hold_session(
        a,
        n.cycle_id,
        held_on=n.held_on.isoformat(),
        notes=n.notes,
        cards=i.plain(n.cards),
    ),
    "The manager records the session and its candidate cards.",
)
write_plan = cycle_mutation(
    "writePlan",
    i.WritePlanInput,
    lambda s, a, n: s.app.write_plan(
        a,
        n.cycle_id,
        {
            "goals": i.plain(n.goals),
            "activities": i.plain(n.activities),
            "support": i.plain(n.support),
        },
    ),
    "Drafts the POP or revises it into a new version.",
)
approve_plan = cycle_mutation(
    "approvePlan",
    i.ApprovePlanInput,
    lambda s, a, n: s.app.approve_plan(a, n.cycle_id, n.version),
    "A party approves a version; both approving the same version makes it count.",
)
schedule_follow_up = cycle_mutation(
    "scheduleFollowUp",
    i.ScheduleFollowUpInput,
    lambda s, a, n: s.app.schedule_follow_up(
        a,
        n.cycle_id,
        months=n.months,
        due_on=n.due_on.isoformat() if n.due_on else None,
    ),
)
complete_follow_up = cycle_mutation(
    "completeFollowUp",
    i.CompleteFollowUpInput,
    lambda s, a, n: s.app.complete_follow_up(
        a,
        n.cycle_id,
        held_on=n.held_on.isoformat(),
        went_well=n.went_well,
        could_be_better=n.could_be_better,
        show_and_tell_on=n.show_and_tell_on.isoformat() if n.show_and_tell_on else None,
    ),
    "The retrospective: what went well, what could be better.",
)
close_cycle = cycle_mutation(
    "closeCycle",
    i.CloseCycleInput,
    lambda s, a, n: s.app.close_cycle(a, n.cycle_id, n.reason),
)
