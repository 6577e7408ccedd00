"""Mutations on HR's company backlog of needed skills; each answers with the backlog."""

from __future__ import annotations

import strawberry

from domain.errors import InvalidInput
from service.actor import Actor
from service.container import Services
from service.graphql import inputs as i
from service.graphql.commands import Ctx, Doc, act
from service.graphql.types import BacklogSkill


@strawberry.mutation(
    description="HR adds a skill to the company backlog; answers with the backlog."
)
async def add_backlog_skill(info: Ctx, input: i.BacklogSkillInput) -> list[BacklogSkill]:
    def command(services: Services, actor: Actor) -> Doc:
        details = {k: v for k, v in i.plain(input).items() if k != "position"}
        services.app.add_backlog_skill(actor, details, input.position)
        return {"skills": services.queries.backlog(actor)}

    result = await act(info, input.idempotency_key, "addBacklogSkill", command)
    return [BacklogSkill.from_doc(d) for d in result["skills"]]


@strawberry.mutation(description="HR rewords, moves or retires one backlog skill.")
async def change_backlog_skill(info: Ctx, input: i.BacklogChangeInput) -> list[BacklogSkill]:
    wording = {
        k: getattr(input, k)
        for k in ("description", "inspiration", "kind", "horizon")
        if getattr(input, k) is not None
    }
    if sum([bool(wording), input.position is not None, input.retire]) != 1:
        raise InvalidInput("Reword, move or retire: one per request.", "skill_id")

    def command(services: Services, actor: Actor) -> Doc:
        app = services.app
        if input.retire:
            app.retire_backlog_skill(actor, str(input.skill_id))
        elif input.position is not None:
            app.move_backlog_skill(actor, str(input.skill_id), input.position)
        else:
            app.reword_backlog_skill(actor, str(input.skill_id), wording)
        return {"skills": services.queries.backlog(actor)}

    result = await act(info, input.idempotency_key, "changeBacklogSkill", command)
    return [BacklogSkill.from_doc(d) for d in result["skills"]]
