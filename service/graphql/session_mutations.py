"""Mutations of the session at the table and of the session report: both parties write."""

from __future__ import annotations

import strawberry

from service.actor import Actor
from service.container import Services
from service.graphql import inputs as i
from service.graphql import payloads as p
from service.graphql.commands import Ctx, on_cycle
from service.idempotency import Claim


@strawberry.mutation(
    description="The employee or the manager writes a candidate card at the session table, "
    "or changes one (cardId, ifVersion); at most two hard and two soft."
)
async def save_candidate_card(
    info: Ctx, input: i.SaveCandidateCardInput
) -> p.SaveCandidateCardPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.save_candidate_card(
            actor,
            input.cycle_id,
            i.plain(input.card),
            card_id=input.card_id,
            if_version=input.if_version,
            idempotency=claim,
        )

    # The domain names the card's fields `card.<name>`: the input's own path.
    return await on_cycle(info, input, "saveCandidateCard", write, p.SaveCandidateCardPayload)


@strawberry.mutation(description="Removes a candidate card before the session is recorded.")
async def remove_candidate_card(
    info: Ctx, input: i.RemoveCandidateCardInput
) -> p.RemoveCandidateCardPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.remove_candidate_card(
            actor, input.cycle_id, input.card_id, if_version=input.if_version, idempotency=claim
        )

    return await on_cycle(info, input, "removeCandidateCard", write, p.RemoveCandidateCardPayload)


@strawberry.mutation(
    description="Drafts the session report or revises it into a new version (approvals reset)."
)
async def write_session_report(
    info: Ctx, input: i.WriteSessionReportInput
) -> p.WriteSessionReportPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.write_session_report(actor, input.cycle_id, input.text, idempotency=claim)

    return await on_cycle(info, input, "writeSessionReport", write, p.WriteSessionReportPayload)


@strawberry.mutation(
    description="A party approves a version of the session report; both approving the same "
    "version makes it count."
)
async def approve_session_report(
    info: Ctx, input: i.ApproveSessionReportInput
) -> p.ApproveSessionReportPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.approve_session_report(actor, input.cycle_id, input.version, idempotency=claim)

    return await on_cycle(info, input, "approveSessionReport", write, p.ApproveSessionReportPayload)
