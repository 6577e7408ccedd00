"""The question set: the hand-outs' questions to start with; HR adds, rewords, moves and
retires questions, each one event, and a replay rebuilds the same set."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from eventsourcing.domain import Aggregate

from domain.errors import InvalidInput, NotAllowedNow
from domain.question_set import (
    BUILT_IN,
    QUESTION_SET_ID,
    QuestionSet,
    Section,
    asked_of,
    built_in_questions,
)
from domain.vocabulary import Party


def _set() -> QuestionSet:
    question_set = QuestionSet.start()
    question_set.collect_events()
    return question_set


def _replayed(events: Sequence[Any]) -> QuestionSet:
    copy: Aggregate | None = None
    for event in events:
        copy = event.mutate(copy)
    assert isinstance(copy, QuestionSet)
    return copy


def _ids(question_set: QuestionSet, section: Section) -> list[str]:
    return [q["id"] for q in question_set.active() if q["section"] == section.value]


def test_there_is_one_set_per_organisation_and_it_starts_as_the_hand_outs() -> None:
    question_set = QuestionSet.start()
    assert question_set.id == QUESTION_SET_ID
    assert question_set.active() == built_in_questions()
    assert [q["section"] for q in question_set.active()] == sorted(
        (q["section"] for q in BUILT_IN), key=[s.value for s in Section].index
    )


def test_the_hand_outs_ask_001s_opening_and_strengths_and_003s_questions() -> None:
    by_id = {q["id"]: q for q in BUILT_IN}
    assert by_id["opening-work"]["employee"] == "How do you feel about your work?"
    assert "whistling" in by_id["strengths-whistling"]["employee"]
    assert by_id["manager-growth-opportunities"]["employee"] == ""  # the manager's alone
    assert all(q["built_in"] for q in BUILT_IN)
    assert len({q["id"] for q in BUILT_IN}) == len(BUILT_IN)


def test_each_party_is_asked_its_own_wording_and_only_its_own_questions() -> None:
    employee = asked_of(built_in_questions(), Party.EMPLOYEE)
    manager = asked_of(built_in_questions(), Party.MANAGER)
    assert "manager-qualities" not in [q["id"] for q in employee]
    assert len(manager) == len(BUILT_IN)


def test_a_question_is_added_at_the_end_of_its_part_as_hr_typed_it() -> None:
    question_set = _set()
    added = question_set.add_question(
        {"section": "opening", "employee": "  Wat leerde je?  ", "manager": ""}
    )
    [event] = question_set.collect_events()
    assert type(event).__name__ == "QuestionAdded"
    assert _ids(question_set, Section.OPENING)[-1] == added
    question = question_set.questions[added]
    assert (question["employee"], question["built_in"]) == ("Wat leerde je?", False)


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"section": "opening"}, "employee"),  # asked of nobody
        ({"section": "elsewhere", "employee": "x"}, "section"),
        ({"section": "opening", "employee": "x" * 501}, "employee"),
        ({"section": "opening", "manager": "bad\x00"}, "manager"),
        ({"section": "opening", "employee": "How do you feel about your work?"}, "employee"),
        ("not a set", "question"),
    ],
)
def test_a_bad_question_is_refused_naming_its_field_and_records_nothing(
    details: Any, field: str
) -> None:
    question_set = _set()
    with pytest.raises(InvalidInput) as refused:
        question_set.add_question(details)
    assert refused.value.field == field
    assert question_set.collect_events() == []


def test_a_reword_makes_the_words_hrs_and_nothing_changed_records_nothing() -> None:
    question_set = _set()
    same = dict(question_set.questions["opening-work"])
    assert question_set.reword_question("opening-work", same) is False
    assert question_set.reword_question("opening-work", {**same, "employee": "Hoe gaat het?"})
    question = question_set.questions["opening-work"]
    assert (question["employee"], question["built_in"]) == ("Hoe gaat het?", False)


def test_a_reword_into_another_part_moves_it_to_the_end_of_that_part() -> None:
    question_set = _set()
    details = {**question_set.questions["opening-work"], "section": "ambitions"}
    question_set.reword_question("opening-work", details)
    assert _ids(question_set, Section.AMBITIONS)[-1] == "opening-work"
    assert "opening-work" not in _ids(question_set, Section.OPENING)


def test_a_question_moves_within_its_part_and_a_move_to_its_own_place_records_nothing() -> None:
    question_set = _set()
    assert question_set.move_question("opening-moments", 0)
    assert _ids(question_set, Section.OPENING) == [
        "opening-moments",
        "opening-work",
        "opening-development-points",
    ]
    question_set.collect_events()
    assert question_set.move_question("opening-moments", 0) is False
    assert question_set.move_question("opening-work", 99)  # beyond the end: the end
    assert _ids(question_set, Section.OPENING)[-1] == "opening-work"
    with pytest.raises(InvalidInput):
        question_set.move_question("opening-work", -1)


def test_a_retired_question_is_out_of_the_set_and_cannot_be_changed() -> None:
    question_set = _set()
    question_set.retire_question("strengths-success")
    assert "strengths-success" not in [q["id"] for q in question_set.active()]
    assert [q["id"] for q in question_set.retired_questions()] == ["strengths-success"]
    for change in (
        lambda: question_set.retire_question("strengths-success"),
        lambda: question_set.move_question("strengths-success", 0),
    ):
        with pytest.raises(NotAllowedNow):
            change()
    with pytest.raises(InvalidInput):
        question_set.retire_question("no-such-question")


def test_replaying_the_events_rebuilds_the_same_set() -> None:
    question_set = QuestionSet.start()
    added = question_set.add_question({"section": "strengths", "manager": "Wat valt op?"})
    question_set.move_question(added, 0)
    question_set.reword_question("opening-work", {"section": "opening", "employee": "Hoe?"})
    question_set.retire_question("opening-moments")
    copy = _replayed(question_set.collect_events())
    assert copy.active() == question_set.active()
    assert copy.retired_questions() == question_set.retired_questions()
    assert copy.version == question_set.version
