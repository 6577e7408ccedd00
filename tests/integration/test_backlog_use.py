"""The backlog's counts of what points at each skill, and moves against a stale order,
through the service on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from projections.backlog_use import BacklogUse
from service.actor import Actor, Role
from service.container import Services, build_services
from service.errors import Conflict
from service.settings import Settings
from tests.scenario import PREPARATION, fixed_today, four_cards, load_cycle, small_org

HR = Actor(None, frozenset({Role.HR}), system="test")


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def _pointing(skill: str) -> dict[str, Any]:
    hard: dict[str, Any] = PREPARATION["hard"]  # type: ignore[assignment]
    growth = [dict(hard["growth"][0], backlog_skill_id=skill)]
    return dict(PREPARATION, hard=dict(hard, growth=growth))


def test_cards_and_preparations_pointing_at_a_skill_are_counted_and_survive_a_rebuild(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    sql = app.add_backlog_skill(HR, {"kind": "hard", "description": "SQL"})
    feedback = app.add_backlog_skill(HR, {"kind": "soft", "description": "Feedback"})
    unused = app.add_backlog_skill(HR, {"kind": "soft", "description": "Presenting"})
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    app.submit_preparation(org.as_employee, cycle_id, _pointing(feedback))
    app.submit_preparation(org.as_employee, cycle_id, _pointing(sql))  # a second version
    app.submit_preparation(org.as_manager, cycle_id, _pointing(sql))
    cards = four_cards(backlog_skill_id=sql)  # two hard, then two soft
    cards[1]["backlog_skill_id"] = sql
    cards[2]["backlog_skill_id"] = feedback
    app.hold_session(org.as_manager, cycle_id, held_on="2026-12-01", notes="", cards=cards)
    chosen = list(load_cycle(app, cycle_id).cards)[1:]
    app.select_cards(org.as_employee, cycle_id, chosen)
    expected = {
        sql: BacklogUse(cards=2, on_boards=1, preparations=2),
        feedback: BacklogUse(cards=1, on_boards=1, preparations=0),
    }
    assert services.queries.backlog_use(HR) == expected
    assert unused not in expected
    services.projections.rebuild(["backlog_use"])
    assert services.queries.backlog_use(HR) == expected


def test_a_move_on_an_order_that_changed_since_moves_nothing(services: Services) -> None:
    app = services.app
    assert services.queries.backlog_order(HR).version == 0
    sql = app.add_backlog_skill(HR, {"kind": "hard", "description": "SQL"})
    seen = services.queries.backlog_order(HR)
    feedback = app.add_backlog_skill(HR, {"kind": "soft", "description": "Feedback"})
    with pytest.raises(Conflict):
        app.move_backlog_skill(HR, feedback, 0, if_version=seen.version)
    now = services.queries.backlog_order(HR)
    assert [s["id"] for s in now.skills] == [sql, feedback]
    app.move_backlog_skill(HR, feedback, 0, if_version=now.version)
    assert [s["id"] for s in services.queries.backlog_order(HR).skills] == [feedback, sql]
