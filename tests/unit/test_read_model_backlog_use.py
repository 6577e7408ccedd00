"""What points at the backlog's skills: cards, cards on a board and preparations, folded
without a database."""

from __future__ import annotations

from typing import Any

from domain.vocabulary import Party
from projections import backlog_use_fold
from projections.backlog_use_fold import CyclePointers
from tests.unit.folding import batch_of, stored
from tests.unit.given import (
    CARD,
    PREPARATION,
    Step,
    card_moved,
    draft_saved,
    history,
    prepared,
)

SQL, FEEDBACK, PRESENTING = "skill-sql", "skill-feedback", "skill-presenting"


def preparation(hard: str | None = None, soft: str | None = None) -> dict[str, Any]:
    """The given preparation with its hard and its soft growth item pointing at skills."""
    answers: dict[str, Any] = {
        **PREPARATION,
        "hard": {**PREPARATION["hard"], "growth": [dict(PREPARATION["hard"]["growth"][0])]},
        "soft": {"growth": [dict(PREPARATION["soft"]["growth"][0])]},
    }
    answers["hard"]["growth"][0]["backlog_skill_id"] = hard
    answers["soft"]["growth"][0]["backlog_skill_id"] = soft
    return answers


def session_with(*skills: str | None) -> Step:
    """A session whose four cards (two hard, then two soft) point at these skills (None: a
    card that points at nothing)."""
    cards = [
        dict(CARD, i_want_to=f"skill {i}", kind="hard" if i < 2 else "soft", backlog_skill_id=s)
        for i, s in enumerate(skills)
    ]
    return lambda c: c.hold_session(held_on="2026-12-01", notes="", cards=cards)


def choose(*indexes: int) -> Step:
    return lambda c: c.select_cards([list(c.cards)[i] for i in indexes])


def counts_after(*steps: Step, one_by_one: bool = False) -> dict[str, list[int]]:
    """Each skill's [cards, on_boards, preparations] once the steps' events are folded."""
    _, events = history(*steps)
    cycles: dict[str, CyclePointers] = {}
    totals: dict[str, list[int]] = {}
    batches = [[e] for e in events] if one_by_one else [events]
    for number, batch in enumerate(batches):
        cycles = stored(cycles)  # as the next batch loads them
        changes = backlog_use_fold.fold(cycles, batch_of(batch, first_id=number + 1))
        for skill, added in changes.added.items():
            total = totals.setdefault(skill, [0, 0, 0])
            totals[skill] = [t + a for t, a in zip(total, added, strict=True)]
    return {skill: total for skill, total in totals.items() if any(total)}


def test_cards_and_preparations_that_point_at_a_skill_are_counted_per_skill() -> None:
    counts = counts_after(
        prepared(Party.EMPLOYEE, preparation(hard=SQL, soft=FEEDBACK)),
        prepared(Party.MANAGER, preparation(hard=SQL)),
        session_with(SQL, FEEDBACK, FEEDBACK, None),
    )
    assert counts == {SQL: [1, 0, 2], FEEDBACK: [2, 0, 1]}


def test_a_preparation_counts_once_however_many_of_its_items_name_the_skill() -> None:
    counts = counts_after(prepared(Party.EMPLOYEE, preparation(hard=SQL, soft=SQL)))
    assert counts == {SQL: [0, 0, 1]}


def test_a_preparation_submitted_again_counts_for_the_skills_it_names_now() -> None:
    counts = counts_after(
        prepared(Party.EMPLOYEE, preparation(hard=SQL, soft=FEEDBACK)),
        prepared(Party.EMPLOYEE, preparation(soft=PRESENTING)),
    )
    assert counts == {PRESENTING: [0, 0, 1]}


def test_the_cards_chosen_for_the_board_count_as_on_a_board() -> None:
    counts = counts_after(
        prepared(Party.EMPLOYEE),
        session_with(SQL, FEEDBACK, FEEDBACK, PRESENTING),
        choose(0, 1, 3),
    )
    assert counts == {SQL: [1, 1, 0], FEEDBACK: [2, 1, 0], PRESENTING: [1, 1, 0]}


def test_a_draft_points_at_nothing_until_it_is_submitted() -> None:
    assert counts_after(draft_saved(Party.EMPLOYEE, preparation(hard=SQL))) == {}


def test_a_cycle_that_points_at_nothing_is_not_stored_and_card_moves_are_not_loaded() -> None:
    _, events = history(prepared(Party.EMPLOYEE), session_with(None, None, None, None))
    changes = backlog_use_fold.fold({}, batch_of(events))
    assert (changes.cycles, changes.added) == ({}, {})
    _, moved = history(
        prepared(Party.EMPLOYEE),
        session_with(SQL, None, None, None),
        choose(0, 1, 2),
        card_moved(0, "doing"),
    )
    assert backlog_use_fold.keys_to_load(batch_of(moved[-1:], first_id=len(moved))) == set()


def test_events_folded_one_at_a_time_count_as_they_do_in_one_batch() -> None:
    steps = (
        prepared(Party.EMPLOYEE, preparation(hard=SQL, soft=FEEDBACK)),
        prepared(Party.MANAGER, preparation(soft=FEEDBACK)),
        prepared(Party.EMPLOYEE, preparation(hard=PRESENTING)),
        session_with(SQL, FEEDBACK, PRESENTING, None),
        choose(1, 2, 3),
    )
    assert counts_after(*steps, one_by_one=True) == counts_after(*steps)
    assert counts_after(*steps) == {
        SQL: [1, 0, 0],
        FEEDBACK: [1, 1, 1],
        PRESENTING: [1, 1, 1],
    }


def test_the_chosen_cards_are_kept_so_that_a_card_linked_later_counts_as_on_a_board() -> None:
    _, events = history(
        prepared(Party.EMPLOYEE), session_with(None, None, None, None), choose(0, 1, 2)
    )
    changes = backlog_use_fold.fold({}, batch_of(events))
    assert changes.added == {}
    assert len(next(iter(changes.cycles.values()))["chosen"]) == 3


def test_a_card_linked_after_the_session_counts_and_unlinked_counts_no_more() -> None:
    cycle, events = history(
        prepared(Party.EMPLOYEE), session_with(None, None, None, None), choose(0, 1, 2)
    )
    ids = list(cycle.cards)
    chosen, left_out = ids[0], ids[3]
    cycle.link_card_to_backlog(chosen, SQL)
    cycle.link_card_to_backlog(left_out, SQL)
    linked = list(cycle.collect_events())
    stored = dict(backlog_use_fold.fold({}, batch_of(events)).cycles)
    changes = backlog_use_fold.fold(stored, batch_of(linked, first_id=len(events) + 1))
    assert changes.added == {SQL: [2, 1, 0]}
    cycle.link_card_to_backlog(chosen, None)
    unlinked = backlog_use_fold.fold(
        stored, batch_of(list(cycle.collect_events()), first_id=len(events) + 3)
    )
    assert unlinked.added == {SQL: [-1, -1, 0]}
