"""Mutations on people: HR registers and changes them, administrators grant roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from eventsourcing.utils import get_topic

from domain.errors import InvalidInput
from domain.person import Person as PersonAggregate
from service.actor import Actor
from service.application import Groeispurt
from service.container import Services
from service.graphql import inputs as i
from service.graphql.answers import PERSON
from service.graphql.commands import Ctx, act, created, named
from service.graphql.types import Person
from service.idempotency import Claim
from service.ids import as_uuid


@strawberry.mutation(description="HR registers a person.")
async def register_person(info: Ctx, input: i.RegisterPersonInput) -> Person:
    def write(services: Services, actor: Actor, n: i.RegisterPersonInput, k: Claim | None) -> Any:
        details = i.plain(n)
        details["manager_id"] = as_uuid(n.manager_id) if n.manager_id else None
        return services.app.register_person(actor, k, **details)

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
        raise InvalidInput("Change exactly one detail per request.", "person_id")
    [(field, value)] = changes.items()

    def write(services: Services, actor: Actor, n: i.ChangePersonInput, k: Claim | None) -> None:
        app, person = services.app, as_uuid(n.person_id)
        if field == "manager_id":
            app.change_manager(actor, person, as_uuid(value) if value else None, idempotency=k)
            return
        use_case = {
            "team": app.change_team,
            "function": app.change_function,
            "name": app.change_name,
            "email": app.change_email,
            "development_phase": app.change_development_phase,
        }[field]
        use_case(actor, person, value, idempotency=k)

    target = named(input.person_id)
    return Person.from_row(await act(info, input, f"changePerson.{field}", write, target, PERSON))


def _role_mutation(name: str, use_case: Callable[[Groeispurt], Any], description: str) -> Any:
    async def resolve(info: Ctx, input: i.RoleInput) -> Person:
        def write(services: Services, actor: Actor, n: i.RoleInput, k: Claim | None) -> None:
            use_case(services.app)(actor, as_uuid(n.person_id), n.role, idempotency=k)

        target = named(input.person_id)
        return Person.from_row(await act(info, input, name, write, target, PERSON))

    return strawberry.mutation(resolver=resolve, description=description)


grant_role = _role_mutation(
    "grantRole", lambda app: app.grant_role, "An administrator grants a role (hr or admin)."
)
revoke_role = _role_mutation(
    "revokeRole", lambda app: app.revoke_role, "An administrator revokes a role."
)
