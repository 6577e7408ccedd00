"""Mutations on people: HR registers, changes and deactivates them, administrators grant roles."""

from __future__ import annotations

from typing import TypeVar

import strawberry
from eventsourcing.utils import get_topic

from domain.errors import InvalidInput
from domain.person import Person as PersonAggregate
from service import offboarding
from service.actor import Actor
from service.container import Services
from service.error_texts import ONE_DETAIL_PER_REQUEST
from service.graphql import inputs as i
from service.graphql import payloads as p
from service.graphql import people_inputs as pi
from service.graphql.answers import PERSON
from service.graphql.commands import Ctx, Keyed, Refused, Target, Write, act, created, named
from service.graphql.types import Person
from service.idempotency import Claim
from service.ids import as_uuid

PersonPayload = TypeVar("PersonPayload", bound=p.PersonResult)
# The use case of each detail changePerson changes, by the input's field.
CHANGES = {
    "team": "change_team",
    "function": "change_function",
    "name": "change_name",
    "email": "change_email",
    "development_phase": "change_development_phase",
}


async def on_person(
    info: Ctx,
    input: Keyed,
    operation: str,
    write: Write[object],
    target: Target[object],
    payload: type[PersonPayload],
) -> PersonPayload:
    """Runs a use case on a person; answers with that person as they are now."""
    outcome = await act(info, input, operation, write, target, PERSON)
    mutation_id = input.client_mutation_id
    if isinstance(outcome, Refused):
        return payload(person=None, user_errors=outcome.user_errors, client_mutation_id=mutation_id)
    return payload(person=Person.from_row(outcome), user_errors=[], client_mutation_id=mutation_id)


@strawberry.mutation(description="HR registers a person.")
async def register_person(
    info: Ctx, input: pi.RegisterPersonInput
) -> p.RegisterPersonPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> object:
        details = i.plain(input)
        details["manager_id"] = as_uuid(input.manager_id) if input.manager_id else None
        return services.app.register_person(actor, claim, **details)

    registered = created(get_topic(PersonAggregate.Registered))
    return await on_person(
        info, input, "registerPerson", write, registered, p.RegisterPersonPayload
    )


@strawberry.mutation(
    description="HR changes one detail of a person (manager, team, function, name, e-mail, "
    "phase or external id)."
)
async def change_person(info: Ctx, input: pi.ChangePersonInput) -> p.ChangePersonPayload | None:
    changes = {
        k: v
        for k, v in vars(input).items()
        if k not in ("person_id", *i.ENVELOPE) and v is not None and v is not strawberry.UNSET
    }
    for clearable in ("manager_id", "external_id"):
        if clearable not in changes and getattr(input, clearable) is None:
            changes[clearable] = None  # an explicit null: none any more
    if len(changes) != 1:
        refused = Refused(InvalidInput(ONE_DETAIL_PER_REQUEST, "person_id"))
        return p.ChangePersonPayload(
            person=None,
            user_errors=refused.user_errors,
            client_mutation_id=input.client_mutation_id,
        )
    [(field, value)] = changes.items()

    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        app, person = services.app, as_uuid(input.person_id)
        if field == "manager_id":
            app.change_manager(actor, person, as_uuid(value) if value else None, idempotency=claim)
        elif field == "external_id":
            app.change_external_id(actor, person, value, idempotency=claim)
        else:
            getattr(app, CHANGES[field])(actor, person, i.plain(value), idempotency=claim)

    target = named(input.person_id)
    return await on_person(
        info, input, f"changePerson.{field}", write, target, p.ChangePersonPayload
    )


@strawberry.mutation(
    description="HR offboards a person: they can no longer sign in, their sessions and "
    "tokens stop at once, and their own open cycle is closed; everything they did stays "
    "in the history."
)
async def deactivate_person(
    info: Ctx, input: pi.DeactivatePersonInput
) -> p.DeactivatePersonPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        offboarding.deactivate_person(
            services,
            actor,
            as_uuid(input.person_id),
            left_on=input.left_on.isoformat(),
            reason=input.reason,
            idempotency=claim,
        )

    target = named(input.person_id)
    return await on_person(
        info, input, "deactivatePerson", write, target, p.DeactivatePersonPayload
    )


@strawberry.mutation(description="An administrator grants a role.")
async def grant_role(info: Ctx, input: pi.RoleInput) -> p.GrantRolePayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.grant_role(
            actor, as_uuid(input.person_id), input.role.value, idempotency=claim
        )

    target = named(input.person_id)
    return await on_person(info, input, "grantRole", write, target, p.GrantRolePayload)


@strawberry.mutation(description="An administrator revokes a role.")
async def revoke_role(info: Ctx, input: pi.RoleInput) -> p.RevokeRolePayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.revoke_role(
            actor, as_uuid(input.person_id), input.role.value, idempotency=claim
        )

    target = named(input.person_id)
    return await on_person(info, input, "revokeRole", write, target, p.RevokeRolePayload)
