"""The session at the table and its report through the use cases, on both stores: both
parties write the cards, a change made meanwhile is refused instead of lost, and the
report counts once both approved one version."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from domain.errors import InvalidInput
from service.application import Groeispurt
from service.container import Services, build_services
from service.errors import Conflict
from service.settings import Settings
from tests.scenario import CARD, PREPARATION, Org, four_cards, small_org


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store)
    yield services
    services.close()


def _prepared(app: Groeispurt, org: Org) -> str:
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    app.submit_preparation(org.as_employee, cycle_id, PREPARATION)
    return str(cycle_id)


def test_both_write_the_four_cards_and_the_session_takes_them_to_the_board(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = _prepared(app, org)
    written = [
        app.save_candidate_card(org.as_employee if i % 2 else org.as_manager, cycle_id, card)
        for i, card in enumerate(four_cards())
    ]
    doc = services.queries.cycle(org.as_employee, cycle_id)
    assert doc is not None
    assert [c["id"] for c in doc["candidate_cards"]] == written
    assert [c["party"] for c in doc["candidate_cards"]] == ["manager", "employee"] * 2
    app.hold_session_from_candidates(org.as_manager, cycle_id, held_on="2026-12-01", notes="")
    app.select_cards(org.as_employee, cycle_id, written[:3])
    board = services.queries.board_of_cycle(org.as_employee, cycle_id)
    assert board is not None
    assert [card["id"] for card in board["lanes"]["todo"]] == written[:3]


def test_a_change_to_a_card_someone_changed_meanwhile_is_refused_and_nothing_is_lost(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = _prepared(app, org)
    card_id = app.save_candidate_card(org.as_employee, cycle_id, CARD)
    # Both read version 1; the manager saves first.
    app.save_candidate_card(
        org.as_manager, cycle_id, dict(CARD, support="a mentor"), card_id=card_id, if_version=1
    )
    with pytest.raises(Conflict) as clash:
        app.save_candidate_card(
            org.as_employee, cycle_id, dict(CARD, actions="a book"), card_id=card_id, if_version=1
        )
    assert clash.value.code == "conflict.candidate_card_changed"
    assert clash.value.params == {"version": 2}
    doc = services.queries.cycle(org.as_employee, cycle_id)
    assert doc is not None
    [card] = doc["candidate_cards"]
    assert (card["version"], card["support"], card["actions"]) == (2, "a mentor", "SQL course")
    with pytest.raises(Conflict):
        app.remove_candidate_card(org.as_employee, cycle_id, card_id, if_version=1)


def test_holding_the_session_with_three_written_cards_explains_the_rule(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = _prepared(app, org)
    for card in four_cards()[:3]:
        app.save_candidate_card(org.as_employee, cycle_id, card)
    with pytest.raises(InvalidInput) as refused:
        app.hold_session_from_candidates(org.as_manager, cycle_id, held_on="2026-12-01", notes="")
    assert refused.value.code == "session.four_cards"
    assert refused.value.params == {"hard": 2, "soft": 1}


def test_a_card_may_point_at_a_skill_of_the_company_backlog_only(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = _prepared(app, org)
    with pytest.raises(InvalidInput) as refused:
        app.save_candidate_card(
            org.as_employee, cycle_id, dict(CARD, backlog_skill_id="no-such-skill")
        )
    assert refused.value.field == "card.backlog_skill_id"
    doc = services.queries.cycle(org.as_employee, cycle_id)
    assert doc is not None
    assert doc["candidate_cards"] == []


def test_the_session_report_is_agreed_when_both_approved_the_same_version(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id = _prepared(app, org)
    app.hold_session(org.as_manager, cycle_id, held_on="2026-12-01", notes="", cards=four_cards())
    assert app.write_session_report(org.as_employee, cycle_id, "What we said.") == 1
    app.approve_session_report(org.as_manager, cycle_id, 1)
    assert app.write_session_report(org.as_manager, cycle_id, "What we said, and agreed.") == 2
    app.approve_session_report(org.as_manager, cycle_id, 2)
    app.approve_session_report(org.as_employee, cycle_id, 2)
    doc = services.queries.cycle(org.as_manager, cycle_id)
    assert doc is not None
    report = doc["report"]
    assert report["agreed_version"] == 2
    assert [(a["party"], a["version"]) for a in report["approval_history"]] == [
        ("manager", 1),
        ("manager", 2),
        ("employee", 2),
    ]
