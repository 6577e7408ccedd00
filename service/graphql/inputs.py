"""Mutation inputs: one input object per mutation, each with an optional idempotencyKey."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types.base import StrawberryContainer

from service.graphql.enums import Column
from service.ids import bare_key

KEY_HELP = "Send the same key when you retry: the mutation then acts once."


@strawberry.input
class OpenCycleInput:
    employee_id: strawberry.ID
    planned_session_on: date
    coach_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="For someone without a manager: who leads the cycle (HR opens it; "
        "default HR themselves).",
    )
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input(
    description="HR names the coach who leads the cycle of someone without a manager."
)
class HandCycleToCoachInput:
    cycle_id: strawberry.ID
    coach_id: strawberry.ID
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input(
    description="`answers`: {hard: {needed, strengths, untapped, growth: [{skill, why, actions, support, backlogSkillId}]}, soft: {…}, goingWell, couldBeBetter, developmentPhase, ambitions}."
)
class PreparationInput:
    cycle_id: strawberry.ID
    answers: JSON
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class CardStoryInput:
    kind: str = strawberry.field(description="hard or soft")
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str = ""
    support: str = ""
    backlog_skill_id: strawberry.ID | None = None


@strawberry.input
class HoldSessionInput:
    cycle_id: strawberry.ID
    held_on: date
    notes: str = ""
    cards: list[CardStoryInput]
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class SelectCardsInput:
    cycle_id: strawberry.ID
    card_ids: list[strawberry.ID] = strawberry.field(description="At most three.")
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class MoveCardInput:
    cycle_id: strawberry.ID
    card_id: strawberry.ID
    to_column: Column
    position: int = strawberry.field(default=0, description="0 is the top of the column.")
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class CardVisibilityInput:
    cycle_id: strawberry.ID
    card_id: strawberry.ID
    visible: bool
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input(description="SMART: every goal has a measure and a deadline.")
class GoalInput:
    description: str
    measure: str
    deadline: date


@strawberry.input
class ActivityInput:
    description: str
    type: str = strawberry.field(
        description="course, book, webinar, conference, shadowing, job_shadowing, internship, workplace_learning, mentoring, other"
    )
    form: str = strawberry.field(description="formal, non_formal, informal")
    skill: str = ""


@strawberry.input
class SupportInput:
    kind: str = strawberry.field(description="time, budget, people, room_to_experiment")
    description: str


@strawberry.input(
    description="Drafts the POP, or revises it into a new version (approvals start over)."
)
class WritePlanInput:
    cycle_id: strawberry.ID
    goals: list[GoalInput]
    activities: list[ActivityInput] = strawberry.field(default_factory=list)
    support: list[SupportInput] = strawberry.field(default_factory=list)
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class ApprovePlanInput:
    cycle_id: strawberry.ID
    version: int
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input(description="Either `months` (3, 6 or 12 after the session) or `dueOn`.")
class ScheduleFollowUpInput:
    cycle_id: strawberry.ID
    months: int | None = None
    due_on: date | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class CompleteFollowUpInput:
    cycle_id: strawberry.ID
    held_on: date
    went_well: str
    could_be_better: str
    show_and_tell_on: date | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class CloseCycleInput:
    cycle_id: strawberry.ID
    reason: str = ""
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class RegisterPersonInput:
    name: str
    email: str
    function: str
    team: str
    start_date: date
    manager_id: strawberry.ID | None = None
    development_phase: str = "junior"
    language: str = "nl"
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input(description="Changes one detail of a person: set exactly the fields to change.")
class ChangePersonInput:
    person_id: strawberry.ID
    manager_id: strawberry.ID | None = strawberry.UNSET
    team: str | None = None
    function: str | None = None
    name: str | None = None
    email: str | None = None
    development_phase: str | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class RoleInput:
    person_id: strawberry.ID
    role: str = strawberry.field(description="hr or admin")
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class BacklogSkillInput:
    kind: str = strawberry.field(description="hard or soft")
    horizon: str = strawberry.field(description="now or future")
    description: str
    inspiration: str = ""
    position: int | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


@strawberry.input
class BacklogChangeInput:
    skill_id: strawberry.ID
    description: str | None = None
    inspiration: str | None = None
    kind: str | None = None
    horizon: str | None = None
    position: int | None = strawberry.field(
        default=None, description="Move the skill to this place."
    )
    retire: bool = False
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)


def plain(value: Any) -> Any:
    """Input objects → the plain dicts and ISO dates the use cases take; ids as bare keys
    (an input may name a backlog skill or a card by its global ID)."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "__strawberry_definition__"):
        ids = _id_fields(type(value))
        return {
            k: _bare(v) if k in ids else plain(v)
            for k, v in vars(value).items()
            if k != "idempotency_key"
        }
    return value


def _id_fields(input_type: type) -> frozenset[str]:
    found = _ID_FIELDS.get(input_type)
    if found is None:
        fields = input_type.__strawberry_definition__.fields  # type: ignore[attr-defined]
        found = _ID_FIELDS[input_type] = frozenset(
            f.python_name for f in fields if _holds_ids(f.type)
        )
    return found


# The fields typed ID, per input type: worked out once, not per request.
_ID_FIELDS: dict[type, frozenset[str]] = {}


def _holds_ids(kind: object) -> bool:
    while isinstance(kind, StrawberryContainer):
        kind = kind.of_type
    return kind is strawberry.ID


def _bare(value: Any) -> Any:
    return [bare_key(v) for v in value] if isinstance(value, list) else bare_key(value)
