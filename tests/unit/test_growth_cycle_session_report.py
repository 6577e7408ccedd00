"""The session report (verslag): written by either party, counted once both approved one version."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.errors import InvalidInput, NotAllowedNow
from domain.vocabulary import Party
from tests.unit.given import ON_BOARD, given, history, refused, replay, session_held, when


def report_written(party: Party = Party.MANAGER, text: str = "We talked about SQL.") -> Any:
    return lambda c: c.write_session_report(party, text)


def report_approved(party: Party, version: int = 1) -> Any:
    return lambda c: c.approve_session_report(party, version)


def test_either_party_writes_the_report_and_a_change_is_a_new_version() -> None:
    cycle = given(session_held())
    assert when(cycle, report_written(Party.EMPLOYEE)) == ["SessionReportDrafted"]
    assert when(cycle, report_written(Party.MANAGER, "And feedback.")) == ["SessionReportRevised"]
    assert list(cycle.report_versions) == ["We talked about SQL.", "And feedback."]


def test_the_report_is_written_once_the_session_has_been_held() -> None:
    error = refused(given(), report_written(), NotAllowedNow)
    assert error.code == "report.session_not_held"


def test_an_unchanged_or_empty_report_is_refused() -> None:
    cycle = given(session_held(), report_written())
    assert refused(cycle, report_written(), InvalidInput).code == "report.unchanged"
    assert refused(cycle, report_written(text="  "), InvalidInput).code == "value.required"


def test_the_report_counts_only_when_both_approved_the_same_version() -> None:
    cycle = given(*ON_BOARD, report_written())
    assert when(cycle, report_approved(Party.EMPLOYEE)) == ["SessionReportApproved"]
    assert cycle.report_agreed_version is None
    assert when(cycle, report_approved(Party.MANAGER)) == [
        "SessionReportApproved",
        "SessionReportApprovedByBoth",
    ]
    assert cycle.report_agreed_version == 1


def test_a_revision_withdraws_the_approvals_given() -> None:
    cycle = given(session_held(), report_written(), report_approved(Party.EMPLOYEE))
    assert when(cycle, report_written(text="Revised.")) == ["SessionReportRevised"]
    assert cycle.report_approvals == {}
    assert refused(cycle, report_approved(Party.MANAGER, 1), NotAllowedNow).code == (
        "plan.version_replaced"
    )
    assert when(cycle, report_approved(Party.MANAGER, 2)) == ["SessionReportApproved"]
    assert cycle.report_agreed_version is None


def test_approving_twice_or_a_version_that_does_not_exist_is_refused() -> None:
    cycle = given(session_held(), report_written(), report_approved(Party.EMPLOYEE))
    assert refused(cycle, report_approved(Party.EMPLOYEE), NotAllowedNow).code == (
        "plan.already_approved"
    )
    assert refused(cycle, report_approved(Party.MANAGER, 3), InvalidInput).code == (
        "report.no_such_version"
    )
    assert refused(given(session_held()), report_approved(Party.MANAGER), NotAllowedNow).code == (
        "report.none_yet"
    )


def test_the_report_does_not_change_the_cycles_stage() -> None:
    cycle = given(*ON_BOARD)
    stage = cycle.stage
    cycle.write_session_report(Party.MANAGER, "Notes")
    assert cycle.stage is stage


def test_a_handover_withdraws_the_former_managers_approval_of_a_report_not_yet_agreed() -> None:
    cycle = given(session_held(), report_written(), report_approved(Party.MANAGER))
    assert when(cycle, lambda c: c.hand_over(UUID(int=7))) == [
        "ManagerHandedOver",
        "SessionReportApprovalWithdrawn",
    ]
    assert cycle.report_approvals == {}


def test_a_handover_leaves_an_agreed_report_agreed() -> None:
    cycle = given(
        session_held(),
        report_written(),
        report_approved(Party.MANAGER),
        report_approved(Party.EMPLOYEE),
    )
    assert when(cycle, lambda c: c.hand_over(UUID(int=7))) == ["ManagerHandedOver"]
    assert cycle.report_agreed_version == 1


def test_the_report_replays_to_the_same_cycle() -> None:
    cycle, events = history(
        session_held(), report_written(), report_approved(Party.MANAGER), report_written(text="B")
    )
    replayed = replay(events)
    assert (
        list(replayed.report_versions)
        == list(cycle.report_versions)
        == ["We talked about SQL.", "B"]
    )
    assert replayed.report_approvals == cycle.report_approvals == {}
