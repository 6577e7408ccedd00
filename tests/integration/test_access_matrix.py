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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.errors import DomainError
from service.actor import Actor, Role
from service.application import Groeispurt
from service.container import Services, build_services
from service.errors import Forbidden, ServiceError
from service.read_queries import ReadQueries
from service.settings import Settings
from tests.scenario import ADMIN, CARD, PLAN, PREPARATION, cycle_on_board, fixed_today, small_org

ROLES = (
    "employee",
    "manager",
    "other_employee",  # a colleague in the employee's own team
    "other_manager",  # manages another team
    "hr",
    "admin",
    "read_token",  # a reporting token: HR's read rights, never writes
    "write_token",  # a write token bound to the employee
    "no_one",
)
EVERYONE = frozenset(ROLES) - {"no_one"}
PERSONS = EVERYONE - {"read_token"}  # every caller who is a person
EMPLOYEE = frozenset({"employee", "write_token"})
MANAGER = frozenset({"manager"})
BOTH = EMPLOYEE | MANAGER
PEOPLE_ADMIN = frozenset({"hr", "admin"})
AUDIT = frozenset({"hr", "read_token"})
OWN_RECORD = BOTH | AUDIT  # the employee, their manager, HR

# Public methods of Groeispurt that take no actor: lookups for other use cases.
INTERNAL = {
    "get_person",
    "find_person_by_email",
    "manager_of",
    "cycles_of",
    "today",
    "save_changes",
    "check_card_backlog_references",
    "check_preparation_backlog_references",
    "register_transcodings",
    "construct_repository",
}


@dataclass
class World:
    services: Services
    actors: dict[str, Actor]
    employee: UUID
    bystander: UUID
    cycle_id: UUID
    card_ids: list[str]
    skill_id: str

    @property
    def app(self) -> Groeispurt:
        return self.services.app


Call = Callable[[World, Actor], Any]


def _fresh_email() -> str:
    return f"p{uuid4().hex[:10]}@example.nl"


