"""Inspiration cards, merged backlog skills and cards linked after the session, through the
service on both stores: what is saved, what conflicts, and what the reports count."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from projections.backlog_use import BacklogUse
from service.actor import Actor, Role
from service.container import Services, build_services
from service.errors import Conflict
from service.settings import Settings
from tests.integration.training_needs_org import NeedsOrg, build_needs_org
from tests.scenario import fixed_today, four_cards, load_cycle, small_org

HR = Actor(None, frozenset({Role.HR}), system="test")


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def test_the_deck_is_the_built_in_set_until_hr_changes_it_and_then_kept_in_the_log(
    services: Services, store: Settings
) -> None:
    app = services.app
    built_in = app.list_inspiration_cards(HR)
    assert built_in.version == 0
    assert len(built_in.cards) >= 10
    added = app.add_inspiration_card(HR, {"kind": "hard", "title_nl": "Kotlin"}, if_version=0)
    retired = built_in.cards[0]["id"]
    app.retire_inspiration_card(HR, retired, if_version=2)
    services.close()
    again = build_services(store, clock=fixed_today)
    try:
        deck = again.app.list_inspiration_cards(HR, include_retired=True)
        assert deck.version == 3  # started with the built-in set, a card added, one retired
        ids = [c["id"] for c in deck.cards]
        assert added in ids
        assert ids[-1] == retired  # retired ones last
    finally:
        again.close()


def test_a_change_to_the_deck_on_a_stale_version_is_refused_and_saves_nothing(
    services: Services,
) -> None:
    app = services.app
    app.add_inspiration_card(HR, {"kind": "soft", "title_nl": "Luisteren"}, if_version=0)
    with pytest.raises(Conflict):
        app.add_inspiration_card(HR, {"kind": "soft", "title_nl": "Pitchen"}, if_version=0)
    titles = [c["title_nl"] for c in app.list_inspiration_cards(HR).cards]
    assert "Luisteren" in titles
    assert "Pitchen" not in titles


def test_counts_of_a_merged_skill_count_for_the_skill_it_was_merged_into(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    feedback = app.add_backlog_skill(HR, {"kind": "soft", "description": "Feedback geven"})
    twin = app.add_backlog_skill(HR, {"kind": "soft", "description": "Groeien in feedback geven"})
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    cards = four_cards()
    cards[2]["backlog_skill_id"] = twin
    cards[3]["backlog_skill_id"] = feedback
    app.hold_session(org.as_manager, cycle_id, held_on="2026-12-01", notes="", cards=cards)
    app.select_cards(org.as_employee, cycle_id, list(load_cycle(app, cycle_id).cards)[1:])
    similar = services.queries.similar_backlog_skills(HR)
    assert [(a["id"], b["id"]) for a, b, _ in similar] == [(feedback, twin)]
    version = app.backlog_order(HR).version
    app.merge_backlog_skills(HR, twin, feedback, if_version=version)
    uses = services.queries.backlog_use(HR)
    assert uses[feedback] == BacklogUse(cards=2, on_boards=2, preparations=0)
    assert [s["id"] for s in app.list_backlog(HR)] == [feedback]
    assert services.queries.similar_backlog_skills(HR) == []
    with pytest.raises(Conflict):
        app.merge_backlog_skills(HR, feedback, twin, if_version=version)


def test_a_card_linked_after_the_session_counts_and_its_skills_changes_are_read_since_then(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    sql = app.add_backlog_skill(HR, {"kind": "hard", "description": "SQL"})
    app.add_backlog_skill(HR, {"kind": "hard", "description": "Python"})
    cycle_id = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    app.hold_session(org.as_manager, cycle_id, held_on="2026-12-01", notes="", cards=four_cards())
    card_ids = list(load_cycle(app, cycle_id).cards)
    app.select_cards(org.as_employee, cycle_id, card_ids[:3])
    assert app.link_card_to_backlog(
        org.as_manager, cycle_id, card_id=card_ids[0], backlog_skill_id=sql
    )
    assert not app.link_card_to_backlog(
        org.as_employee, cycle_id, card_id=card_ids[0], backlog_skill_id=sql
    )
    assert services.queries.backlog_use(HR)[sql] == BacklogUse(cards=1, on_boards=1)
    app.move_backlog_skill(HR, sql, 1)
    app.reword_backlog_skill(HR, sql, {"kind": "hard", "description": "SQL en rapporten"})
    (linked,) = services.queries.backlog_since_session(org.as_employee, cycle_id)
    assert linked.card["id"] == card_ids[0]
    assert linked.skill.reworded
    assert linked.skill.moved
    assert (linked.skill.now.description, linked.skill.now.position) == ("SQL en rapporten", 2)


@pytest.fixture
def needs(store: Settings) -> Iterator[NeedsOrg]:
    # Groups of one may show here: what is counted together is the question, not what hides.
    services = build_services(replace(store, min_group_size=1))
    try:
        yield build_needs_org(services)
    finally:
        services.close()


def test_training_needs_named_as_a_merged_skill_count_as_the_skill_it_was_merged_into(
    needs: NeedsOrg,
) -> None:
    services, hr = needs.services, needs.as_hr
    before = services.queries.training_needs(hr, "skill")
    sql_before = next(g for g in before.groups if g.name == "SQL" and g.kind == "hard")
    law = services.app.add_backlog_skill(hr, {"kind": "hard", "description": "Contract law"})
    sql = services.app.add_backlog_skill(hr, {"kind": "hard", "description": "SQL"})
    services.app.merge_backlog_skills(hr, law, sql)
    after = services.queries.training_needs(hr, "skill")
    sql_after = next(g for g in after.groups if g.name == "SQL" and g.kind == "hard")
    assert sql_before.people is not None
    assert sql_after.people == sql_before.people + 5  # the five jurists of Legal
    assert [g.name for g in before.groups if g.name == "Contract law"] == ["Contract law"]
    assert not [g for g in after.groups if g.name == "Contract law"]
