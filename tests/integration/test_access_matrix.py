"""Who may do what: every use case and every read query, run as every kind of caller.

A cell is "allowed" when the access check let the call through, whatever
happened next (a domain rule may still refuse it: that is not this test's
business), and "refused" when the call raised Forbidden. A new public use
case on Groeispurt, or a new read query, fails the completeness test until
it has a row here.
"""

from __future__ import annotations

import inspect
import itertools
import warnings
from collections.abc import Iterator
from uuid import uuid4

import pytest

from service.actor import Role
from service.application import Groeispurt
from service.errors import Forbidden
from service.read_queries import ReadQueries
from service.settings import Settings
from tests.integration.access_table import (
    INTERNAL,
    READ_QUERIES,
    ROLES,
    USE_CASES,
    World,
    build_world,
    outcome,
)
from tests.scenario import PREPARATION


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    yield from build_world(store)


def _public_use_cases() -> set[str]:
    ours = {
        name
        for klass in Groeispurt.__mro__
        if klass.__module__.startswith("service.")
        for name, member in vars(klass).items()
        if callable(member) and not name.startswith("_")
    }
    return ours - INTERNAL


def _public_read_queries() -> set[str]:
    """Its own and its mixins' (the people's reads) public methods."""
    members = inspect.getmembers(ReadQueries, inspect.isfunction)
    return {name for name, _ in members if not name.startswith("_")}


def test_every_public_use_case_and_read_query_has_a_row_in_the_matrix() -> None:
    assert _public_use_cases() == set(USE_CASES), "add the new use case to USE_CASES"
    assert _public_read_queries() == set(READ_QUERIES), "add the new read query to READ_QUERIES"


def test_use_cases_that_take_no_actor_are_only_the_internal_lookups() -> None:
    for name in _public_use_cases():
        parameters = list(inspect.signature(getattr(Groeispurt, name)).parameters)
        assert parameters[1] == "actor", f"{name} is public but takes no actor"


# The read model each read query reads, where it is not the board or the people.
READ_MODEL_OF = {
    "cycle": "cycle_detail",
    "cycles_of": "cycle_detail",
    "cycles_i_lead": "cycle_detail",
    "cycles": "cycle_detail",
    "count_cycles": "cycle_detail",
    "history": "audit",  # the history is read from the audit trail's rows
    "timeline": "cycle_detail",
    "last_retrospective": "cycle_detail",
    "follow_ups_due": "follow_ups",
    "my_follow_ups": "follow_ups",
    "training_needs": "training_needs",
    "audit": "audit",
    "audit_count": "audit",
    "plan_as_of": "audit",
    "events": "audit",  # the change feed reads the audit trail's rows
    "backlog_use": "backlog_use",
    "upcoming_show_and_tells": "show_and_tells",
    "show_and_tell_of": "show_and_tells",
}


def test_the_access_matrix_holds_for_every_caller(world: World) -> None:
    registered = {model.name for model in world.services.projections.read_models}
    missing = {n for n, model in READ_MODEL_OF.items() if model not in registered}
    if missing:
        warnings.warn(
            f"read models not in the catalogue yet, rows skipped: {sorted(missing)}", stacklevel=1
        )
    wrong = []
    rows = itertools.chain(
        USE_CASES.items(), ((n, r) for n, r in READ_QUERIES.items() if n not in missing)
    )
    for (name, (call, allowed)), role in itertools.product(rows, ROLES):
        expected = "allowed" if role in allowed else "refused"
        got = outcome(call, world, world.actors[role])
        if got != expected:
            wrong.append(f"{name} as {role}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)


def _needs_read_model(world: World, name: str) -> None:
    if name not in {model.name for model in world.services.projections.read_models}:
        pytest.skip(f"the {name} read model is not in the catalogue yet")


def test_a_refusal_says_the_same_whether_or_not_the_thing_exists(world: World) -> None:
    _needs_read_model(world, "cycle_detail")
    stranger = world.actors["other_manager"]
    queries = world.services.queries
    messages = set()
    for employee in (world.employee, uuid4()):
        with pytest.raises(Forbidden) as refused:
            queries.board_of(stranger, employee)
        messages.add(refused.value.message)
        with pytest.raises(Forbidden) as refused:
            queries.history(stranger, employee)
        messages.add(refused.value.message)
    for cycle_id in (world.cycle_id, uuid4()):
        with pytest.raises(Forbidden) as refused:
            queries.cycle(stranger, cycle_id)
        messages.add(refused.value.message)
        with pytest.raises(Forbidden) as refused:
            world.app.set_card_visibility(stranger, cycle_id, card_id="x", visible=True)
        messages.add(refused.value.message)
    assert messages == {Forbidden().message}


def test_a_teammate_sees_only_the_cards_the_employee_shows_to_the_team(world: World) -> None:
    employee, colleague = world.actors["employee"], world.actors["other_employee"]
    queries = world.services.queries
    assert queries.board_of(colleague, world.employee) is None  # nothing shown yet
    world.app.set_card_visibility(employee, world.cycle_id, card_id=world.card_ids[1], visible=True)
    board = queries.board_of(colleague, world.employee)
    assert board is not None
    assert list(board["cards"]) == [world.card_ids[1]]
    assert [c["id"] for c in board["lanes"]["todo"]] == [world.card_ids[1]]
    # Nothing else of the cycle: not who leads it, when it opened or met, how often it changed.
    assert (board["manager_id"], board["session_held_on"]) == (None, None)
    assert (board["opened_at"], board["planned_session_on"], board["version"]) == ("", "", 0)
    assert board["team_view"] is True
    world.app.set_card_visibility(
        employee, world.cycle_id, card_id=world.card_ids[1], visible=False
    )
    assert queries.board_of(colleague, world.employee) is None


def test_a_draft_preparation_is_shown_only_to_its_author(world: World) -> None:
    _needs_read_model(world, "cycle_detail")
    manager, colleague = world.actors["manager"], world.actors["other_employee"]
    assert colleague.person_id is not None
    cycle_id = world.app.open_cycle(
        manager, employee_id=colleague.person_id, planned_session_on="2027-02-01"
    )
    world.app.save_preparation_draft(manager, cycle_id, PREPARATION)
    queries = world.services.queries
    own = queries.cycle(manager, cycle_id)
    assert own is not None
    assert "manager" in own["drafts"]
    for role in ("other_employee", "hr", "audit_token"):
        doc = queries.cycle(world.actors[role], cycle_id)
        assert doc is not None
        assert doc["drafts"] == {}, f"{role} saw the manager's draft"
    world.app.submit_preparation(manager, cycle_id, PREPARATION)
    shared = queries.cycle(colleague, cycle_id)
    assert shared is not None
    assert len(shared["preparations"]["manager"]) == 1


def test_a_read_token_never_writes_even_for_a_person_with_every_right(world: World) -> None:
    tokens = world.services.tokens
    hr_read = tokens.authenticate(tokens.create("hr-read", "read", as_email="hr@example.nl"))
    admin_read = tokens.authenticate(tokens.create("adm-read", "read", as_email="admin@example.nl"))
    assert not hr_read.may_write
    assert Role.HR in hr_read.roles
    for actor in (hr_read, admin_read):
        for name, (call, _) in USE_CASES.items():
            if name in (
                "list_backlog",
                "backlog_order",
                "question_set",
                "list_inspiration_cards",
            ):  # they only read
                continue
            assert outcome(call, world, actor) == "refused", f"{name} wrote with a read token"