USE_CASES: dict[str, tuple[Call, frozenset[str]]] = {
    # -- the growth cycle -----------------------------------------------------
    "open_cycle": (
        lambda w, a: w.app.open_cycle(a, employee_id=w.employee, planned_session_on="2027-01-10"),
        MANAGER,
    ),
    "save_preparation_draft": (
        lambda w, a: w.app.save_preparation_draft(a, w.cycle_id, PREPARATION),
        BOTH,
    ),
    "submit_preparation": (
        lambda w, a: w.app.submit_preparation(a, w.cycle_id, PREPARATION),
        BOTH,
    ),
    "hold_session": (
        lambda w, a: w.app.hold_session(
            a, w.cycle_id, held_on="2026-12-01", notes="", cards=[CARD]
        ),
        MANAGER,
    ),
    "select_cards": (lambda w, a: w.app.select_cards(a, w.cycle_id, w.card_ids), BOTH),
    "move_card": (
        lambda w, a: w.app.move_card(
            a, w.cycle_id, card_id=w.card_ids[0], to_column="doing", position=0
        ),
        EMPLOYEE,
    ),
    "set_card_visibility": (
        lambda w, a: w.app.set_card_visibility(a, w.cycle_id, card_id=w.card_ids[0], visible=True),
        EMPLOYEE,
    ),
    "write_plan": (lambda w, a: w.app.write_plan(a, w.cycle_id, PLAN), MANAGER),
    "approve_plan": (lambda w, a: w.app.approve_plan(a, w.cycle_id, 1), BOTH),
    "schedule_follow_up": (
        lambda w, a: w.app.schedule_follow_up(a, w.cycle_id, months=3),
        MANAGER,
    ),
    "complete_follow_up": (
        lambda w, a: w.app.complete_follow_up(
            a, w.cycle_id, held_on="2027-03-01", went_well="x", could_be_better="y"
        ),
        BOTH,
    ),
    # Runs last among the cycle rows' writers in effect: a closed cycle still
    # checks access before it refuses for being closed.
    "close_cycle": (lambda w, a: w.app.close_cycle(a, w.cycle_id, "matrix"), MANAGER),
    # -- people (the bystander's changes touch no one else's rights) -----------
    "register_person": (
        lambda w, a: w.app.register_person(
            a,
            name="New Person",
            email=_fresh_email(),
            function="Tester",
            team="Ops",
            start_date="2026-01-01",
        ),
        PEOPLE_ADMIN,
    ),
    "change_manager": (lambda w, a: w.app.change_manager(a, w.bystander, None), PEOPLE_ADMIN),
    "change_function": (lambda w, a: w.app.change_function(a, w.bystander, "QA"), PEOPLE_ADMIN),
    "change_team": (lambda w, a: w.app.change_team(a, w.bystander, "Ops 2"), PEOPLE_ADMIN),
    "change_name": (lambda w, a: w.app.change_name(a, w.bystander, "Bo Bystander"), PEOPLE_ADMIN),
    "change_email": (
        lambda w, a: w.app.change_email(a, w.bystander, _fresh_email()),
        PEOPLE_ADMIN,
    ),
    "change_development_phase": (
        lambda w, a: w.app.change_development_phase(a, w.bystander, "senior"),
        PEOPLE_ADMIN,
    ),
    "correct_start_date": (
        lambda w, a: w.app.correct_start_date(a, w.bystander, "2020-02-02"),
        PEOPLE_ADMIN,
    ),
    "grant_role": (lambda w, a: w.app.grant_role(a, w.bystander, "admin"), frozenset({"admin"})),
    "revoke_role": (lambda w, a: w.app.revoke_role(a, w.bystander, "admin"), frozenset({"admin"})),
    "choose_language": (lambda w, a: w.app.choose_language(a, "nl"), PERSONS),
    # -- the company backlog ---------------------------------------------------
    "add_backlog_skill": (
        lambda w, a: w.app.add_backlog_skill(
            a, {"kind": "soft", "description": f"Skill {uuid4().hex[:8]}"}
        ),
        PEOPLE_ADMIN,
    ),
    "reword_backlog_skill": (
        lambda w, a: w.app.reword_backlog_skill(
            a, w.skill_id, {"kind": "hard", "description": "SQL, well"}
        ),
        PEOPLE_ADMIN,
    ),
    "move_backlog_skill": (lambda w, a: w.app.move_backlog_skill(a, w.skill_id, 0), PEOPLE_ADMIN),
    "retire_backlog_skill": (
        lambda w, a: w.app.retire_backlog_skill(a, w.skill_id),
        PEOPLE_ADMIN,
    ),
    "list_backlog": (lambda w, a: w.app.list_backlog(a), EVERYONE),
}

MOMENT = datetime(2030, 1, 1, tzinfo=UTC)

READ_QUERIES: dict[str, tuple[Call, frozenset[str]]] = {
    "me": (lambda w, a: w.services.queries.me(a), PERSONS),
    "people": (lambda w, a: w.services.queries.people(a), EVERYONE),
    "backlog": (lambda w, a: w.services.queries.backlog(a), EVERYONE),
    "board_of": (
        lambda w, a: w.services.queries.board_of(a, w.employee),
        OWN_RECORD | {"other_employee"},  # a teammate sees the cards shown to the team
    ),
    "boards_of": (lambda w, a: w.services.queries.boards_of(a, w.employee), OWN_RECORD),
    "cycle": (lambda w, a: w.services.queries.cycle(a, w.cycle_id), OWN_RECORD),
    "cycles_of": (lambda w, a: w.services.queries.cycles_of(a, w.employee), OWN_RECORD),
    "cycles_i_lead": (lambda w, a: w.services.queries.cycles_i_lead(a), PERSONS),
    "history": (lambda w, a: w.services.queries.history(a, w.employee), OWN_RECORD),
    "follow_ups_due": (lambda w, a: w.services.queries.follow_ups_due(a), EVERYONE),
    "training_needs": (lambda w, a: w.services.queries.training_needs(a), AUDIT),
    "audit": (lambda w, a: w.services.queries.audit(a, employee_id=str(w.employee)), AUDIT),
    "audit_count": (
        lambda w, a: w.services.queries.audit_count(a, employee_id=str(w.employee)),
        AUDIT,
    ),
    "plan_as_of": (lambda w, a: w.services.queries.plan_as_of(a, w.cycle_id, MOMENT), AUDIT),
}


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
    return {name for name, _ in inspect.getmembers(ReadQueries, inspect.isfunction)} - {
        n for n in vars(ReadQueries) if n.startswith("_")
    }


