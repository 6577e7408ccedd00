"""What each mutation answers: a payload of its own (GitHub's convention), nullable.

`{ <the object it changed>, userErrors, clientMutationId }`: the object is
null when the input was refused (then `userErrors` says why, see
`user_errors`). A payload per mutation, so one can gain a field without the
others; those that answer with the same object share its fields.
"""

from __future__ import annotations

import strawberry

from service.graphql.types import BacklogSkill, Board, Card, Cycle, Person
from service.graphql.user_errors import UserError

ERRORS_HELP = "Why the input was refused; empty when the mutation acted."
MUTATION_ID_HELP = "The clientMutationId of the input, as it was sent."


@strawberry.type
class CycleResult:
    cycle: Cycle | None = strawberry.field(description="The cycle as it is now; null if refused.")
    user_errors: list[UserError] = strawberry.field(description=ERRORS_HELP)
    client_mutation_id: str | None = strawberry.field(description=MUTATION_ID_HELP)


@strawberry.type
class BoardResult:
    board: Board | None = strawberry.field(description="The board as it is now; null if refused.")
    user_errors: list[UserError] = strawberry.field(description=ERRORS_HELP)
    client_mutation_id: str | None = strawberry.field(description=MUTATION_ID_HELP)


@strawberry.type
class CardResult:
    board: Board | None = strawberry.field(description="The board as it is now; null if refused.")
    card: Card | None = strawberry.field(description="The card the input names, as it is now.")
    user_errors: list[UserError] = strawberry.field(description=ERRORS_HELP)
    client_mutation_id: str | None = strawberry.field(description=MUTATION_ID_HELP)


@strawberry.type
class PersonResult:
    person: Person | None = strawberry.field(description="The person as now; null if refused.")
    user_errors: list[UserError] = strawberry.field(description=ERRORS_HELP)
    client_mutation_id: str | None = strawberry.field(description=MUTATION_ID_HELP)


@strawberry.type
class BacklogResult:
    skill: BacklogSkill | None = strawberry.field(
        description="The skill added or changed; null if refused."
    )
    skills: list[BacklogSkill] | None = strawberry.field(
        description="The whole backlog in its order, as it is now; null if refused."
    )
    user_errors: list[UserError] = strawberry.field(description=ERRORS_HELP)
    client_mutation_id: str | None = strawberry.field(description=MUTATION_ID_HELP)


@strawberry.type
class OpenCyclePayload(CycleResult):
    pass


@strawberry.type
class HandCycleToCoachPayload(CycleResult):
    pass


@strawberry.type
class SavePreparationDraftPayload(CycleResult):
    pass


@strawberry.type
class SubmitPreparationPayload(CycleResult):
    pass


@strawberry.type
class HoldSessionPayload(CycleResult):
    pass


@strawberry.type
class WritePlanPayload(CycleResult):
    pass


@strawberry.type
class ApprovePlanPayload(CycleResult):
    pass


@strawberry.type
class ScheduleFollowUpPayload(CycleResult):
    pass


@strawberry.type
class CompleteFollowUpPayload(CycleResult):
    pass


@strawberry.type
class CloseCyclePayload(CycleResult):
    pass


@strawberry.type
class PlanShowAndTellPayload(CycleResult):
    pass


@strawberry.type
class CallOffShowAndTellPayload(CycleResult):
    pass


@strawberry.type
class SelectCardsPayload(BoardResult):
    pass


@strawberry.type
class MoveCardPayload(CardResult):
    pass


@strawberry.type
class SetCardVisibilityPayload(CardResult):
    pass


@strawberry.type
class ShowBoardToTeamPayload(BoardResult):
    pass


@strawberry.type
class RegisterPersonPayload(PersonResult):
    pass


@strawberry.type
class ChangePersonPayload(PersonResult):
    pass


@strawberry.type
class DeactivatePersonPayload(PersonResult):
    pass


@strawberry.type
class GrantRolePayload(PersonResult):
    pass


@strawberry.type
class RevokeRolePayload(PersonResult):
    pass


@strawberry.type
class AddBacklogSkillPayload(BacklogResult):
    pass


@strawberry.type
class ChangeBacklogSkillPayload(BacklogResult):
    pass


@strawberry.type
class SaveCandidateCardPayload(CycleResult):
    pass


@strawberry.type
class RemoveCandidateCardPayload(CycleResult):
    pass


@strawberry.type
class WriteSessionReportPayload(CycleResult):
    pass


@strawberry.type
class ApproveSessionReportPayload(CycleResult):
    pass
