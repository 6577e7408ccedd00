"""Mutations that take a growth cycle from opening to its follow-up or closing."""

from __future__ import annotations

import strawberry
from eventsourcing.utils import get_topic

from domain.growth_cycle import GrowthCycle
from service.actor import Actor
from service.container import Services
from service.graphql import inputs as i
from service.graphql import payloads as p
from service.graphql.answers import CYCLE
from service.graphql.commands import Ctx, act, created, cycle_payload, on_cycle
from service.graphql.question_types import answers_plain
from service.idempotency import Claim
from service.ids import as_uuid


@strawberry.mutation(description="The employee's manager opens a growth cycle.")
async def open_cycle(info: Ctx, input: i.OpenCycleInput) -> p.OpenCyclePayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> object:
        return services.app.open_cycle(
            actor,
            employee_id=as_uuid(input.employee_id),
            planned_session_on=input.planned_session_on.isoformat(),
            coach_id=as_uuid(input.coach_id) if input.coach_id is not None else None,
            idempotency=claim,
        )

    opened = created(get_topic(GrowthCycle.Opened))
    outcome = await act(info, input, "openCycle", write, opened, CYCLE)
    return cycle_payload(p.OpenCyclePayload, input, outcome)


@strawberry.mutation(
    description="HR hands the open cycle of someone without a manager to a coach; the "
    "former coach no longer sees it."
)
async def hand_cycle_to_coach(
    info: Ctx, input: i.HandCycleToCoachInput
) -> p.HandCycleToCoachPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.hand_cycle_to_coach(actor, input.cycle_id, input.coach_id, idempotency=claim)

    return await on_cycle(info, input, "handCycleToCoach", write, p.HandCycleToCoachPayload)


@strawberry.mutation(description="Saves a draft only its author sees.")
async def save_preparation_draft(
    info: Ctx, input: i.PreparationInput
) -> p.SavePreparationDraftPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        answers = answers_plain(i.plain(input.answers))
        services.app.save_preparation_draft(actor, input.cycle_id, answers, idempotency=claim)

    return await on_cycle(
        info,
        input,
        "savePreparationDraft",
        write,
        p.SavePreparationDraftPayload,
        under=("answers",),
    )


@strawberry.mutation(
    description="Shares the preparation with the other party; may be resubmitted until the session."
)
async def submit_preparation(
    info: Ctx, input: i.PreparationInput
) -> p.SubmitPreparationPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        answers = answers_plain(i.plain(input.answers))
        services.app.submit_preparation(actor, input.cycle_id, answers, idempotency=claim)

    return await on_cycle(
        info, input, "submitPreparation", write, p.SubmitPreparationPayload, under=("answers",)
    )


@strawberry.mutation(
    description="The manager records the session with its four candidate cards: those given, "
    "or (cards null) those written at the table."
)
async def hold_session(info: Ctx, input: i.HoldSessionInput) -> p.HoldSessionPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        if input.cards is None:
            services.app.hold_session_from_candidates(
                actor,
                input.cycle_id,
                held_on=input.held_on.isoformat(),
                notes=input.notes,
                idempotency=claim,
            )
            return
        services.app.hold_session(
            actor,
            input.cycle_id,
            held_on=input.held_on.isoformat(),
            notes=input.notes,
            cards=i.plain(input.cards),
            idempotency=claim,
        )

    return await on_cycle(info, input, "holdSession", write, p.HoldSessionPayload)


@strawberry.mutation(description="Drafts the POP or revises it into a new version.")
async def write_plan(info: Ctx, input: i.WritePlanInput) -> p.WritePlanPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        plan = {
            "goals": i.plain(input.goals),
            "activities": i.plain(input.activities),
            "support": i.plain(input.support),
        }
        services.app.write_plan(actor, input.cycle_id, plan, idempotency=claim)

    return await on_cycle(info, input, "writePlan", write, p.WritePlanPayload)


@strawberry.mutation(
    description="A party approves a version; both approving the same version makes it count."
)
async def approve_plan(info: Ctx, input: i.ApprovePlanInput) -> p.ApprovePlanPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.approve_plan(actor, input.cycle_id, input.version, idempotency=claim)

    return await on_cycle(info, input, "approvePlan", write, p.ApprovePlanPayload)


@strawberry.mutation
async def schedule_follow_up(
    info: Ctx, input: i.ScheduleFollowUpInput
) -> p.ScheduleFollowUpPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        due_on = input.due_on.isoformat() if input.due_on else None
        services.app.schedule_follow_up(
            actor, input.cycle_id, months=input.months, due_on=due_on, idempotency=claim
        )

    return await on_cycle(info, input, "scheduleFollowUp", write, p.ScheduleFollowUpPayload)


@strawberry.mutation(description="The retrospective: what went well, what could be better.")
async def complete_follow_up(
    info: Ctx, input: i.CompleteFollowUpInput
) -> p.CompleteFollowUpPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.complete_follow_up(
            actor,
            input.cycle_id,
            held_on=input.held_on.isoformat(),
            went_well=input.went_well,
            could_be_better=input.could_be_better,
            show_and_tell_on=(
                input.show_and_tell_on.isoformat() if input.show_and_tell_on else None
            ),
            idempotency=claim,
        )

    return await on_cycle(info, input, "completeFollowUp", write, p.CompleteFollowUpPayload)


@strawberry.mutation
async def close_cycle(info: Ctx, input: i.CloseCycleInput) -> p.CloseCyclePayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.close_cycle(actor, input.cycle_id, input.reason, idempotency=claim)

    return await on_cycle(info, input, "closeCycle", write, p.CloseCyclePayload)


@strawberry.mutation(
    description="Either party announces the show & tell to the team (or moves it); the "
    "day is today or later, once the cards are on the board."
)
async def plan_show_and_tell(
    info: Ctx, input: i.PlanShowAndTellInput
) -> p.PlanShowAndTellPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.plan_show_and_tell(
            actor, input.cycle_id, on=input.on.isoformat(), idempotency=claim
        )

    return await on_cycle(info, input, "planShowAndTell", write, p.PlanShowAndTellPayload)


@strawberry.mutation(description="Either party calls the announced show & tell off.")
async def call_off_show_and_tell(
    info: Ctx, input: i.CallOffShowAndTellInput
) -> p.CallOffShowAndTellPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.call_off_show_and_tell(actor, input.cycle_id, idempotency=claim)

    return await on_cycle(info, input, "callOffShowAndTell", write, p.CallOffShowAndTellPayload)
