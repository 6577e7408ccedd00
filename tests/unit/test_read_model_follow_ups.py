"""Follow-ups due: overdue, due soon, and cycles waiting for someone, folded without a database."""

from __future__ import annotations

from datetime import date

from domain.vocabulary import Party
from projections import follow_ups_fold
from projections.follow_ups import due
from projections.follow_ups_fold import FollowUpRow
from tests.unit.folding import batch_of
from tests.unit.given import (
    ON_BOARD,
    TODAY,
    Step,
    card_moved,
    follow_up_completed,
    follow_up_scheduled,
    history,
    plan_approved,
    plan_written,
    prepared,
)


def rows_after(*steps: Step) -> list[FollowUpRow]:
    _, events = history(*steps)
    rows: dict[str, FollowUpRow] = {}
    follow_ups_fold.fold(rows, batch_of(events))
    return list(rows.values())


def test_a_follow_up_past_its_date_is_overdue() -> None:
    rows = rows_after(*ON_BOARD, follow_up_scheduled(3))  # session 2026-12-01: due 2027-03-01
    [cycle_id] = [r.cycle_id for r in rows]
    ahead = due(rows, date(2027, 1, 1))
    assert ([i.cycle_id for i in ahead.scheduled], ahead.overdue, ahead.due_soon) == (
        [cycle_id],
        [],
        [],
    )
    assert [i.due_on for i in due(rows, date(2027, 2, 15)).due_soon] == ["2027-03-01"]
    late = due(rows, date(2027, 3, 11))
    assert [(i.cycle_id, i.days_overdue) for i in late.overdue] == [(cycle_id, 10)]


def test_a_completed_follow_up_is_no_longer_due() -> None:
    rows = rows_after(*ON_BOARD, follow_up_scheduled(3), follow_up_completed("2027-03-05"))
    assert rows[0].stage == "completed"
    assert due(rows, date(2027, 4, 1)).overdue == []


def test_a_pop_waiting_for_one_party_says_which() -> None:
    written = rows_after(*ON_BOARD, plan_written())
    assert [i.waiting_for for i in due(written, TODAY).waiting] == [["employee", "manager"]]
    one = rows_after(*ON_BOARD, plan_written(), plan_approved(Party.MANAGER))
    assert [(i.waiting_on, i.waiting_for) for i in due(one, TODAY).waiting] == [
        ("approval", ["employee"])
    ]
    both = rows_after(
        *ON_BOARD, plan_written(), plan_approved(Party.MANAGER), plan_approved(Party.EMPLOYEE)
    )
    assert (both[0].stage, due(both, TODAY).waiting) == ("plan_agreed", [])


def test_a_prepared_cycle_past_its_planned_session_waits_for_the_session() -> None:
    rows = rows_after(prepared(Party.EMPLOYEE))  # the session is planned for 2026-12-01
    assert due(rows, date(2026, 11, 30)).waiting == []
    waiting = due(rows, date(2026, 12, 8)).waiting
    assert [(w.waiting_on, w.prepared) for w in waiting] == [("session", ["employee"])]


def test_card_moves_are_not_folded_or_even_loaded() -> None:
    cycle, events = history(*ON_BOARD, card_moved(0, "doing"))
    moves = batch_of(events[-1:], first_id=len(events))
    assert follow_ups_fold.keys_to_load(moves) == set()
    rows: dict[str, FollowUpRow] = {}
    follow_ups_fold.fold(rows, batch_of(events[:-1]))
    assert follow_ups_fold.fold(rows, moves) == {}
    assert rows[str(cycle.id)].stage == "on_board"
