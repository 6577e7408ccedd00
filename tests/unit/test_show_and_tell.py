"""The show & tell: announced to the team ahead of time, by either party, once cards are on
the board; moved, called off, and still known after the follow-up and a snapshot."""

from __future__ import annotations

from datetime import date

from domain.errors import InvalidInput, NotAllowedNow
from domain.growth_cycle import GrowthCycle
from domain.vocabulary import Party
from projections import show_and_tells_fold
from tests.unit.folding import batch_of
from tests.unit.given import (
    TODAY,
    cards_selected,
    closed,
    follow_up_scheduled,
    given,
    history,
    plan_approved,
    plan_written,
    refused,
    replay,
    session_held,
    when,
)

ON = date(2027, 3, 15)


def test_a_show_and_tell_is_announced_once_the_cards_are_on_the_board() -> None:
    cycle = given(session_held(), cards_selected())
    assert when(cycle, lambda c: c.plan_show_and_tell(ON, today=TODAY)) == ["ShowAndTellPlanned"]
    assert cycle.show_and_tell_on == ON


def test_announcing_the_same_day_again_records_nothing_and_another_day_moves_it() -> None:
    cycle = given(session_held(), cards_selected(), lambda c: c.plan_show_and_tell(ON, today=TODAY))
    assert when(cycle, lambda c: c.plan_show_and_tell(ON.isoformat(), today=TODAY)) == []
    later = date(2027, 4, 1)
    assert when(cycle, lambda c: c.plan_show_and_tell(later, today=TODAY)) == ["ShowAndTellPlanned"]
    assert cycle.show_and_tell_on == later


def test_there_is_nothing_to_show_before_the_cards_are_chosen() -> None:
    error = refused(given(session_held()), lambda c: c.plan_show_and_tell(ON, today=TODAY))
    assert isinstance(error, NotAllowedNow)
    assert error.code == "show_and_tell.after_cards"


def test_a_show_and_tell_is_announced_ahead_of_time_never_in_the_past() -> None:
    cycle = given(session_held(), cards_selected())
    yesterday = date(2026, 11, 22)
    error = refused(cycle, lambda c: c.plan_show_and_tell(yesterday, today=TODAY), InvalidInput)
    assert error.code == "show_and_tell.in_the_past"
    assert error.field == "on"
    refused(cycle, lambda c: c.plan_show_and_tell("next week", today=TODAY), InvalidInput)
    refused(cycle, lambda c: c.plan_show_and_tell(None, today=TODAY), InvalidInput)
    assert when(cycle, lambda c: c.plan_show_and_tell(TODAY, today=TODAY)) == ["ShowAndTellPlanned"]


def test_a_show_and_tell_is_called_off_and_only_when_one_is_planned() -> None:
    cycle = given(session_held(), cards_selected())
    error = refused(cycle, lambda c: c.call_off_show_and_tell(), NotAllowedNow)
    assert error.code == "show_and_tell.not_planned"
    cycle.plan_show_and_tell(ON, today=TODAY)
    cycle.collect_events()
    assert when(cycle, lambda c: c.call_off_show_and_tell()) == ["ShowAndTellCalledOff"]
    assert cycle.show_and_tell_on is None


def test_a_closed_cycle_announces_no_show_and_tell() -> None:
    cycle = given(session_held(), cards_selected(), closed())
    error = refused(cycle, lambda c: c.plan_show_and_tell(ON, today=TODAY), NotAllowedNow)
    assert error.code == "cycle.closed"


def test_the_show_and_tell_is_planned_after_the_follow_up_too_and_the_follow_ups_day_counts() -> (
    None
):
    cycle, events = history(
        session_held(),
        cards_selected(),
        plan_written(),
        plan_approved(Party.EMPLOYEE),
        plan_approved(Party.MANAGER),
        follow_up_scheduled(),
        lambda c: c.complete_follow_up(
            held_on="2027-03-01", went_well="a", could_be_better="b", show_and_tell_on="2027-03-20"
        ),
    )
    assert cycle.show_and_tell_on == date(2027, 3, 20)
    assert replay(events).show_and_tell_on == date(2027, 3, 20)
    assert when(cycle, lambda c: c.plan_show_and_tell(ON, today=TODAY)) == ["ShowAndTellPlanned"]


def test_a_cycle_from_before_show_and_tells_replays_without_one() -> None:
    _, events = history(session_held(), cards_selected())
    restored = replay(events)
    assert restored.show_and_tell_on is None
    # A snapshot's state from before the attribute existed: the class default answers.
    vars(restored).pop("show_and_tell_on", None)
    assert restored.show_and_tell_on is None


def test_the_read_model_keeps_the_last_day_said_and_forgets_it_when_called_off_or_closed() -> None:
    _, events = history(
        session_held(),
        cards_selected(),
        lambda c: c.plan_show_and_tell(ON, today=TODAY),
    )
    rows: dict[str, show_and_tells_fold.ShowAndTellRow] = {}
    changed = show_and_tells_fold.fold(rows, batch_of(events), {})
    [row] = changed.values()
    opened = events[0]
    assert isinstance(opened, GrowthCycle.Opened)
    assert (row.on, row.employee_id) == (ON.isoformat(), str(opened.employee_id))
    cycle = replay(events)
    cycle.call_off_show_and_tell()
    show_and_tells_fold.fold(rows, batch_of(cycle.collect_events(), 10), {})
    assert row.on is None
    cycle.plan_show_and_tell(ON, today=TODAY)
    cycle.close("Left")
    later = show_and_tells_fold.fold(rows, batch_of(cycle.collect_events(), 20), {})
    assert [r.on for r in later.values()] == [None]


def test_the_read_model_skips_a_cycle_it_never_saw_open() -> None:
    _, events = history(
        session_held(), cards_selected(), lambda c: c.plan_show_and_tell(ON, today=TODAY)
    )
    assert show_and_tells_fold.fold({}, batch_of(events[1:]), {}) == {}
    assert isinstance(events[0], GrowthCycle.Opened)
