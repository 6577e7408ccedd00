"""The question set's GraphQL types: the questions a preparation asks, and their answers.

A built-in question's texts are the hand-outs' questions in English
(`builtIn: true`); the pages show them in the reader's language. A question
HR wrote is given as HR typed it.
"""

from __future__ import annotations

from typing import Any

import strawberry

from domain.question_set import Question as QuestionDoc
from domain.question_set import Section, questions_or_built_in

strawberry.enum(Section, name="QuestionSection", description="The part of a preparation a "
                "question belongs to, in the order they are asked.")  # fmt: skip


@strawberry.type(description="An open question of the preparation, worded for each party.")
class Question:
    id: strawberry.ID = strawberry.field(
        description="The question's stable id: answers name it (`questionId`)."
    )
    section: Section
    employee: str | None = strawberry.field(
        description="The question as the employee is asked it; null when they are not."
    )
    manager: str | None = strawberry.field(
        description="The question as the manager is asked it; null when they are not."
    )
    help: str | None
    built_in: bool = strawberry.field(
        description="One of the hand-outs' questions, its texts in English (translated on the "
        "pages); false once HR has worded it."
    )

    @classmethod
    def from_doc(cls, doc: QuestionDoc) -> Question:
        return cls(
            id=strawberry.ID(doc["id"]),
            section=Section(doc["section"]),
            employee=doc["employee"] or None,
            manager=doc["manager"] or None,
            help=doc["help"] or None,
            built_in=doc["built_in"],
        )

    @classmethod
    def of_cycle(cls, questions: list[QuestionDoc] | None) -> list[Question]:
        return [cls.from_doc(q) for q in questions_or_built_in(questions)]


@strawberry.type(description="The organisation's question set as it is now.")
class QuestionSet:
    version: int = strawberry.field(
        description="0 while HR has never changed the built-in set; send it as `ifVersion` to "
        "change the set only if nobody changed it since."
    )
    questions: list[Question] = strawberry.field(
        description="What a cycle opened now asks, part by part, in HR's order."
    )
    retired: list[Question] = strawberry.field(
        description="Questions taken out of the set; cycles that began with them still ask them."
    )


@strawberry.type(description="An answer to one of the cycle's questions.")
class QuestionAnswer:
    question_id: strawberry.ID
    text: str

    @classmethod
    def all_of(cls, preparation: Any) -> list[QuestionAnswer]:
        answers: dict[str, str] = preparation.get("answers") or {}
        return [cls(question_id=strawberry.ID(k), text=v) for k, v in answers.items()]


@strawberry.input(description="An answer to one of the cycle's questions; a blank one is dropped.")
class QuestionAnswerInput:
    question_id: strawberry.ID = strawberry.field(description="The question's `id`.")
    text: str


def answers_plain(answers: dict[str, Any]) -> dict[str, Any]:
    """A preparation input's plain form with its `questionAnswers` as the domain's `answers`
    (question id → text)."""
    listed = answers.pop("question_answers", None) or []
    answers["answers"] = {str(a["question_id"]): a["text"] for a in listed}
    return answers
