"""Mutation inputs of people and of the company backlog (see `inputs` for the conventions)."""

from __future__ import annotations

from datetime import date

import strawberry

from service.graphql.enums import DevelopmentPhase, Horizon, Language, Role, SkillKind
from service.graphql.inputs import KEY_HELP, MUTATION_ID_HELP

EXTERNAL_ID_HELP = "The person's id in another system (an HRIS), unique like an e-mail address."


@strawberry.input
class RegisterPersonInput:
    name: str
    email: str
    function: str
    team: str
    start_date: date
    manager_id: strawberry.ID | None = None
    development_phase: DevelopmentPhase = DevelopmentPhase.JUNIOR
    language: Language = Language.NL
    external_id: str | None = strawberry.field(default=None, description=EXTERNAL_ID_HELP)
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(
    description="Changes one detail of a person: set exactly the field to change "
    "(`managerId: null` takes the manager away, `externalId: null` the external id)."
)
class ChangePersonInput:
    person_id: strawberry.ID
    manager_id: strawberry.ID | None = strawberry.UNSET
    team: str | None = None
    function: str | None = None
    name: str | None = None
    email: str | None = None
    development_phase: DevelopmentPhase | None = None
    external_id: str | None = strawberry.field(
        default=strawberry.UNSET, description=EXTERNAL_ID_HELP
    )
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class RoleInput:
    person_id: strawberry.ID
    role: Role
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(
    description="HR offboards a person: their access ends at once, their history stays."
)
class DeactivatePersonInput:
    person_id: strawberry.ID
    left_on: date = strawberry.field(description="The last day they worked here.")
    reason: str = ""
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class BacklogSkillInput:
    kind: SkillKind
    horizon: Horizon = Horizon.NOW
    description: str
    inspiration: str = ""
    position: int | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="Reword, move or retire one skill: one of the three per request.")
class BacklogChangeInput:
    skill_id: strawberry.ID
    description: str | None = None
    inspiration: str | None = None
    kind: SkillKind | None = None
    horizon: Horizon | None = None
    position: int | None = strawberry.field(
        default=None, description="Move the skill to this place."
    )
    retire: bool = False
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)
