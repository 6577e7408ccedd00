"""Mutations on people: HR registers and changes them, administrators grant roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry

from domain.errors import InvalidInput
from service.actor import Actor
from service.application import Groeispurt
from service.container import Services
from service.graphql import inputs as i
from service.graphql.commands import Ctx, Doc, act, read_person
from service.graphql.types import Person
from service.ids import as_uuid


@strawberry.mutation(description="HR registers a person.")
async def register_person(info: Ctx, input: i.RegisterPersonInput) -> Person:
    def command(services: Services, actor: Actor) -> Doc:
        details = i.plain(input)
        details["manager_id"] = as_uuid(input.manager_id) if input.manager_id else None
        return read_person(services, services.app.register_person(actor, **details))

    return Person.from_row(await act(info, input.idempotency_key, "registerPerson", command))


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
        raise InvalidInput("Change exactly one detail per request.", "person_id")
    [(field, value)] = changes.items()

    def command(services: Services, actor: Actor) -> Doc:
        app, person = services.app, as_uuid(input.person_id)
        if field == "manager_id":
            app.change_manager(actor, person, as_uuid(value) if value else None)
        else:
            use_case = {
                "team": app.change_team,
                "function": app.change_function,
                "name": app.change_name,
                "email": app.change_email,
                "development_phase": app.change_development_phase,
            }[field]
            use_case(actor, person, value)
        return read_person(services, person)

    return Person.from_row(await act(info, input.idempotency_key, f"changePerson.{field}", command))


def _role_mutation(name: str, use_case: Callable[[Groeispurt], Any], description: str) -> Any:
    async def resolve(info: Ctx, input: i.RoleInput) -> Person:
        def command(services: Services, actor: Actor) -> Doc:
            use_case(services.app)(actor, as_uuid(input.person_id), input.role)
            return read_person(services, input.person_id)

        return Person.from_row(await act(info, input.idempotency_key, name, command))

    return strawberry.mutation(resolver=resolve, description=description)


grant_role = _role_mutation(
    "grantRole", lambda app: app.grant_role, "An administrator grants a role (hr or admin)."
)
revoke_role = _role_mutation(
    "revokeRole", lambda app: app.revoke_role, "An administrator revokes a role."
)
