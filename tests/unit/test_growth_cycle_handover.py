"""A change of manager hands the open cycle over; what no longer counts is set aside."""

from __future__ import annotations

from uuid import UUID

from domain.errors import InvalidInput
from domain.vocabulary import Party, Stage
from tests.unit.given import (
    AGREED,
    EMPLOYEE,
    MANAGER,
    ON_BOARD,
    closed,
    draft_saved,
    given,
    history,
    plan_approved,
    plan_written,
    prepared,
    refused,
    replay,
    state,
    when,
    when_events,
)

NEW_MANAGER = UUID("00000000-0000-4000-8000-0000000000b0")


def test_a_handover_makes_the_new_manager_the_manager_party() -> None:
    cycle = given(*ON_BOARD)
    [event] = when_events(cycle, lambda c: c.hand_over(NEW_MANAGER))
    assert type(event).__name__ == "ManagerHandedOver"
    assert (event.from_manager_id, event.to_manager_id) == (MANAGER, NEW_MANAGER)
    assert cycle.manager_id == NEW_MANAGER


def test_the_former_managers_approval_of_a_pop_not_yet_agreed_no_longer_counts() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_approved(Party.MANAGER))
    [event] = when_events(cycle, lambda c: c.hand_over(NEW_MANAGER))
    assert event.approval_withdrawn == 1
    assert cycle.approvals == {}
    # The employee's approval alone does not make it agreed: the new manager must approve.
    when(cycle, lambda c: c.approve_plan(Party.EMPLOYEE, 1))
    assert cycle.approved_version is None
    assert when(cycle, lambda c: c.approve_plan(Party.MANAGER, 1)) == [
        "PlanApproved",
        "PlanApprovedByBoth",
    ]


def test_a_pop_approved_by_both_before_the_handover_stays_agreed() -> None:
    cycle = given(*AGREED)
    [event] = when_events(cycle, lambda c: c.hand_over(NEW_MANAGER))
    assert event.approval_withdrawn is None
    assert cycle.approved_version == 1
    assert cycle.stage is Stage.PLAN_AGREED


def test_the_former_managers_draft_is_dropped_and_their_submitted_preparation_stays() -> None:
    cycle = given(prepared(Party.MANAGER), draft_saved(Party.MANAGER))
    [event] = when_events(cycle, lambda c: c.hand_over(NEW_MANAGER))
    assert event.draft_dropped is True
    assert Party.MANAGER.value not in cycle.drafts
    assert len(cycle.preparations["manager"]) == 1


def test_an_ended_cycle_is_not_handed_over() -> None:
    cycle = given(closed())
    assert cycle.hand_over(NEW_MANAGER) is False
    assert cycle.collect_events() == []
    assert cycle.manager_id == MANAGER


def test_handing_over_to_the_same_manager_records_nothing() -> None:
    cycle = given(*ON_BOARD)
    assert cycle.hand_over(MANAGER) is False
    assert cycle.collect_events() == []


def test_a_cycle_cannot_be_handed_to_its_own_employee() -> None:
    cycle = given(*ON_BOARD)
    refused(cycle, lambda c: c.hand_over(EMPLOYEE), InvalidInput)


def test_a_cycle_with_nobody_leading_it_waits_for_a_coach() -> None:
    cycle = given(*ON_BOARD)
    when(cycle, lambda c: c.hand_over(None))
    assert cycle.manager_id is None
    when(cycle, lambda c: c.hand_over(NEW_MANAGER))
    assert cycle.manager_id == NEW_MANAGER


def test_a_handover_replays_to_the_same_cycle() -> None:
    cycle, events = history(*ON_BOARD, plan_written(), plan_approved(Party.MANAGER))
    later = when_events(cycle, lambda c: c.hand_over(NEW_MANAGER))
    assert state(replay([*events, *later])) == state(cycle)
