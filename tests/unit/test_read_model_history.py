"""The retrospective history: one employee's timeline across cycles, folded from the rows
of the audit trail without a database."""

from __future__ import annotations

from typing import Any

from domain.vocabulary import Party
from projections.history import KINDS, HistoryEntry, timeline
from tests.unit.folding import trail_of
from tests.unit.given import (
    AGREED,
    EMPLOYEE,
    ON_BOARD,
    PLAN,
    card_moved,
    closed,
    draft_saved,
    follow_up_completed,
    follow_up_scheduled,
    history,
    open_cycle,
    plan_approved,
    plan_written,
)


def timeline_of(events: list[Any]) -> list[HistoryEntry]:
    """As the history reads them: the employee's rows of these kinds, in log order."""
    rows = [r for r in trail_of(events) if r.employee_id == str(EMPLOYEE) and r.kind in KINDS]
    return timeline(str(EMPLOYEE), rows)


def test_a_full_cycle_reads_as_a_timeline_of_who_did_what() -> None:
    cycle, events = history(
        *AGREED,
        card_moved(0, "doing"),
        card_moved(0, "done"),
        follow_up_scheduled(),
        follow_up_completed(),
    )
    entries = timeline_of(events)
    assert [e.kind for e in entries] == [
        "cycle_opened",
        "preparation_submitted",
        "preparation_submitted",
        "session_held",
        "cards_selected",
        "plan_drafted",
        "plan_approved",
        "plan_approved",
        "plan_approved_by_both",
        "card_moved",
        "card_moved",
        "follow_up_scheduled",
        "follow_up_completed",
    ]
    assert {e.cycle_id for e in entries} == {str(cycle.id)}
    prepared = [e for e in entries if e.kind == "preparation_submitted"]
    assert [(e.party, e.details["preparation_version"]) for e in prepared] == [
        ("employee", 1),
        ("manager", 1),
    ]
    assert [e.version for e in entries] == list(range(1, len(entries) + 1))
    assert entries[-1].details["went_well"] == "SQL"


def test_a_card_moved_twice_shows_both_moves_with_the_card_title() -> None:
    _, events = history(*ON_BOARD, card_moved(1, "doing"), card_moved(1, "done"))
    moves = [e for e in timeline_of(events) if e.kind == "card_moved"]
    assert [(m.details["from_column"], m.details["to_column"]) for m in moves] == [
        ("todo", "doing"),
        ("doing", "done"),
    ]
    assert {m.details["title"] for m in moves} == {"skill 1"}
    assert {m.party for m in moves} == {"employee"}


def test_a_revised_pop_resets_the_approvals_and_says_whose() -> None:
    revised = dict(PLAN, support=[{"kind": "budget", "description": "course fee"}])
    _, events = history(
        *ON_BOARD,
        plan_written(),
        plan_approved(Party.EMPLOYEE, 1),
        plan_written(revised),
        plan_approved(Party.EMPLOYEE, 2),
        plan_approved(Party.MANAGER, 2),
    )
    plan_entries = [e for e in timeline_of(events) if e.kind.startswith("plan")]
    assert [(e.kind, e.party, e.details["plan_version"]) for e in plan_entries] == [
        ("plan_drafted", "manager", 1),
        ("plan_approved", "employee", 1),
        ("plan_revised", "manager", 2),
        ("plan_approved", "employee", 2),
        ("plan_approved", "manager", 2),
        ("plan_approved_by_both", None, 2),
    ]
    assert plan_entries[2].details["approvals_reset"] == [{"party": "employee", "plan_version": 1}]


def test_the_timeline_spans_cycles_and_leaves_out_drafts() -> None:
    first, before = history(*ON_BOARD, closed("new role"))
    second = open_cycle(previous_cycle_id=first.id)
    draft_saved(Party.EMPLOYEE, {"ambitions": "private thoughts"})(second)
    entries = timeline_of([*before, *second.collect_events()])
    assert [e.cycle_id for e in entries if e.kind == "cycle_opened"] == [
        str(first.id),
        str(second.id),
    ]
    assert entries[-1].kind == "cycle_opened"
    assert entries[-1].details["previous_cycle_id"] == str(first.id)
    assert "private thoughts" not in repr(entries)
