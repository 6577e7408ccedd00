"""The question set: the open questions both parties answer when they prepare a session.

One set per organisation (a fixed id), like the company backlog. It starts
as the questions of the hand-outs — 001's opening and strengths questions,
003's questions on ambitions and actions and its part for the manager — and
HR adds, rewords, reorders and retires questions from there. Each question
has a stable id, a part of the preparation it belongs to, its wording for
the employee and for the manager (either may be empty: a question for one
party only) and an optional help text.

The built-in questions are written in English and marked `built_in`: their
texts are catalogue messages, shown in each reader's language. A question HR
words is stored as HR typed it, and shown as it is.

A cycle records the questions it asks when it opens (`GrowthCycle.QuestionsAsked`),
so changing the set later never changes a cycle under way.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypedDict
from uuid import NAMESPACE_URL, uuid4, uuid5

from eventsourcing.domain import Aggregate

from domain.error_texts import (
    DUPLICATE_QUESTION,
    NO_SUCH_QUESTION,
    NOT_A_POSITION,
    QUESTION_FOR_NOBODY,
    QUESTION_NOT_A_SET,
    QUESTION_RETIRED,
    QUESTION_SET_FULL,
)
from domain.errors import InvalidInput, NotAllowedNow
from domain.text import check_text
from domain.vocabulary import Party, parse_choice

QUESTION_SET_ID = uuid5(NAMESPACE_URL, "groeispurt:question-set")
MAX_QUESTIONS = 200  # retired ones included: they stay in the set's history
QUESTION_LENGTH = 500
HELP_LENGTH = 1000


class Section(StrEnum):
    """The parts of a preparation the questions belong to, in the order they are asked."""

    OPENING = "opening"  # 001, step 1
    STRENGTHS = "strengths"  # 001, step 2: the strengths-based approach
    AMBITIONS = "ambitions"  # 003, step 1
    MANAGER_VIEW = "manager_view"  # 003: the manager's own view of the employee


class Question(TypedDict):
    id: str
    section: str
    employee: str  # the wording for the employee; "" when the employee is not asked
    manager: str  # the wording for the manager; "" when the manager is not asked
    help: str
    built_in: bool  # the texts are catalogue messages (English), shown translated


def _built_in(qid: str, section: Section, employee: str, manager: str, help: str = "") -> Question:
    return Question(
        id=qid, section=section.value, employee=employee, manager=manager, help=help, built_in=True
    )


# The hand-outs' questions, in their order. Their ids never change: answers point at them.
BUILT_IN: tuple[Question, ...] = (
    _built_in(
        "opening-work",
        Section.OPENING,
        "How do you feel about your work?",
        "How does the employee feel about their work, as you see it?",
    ),
    _built_in(
        "opening-development-points",
        Section.OPENING,
        "Which development points do you want to get started on in the coming week?",
        "Which development points could the employee get started on in the coming week?",
    ),
    _built_in(
        "opening-moments",
        Section.OPENING,
        "Which moments in the coming weeks matter to you (with your development points in mind)?",
        "Which moments in the coming weeks matter for the employee "
        "(with their development points in mind)?",
    ),
    _built_in(
        "strengths-work-you-like",
        Section.STRENGTHS,
        "What kind of work do you like doing? Which talents do you use for it?",
        "What kind of work does the employee like doing? Which talents do they use for it?",
    ),
    _built_in(
        "strengths-compliments",
        Section.STRENGTHS,
        "What do you often get compliments on, and what does that say about you?",
        "What does the employee often get compliments on, and what does that say about them?",
    ),
    _built_in(
        "strengths-whistling",
        Section.STRENGTHS,
        "When do you go home, or to work, whistling? What have you achieved then? "
        "Which of your qualities did you use for it?",
        "When does the employee go home, or to work, whistling? What have they achieved then? "
        "Which of their qualities did they use for it?",
    ),
    _built_in(
        "strengths-success",
        Section.STRENGTHS,
        "What do you see as an important success of recent times? What did you do that "
        "contributed to it? What was its effect, and what does it say about you?",
        "What do you see as an important success of the employee in recent times? What did "
        "they do that contributed to it? What was its effect, and what does it say about them?",
    ),
    _built_in(
        "ambitions-where",
        Section.AMBITIONS,
        "Where do your ambitions lie? Do you want to grow into another role?",
        "Where do the employee's ambitions lie, as you see them? "
        "Could they grow into another role?",
    ),
    _built_in(
        "ambitions-actions",
        Section.AMBITIONS,
        "Which concrete actions do you take from your answers to these questions?",
        "Which concrete actions do you take from your answers to these questions?",
    ),
    _built_in(
        "manager-qualities",
        Section.MANAGER_VIEW,
        "",
        "What are the employee's qualities and development points?",
    ),
    _built_in(
        "manager-growth-opportunities",
        Section.MANAGER_VIEW,
        "",
        "Which opportunities to grow do you see for this employee, now or in the future?",
        "If the employee wants to grow, think of the possibilities within the organisation.",
    ),
)


def built_in_questions() -> list[Question]:
    """A fresh copy of the built-in set: the questions of a cycle that recorded none."""
    return [Question(**q) for q in BUILT_IN]


def wording_for(question: Question, party: Party | str) -> str:
    """The question as `party` is asked it; "" when it is not asked of them."""
    return question["employee"] if str(party) == Party.EMPLOYEE.value else question["manager"]


def asked_of(questions: list[Question], party: Party | str) -> list[Question]:
    return [q for q in questions if wording_for(q, party)]


def parse_question_wording(data: Any) -> dict[str, str]:
    """The fields HR types for a question, checked; raises InvalidInput naming the field."""
    if not isinstance(data, dict):
        raise InvalidInput(QUESTION_NOT_A_SET, "question")
    section = parse_choice(Section, "section", data.get("section"))
    wording = {
        party: check_text(party, data.get(party), required=False, max_length=QUESTION_LENGTH)
        for party in (Party.EMPLOYEE.value, Party.MANAGER.value)
    }
    if not any(wording.values()):
        raise InvalidInput(QUESTION_FOR_NOBODY, "employee")
    help = check_text("help", data.get("help"), required=False, max_length=HELP_LENGTH)
    return {"section": section.value, **wording, "help": help}


class QuestionSet(Aggregate):
    class Started(Aggregate.Created):
        questions: list[dict[str, Any]]  # the built-in set as it was when HR first changed it

    @classmethod
    def start(cls) -> QuestionSet:
        return cls._create(cls.Started, id=QUESTION_SET_ID, questions=built_in_questions())

    def __init__(self, questions: list[dict[str, Any]]) -> None:
        self.questions: dict[str, Question] = {}
        self.order: dict[str, list[str]] = {s.value: [] for s in Section}  # active, per part
        self.retired: list[str] = []
        for question in questions:
            self._put(Question(**question))  # type: ignore[typeddict-item]

    def _put(self, question: Question) -> None:
        self.questions[question["id"]] = question
        self.order[question["section"]].append(question["id"])

    # -- what the set knows ---------------------------------------------------

    def active(self) -> list[Question]:
        """The questions a cycle opened now asks, part by part, in HR's order."""
        return [self.questions[qid] for section in Section for qid in self.order[section.value]]

    def retired_questions(self) -> list[Question]:
        return [self.questions[qid] for qid in self.retired]

    def _active_question(self, question_id: Any) -> Question:
        question = self.questions.get(str(question_id))
        if question is None:
            raise InvalidInput(NO_SUCH_QUESTION, "question_id")
        if question["id"] in self.retired:
            raise NotAllowedNow(QUESTION_RETIRED)
        return question

    def _check_unique(self, wording: dict[str, str], except_id: str | None = None) -> None:
        for other in self.active():
            if other["id"] == except_id or other["section"] != wording["section"]:
                continue
            for party in (Party.EMPLOYEE.value, Party.MANAGER.value):
                mine = wording[party].casefold()
                if mine and mine == other[party].casefold():
                    raise InvalidInput(DUPLICATE_QUESTION, party)

    # -- commands -------------------------------------------------------------

    class QuestionAdded(Aggregate.Event):
        question_id: str
        section: str
        employee: str
        manager: str
        help: str

        def apply(self, question_set: QuestionSet) -> None:
            question_set._put(
                Question(
                    id=self.question_id,
                    section=self.section,
                    employee=self.employee,
                    manager=self.manager,
                    help=self.help,
                    built_in=False,
                )
            )

    def add_question(self, details: Any) -> str:
        """Adds a question at the end of its part; returns its id."""
        wording = parse_question_wording(details)
        if len(self.questions) >= MAX_QUESTIONS:
            raise NotAllowedNow(QUESTION_SET_FULL, limit=MAX_QUESTIONS)
        self._check_unique(wording)
        question_id = str(uuid4())
        self.trigger_event(self.QuestionAdded, question_id=question_id, **wording)
        return question_id

    class QuestionReworded(Aggregate.Event):
        question_id: str
        section: str
        employee: str
        manager: str
        help: str

        def apply(self, question_set: QuestionSet) -> None:
            question = question_set.questions[self.question_id]
            if question["section"] != self.section:  # to the end of its new part
                question_set.order[question["section"]].remove(self.question_id)
                question_set.order[self.section].append(self.question_id)
            question["section"] = self.section
            question["employee"] = self.employee
            question["manager"] = self.manager
            question["help"] = self.help
            question["built_in"] = False  # now HR's words, shown as HR typed them

    def reword_question(self, question_id: Any, details: Any) -> bool:
        """Gives a question new wording; False (nothing recorded) when nothing changed."""
        question = self._active_question(question_id)
        wording = parse_question_wording(details)
        if all(question[k] == v for k, v in wording.items()):  # type: ignore[literal-required]
            return False
        self._check_unique(wording, except_id=question["id"])
        self.trigger_event(self.QuestionReworded, question_id=question["id"], **wording)
        return True

    class QuestionMoved(Aggregate.Event):
        question_id: str
        position: int  # within its part, 0 first

        def apply(self, question_set: QuestionSet) -> None:
            order = question_set.order[question_set.questions[self.question_id]["section"]]
            order.remove(self.question_id)
            order.insert(self.position, self.question_id)

    def move_question(self, question_id: Any, position: Any) -> bool:
        """Moves a question to a place within its part; False when it is already there."""
        question = self._active_question(question_id)
        if isinstance(position, bool) or not isinstance(position, int) or position < 0:
            raise InvalidInput(NOT_A_POSITION, "position")
        order = self.order[question["section"]]
        at = min(position, len(order) - 1)
        if order.index(question["id"]) == at:
            return False
        self.trigger_event(self.QuestionMoved, question_id=question["id"], position=at)
        return True

    class QuestionRetired(Aggregate.Event):
        question_id: str

        def apply(self, question_set: QuestionSet) -> None:
            question = question_set.questions[self.question_id]
            question_set.order[question["section"]].remove(self.question_id)
            question_set.retired.append(self.question_id)

    def retire_question(self, question_id: Any) -> None:
        """Takes a question out of the set: cycles opened from now on no longer ask it."""
        question = self._active_question(question_id)
        self.trigger_event(self.QuestionRetired, question_id=question["id"])


def questions_or_built_in(questions: list[Question] | None) -> list[Question]:
    """A cycle's recorded questions, or the built-in set for a cycle that recorded none."""
    return questions if questions is not None else built_in_questions()
