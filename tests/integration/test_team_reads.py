"""What a team shares, through the service on both stores: the manager's own board shown to
the people who report to them, and the show & tells announced to the team.

Who may call these reads at all is the access matrix's business; here: what each one
shows, and that nothing the employee did not show leaks.
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest

from service.actor import Actor
from service.errors import Forbidden
from service.settings import Settings
from tests.integration.access_table import World, build_world
from tests.scenario import ADMIN, PREPARATION, four_cards, load_cycle


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    yield from build_world(store)


def _managers_own_board(world: World) -> UUID:
    """Mia leads the team and has no manager herself: HR coaches her cycle, on the board."""
    app, hr = world.app, world.actors["hr"]
    mia = world.actors["manager"]
    assert mia.person_id is not None
    cycle = app.open_cycle(hr, employee_id=mia.person_id, planned_session_on="2026-12-01")
    app.submit_preparation(mia, cycle, PREPARATION)
    app.submit_preparation(hr, cycle, PREPARATION)
    app.hold_session(hr, cycle, held_on="2026-12-01", notes="", cards=four_cards())
    app.select_cards(mia, cycle, list(load_cycle(app, cycle).cards)[:3])
    return cycle


def test_a_manager_without_a_manager_runs_a_cycle_coached_by_hr_and_shows_her_whole_board(
    world: World,
) -> None:
    cycle = _managers_own_board(world)
    mia, eva = world.actors["manager"], world.actors["employee"]
    queries = world.services.queries
    assert queries.my_managers_shown_board(eva) is None  # nothing shown yet
    assert world.app.show_board_to_team(mia, cycle, visible=True) == 3
    assert world.app.show_board_to_team(mia, cycle, visible=True) == 0  # already shown
    shown = queries.my_managers_shown_board(eva)
    assert shown is not None
    manager_id, board = shown
    assert manager_id == str(mia.person_id)
    assert board["team_view"]
    assert len(board["cards"]) == 3
    assert board["manager_id"] is None
    assert board["opened_at"] == ""
    # The same as the board page gives a report, and never the cycle behind it.
    assert queries.board_of(eva, mia.person_id) == board
    with pytest.raises(Forbidden):
        queries.cycle(eva, cycle)


def test_a_report_sees_only_the_cards_the_manager_shows_and_an_outsider_none(
    world: World,
) -> None:
    cycle = _managers_own_board(world)
    mia, eva = world.actors["manager"], world.actors["employee"]
    card_ids = [c for ids in (load_cycle(world.app, cycle).board or {}).values() for c in ids]
    world.app.set_card_visibility(mia, cycle, card_id=card_ids[1], visible=True)
    shown = world.services.queries.my_managers_shown_board(eva)
    assert shown is not None
    assert list(shown[1]["cards"]) == [card_ids[1]]
    with pytest.raises(Forbidden):
        world.services.queries.board_of(world.actors["other_manager"], mia.person_id)
    world.app.show_board_to_team(mia, cycle, visible=False)
    assert world.services.queries.my_managers_shown_board(eva) is None


def test_the_team_hears_of_a_show_and_tell_with_only_the_skills_shown_to_the_team(
    world: World,
) -> None:
    app, queries = world.app, world.services.queries
    eva, mia, cas = (
        world.actors["employee"],
        world.actors["manager"],
        world.actors["other_employee"],
    )
    app.set_card_visibility(eva, world.cycle_id, card_id=world.card_ids[0], visible=True)
    assert app.plan_show_and_tell(mia, world.cycle_id, on="2027-01-15")  # either party
    for reader in (eva, mia, cas):
        [item] = queries.upcoming_show_and_tells(reader)
        assert (item.name, item.on.isoformat()) == ("Eva Employee", "2027-01-15")
        assert [s.skill for s in item.skills] == ["skill 0"]  # the other cards stay hidden
    for outsider in ("other_manager", "hr", "admin"):
        assert queries.upcoming_show_and_tells(world.actors[outsider]) == []
    assert str(queries.show_and_tell_of(eva, world.cycle_id)) == "2027-01-15"


def test_a_show_and_tell_moved_or_called_off_is_listed_as_it_is_now(world: World) -> None:
    app, queries = world.app, world.services.queries
    eva, cas = world.actors["employee"], world.actors["other_employee"]
    app.plan_show_and_tell(eva, world.cycle_id, on="2027-01-15")
    app.plan_show_and_tell(eva, world.cycle_id, on="2027-02-01")
    assert [i.on.isoformat() for i in queries.upcoming_show_and_tells(cas)] == ["2027-02-01"]
    app.call_off_show_and_tell(eva, world.cycle_id)
    assert queries.upcoming_show_and_tells(cas) == []
    assert queries.show_and_tell_of(eva, world.cycle_id) is None


def test_a_managers_own_show_and_tell_reaches_the_team_she_leads(world: World) -> None:
    cycle = _managers_own_board(world)
    mia, eva = world.actors["manager"], world.actors["employee"]
    world.app.plan_show_and_tell(mia, cycle, on="2027-01-20")
    [item] = world.services.queries.upcoming_show_and_tells(eva)
    assert item.name == "Mia Manager"
    assert item.skills == []


def test_someone_who_left_the_team_no_longer_hears_of_its_show_and_tells(world: World) -> None:
    app, queries = world.app, world.services.queries
    eva, cas = world.actors["employee"], world.actors["other_employee"]
    app.plan_show_and_tell(eva, world.cycle_id, on="2027-01-15")
    assert cas.person_id is not None
    app.change_manager(ADMIN, cas.person_id, world.actors["other_manager"].person_id)
    assert queries.upcoming_show_and_tells(Actor(cas.person_id)) == []
