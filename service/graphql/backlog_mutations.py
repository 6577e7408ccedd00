"""Mutations on HR's company backlog of needed skills; each answers with the backlog."""

from __future__ import annotations

import strawberry

from domain.errors import InvalidInput
from service.actor import Actor
from service.container import Services
from service.error_texts import ONE_BACKLOG_CHANGE_PER_REQUEST
from service.graphql import inputs as i
from service.graphql.answers import BACKLOG
from service.graphql.commands import Ctx, act, named
from service.graphql.types import BacklogSkill
from service.idempotency import Claim


@strawberry.mutation(
    description="HR adds a skill to the company backlog; answers with the backlog."
)
async def add_backlog_skill(info: Ctx, input: i.BacklogSkillInput) -> list[BacklogSkill]:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        details = {key: v for key, v in i.plain(input).items() if key != "position"}
        services.app.add_backlog_skill(actor, details, input.position, idempotency=claim)

    result = await act(info, input, "addBacklogSkill", write, named(None), BACKLOG)
    return [BacklogSkill.from_doc(d) for d in result["skills"]]


@strawberry.mutation(description="HR rewords, moves or retires one backlog skill.")
async def change_backlog_skill(info: Ctx, input: i.BacklogChangeInput) -> list[BacklogSkill]:
    wording = {
        k: getattr(input, k)
        for k in ("description", "inspiration", "kind", "horizon")
        if getattr(input, k) is not None
    }
    if sum([bool(wording), input.position is not None, input.retire]) != 1:
        raise InvalidInput(ONE_BACKLOG_CHANGE_PER_REQUEST, "skill_id")

    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        app, skill = services.app, str(input.skill_id)
        if input.retire:
            app.retire_backlog_skill(actor, skill, idempotency=claim)
        elif input.position is not None:
            app.move_backlog_skill(actor, skill, input.position, idempotency=claim)
        else:
            app.reword_backlog_skill(actor, skill, wording, idempotency=claim)

    result = await act(info, input, "changeBacklogSkill", write, named(None), BACKLOG)
    return [BacklogSkill.from_doc(d) for d in result["skills"]]
