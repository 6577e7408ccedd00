"""The timeline across cycles and the last retrospective, read through the service on both stores.

Who reads them is the access matrix's business (`timeline`, `last_retrospective`,
`may_read_history`); here: what they hold, and that they follow the
relationship as it is now (a handover, a coach).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from projections.cycle_timeline import MomentKind
from service.actor import Actor
from service.errors import Forbidden
from service.settings import Settings
from tests.integration.access_table import World, build_world
from tests.scenario import ADMIN, PLAN, PREPARATION


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    yield from build_world(store)


def _second_cycle(world: World) -> tuple[str, str]:
    """Brings the world's cycle to its end and opens the next; returns both ids."""
    app, manager, employee = world.app, world.actors["manager"], world.actors["employee"]
    first = str(world.cycle_id)
    app.write_plan(manager, world.cycle_id, PLAN)
    app.approve_plan(employee, world.cycle_id, 1)
    app.approve_plan(manager, world.cycle_id, 1)
    app.schedule_follow_up(manager, world.cycle_id, months=3)
    app.complete_follow_up(
        employee, world.cycle_id, held_on="2027-03-01", went_well="SQL", could_be_better="Time"
    )
    second = app.open_cycle(manager, employee_id=world.employee, planned_session_on="2027-04-01")
    return first, str(second)


def test_the_timeline_holds_every_cycle_oldest_first_with_its_moments(world: World) -> None:
    first, second = _second_cycle(world)
    world.app.save_preparation_draft(world.actors["employee"], second, PREPARATION)
    timeline = world.services.queries.timeline(world.actors["manager"], world.employee)
    assert [line.cycle["cycle_id"] for line in timeline.cycles] == [first, second]
    assert [line.number for line in timeline.cycles] == [1, 2]
    kinds = [m.kind for m in timeline.cycles[0].moments]
    assert kinds[0] is MomentKind.OPENED
    assert kinds[-2:] == [MomentKind.FOLLOW_UP_PLANNED, MomentKind.RETROSPECTIVE]
    assert {MomentKind.SESSION_HELD, MomentKind.CARDS_CHOSEN, MomentKind.PLAN_AGREED} <= set(kinds)
    # The employee's draft of the new cycle is theirs alone: no moment, no content.
    assert [m.kind for m in timeline.cycles[1].moments] == [MomentKind.OPENED]
    assert timeline.cycles[1].cycle["drafts"] == {}


def test_the_next_cycle_shows_what_was_said_at_the_last_follow_up(world: World) -> None:
    first, second = _second_cycle(world)
    queries = world.services.queries
    for role in ("employee", "manager", "hr"):
        found = queries.last_retrospective(world.actors[role], second)
        assert found is not None, role
        assert found.cycle_id == first
        assert (found.retrospective["went_well"], found.retrospective["could_be_better"]) == (
            "SQL",
            "Time",
        )
    assert queries.last_retrospective(world.actors["employee"], first) is None


def test_a_former_manager_loses_the_timeline_and_the_new_one_reads_every_cycle(
    world: World,
) -> None:
    first, second = _second_cycle(world)
    app, queries = world.app, world.services.queries
    former = world.actors["manager"]
    new = app.register_person(
        ADMIN, name="Nina New", email="nina@example.nl", function="Teamlead", team="Web",
        start_date="2018-01-01",
    )  # fmt: skip
    app.change_manager(world.actors["hr"], world.employee, new)
    assert not queries.may_read_history(former, world.employee)
    with pytest.raises(Forbidden):
        queries.timeline(former, world.employee)
    with pytest.raises(Forbidden):
        queries.last_retrospective(former, second)
    # The new manager reads the cycle the former one led as well.
    timeline = queries.timeline(Actor(new), world.employee)
    assert [line.cycle["cycle_id"] for line in timeline.cycles] == [first, second]
    assert timeline.cycles[0].cycle["manager_id"] == str(former.person_id)
    found = queries.last_retrospective(Actor(new), second)
    assert found is not None
    assert found.cycle_id == first


def test_a_coach_leads_the_open_cycle_but_reads_no_earlier_ones(world: World) -> None:
    app, queries, hr = world.app, world.services.queries, world.actors["hr"]
    top = app.register_person(
        ADMIN, name="Tara Top", email="tara@example.nl", function="Director", team="Board",
        start_date="2010-01-01",
    )  # fmt: skip
    coach = world.actors["other_manager"]
    assert coach.person_id is not None
    cycle_id = app.open_cycle(
        hr, employee_id=top, planned_session_on="2027-01-05", coach_id=coach.person_id
    )
    assert queries.cycle(coach, cycle_id) is not None
    assert not queries.may_read_history(coach, top)
    with pytest.raises(Forbidden):
        queries.timeline(coach, top)
    with pytest.raises(Forbidden):
        queries.last_retrospective(coach, cycle_id)
    assert queries.may_read_history(Actor(top), top)
    assert [line.cycle["cycle_id"] for line in queries.timeline(Actor(top), top).cycles] == [
        str(cycle_id)
    ]


def test_a_person_without_cycles_has_an_empty_timeline(world: World) -> None:
    bystander = Actor(world.bystander)
    assert world.services.queries.timeline(bystander, world.bystander).cycles == []
