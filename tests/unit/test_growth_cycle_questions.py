"""A cycle keeps the questions it opened with, and its preparations answer those only."""

from __future__ import annotations

import pytest

from domain.errors import InvalidInput, NotAllowedNow
from domain.question_set import Question, QuestionSet, built_in_questions
from domain.vocabulary import Party
from tests.unit.given import PREPARATION, Step, draft_saved, given, history, refused, replay, when


def _asked(cycle_questions: list[Question]) -> Step:
    return lambda c: c.ask_questions(cycle_questions, question_set_version=3)


def test_a_cycle_records_the_questions_it_asks_once() -> None:
    questions = QuestionSet.start().active()[:2]
    cycle = given()
    assert when(cycle, _asked(questions)) == ["QuestionsAsked"]
    assert [q["id"] for q in cycle.asked_questions] == [
        "opening-work",
        "opening-development-points",
    ]
    refused(cycle, _asked(questions), NotAllowedNow)


def test_a_cycle_that_recorded_no_questions_asks_the_built_in_set() -> None:
    cycle = given()  # as every cycle opened before cycles recorded their questions
    assert cycle.questions is None
    assert cycle.asked_questions == built_in_questions()
    assert when(cycle, draft_saved(Party.EMPLOYEE, {"answers": {"opening-work": "Goed"}})) == [
        "PreparationDraftSaved"
    ]


def test_answers_are_kept_by_question_and_blank_ones_left_out() -> None:
    cycle = given()
    answers = {"opening-work": " Goed \r\n echt ", "opening-moments": "  "}
    when(cycle, draft_saved(Party.EMPLOYEE, {**PREPARATION, "answers": answers}))
    assert cycle.drafts["employee"]["answers"] == {"opening-work": "Goed \n echt"}


@pytest.mark.parametrize(
    ("party", "answers", "field"),
    [
        (Party.EMPLOYEE, {"manager-qualities": "x"}, "answers.manager-qualities"),
        (Party.MANAGER, {"not-in-this-cycle": "x"}, "answers.not-in-this-cycle"),
        (Party.EMPLOYEE, {"opening-work": "x" * 4001}, "answers.opening-work"),
        (Party.EMPLOYEE, ["opening-work"], "answers"),
    ],
)
def test_an_answer_the_cycle_does_not_ask_or_too_long_is_refused(
    party: Party, answers: object, field: str
) -> None:
    cycle = given()
    error = refused(cycle, draft_saved(party, {**PREPARATION, "answers": answers}), InvalidInput)
    assert error.field == field


def test_a_question_retired_later_is_still_answered_in_the_cycle_that_asked_it() -> None:
    question_set = QuestionSet.start()
    cycle = given(_asked(question_set.active()))
    question_set.retire_question("opening-work")
    assert "opening-work" in [q["id"] for q in cycle.asked_questions]
    when(cycle, draft_saved(Party.EMPLOYEE, {**PREPARATION, "answers": {"opening-work": "Ja"}}))


def test_replay_rebuilds_the_questions_and_old_preparations_without_answers_still_replay() -> None:
    added = QuestionSet.start()
    added.add_question({"section": "opening", "employee": "Eigen vraag"})
    _, events = history(_asked(added.active()), draft_saved(Party.EMPLOYEE, PREPARATION))
    # An event stored before answers existed: the preparation has no "answers".
    events[-1].preparation.pop("answers")  # type: ignore[attr-defined]
    again = replay(events)
    assert "Eigen vraag" in [q["employee"] for q in again.asked_questions]
    assert "answers" not in again.drafts["employee"]
