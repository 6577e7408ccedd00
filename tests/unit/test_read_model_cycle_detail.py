"""The cycle detail: one document with everything a cycle page shows, folded without a database."""

from __future__ import annotations

from uuid import uuid4

from domain.question_set import QuestionSet
from domain.vocabulary import Party
from projections import cycle_fold
from projections.cycle_fold import CycleDoc
from tests.unit.folding import batch_of, stored
from tests.unit.given import (
    AGREED,
    EMPLOYEE,
    MANAGER,
    ON_BOARD,
    PLAN,
    Step,
    card_moved,
    closed,
    draft_saved,
    follow_up_completed,
    follow_up_scheduled,
    history,
    plan_approved,
    plan_written,
    prepared,
)


def folded(*steps: Step) -> CycleDoc:
    cycle, events = history(*steps)
    cycles: dict[str, CycleDoc] = {}
    cycle_fold.fold(cycles, batch_of(events))
    return cycles[str(cycle.id)]


def test_the_document_follows_the_stage_and_version_of_the_aggregate() -> None:
    cycle, events = history(*ON_BOARD, card_moved(0, "doing"), card_moved(0, "done"))
    cycles: dict[str, CycleDoc] = {}
    cycle_fold.fold(cycles, batch_of(events))
    doc = cycles[str(cycle.id)]
    assert doc["stage"] == cycle.stage.value == "on_board"
    assert doc["version"] == cycle.version
    assert doc["board"] is not None
    assert doc["board"]["columns"] == cycle.board
    assert doc["board"]["moves"] == 2
    assert (doc["employee_id"], doc["manager_id"]) == (str(EMPLOYEE), str(MANAGER))
    assert doc["planned_session_on"] == "2026-12-01"
    assert [p["version"] for p in doc["preparations"]["employee"]] == [1]
    assert doc["session"] is not None
    assert len(doc["session"]["cards"]) == 4


def test_a_draft_is_kept_apart_and_marked_until_it_is_submitted() -> None:
    draft = folded(draft_saved(Party.EMPLOYEE))
    assert draft["drafts"]["employee"]["draft"] is True
    assert draft["drafts"]["employee"]["preparation"]["ambitions"] == "Tech lead in two years"
    assert draft["preparations"]["employee"] == []
    submitted = folded(draft_saved(Party.EMPLOYEE), prepared(Party.EMPLOYEE))
    assert submitted["drafts"] == {}
    assert submitted["preparations"]["employee"][0]["submitted_at"]


def test_every_pop_version_stays_with_what_it_changed_and_who_approved_it() -> None:
    revised = dict(PLAN, support=[{"kind": "budget", "description": "course fee"}])
    doc = folded(
        *ON_BOARD,
        plan_written(),
        plan_approved(Party.MANAGER, 1),
        plan_written(revised),
        plan_approved(Party.EMPLOYEE, 2),
        plan_approved(Party.MANAGER, 2),
    )
    versions = doc["plan_versions"]
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["changes"] == []
    assert "added support: budget: course fee" in versions[1]["changes"]
    assert {p: a["version"] for p, a in doc["approvals"].items()} == {"employee": 2, "manager": 2}
    assert [(a["party"], a["version"]) for a in doc["approval_history"]] == [
        ("manager", 1),
        ("employee", 2),
        ("manager", 2),
    ]
    assert (doc["approved_version"], doc["stage"]) == (2, "plan_agreed")


def test_a_completed_cycle_and_a_closed_one_end_in_their_own_stage() -> None:
    done = folded(*AGREED, follow_up_scheduled(), follow_up_completed())
    assert done["stage"] == "completed"
    assert done["follow_up"] is not None
    assert done["follow_up"]["completed"] is not None
    assert done["follow_up"]["completed"]["went_well"] == "SQL"
    ended = folded(closed("left the company"))
    assert (ended["stage"], ended["closed_reason"]) == ("closed", "left the company")


def test_a_handover_names_the_new_manager_and_drops_what_no_longer_counts() -> None:
    coach = uuid4()
    cycle, events = history(*ON_BOARD, plan_written(), plan_approved(Party.MANAGER, 1))
    cycle.hand_over(coach)
    cycles: dict[str, CycleDoc] = {}
    changes = cycle_fold.fold(cycles, batch_of([*events, *cycle.collect_events()]))
    doc = cycles[str(cycle.id)]
    assert doc["manager_id"] == str(coach)
    assert changes.listed == {str(cycle.id)}
    assert doc["approvals"] == {}
    [handover] = doc["handovers"]
    assert (handover["from_manager_id"], handover["approval_withdrawn"]) == (str(MANAGER), 1)


def test_a_handover_drops_the_former_managers_draft() -> None:
    cycle, events = history(draft_saved(Party.MANAGER), draft_saved(Party.EMPLOYEE))
    cycle.hand_over(None)
    cycles: dict[str, CycleDoc] = {}
    changes = cycle_fold.fold(cycles, batch_of([*events, *cycle.collect_events()]))
    doc = cycles[str(cycle.id)]
    assert (doc["manager_id"], changes.listed) == (None, {str(cycle.id)})
    assert list(doc["drafts"]) == ["employee"]


def test_a_cycle_folded_a_save_at_a_time_equals_one_folded_in_one_batch() -> None:
    _, events = history(*AGREED, follow_up_scheduled(), follow_up_completed())
    at_once: dict[str, CycleDoc] = {}
    cycle_fold.fold(at_once, batch_of(events))
    one_by_one: dict[str, CycleDoc] = {}
    for position, event in enumerate(events, start=1):
        one_by_one = stored(one_by_one)
        cycle_fold.fold(one_by_one, batch_of([event], first_id=position))
    assert one_by_one == stored(at_once)


def test_the_document_holds_the_questions_the_cycle_asks_and_the_answers_given() -> None:
    asked = QuestionSet.start().active()[:2]
    answers = {"opening-work": "Goed"}
    doc = folded(
        lambda c: c.ask_questions(asked, question_set_version=4),
        prepared(Party.EMPLOYEE, {"hard": {"growth": [{"skill": "SQL"}]}, "answers": answers}),
    )
    assert [q["id"] for q in doc["questions"] or []] == [q["id"] for q in asked]
    assert doc["question_set_version"] == 4
    assert doc["preparations"]["employee"][0]["preparation"]["answers"] == answers


def test_a_cycle_opened_before_cycles_recorded_their_questions_has_none_in_its_document() -> None:
    doc = folded(draft_saved(Party.EMPLOYEE))
    assert doc["questions"] is None
    assert doc["question_set_version"] is None
