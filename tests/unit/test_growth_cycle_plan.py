"""The POP: SMART goals, versions, and the rule that both approve the same version."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from domain.errors import InvalidInput, NotAllowedNow
from domain.plan import describe_changes
from domain.vocabulary import Party, Stage
from tests.unit.given import (
    AGREED,
    GOAL,
    ON_BOARD,
    PLAN,
    TODAY,
    closed,
    given,
    plan_approved,
    plan_with,
    plan_written,
    refused,
    session_held,
    when,
    when_events,
)

EMPLOYEE, MANAGER = Party.EMPLOYEE, Party.MANAGER
REVISED = plan_with(measure="runs under 0.5 s")


def test_the_first_plan_is_drafted_as_version_one() -> None:
    cycle = given(*ON_BOARD)
    [event] = when_events(cycle, plan_written())
    assert type(event).__name__ == "PlanDrafted"
    assert event.version == 1
    assert cycle.plan_version == 1
    assert cycle.plan_versions[0]["goals"] == [GOAL]
    assert cycle.plan_versions[0]["activities"][0]["skill"] == ""


def test_a_plan_is_written_only_after_the_session() -> None:
    refused(given(), plan_written(), NotAllowedNow)


def test_changing_the_plan_makes_a_new_version_and_keeps_the_old_one_readable() -> None:
    cycle = given(*ON_BOARD, plan_written())
    [event] = when_events(cycle, plan_written(REVISED))
    assert (type(event).__name__, event.version) == ("PlanRevised", 2)
    assert [v["goals"][0]["measure"] for v in cycle.plan_versions] == [
        "runs under 1 s",
        "runs under 0.5 s",
    ]


def test_a_revision_that_changes_nothing_is_refused() -> None:
    cycle = given(*ON_BOARD, plan_written())
    assert refused(cycle, plan_written(dict(PLAN)), InvalidInput).field == "plan"


def test_both_approving_the_same_version_records_plan_approved_by_both() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_approved(EMPLOYEE))
    events = when_events(cycle, plan_approved(MANAGER))
    assert [type(e).__name__ for e in events] == ["PlanApproved", "PlanApprovedByBoth"]
    assert (events[0].party, events[0].version, events[1].version) == ("manager", 1, 1)
    assert cycle.approved_version == 1
    assert cycle.stage is Stage.PLAN_AGREED


def test_the_manager_may_approve_first() -> None:
    cycle = given(*ON_BOARD, plan_written())
    assert when(cycle, plan_approved(MANAGER)) == ["PlanApproved"]
    assert when(cycle, plan_approved(EMPLOYEE)) == ["PlanApproved", "PlanApprovedByBoth"]


def test_one_approval_does_not_make_the_plan_agreed() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_approved(EMPLOYEE))
    assert cycle.approvals == {"employee": 1}
    assert cycle.approved_version is None
    assert cycle.stage is Stage.ON_BOARD


def test_a_revision_after_an_approval_makes_a_new_version_and_resets_approvals() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_approved(EMPLOYEE))
    assert when(cycle, plan_written(REVISED)) == ["PlanRevised"]
    assert cycle.approvals == {}
    assert when(cycle, plan_approved(MANAGER, 2)) == ["PlanApproved"]
    assert cycle.approved_version is None


def test_a_revision_of_an_agreed_plan_asks_both_to_approve_again() -> None:
    cycle = given(*AGREED, plan_written(REVISED))
    before = cycle.stage
    assert cycle.approved_version == 1  # the earlier agreement stays on record
    assert when(cycle, plan_approved(EMPLOYEE, 2)) == ["PlanApproved"]
    assert when(cycle, plan_approved(MANAGER, 2)) == ["PlanApproved", "PlanApprovedByBoth"]
    assert cycle.approved_version == 2
    assert (before, cycle.stage) == (Stage.ON_BOARD, Stage.PLAN_AGREED)


def test_approving_a_superseded_version_is_refused() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_approved(EMPLOYEE), plan_written(REVISED))
    error = refused(cycle, plan_approved(MANAGER, 1), NotAllowedNow)
    assert "version 2" in error.message


def test_a_party_approving_twice_is_refused() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_approved(EMPLOYEE))
    refused(cycle, plan_approved(EMPLOYEE), NotAllowedNow)


def test_approving_again_after_both_agreed_is_refused() -> None:
    refused(given(*AGREED), plan_approved(MANAGER), NotAllowedNow)


def test_approving_when_there_is_no_plan_is_refused() -> None:
    refused(given(session_held()), plan_approved(EMPLOYEE), NotAllowedNow)


@pytest.mark.parametrize("version", [0, 2, "1", 1.0, None, True])
def test_approving_a_version_that_does_not_exist_is_refused(version: Any) -> None:
    cycle = given(*ON_BOARD, plan_written())
    error = refused(cycle, lambda c: c.approve_plan(EMPLOYEE, version), InvalidInput)
    assert error.field == "version"


@pytest.mark.parametrize("missing", ["measure", "deadline"])
@pytest.mark.parametrize("empty", [None, "", "   "])
def test_a_goal_without_measure_or_deadline_is_refused_with_the_field_named(
    missing: str, empty: str | None
) -> None:
    plan = plan_with(**{missing: empty})  # None leaves the field out altogether
    error = refused(given(session_held()), plan_written(plan), InvalidInput)
    assert error.field == f"goals.0.{missing}"


def test_a_measure_that_is_not_text_is_refused() -> None:
    error = refused(given(session_held()), plan_written(plan_with(measure=5)), InvalidInput)
    assert error.field == "goals.0.measure"


def test_a_deadline_in_the_past_is_refused() -> None:
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    error = refused(given(session_held()), plan_written(plan_with(deadline=yesterday)))
    assert isinstance(error, InvalidInput)
    assert error.field == "goals.0.deadline"


def test_a_deadline_today_is_accepted() -> None:
    cycle = given(session_held())
    assert when(cycle, plan_written(plan_with(deadline=TODAY.isoformat()))) == ["PlanDrafted"]


def test_an_unchanged_goal_may_keep_a_deadline_that_has_since_passed() -> None:
    cycle = given(session_held(), plan_written(plan_with(deadline=TODAY.isoformat())))
    later = date(2027, 1, 15)
    revised = dict(plan_with(deadline=TODAY.isoformat()), support=[])
    assert when(cycle, lambda c: c.write_plan(revised, today=later)) == ["PlanRevised"]
    moved = plan_with(deadline="2026-12-31", description="Other goal")
    error = refused(cycle, lambda c: c.write_plan(moved, today=later), InvalidInput)
    assert error.field == "goals.0.deadline"


@pytest.mark.parametrize(
    ("plan", "field"),
    [
        ("be better", "plan"),
        ({"goals": []}, "goals"),
        ({"goals": GOAL}, "goals"),
        ({"goals": [GOAL] * 11}, "goals"),
        ({"goals": ["learn SQL"]}, "goals.0"),
        (plan_with(description=""), "goals.0.description"),
        (plan_with(deadline="someday"), "goals.0.deadline"),
        (plan_with(deadline="2101-01-01"), "goals.0.deadline"),
        (
            dict(PLAN, activities=[{"description": "x", "type": "party", "form": "formal"}]),
            "activities.0.type",
        ),
        (
            dict(PLAN, activities=[{"description": "x", "type": "book", "form": "fun"}]),
            "activities.0.form",
        ),
        (dict(PLAN, activities=[{"type": "book", "form": "informal"}]), "activities.0.description"),
        (dict(PLAN, support=[{"kind": "money", "description": "x"}]), "support.0.kind"),
        (dict(PLAN, support=[{"kind": "budget"}]), "support.0.description"),
        (dict(PLAN, support=["time"]), "support.0"),
        (dict(PLAN, activities=[PLAN["activities"][0]] * 21), "activities"),
    ],
)
def test_a_malformed_plan_is_refused_with_the_field_named(plan: Any, field: str) -> None:
    assert refused(given(session_held()), plan_written(plan), InvalidInput).field == field


def test_a_closed_cycle_refuses_writing_and_approving_the_plan() -> None:
    cycle = given(*ON_BOARD, plan_written(), closed())
    refused(cycle, plan_written(REVISED), NotAllowedNow)
    refused(cycle, plan_approved(EMPLOYEE), NotAllowedNow)


def test_the_changes_between_versions_are_described_in_plain_language() -> None:
    cycle = given(*ON_BOARD, plan_written(), plan_written(REVISED))
    old, new = cycle.plan_versions
    assert describe_changes(old, new) == [
        "added goal: Write the monthly report query (measure: runs under 0.5 s; by 2027-03-01)",
        "removed goal: Write the monthly report query (measure: runs under 1 s; by 2027-03-01)",
    ]
