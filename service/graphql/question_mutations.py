"""The question set over GraphQL: the `questionSet` query, and HR's mutations on it, each
answering with the question and the set as they are now."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry

from domain.errors import InvalidInput
from domain.question_set import Section
from service.actor import Actor
from service.container import Services
from service.error_texts import ONE_QUESTION_CHANGE_PER_REQUEST
from service.graphql import inputs as i
from service.graphql.answers import Answer
from service.graphql.commands import Ctx, Keyed, Refused, act, named
from service.graphql.context import run
from service.graphql.payloads import ERRORS_HELP, MUTATION_ID_HELP
from service.graphql.question_types import Question, QuestionSet
from service.graphql.user_errors import UserError
from service.idempotency import Claim
from service.question_set_use_cases import QuestionSetView

IF_VERSION_HELP = (
    "Change the set only if it is still at this version (`QuestionSet.version`); otherwise "
    "nothing is saved and the response has a CONFLICT error."
)


def _set_of(view: QuestionSetView) -> QuestionSet:
    return QuestionSet(
        version=view.version,
        questions=[Question.from_doc(q) for q in view.questions],
        retired=[Question.from_doc(q) for q in view.retired],
    )


@strawberry.field(description="The question set as it is now: what a cycle opened now asks.")
async def question_set(info: Ctx) -> QuestionSet:
    view = await run(info, info.context.services.queries.question_set)
    return _set_of(view)


def read_question_set(services: Services, actor: Actor, question_id: Any) -> dict[str, Any]:
    view = services.queries.question_set(actor)
    every = [*view.questions, *view.retired]
    question = next((q for q in every if question_id is not None and q["id"] == question_id), None)
    return {"view": view, "question": question}


QUESTIONS = Answer(read_question_set, None)  # the set is read from its aggregate


@strawberry.type
class QuestionSetResult:
    question: Question | None = strawberry.field(
        description="The question added or changed; null if refused."
    )
    question_set: QuestionSet | None = strawberry.field(
        description="The whole set as it is now; null if refused."
    )
    user_errors: list[UserError] = strawberry.field(description=ERRORS_HELP)
    client_mutation_id: str | None = strawberry.field(description=MUTATION_ID_HELP)


@strawberry.type
class AddQuestionPayload(QuestionSetResult):
    pass


@strawberry.type
class ChangeQuestionPayload(QuestionSetResult):
    pass


Payload = TypeVar("Payload", bound=QuestionSetResult)


def _payload(payload: type[Payload], input: Keyed, outcome: Any) -> Payload:
    mutation_id = input.client_mutation_id
    if isinstance(outcome, Refused):
        return payload(
            question=None,
            question_set=None,
            user_errors=outcome.user_errors,
            client_mutation_id=mutation_id,
        )
    question = outcome["question"]
    return payload(
        question=Question.from_doc(question) if question is not None else None,
        question_set=_set_of(outcome["view"]),
        user_errors=[],
        client_mutation_id=mutation_id,
    )


@strawberry.input(description="A new question: for the employee, the manager or both.")
class AddQuestionInput:
    section: Section
    employee: str = strawberry.field(default="", description="Empty: not asked of the employee.")
    manager: str = strawberry.field(default="", description="Empty: not asked of the manager.")
    help: str = ""
    if_version: int | None = strawberry.field(default=None, description=IF_VERSION_HELP)
    idempotency_key: str | None = strawberry.field(default=None, description=i.KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=i.MUTATION_ID_HELP)


@strawberry.input(
    description="Reword, move or retire one question: one of the three per request. A reword "
    "keeps the fields left out as they are."
)
class ChangeQuestionInput:
    question_id: strawberry.ID
    section: Section | None = None
    employee: str | None = None
    manager: str | None = None
    help: str | None = None
    position: int | None = strawberry.field(
        default=None, description="Move the question to this place within its part, 0 first."
    )
    retire: bool = False
    if_version: int | None = strawberry.field(default=None, description=IF_VERSION_HELP)
    idempotency_key: str | None = strawberry.field(default=None, description=i.KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=i.MUTATION_ID_HELP)


WORDING = ("section", "employee", "manager", "help")


@strawberry.mutation(description="HR adds a question at the end of its part of the set.")
async def add_question(info: Ctx, input: AddQuestionInput) -> AddQuestionPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> object:
        details = {k: i.plain(getattr(input, k)) for k in WORDING}
        return services.app.add_question(
            actor, details, if_version=input.if_version, idempotency=claim
        )

    def added(result: object | None, saved: object) -> object:
        return result  # the new question's id, when the use case ran in this request

    outcome = await act(info, input, "addQuestion", write, added, QUESTIONS)
    return _payload(AddQuestionPayload, input, outcome)


@strawberry.mutation(description="HR rewords, moves or retires one question of the set.")
async def change_question(info: Ctx, input: ChangeQuestionInput) -> ChangeQuestionPayload | None:
    wording = {k: i.plain(getattr(input, k)) for k in WORDING if getattr(input, k) is not None}
    if sum([bool(wording), input.position is not None, input.retire]) != 1:
        refused = Refused(InvalidInput(ONE_QUESTION_CHANGE_PER_REQUEST, "question_id"))
        return _payload(ChangeQuestionPayload, input, refused)
    question_id, version = str(input.question_id), input.if_version

    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        app = services.app
        if input.retire:
            app.retire_question(actor, question_id, if_version=version, idempotency=claim)
        elif input.position is not None:
            app.move_question(
                actor, question_id, input.position, if_version=version, idempotency=claim
            )
        else:
            current = next(
                (q for q in app.question_set(actor).questions if q["id"] == question_id), None
            )
            details = {**{k: current[k] for k in WORDING}, **wording} if current else wording  # type: ignore[literal-required]
            app.reword_question(actor, question_id, details, if_version=version, idempotency=claim)

    outcome = await act(info, input, "changeQuestion", write, named(question_id), QUESTIONS)
    return _payload(ChangeQuestionPayload, input, outcome)
