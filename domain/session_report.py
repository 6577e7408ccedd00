"""The session report (verslag): written after the session, approved by both like the POP.

Seed 001: "Je maakt het plan en het verslag in overleg met de medewerker en
keurt het ook beiden goed." Either party writes it; every change is a new
version that withdraws the approvals given; it counts only when both approved
the same version (`domain.versioned_approval`, shared with the POP).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from domain.cycle_stages import check_open
from domain.error_texts import NO_REPORT_YET, REPORT_AFTER_SESSION, REPORT_UNCHANGED
from domain.errors import InvalidInput, NotAllowedNow
from domain.text import check_text
from domain.vocabulary import Party

if TYPE_CHECKING:
    from domain.cycle_state import CycleState

# A report is longer than one answer of a form: what was said, and what was agreed.
REPORT_LENGTH = 10_000


def check_report_writable(cycle: CycleState) -> None:
    check_open(cycle)
    if cycle.session is None:
        raise NotAllowedNow(REPORT_AFTER_SESSION)


def check_report_to_approve(cycle: CycleState) -> None:
    check_open(cycle)
    if not cycle.report_versions:
        raise NotAllowedNow(NO_REPORT_YET)


def parse_report(text: Any, versions: Sequence[str]) -> str:
    report = check_text("text", text, max_length=REPORT_LENGTH, multiline=True)
    if versions and report == versions[-1]:
        raise InvalidInput(REPORT_UNCHANGED, "text")
    return report


def report_approval_withdrawn(cycle: CycleState) -> int | None:
    """At a handover, the former manager's approval of a report not yet agreed by both
    no longer counts (as with the POP, `domain.handover`)."""
    approval = cycle.report_approvals.get(Party.MANAGER.value)
    if approval is None or approval == cycle.report_agreed_version:
        return None
    return approval
