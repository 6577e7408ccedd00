"""The cycle detail keeps the cards written at the session table and the session report."""

from __future__ import annotations

from domain.vocabulary import Party
from projections import cycle_fold
from projections.cycle_fold import CycleDoc
from tests.unit.folding import batch_of, stored
from tests.unit.given import CARD, cards, history


def test_the_document_holds_each_candidate_card_as_it_is_now_with_its_version() -> None:
    cycle, events = history(
        lambda c: c.write_candidate_card(Party.EMPLOYEE, CARD),
        lambda c: c.write_candidate_card(Party.MANAGER, dict(CARD, i_want_to="test")),
    )
    first, second = list(cycle.candidate_cards)
    cycle.change_candidate_card(Party.MANAGER, first, dict(CARD, support="a mentor"))
    cycle.remove_candidate_card(Party.EMPLOYEE, second)
    later = list(cycle.collect_events())
    cycles: dict[str, CycleDoc] = {}
    cycle_fold.fold(cycles, batch_of(events))
    cycles = stored(cycles)  # the second batch loads what the first wrote
    cycle_fold.fold(cycles, batch_of(later, first_id=len(events) + 1))
    doc = cycles[str(cycle.id)]
    [card] = doc["candidate_cards"]
    assert (card["id"], card["version"], card["party"], card["support"]) == (
        first,
        2,
        "manager",
        "a mentor",
    )
    assert doc["stage"] == "preparing"
    assert doc["version"] == cycle.version


def test_the_document_holds_the_report_versions_and_who_approved_which() -> None:
    cycle, events = history(
        lambda c: c.hold_session(held_on="2026-12-01", notes="", cards=cards()),
        lambda c: c.write_session_report(Party.MANAGER, "First"),
        lambda c: c.approve_session_report(Party.EMPLOYEE, 1),
        lambda c: c.write_session_report(Party.EMPLOYEE, "Second"),
        lambda c: c.approve_session_report(Party.EMPLOYEE, 2),
        lambda c: c.approve_session_report(Party.MANAGER, 2),
    )
    cycles: dict[str, CycleDoc] = {}
    cycle_fold.fold(cycles, batch_of(events))
    report = cycles[str(cycle.id)]["report"]
    assert [(v["version"], v["text"], v["party"]) for v in report["versions"]] == [
        (1, "First", "manager"),
        (2, "Second", "employee"),
    ]
    assert [(a["party"], a["version"]) for a in report["approval_history"]] == [
        ("employee", 1),
        ("employee", 2),
        ("manager", 2),
    ]
    assert set(report["approvals"]) == {"employee", "manager"}
    assert report["agreed_version"] == 2
    assert cycles[str(cycle.id)]["stage"] == "session_held"
