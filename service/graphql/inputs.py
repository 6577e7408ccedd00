"""Mutation inputs of the growth cycle and its board: typed, camelCase, refusing unknown keys.

Every input object of the API is a typed input (no JSON anywhere in an
input), so GraphQL itself refuses a key it does not know, a value outside an
enum or a date that is none, before anything runs. Each mutation's input
carries an optional `idempotencyKey` and `clientMutationId`. `plain` turns an input into the
plain dicts and texts the use cases take, the same the pages hand them.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

import strawberry
from strawberry.types.base import StrawberryContainer

from service.graphql.enums import (
    ActivityType,
    Column,
    DevelopmentPhase,
    LearningForm,
    SkillKind,
    SupportKind,
)
from service.graphql.question_types import QuestionAnswerInput
from service.ids import bare_key

KEY_HELP = "Send the same key when you retry: the mutation then acts once."
MUTATION_ID_HELP = "Any text of yours: the payload hands it back as it was sent."
# Not part of what a use case takes, nor of which request this is (`commands.fingerprint`).
ENVELOPE = ("idempotency_key", "client_mutation_id")


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
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(
    description="HR names the coach who leads the cycle of someone without a manager."
)
class HandCycleToCoachInput:
    cycle_id: strawberry.ID
    coach_id: strawberry.ID
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="One skill to grow in (question 4 of the preparation).")
class GrowthItemInput:
    skill: str = strawberry.field(description="What to grow in; a row left empty is dropped.")
    why: str = ""
    actions: str = ""
    support: str = strawberry.field(default="", description="The support needed.")
    backlog_skill_id: strawberry.ID | None = strawberry.field(
        default=None, description="The company backlog's skill this points at, if any."
    )


@strawberry.input(description="A party's answers for hard or for soft skills.")
class SkillReflectionInput:
    needed: list[str] = strawberry.field(
        default_factory=list, description="Skills needed in the role, now and later."
    )
    strengths: list[str] = strawberry.field(
        default_factory=list, description="Skills already used that give energy."
    )
    untapped: list[str] = strawberry.field(
        default_factory=list, description="Skills not used yet that look attractive."
    )
    growth: list[GrowthItemInput] = strawberry.field(
        default_factory=list, description="At most two skills to grow in."
    )


@strawberry.input(description="A preparation's answers; every part may be left out.")
class PreparationAnswersInput:
    hard: SkillReflectionInput | None = None
    soft: SkillReflectionInput | None = None
    going_well: str = ""
    could_be_better: str = ""
    development_phase: DevelopmentPhase | None = None
    ambitions: str = ""
    question_answers: list[QuestionAnswerInput] = strawberry.field(
        default_factory=list, description="Answers to the cycle's questions (`Cycle.questions`)."
    )


@strawberry.input
class PreparationInput:
    cycle_id: strawberry.ID
    answers: PreparationAnswersInput
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="A candidate card as a user story: As a … I want to … in order to ….")
class CardStoryInput:
    kind: SkillKind
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
    cards: list[CardStoryInput] | None = strawberry.field(
        default=None,
        description="The four cards, two hard and two soft; null: the candidate cards "
        "written at the table (saveCandidateCard).",
    )
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(
    description="A candidate card written at the session table: a new one (no cardId), or a "
    "change of one (cardId and the version it was read at as ifVersion)."
)
class SaveCandidateCardInput:
    cycle_id: strawberry.ID
    card: CardStoryInput
    card_id: strawberry.ID | None = None
    if_version: int | None = strawberry.field(
        default=None,
        description="The card's version the change was made to: refused (CONFLICT) when "
        "the other party changed the card since.",
    )
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class RemoveCandidateCardInput:
    cycle_id: strawberry.ID
    card_id: strawberry.ID
    if_version: int | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class WriteSessionReportInput:
    cycle_id: strawberry.ID
    text: str
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class ApproveSessionReportInput:
    cycle_id: strawberry.ID
    version: int
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class SelectCardsInput:
    cycle_id: strawberry.ID
    card_ids: list[strawberry.ID] = strawberry.field(description="At most three.")
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class MoveCardInput:
    cycle_id: strawberry.ID
    card_id: strawberry.ID
    to_column: Column
    position: int = strawberry.field(default=0, description="0 is the top of the column.")
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class CardVisibilityInput:
    cycle_id: strawberry.ID
    card_id: strawberry.ID
    visible: bool
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="Every card of the board at once.")
class BoardVisibilityInput:
    cycle_id: strawberry.ID
    visible: bool
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="SMART: every goal has a measure and a deadline.")
class GoalInput:
    description: str
    measure: str
    deadline: date


@strawberry.input
class ActivityInput:
    description: str
    type: ActivityType
    form: LearningForm
    skill: str = ""


@strawberry.input
class SupportInput:
    kind: SupportKind
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
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class ApprovePlanInput:
    cycle_id: strawberry.ID
    version: int
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="Either `months` (3, 6 or 12 after the session) or `dueOn`.")
class ScheduleFollowUpInput:
    cycle_id: strawberry.ID
    months: int | None = None
    due_on: date | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class CompleteFollowUpInput:
    cycle_id: strawberry.ID
    held_on: date
    went_well: str
    could_be_better: str
    show_and_tell_on: date | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class CloseCycleInput:
    cycle_id: strawberry.ID
    reason: str = ""
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="The day of the show & tell, announced to the team.")
class PlanShowAndTellInput:
    cycle_id: strawberry.ID
    on: date
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input
class CallOffShowAndTellInput:
    cycle_id: strawberry.ID
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


def plain(value: Any) -> Any:
    """Input objects → the plain dicts (snake_case keys), texts and ISO dates the use cases
    take; an enum becomes its domain text, ids become bare keys (an input may name a
    backlog skill or a card by its global ID), and the request's envelope is left out."""
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
            if k not in ENVELOPE
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