def test_every_public_use_case_and_read_query_has_a_row_in_the_matrix() -> None:
    assert _public_use_cases() == set(USE_CASES), "add the new use case to USE_CASES"
    assert _public_read_queries() == set(READ_QUERIES), "add the new read query to READ_QUERIES"


def test_use_cases_that_take_no_actor_are_only_the_internal_lookups() -> None:
    for name in _public_use_cases():
        parameters = list(inspect.signature(getattr(Groeispurt, name)).parameters)
        assert parameters[1] == "actor", f"{name} is public but takes no actor"


@pytest.fixture
def world(store: Settings) -> Iterator[World]:
    services = build_services(store, clock=fixed_today)
    app = services.app
    org = small_org(app)
    hr = app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staff",
        start_date="2015-01-01",
    )  # fmt: skip
    admin = app.register_person(
        ADMIN, name="Abe Admin", email="admin@example.nl", function="IT", team="Staff",
        start_date="2015-01-01",
    )  # fmt: skip
    other_manager = app.register_person(
        ADMIN, name="Otto Other", email="otto@example.nl", function="Lead", team="Data",
        start_date="2016-01-01",
    )  # fmt: skip
    bystander = app.register_person(
        ADMIN, name="Bo", email="bo@example.nl", function="QA", team="Ops",
        start_date="2020-01-01",
    )  # fmt: skip
    app.grant_role(ADMIN, hr, "hr")
    app.grant_role(ADMIN, admin, "admin")
    skill_id = app.add_backlog_skill(Actor(hr, frozenset({Role.HR})), {"kind": "hard",
                                     "description": "SQL"})  # fmt: skip
    cycle_id, card_ids = cycle_on_board(app, org)
    tokens = services.tokens
    actors = {
        "employee": Actor(org.employee),
        "manager": Actor(org.manager),
        "other_employee": Actor(org.colleague),
        "other_manager": Actor(other_manager),
        "hr": services.accounts.actor_for(hr),
        "admin": services.accounts.actor_for(admin),
        "read_token": tokens.authenticate(tokens.create("reporting", "read")),
        "write_token": tokens.authenticate(
            tokens.create("lms", "write", as_email="eva@example.nl")
        ),
        "no_one": Actor(None),
    }
    yield World(services, actors, org.employee, bystander, cycle_id, card_ids, skill_id)
    services.close()


def _outcome(call: Call, world: World, actor: Actor) -> str:
    try:
        call(world, actor)
    except Forbidden:
        return "refused"
    except (DomainError, ServiceError):
        return "allowed"  # past the access check; a rule of the domain said no
    return "allowed"


# The read model each read query reads, where it is not the board or the people.
READ_MODEL_OF = {
    "cycle": "cycle_detail",
    "cycles_of": "cycle_detail",
    "cycles_i_lead": "cycle_detail",
    "history": "audit",  # the history is read from the audit trail's rows
    "follow_ups_due": "follow_ups",
    "training_needs": "training_needs",
    "audit": "audit",
    "audit_count": "audit",
    "plan_as_of": "audit",
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
        got = _outcome(call, world, world.actors[role])
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
    assert "session_held_on" not in board
    assert "manager_id" not in board
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
    for role in ("other_employee", "hr", "read_token"):
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
            if name == "list_backlog":
                continue
            assert _outcome(call, world, actor) == "refused", f"{name} wrote with a read token"
