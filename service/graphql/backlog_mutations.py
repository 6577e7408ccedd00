"""Mutations on HR's company backlog of needed skills; each answers with the skill and the
backlog as it is now."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry

from domain.errors import InvalidInput
from service.actor import Actor
from service.container import Services
from service.error_texts import ONE_BACKLOG_CHANGE_PER_REQUEST
from service.graphql import inputs as i
from service.graphql import payloads as p
from service.graphql import people_inputs as pi
from service.graphql.answers import BACKLOG
from service.graphql.commands import Ctx, Keyed, Refused, act, named
from service.graphql.types import BacklogSkill
from service.idempotency import Claim

BacklogPayload = TypeVar("BacklogPayload", bound=p.BacklogResult)


def backlog_payload(payload: type[BacklogPayload], input: Keyed, outcome: Any) -> BacklogPayload:
    """The skill the mutation added or changed (none known: a retry of a request that
    died after saving), and the whole backlog."""
    mutation_id = input.client_mutation_id
    if isinstance(outcome, Refused):
        return payload(
            skill=None,
            skills=None,
            user_errors=outcome.user_errors,
            client_mutation_id=mutation_id,
        )
    skill = outcome["skill"]
    return payload(
        skill=BacklogSkill.from_doc(skill) if skill is not None else None,
        skills=[BacklogSkill.from_doc(d) for d in outcome["skills"]],
        user_errors=[],
        client_mutation_id=mutation_id,
    )


@strawberry.mutation(description="HR adds a skill to the company backlog.")
async def add_backlog_skill(
    info: Ctx, input: pi.BacklogSkillInput
) -> p.AddBacklogSkillPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> object:
        details = {key: v for key, v in i.plain(input).items() if key != "position"}
        return services.app.add_backlog_skill(actor, details, input.position, idempotency=claim)

    def added(result: object | None, saved: object) -> object:
        return result  # the new skill's id, when the use case ran in this request

    outcome = await act(info, input, "addBacklogSkill", write, added, BACKLOG)
    return backlog_payload(p.AddBacklogSkillPayload, input, outcome)


@strawberry.mutation(description="HR rewords, moves or retires one backlog skill.")
async def change_backlog_skill(
    info: Ctx, input: pi.BacklogChangeInput
) -> p.ChangeBacklogSkillPayload | None:
    wording = {
        k: i.plain(getattr(input, k))
        for k in ("description", "inspiration", "kind", "horizon")
        if getattr(input, k) is not None
    }
    if sum([bool(wording), input.position is not None, input.retire]) != 1:
        refused = Refused(InvalidInput(ONE_BACKLOG_CHANGE_PER_REQUEST, "skill_id"))
        return backlog_payload(p.ChangeBacklogSkillPayload, input, refused)

    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        app, skill = services.app, str(input.skill_id)
        if input.retire:
            app.retire_backlog_skill(actor, skill, idempotency=claim)
        elif input.position is not None:
            app.move_backlog_skill(actor, skill, input.position, idempotency=claim)
        else:
            app.reword_backlog_skill(actor, skill, wording, idempotency=claim)

    target = named(str(input.skill_id))
    outcome = await act(info, input, "changeBacklogSkill", write, target, BACKLOG)
    return backlog_payload(p.ChangeBacklogSkillPayload, input, outcome)
