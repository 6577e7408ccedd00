"""Mutations on webhook endpoints (administrators only), answering with payload types.

Bad input comes back in `userErrors` with nothing saved; a refusal is an
error of the response. Once saved, the mutation succeeds whatever the read
models do: if they lag, the answer says so in `extensions.notes` and shows
the endpoint as the read model has it (none yet, for one just registered:
its secret is in the payload all the same).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from domain.errors import DomainError
from service.actor import Actor
from service.calls import in_thread
from service.catching_up import ReadModelsBehind
from service.graphql.answers import catching_up_note
from service.graphql.commands import Ctx
from service.graphql.user_errors import UserError
from service.graphql.webhook_types import (
    ChangeWebhookInput,
    DisableWebhookInput,
    EnableWebhookInput,
    RegisterWebhookInput,
    RegisterWebhookPayload,
    Webhook,
    WebhookPayload,
)
from service.webhook_queries import webhook
from service.webhook_use_cases import NewWebhook

T = TypeVar("T")


async def _saving(
    info: Ctx, operation: str, change: Callable[[Actor], T]
) -> T | DomainError | None:
    """Runs the use case as the caller: what it returns, the domain's refusal (returned,
    not raised), or None when it saved and the read models could not follow."""
    context = info.context

    def work() -> T | DomainError | None:
        try:
            return change(context.who())
        except DomainError as refused:
            return refused
        except ReadModelsBehind:
            context.notes.append(catching_up_note(operation))
            return None

    return await in_thread(work)


async def _current(info: Ctx, webhook_id: Any) -> Webhook | None:
    services = info.context.services

    def find() -> Webhook | None:
        try:
            return Webhook.from_row(webhook(services.database, webhook_id))
        except Exception:
            return None

    return await in_thread(find)


@strawberry.mutation(
    description="An administrator registers an endpoint; the payload holds its secret, once."
)
async def register_webhook(info: Ctx, input: RegisterWebhookInput) -> RegisterWebhookPayload:
    app = info.context.services.app

    def register(actor: Actor) -> NewWebhook:
        return app.register_webhook(
            actor, url=input.url, event_kinds=input.event_kinds, description=input.description
        )

    done = await _saving(info, "registerWebhook", register)
    if not isinstance(done, NewWebhook):  # the use case answers even when read models lag
        return RegisterWebhookPayload(
            webhook=None,
            secret=None,
            user_errors=[UserError.of(done)] if done is not None else [],
            client_mutation_id=input.client_mutation_id,
        )
    if done.read_models_behind:
        info.context.notes.append(catching_up_note("registerWebhook"))
    return RegisterWebhookPayload(
        webhook=await _current(info, done.id),
        secret=done.secret,
        user_errors=[],
        client_mutation_id=input.client_mutation_id,
    )


async def _on_webhook(
    info: Ctx,
    operation: str,
    webhook_id: Any,
    mutation_id: str | None,
    change: Callable[[Actor], None],
) -> WebhookPayload:
    done = await _saving(info, operation, change)
    errors = [UserError.of(done)] if isinstance(done, DomainError) else []
    return WebhookPayload(
        webhook=None if errors else await _current(info, webhook_id),
        user_errors=errors,
        client_mutation_id=mutation_id,
    )


@strawberry.mutation(
    description="An administrator changes an endpoint's URL, kinds or description."
)
async def change_webhook(info: Ctx, input: ChangeWebhookInput) -> WebhookPayload:
    app = info.context.services.app

    def change(actor: Actor) -> None:
        app.change_webhook(
            actor,
            input.webhook_id,
            url=input.url,
            event_kinds=input.event_kinds,
            description=input.description,
        )

    return await _on_webhook(
        info, "changeWebhook", input.webhook_id, input.client_mutation_id, change
    )


@strawberry.mutation(description="An administrator stops deliveries to an endpoint.")
async def disable_webhook(info: Ctx, input: DisableWebhookInput) -> WebhookPayload:
    app = info.context.services.app

    def disable(actor: Actor) -> None:
        app.disable_webhook(actor, input.webhook_id, input.reason or "")

    return await _on_webhook(
        info, "disableWebhook", input.webhook_id, input.client_mutation_id, disable
    )


@strawberry.mutation(
    description="An administrator resumes deliveries to an endpoint; those that waited go first."
)
async def enable_webhook(info: Ctx, input: EnableWebhookInput) -> WebhookPayload:
    app = info.context.services.app

    def enable(actor: Actor) -> None:
        app.enable_webhook(actor, input.webhook_id)

    return await _on_webhook(
        info, "enableWebhook", input.webhook_id, input.client_mutation_id, enable
    )
