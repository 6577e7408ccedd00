"""Mutations on people: HR registers and changes them, administrators grant roles."""

from __future__ import annotations

import strawberry
from eventsourcing.utils import get_topic

from domain.errors import InvalidInput
from domain.person import Person as PersonAggregate
from service.actor import Actor
from service.container import Services
from service.error_texts import ONE_DETAIL_PER_REQUEST
from service.graphql import inputs as i
from service.graphql.answers import PERSON
from service.graphql.commands import Ctx, act, created, named
from service.graphql.types import Person
from service.idempotency import Claim
from service.ids import as_uuid


@strawberry.mutation(description="HR registers a person.")
async def register_person(info: Ctx, input: i.RegisterPersonInput) -> Person:
    def write(services: Services, actor: Actor, claim: Claim | None) -> object:
        details = i.plain(input)
        details["manager_id"] = as_uuid(input.manager_id) if input.manager_id else None
        return services.app.register_person(actor, claim, **details)

    registered = created(get_topic(PersonAggregate.Registered))
    return Person.from_row(await act(info, input, "registerPerson", write, registered, PERSON))


@strawberry.mutation(
    description="HR changes one detail of a person (manager, team, function, name, e-mail or phase)."
)
async def change_person(info: Ctx, input: i.ChangePersonInput) -> Person:
    changes = {
        k: v
        for k, v in vars(input).items()
        if k not in ("person_id", "idempotency_key") and v is not None and v is not strawberry.UNSET
    }
    if "manager_id" not in changes and input.manager_id is None:
        changes["manager_id"] = None  # an explicit null: no manager any more
    if len(changes) != 1:
        raise InvalidInput(ONE_DETAIL_PER_REQUEST, "person_id")
    [(field, value)] = changes.items()

    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        app, person = services.app, as_uuid(input.person_id)
        if field == "manager_id":
            app.change_manager(actor, person, as_uuid(value) if value else None, idempotency=claim)
            return
        use_case = {
            "team": app.change_team,
            "function": app.change_function,
            "name": app.change_name,
            "email": app.change_email,
            "development_phase": app.change_development_phase,
        }[field]
        use_case(actor, person, value, idempotency=claim)

    target = named(input.person_id)
    return Person.from_row(await act(info, input, f"changePerson.{field}", write, target, PERSON))


@strawberry.mutation(description="An administrator grants a role (hr or admin).")
async def grant_role(info: Ctx, input: i.RoleInput) -> Person:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.grant_role(actor, as_uuid(input.person_id), input.role, idempotency=claim)

    target = named(input.person_id)
    return Person.from_row(await act(info, input, "grantRole", write, target, PERSON))


@strawberry.mutation(description="An administrator revokes a role.")
async def revoke_role(info: Ctx, input: i.RoleInput) -> Person:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.revoke_role(actor, as_uuid(input.person_id), input.role, idempotency=claim)

    target = named(input.person_id)
    return Person.from_row(await act(info, input, "revokeRole", write, target, PERSON))
