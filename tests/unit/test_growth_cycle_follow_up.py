"""Follow-up in 3, 6 or 12 months, completing and closing, and replaying the history."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.errors import InvalidInput, NotAllowedNow
from domain.vocabulary import Party, Stage
from tests.unit.given import (
    AGREED,
    ON_BOARD,
    card_moved,
    cards_selected,
    closed,
    draft_saved,
    follow_up_completed,
    follow_up_scheduled,
    given,
    history,
    open_cycle,
    plan_approved,
    plan_with,
    plan_written,
    prepared,
    refused,
    replay,
    session_held,
    state,
    when,
    when_events,
)

SCHEDULED = (*AGREED, follow_up_scheduled())
COMPLETED = (*SCHEDULED, follow_up_completed())


@pytest.mark.parametrize(
    ("months", "due"),
    [(3, date(2027, 3, 1)), (6, date(2027, 6, 1)), (12, date(2027, 12, 1))],
)
def test_a_follow_up_is_due_three_six_or_twelve_months_after_the_session(
    months: int, due: date
) -> None:
    cycle = given(*AGREED)
    [event] = when_events(cycle, follow_up_scheduled(months))
    assert type(event).__name__ == "FollowUpScheduled"
    assert event.due_on == due == cycle.follow_up_on
    assert cycle.stage is Stage.FOLLOW_UP_SCHEDULED


def test_months_after_a_session_at_the_end_of_a_month_land_on_the_last_day() -> None:
    cycle = given(session_held(held_on="2026-11-30"), follow_up_scheduled(3))
    assert cycle.follow_up_on == date(2027, 2, 28)


def test_a_follow_up_may_be_planned_on_a_chosen_date() -> None:
    cycle = given(*AGREED)
    assert when(cycle, lambda c: c.schedule_follow_up(due_on="2027-01-15")) == ["FollowUpScheduled"]
    assert cycle.follow_up_on == date(2027, 1, 15)


@pytest.mark.parametrize("due_on", ["2026-11-30", "2026-12-01"])
def test_a_follow_up_dated_on_or_before_the_session_is_refused(due_on: str) -> None:
    error = refused(given(*AGREED), lambda c: c.schedule_follow_up(due_on=due_on), InvalidInput)
    assert error.field == "due_on"


@pytest.mark.parametrize("months", [0, 1, 4, 24, "3", -3])
def test_other_numbers_of_months_are_refused(months: Any) -> None:
    error = refused(given(*AGREED), lambda c: c.schedule_follow_up(months=months), InvalidInput)
    assert error.field == "months"


@pytest.mark.parametrize("arguments", [{}, {"months": 3, "due_on": "2027-01-15"}])
def test_a_follow_up_takes_either_months_or_a_date(arguments: dict[str, Any]) -> None:
    error = refused(given(*AGREED), lambda c: c.schedule_follow_up(**arguments), InvalidInput)
    assert error.field == "due_on"


def test_a_follow_up_with_an_invalid_date_is_refused() -> None:
    command = lambda c: c.schedule_follow_up(due_on="2027-02-29")  # noqa: E731
    assert refused(given(*AGREED), command, InvalidInput).field == "due_on"


def test_scheduling_before_the_session_is_refused() -> None:
    refused(given(prepared(Party.EMPLOYEE)), follow_up_scheduled(), NotAllowedNow)


def test_a_scheduled_follow_up_can_be_moved_to_another_date() -> None:
    cycle = given(*SCHEDULED)
    assert when(cycle, follow_up_scheduled(6)) == ["FollowUpScheduled"]
    assert cycle.follow_up_on == date(2027, 6, 1)


def test_completing_the_follow_up_records_the_retrospective() -> None:
    cycle = given(*SCHEDULED)
    command = lambda c: c.complete_follow_up(  # noqa: E731
        held_on="2027-03-02",
        went_well=" SQL\n reports ",
        could_be_better="Time",
        show_and_tell_on="2027-03-10",
    )
    assert when(cycle, command) == ["FollowUpCompleted"]
    assert cycle.follow_up == {
        "held_on": date(2027, 3, 2),
        "went_well": "SQL\n reports",
        "could_be_better": "Time",
        "show_and_tell_on": date(2027, 3, 10),
    }
    assert cycle.stage is Stage.COMPLETED
    assert not cycle.is_active


def test_completing_before_scheduling_is_refused() -> None:
    refused(given(*AGREED), follow_up_completed(), NotAllowedNow)


def test_a_follow_up_held_before_the_session_is_refused() -> None:
    error = refused(given(*SCHEDULED), follow_up_completed("2026-11-30"), InvalidInput)
    assert error.field == "held_on"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"show_and_tell_on": "2027-02-28"}, "show_and_tell_on"),
        ({"show_and_tell_on": "soon"}, "show_and_tell_on"),
        ({"went_well": ""}, "went_well"),
        ({"could_be_better": "x" * 4001}, "could_be_better"),
        ({"held_on": None}, "held_on"),
    ],
)
def test_an_incomplete_retrospective_is_refused(changes: dict[str, Any], field: str) -> None:
    arguments = {
        "held_on": "2027-03-01",
        "went_well": "SQL",
        "could_be_better": "Time",
        **changes,
    }
    error = refused(given(*SCHEDULED), lambda c: c.complete_follow_up(**arguments), InvalidInput)
    assert error.field == field


@pytest.mark.parametrize(
    "command",
    [
        draft_saved(Party.EMPLOYEE),
        session_held(),
        card_moved(0, "doing"),
        plan_written(plan_with(measure="other")),
        plan_approved(Party.EMPLOYEE, 1),
        follow_up_scheduled(6),
        follow_up_completed(),
    ],
)
def test_a_completed_cycle_refuses_further_commands(command: Any) -> None:
    error = refused(given(*COMPLETED), command, NotAllowedNow)
    assert "next cycle" in error.message


def test_a_cycle_can_be_closed_at_any_stage_with_a_reason() -> None:
    for steps in [(), (session_held(),), ON_BOARD, SCHEDULED]:
        cycle = given(*steps)
        [event] = when_events(cycle, closed("Changed teams"))
        assert event.reason == "Changed teams"
        assert cycle.stage is Stage.CLOSED
        assert not cycle.is_active


def test_a_cycle_can_be_closed_without_a_reason() -> None:
    assert when(given(), lambda c: c.close()) == ["Closed"]


def test_an_overlong_closing_reason_is_refused() -> None:
    assert refused(given(), closed("x" * 4001), InvalidInput).field == "reason"


def test_a_closed_cycle_cannot_be_closed_again() -> None:
    refused(given(closed()), closed(), NotAllowedNow)


def test_the_next_cycle_links_to_the_previous_one() -> None:
    previous = given(*COMPLETED)
    following = open_cycle(previous_cycle_id=previous.id, planned_session_on="2027-12-01")
    assert following.previous_cycle_id == previous.id
    assert following.stage is Stage.PREPARING


def test_the_stage_follows_the_cycle_from_opening_to_completion() -> None:
    cycle = given()
    stages = [cycle.stage]
    for step in (*AGREED[2:], *COMPLETED[len(AGREED) :]):
        step(cycle)
        stages.append(cycle.stage)
    assert stages == [
        Stage.PREPARING,
        Stage.SESSION_HELD,
        Stage.ON_BOARD,
        Stage.ON_BOARD,
        Stage.ON_BOARD,
        Stage.PLAN_AGREED,
        Stage.FOLLOW_UP_SCHEDULED,
        Stage.COMPLETED,
    ]


def test_replaying_the_recorded_events_rebuilds_an_equal_cycle() -> None:
    cycle, events = history(
        draft_saved(Party.EMPLOYEE),
        draft_saved(Party.MANAGER),
        prepared(Party.EMPLOYEE),
        prepared(Party.EMPLOYEE),
        session_held(),
        cards_selected(),
        card_moved(2, "doing"),
        card_moved(0, "todo", 5),
        card_moved(2, "done"),
        plan_written(),
        plan_approved(Party.EMPLOYEE),
        plan_written(plan_with(measure="runs under 0.5 s")),
        plan_approved(Party.MANAGER, 2),
        plan_approved(Party.EMPLOYEE, 2),
        follow_up_scheduled(6),
        follow_up_completed(),
    )
    rebuilt = replay(events)
    assert state(rebuilt) == state(cycle)
    assert rebuilt.version == cycle.version == len(events)
    assert rebuilt.stage is Stage.COMPLETED
    assert rebuilt.board == cycle.board


def test_a_number_of_months_that_is_not_a_whole_number_is_refused() -> None:
    error = refused(given(*AGREED), lambda c: c.schedule_follow_up(months=3.0), InvalidInput)
    assert error.field == "months"


def test_a_completed_cycle_needs_no_closing() -> None:
    refused(given(*AGREED, follow_up_scheduled(3), follow_up_completed()), closed(), NotAllowedNow)
