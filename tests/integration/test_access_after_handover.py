"""After HR gives the employee another manager, access follows the relationship as it is now.

Every use case and read query of the access matrix runs as the former
manager (who should fare like a manager with no relation to the employee),
the new manager (like the employee's manager) and the former manager who is
also HR (like HR: reading as an auditor, acting in no cycle).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace

import pytest

from service.accounts import actor_for_person
from service.actor import Actor
from service.errors import Forbidden
from service.settings import Settings
from tests.integration.access_table import READ_QUERIES, USE_CASES, World, build_world, outcome
from tests.scenario import ADMIN, PLAN, PREPARATION

# Each caller after the handover is expected to fare as this caller of the plain matrix.
FARES_LIKE = {
    "former_manager": "other_manager",
    "new_manager": "manager",
    "former_manager_hr": "hr",
}
# The former manager stays in the employee's team: on the board (and among people) they are a
# teammate, who sees only the cards shown to the team.
AS_TEAMMATE = {"board_of", "board_of_cycle", "person"}


@pytest.fixture(params=[False, True], ids=["former-manager", "former-manager-is-hr"])
def handed_over(request: pytest.FixtureRequest, store: Settings) -> Iterator[World]:
    for world in build_world(store):
        app = world.app
        former = world.actors["manager"]
        assert former.person_id is not None
        new = app.register_person(
            ADMIN, name="Nina New", email="nina@example.nl", function="Teamlead", team="Web",
            start_date="2018-01-01",
        )  # fmt: skip
        app.change_manager(world.actors["hr"], world.employee, new)
        world.actors["new_manager"] = Actor(new)
        if request.param:
            app.grant_role(ADMIN, former.person_id, "hr")
            world.actors["former_manager_hr"] = actor_for_person(app, former.person_id)
        else:
            world.actors["former_manager"] = actor_for_person(app, former.person_id)
        yield world


def test_every_use_case_and_read_query_follows_the_handover(handed_over: World) -> None:
    callers = [c for c in FARES_LIKE if c in handed_over.actors]
    wrong = []
    for (name, (call, allowed)), caller in itertools.product(
        itertools.chain(USE_CASES.items(), READ_QUERIES.items()), callers
    ):
        like = "other_employee" if caller == "former_manager" and name in AS_TEAMMATE else None
        expected = "allowed" if (like or FARES_LIKE[caller]) in allowed else "refused"
        got = outcome(call, handed_over, handed_over.actors[caller])
        if got != expected:
            wrong.append(f"{name} as {caller}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    yield from build_world(store)


def test_the_former_manager_loses_the_board_the_pop_and_the_cycle_at_once(world: World) -> None:
    app, queries = world.app, world.services.queries
    former, hr = world.actors["manager"], world.actors["hr"]
    assert queries.cycle(former, world.cycle_id) is not None
    app.write_plan(former, world.cycle_id, PLAN)
    new = app.register_person(
        ADMIN, name="Nina New", email="nina@example.nl", function="Teamlead", team="Data",
        start_date="2018-01-01",
    )  # fmt: skip
    app.change_manager(hr, world.employee, new)
    for read in (
        lambda: queries.cycle(former, world.cycle_id),
        lambda: queries.history(former, world.employee),
        lambda: queries.cycles_of(former, world.employee),
    ):
        with pytest.raises(Forbidden):
            read()
    assert queries.board_of(former, world.employee) is None  # a teammate: nothing shown to the team
    with pytest.raises(Forbidden):
        app.approve_plan(former, world.cycle_id, 1)
    assert str(world.cycle_id) not in {d["cycle_id"] for d in queries.cycles_i_lead(former)}
    new_manager = Actor(new)
    assert str(world.cycle_id) in {d["cycle_id"] for d in queries.cycles_i_lead(new_manager)}
    app.approve_plan(new_manager, world.cycle_id, 1)
    doc = queries.cycle(new_manager, world.cycle_id)
    assert doc is not None
    assert doc["manager_id"] == str(new)


def test_a_handover_withdraws_an_approval_that_was_not_yet_shared_by_both(world: World) -> None:
    app, queries = world.app, world.services.queries
    former, hr, employee = world.actors["manager"], world.actors["hr"], world.actors["employee"]
    app.write_plan(former, world.cycle_id, PLAN)
    app.approve_plan(former, world.cycle_id, 1)
    new = app.register_person(
        ADMIN, name="Nina New", email="nina@example.nl", function="Teamlead", team="Web",
        start_date="2018-01-01",
    )  # fmt: skip
    app.change_manager(hr, world.employee, new)
    app.approve_plan(employee, world.cycle_id, 1)
    doc = queries.cycle(employee, world.cycle_id)
    assert doc is not None
    assert doc["approved_version"] is None
    assert set(doc["approvals"]) == {"employee"}
    [handover] = queries.audit(hr, kinds=["ManagerHandedOver"]).rows
    assert handover.actor["name"] == "Hanna HR"
    assert handover.subject is not None
    assert handover.subject["name"] == "Eva Employee"
    assert handover.row.changes["approval_withdrawn"] == 1


def test_someone_without_a_manager_has_a_cycle_led_by_a_coach_that_hr_names(
    world: World,
) -> None:
    app, queries = world.app, world.services.queries
    hr = world.actors["hr"]
    top = app.register_person(
        ADMIN, name="Tara Top", email="tara@example.nl", function="Director", team="Board",
        start_date="2010-01-01",
    )  # fmt: skip
    with pytest.raises(Forbidden):
        app.open_cycle(world.actors["manager"], employee_id=top, planned_session_on="2027-01-05")
    coach = world.actors["other_manager"]
    assert coach.person_id is not None
    cycle_id = app.open_cycle(
        hr, employee_id=top, planned_session_on="2027-01-05", coach_id=coach.person_id
    )
    app.save_preparation_draft(coach, cycle_id, PREPARATION)
    doc = queries.cycle(coach, cycle_id)
    assert doc is not None
    assert doc["manager_id"] == str(coach.person_id)
    assert queries.board_of(coach, top) is not None
    # HR may hand it to another coach; the first one then no longer sees it.
    app.hand_cycle_to_coach(hr, cycle_id, world.actors["admin"].person_id)
    with pytest.raises(Forbidden):
        queries.cycle(coach, cycle_id)
    # HR reads the cycle as an auditor but never acts inside it.
    with pytest.raises(Forbidden):
        app.submit_preparation(replace(hr), cycle_id, PREPARATION)
