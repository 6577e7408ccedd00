"""The access matrix's table: every use case and read query, the callers, and a world to
run them in. Shared by the matrix itself and by the handover's matrix."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from domain.errors import DomainError
from projections.cycle_detail import CycleFilter
from service.accounts import actor_for_person
from service.actor import Actor, Role
from service.application import Groeispurt
from service.container import Services, build_services
from service.errors import Forbidden, ServiceError
from service.settings import Settings
from tests.scenario import (
    ADMIN,
    PLAN,
    PREPARATION,
    cycle_on_board,
    fixed_today,
    four_cards,
    small_org,
)

ROLES = (
    "employee",
    "manager",
    "other_employee",  # a colleague in the employee's own team
    "other_manager",  # manages another team
    "hr",
    "admin",
    "read_token",  # a reporting token bound to no one: reports only, never writes
    "audit_token",  # granted knowingly: reads every cycle with HR's rights, never writes
    "write_token",  # a write token bound to the employee
    "no_one",
)
EVERYONE = frozenset(ROLES) - {"no_one"}
TOKENS_FOR_NO_ONE = frozenset({"read_token", "audit_token"})
PERSONS = EVERYONE - TOKENS_FOR_NO_ONE  # every caller who is a person
NOT_REPORTS_ONLY = EVERYONE - {"read_token"}
EMPLOYEE = frozenset({"employee", "write_token"})
MANAGER = frozenset({"manager"})
BOTH = EMPLOYEE | MANAGER
PEOPLE_ADMIN = frozenset({"hr", "admin"})
AUDIT = frozenset({"hr", "audit_token"})
REPORTS = AUDIT | {"read_token"}
OWN_RECORD = BOTH | AUDIT  # the employee, their manager, HR

# Public methods of Groeispurt that take no actor: lookups for other use cases.
INTERNAL = {
    "get_person",
    "find_person_by_email",
    "active_person",
    "manager_of",
    "cycles_of",
    "today",
    "save_changes",
    "check_card_backlog_references",
    "check_preparation_backlog_references",
    "current_question_set",
    "check_backlog_reference",
    "merged_backlog_skills",
    "merged_backlog_wordings",
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


def _leaver(world: World) -> UUID:
    """Someone new to deactivate, so that each caller's try meets a person still active."""
    return world.app.register_person(
        ADMIN, name="Lea Leaver", email=_fresh_email(), function="Dev", team="Ops",
        start_date="2020-01-01",
    )  # fmt: skip


def _a_card(world: World) -> str:
    """An active inspiration card, so that each caller's try meets one."""
    return str(world.app.list_inspiration_cards(ADMIN).cards[0]["id"])


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
            a, w.cycle_id, held_on="2026-12-01", notes="", cards=four_cards()
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
    # -- the session at the table and its report: both parties write ------------
    "save_candidate_card": (
        lambda w, a: w.app.save_candidate_card(a, w.cycle_id, dict(four_cards()[0])),
        BOTH,
    ),
    "remove_candidate_card": (
        lambda w, a: w.app.remove_candidate_card(a, w.cycle_id, w.card_ids[0]),
        BOTH,
    ),
    "hold_session_from_candidates": (
        lambda w, a: w.app.hold_session_from_candidates(
            a, w.cycle_id, held_on="2026-12-01", notes=""
        ),
        MANAGER,
    ),
    "write_session_report": (
        lambda w, a: w.app.write_session_report(a, w.cycle_id, f"Report {uuid4().hex[:8]}"),
        BOTH,
    ),
    "approve_session_report": (lambda w, a: w.app.approve_session_report(a, w.cycle_id, 1), BOTH),
    # The whole board at once: the employee alone, as for one card.
    "show_board_to_team": (
        lambda w, a: w.app.show_board_to_team(a, w.cycle_id, visible=True),
        EMPLOYEE,
    ),
    # Either party announces the show & tell, moves it or calls it off.
    "plan_show_and_tell": (
        lambda w, a: w.app.plan_show_and_tell(a, w.cycle_id, on="2027-06-01"),
        BOTH,
    ),
    "call_off_show_and_tell": (
        lambda w, a: w.app.call_off_show_and_tell(a, w.cycle_id),
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
    "change_external_id": (
        lambda w, a: w.app.change_external_id(a, w.bystander, f"HR-{uuid4().hex[:8]}"),
        PEOPLE_ADMIN,
    ),
    "deactivate_person": (
        lambda w, a: w.app.deactivate_person(a, _leaver(w), left_on="2026-11-01"),
        PEOPLE_ADMIN,
    ),
    # HR and administrators; an administrator's own link is an administrator's to make
    # (test_sign_in_links), the bystander holds no role.
    "issue_sign_in_link": (
        lambda w, a: w.app.issue_sign_in_link(a, w.bystander, "invitation"),
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
    "backlog_order": (lambda w, a: w.app.backlog_order(a), EVERYONE),
    # -- the question set: HR and administrators change it, everyone reads it ----
    "add_question": (
        lambda w, a: w.app.add_question(a, {"section": "opening", "employee": uuid4().hex}),
        PEOPLE_ADMIN,
    ),
    "reword_question": (
        lambda w, a: w.app.reword_question(
            a, "opening-work", {"section": "opening", "employee": f"How are you {uuid4().hex}?"}
        ),
        PEOPLE_ADMIN,
    ),
    "move_question": (lambda w, a: w.app.move_question(a, "opening-work", 1), PEOPLE_ADMIN),
    "retire_question": (
        lambda w, a: w.app.retire_question(
            a, w.app.add_question(ADMIN, {"section": "strengths", "manager": uuid4().hex})
        ),
        PEOPLE_ADMIN,
    ),
    "question_set": (lambda w, a: w.app.question_set(a), EVERYONE),
    "merge_backlog_skills": (
        lambda w, a: (
            w.app.merge_backlog_skills(
                a,
                w.app.add_backlog_skill(ADMIN, {"kind": "soft", "description": uuid4().hex}),
                w.skill_id,
            )
            if a.may_write and (a.is_hr or a.is_admin)
            else w.app.merge_backlog_skills(a, w.skill_id, w.skill_id)
        ),
        PEOPLE_ADMIN,
    ),
    # -- inspiration cards and cards linked after the session --------------------
    "add_inspiration_card": (
        lambda w, a: w.app.add_inspiration_card(
            a, {"kind": "soft", "title_nl": f"Kaartje {uuid4().hex[:8]}"}
        ),
        PEOPLE_ADMIN,
    ),
    "reword_inspiration_card": (
        lambda w, a: w.app.reword_inspiration_card(
            a, _a_card(w), {"kind": "soft", "title_nl": f"Kaartje {uuid4().hex[:8]}"}
        ),
        PEOPLE_ADMIN,
    ),
    "retire_inspiration_card": (
        lambda w, a: w.app.retire_inspiration_card(a, _a_card(w)),
        PEOPLE_ADMIN,
    ),
    "list_inspiration_cards": (lambda w, a: w.app.list_inspiration_cards(a), EVERYONE),
    "link_card_to_backlog": (
        lambda w, a: w.app.link_card_to_backlog(
            a, w.cycle_id, card_id=w.card_ids[0], backlog_skill_id=None
        ),
        BOTH,
    ),
    # -- webhooks: administrators only; Groeispurt itself disables a failing one ----
    "register_webhook": (
        lambda w, a: w.app.register_webhook(
            a, url="https://hooks.example.org/groeispurt", event_kinds=["GrowthCycle.CardMoved"]
        ),
        frozenset({"admin"}),
    ),
    "change_webhook": (
        lambda w, a: w.app.change_webhook(a, uuid4(), description="x"),
        frozenset({"admin"}),
    ),
    "disable_webhook": (lambda w, a: w.app.disable_webhook(a, uuid4()), frozenset({"admin"})),
    "enable_webhook": (lambda w, a: w.app.enable_webhook(a, uuid4()), frozenset({"admin"})),
    "disable_failing_webhook": (
        lambda w, a: w.app.disable_failing_webhook(a, uuid4(), "failing"),
        frozenset(),
    ),
    # HR names a coach for someone without a manager (the employee has one here:
    # the domain then says no, past the access check).
    "hand_cycle_to_coach": (
        lambda w, a: w.app.hand_cycle_to_coach(a, w.cycle_id, w.bystander),
        frozenset({"hr"}),
    ),
}

MOMENT = datetime(2030, 1, 1, tzinfo=UTC)

READ_QUERIES: dict[str, tuple[Call, frozenset[str]]] = {
    "me": (lambda w, a: w.services.queries.me(a), PERSONS),
    "people": (lambda w, a: w.services.queries.people(a), NOT_REPORTS_ONLY),
    "people_page": (lambda w, a: w.services.queries.people_page(a, None, 5), NOT_REPORTS_ONLY),
    # Who may see the employee: those who see everyone, themselves, their manager (a
    # report), a teammate (name, team and function), a token acting for them.
    "person": (
        lambda w, a: w.services.queries.person(a, w.employee),
        PEOPLE_ADMIN | {"audit_token", "employee", "manager", "other_employee", "write_token"},
    ),
    # Like `people`: whoever may list people may look one up (and finds whom it shows).
    "person_by_email": (
        lambda w, a: w.services.queries.person_by_email(a, "bo@example.nl"),
        NOT_REPORTS_ONLY,
    ),
    "person_by_external_id": (
        lambda w, a: w.services.queries.person_by_external_id(a, "HR-1"),
        NOT_REPORTS_ONLY,
    ),
    "backlog": (lambda w, a: w.services.queries.backlog(a), EVERYONE),
    "backlog_order": (lambda w, a: w.services.queries.backlog_order(a), EVERYONE),
    "question_set": (lambda w, a: w.services.queries.question_set(a), EVERYONE),
    "inspiration_cards": (lambda w, a: w.services.queries.inspiration_cards(a), EVERYONE),
    "inspiration_for": (lambda w, a: w.services.queries.inspiration_for(a), EVERYONE),
    # Read with the cycle's own rule.
    "backlog_since_session": (
        lambda w, a: w.services.queries.backlog_since_session(a, w.cycle_id),
        OWN_RECORD,
    ),
    # Of the backlog, which everyone reads: HR, and tokens with HR's reading rights.
    "similar_backlog_skills": (
        lambda w, a: w.services.queries.similar_backlog_skills(a),
        REPORTS,
    ),
    # Counts of what the cycles point at: those who audit the cycles.
    "backlog_use": (lambda w, a: w.services.queries.backlog_use(a), AUDIT),
    "board_of": (
        lambda w, a: w.services.queries.board_of(a, w.employee),
        OWN_RECORD | {"other_employee"},  # a teammate sees the cards shown to the team
    ),
    "board_of_cycle": (
        lambda w, a: w.services.queries.board_of_cycle(a, w.cycle_id),
        OWN_RECORD | {"other_employee"},
    ),
    "boards_of": (lambda w, a: w.services.queries.boards_of(a, w.employee), OWN_RECORD),
    "cycle": (lambda w, a: w.services.queries.cycle(a, w.cycle_id), OWN_RECORD),
    "cycles_of": (lambda w, a: w.services.queries.cycles_of(a, w.employee), OWN_RECORD),
    "cycles_i_lead": (lambda w, a: w.services.queries.cycles_i_lead(a), PERSONS),
    # Across people: HR and audit tokens all, a person those they may read.
    "cycles": (
        lambda w, a: w.services.queries.cycles(a, CycleFilter(), after=None, limit=20),
        NOT_REPORTS_ONLY,
    ),
    "history": (lambda w, a: w.services.queries.history(a, w.employee), OWN_RECORD),
    # The timeline and the last retrospective: whoever reads the history, and the
    # question pages ask before they link to it agrees.
    "timeline": (lambda w, a: w.services.queries.timeline(a, w.employee), OWN_RECORD),
    "last_retrospective": (
        lambda w, a: w.services.queries.last_retrospective(a, w.cycle_id),
        OWN_RECORD,
    ),
    "may_read_history": (
        lambda w, a: _refused_unless(w.services.queries.may_read_history(a, w.employee)),
        OWN_RECORD,
    ),
    # What a team shares: every person their own team's (a token for no one has no team).
    "team_circle": (lambda w, a: w.services.queries.team_circle(a), PERSONS),
    "upcoming_show_and_tells": (
        lambda w, a: w.services.queries.upcoming_show_and_tells(a),
        PERSONS,
    ),
    "my_managers_shown_board": (
        lambda w, a: w.services.queries.my_managers_shown_board(a),
        PERSONS,
    ),
    # A cycle's show & tell day: whoever reads the cycle.
    "show_and_tell_of": (
        lambda w, a: w.services.queries.show_and_tell_of(a, w.cycle_id),
        OWN_RECORD,
    ),
    "follow_ups_due": (lambda w, a: w.services.queries.follow_ups_due(a), NOT_REPORTS_ONLY),
    "my_follow_ups": (lambda w, a: w.services.queries.my_follow_ups(a), PERSONS),
    "training_needs": (lambda w, a: w.services.queries.training_needs(a), REPORTS),
    "audit": (lambda w, a: w.services.queries.audit(a, employee_id=str(w.employee)), AUDIT),
    "audit_count": (
        lambda w, a: w.services.queries.audit_count(a, employee_id=str(w.employee)),
        AUDIT,
    ),
    "plan_as_of": (lambda w, a: w.services.queries.plan_as_of(a, w.cycle_id, MOMENT), AUDIT),
    "webhooks": (lambda w, a: w.services.queries.webhooks(a), frozenset({"admin"})),
    "webhook_deliveries": (
        lambda w, a: w.services.queries.webhook_deliveries(a, uuid4()),
        frozenset({"admin"}),
    ),
    # Whether someone has a password and their link: HR and administrators, signed in.
    "sign_in_of": (lambda w, a: w.services.queries.sign_in_of(a, w.bystander), PEOPLE_ADMIN),
    # Everyone but a reports-only token reads the feed: each what concerns them.
    "events": (lambda w, a: w.services.queries.events(a), NOT_REPORTS_ONLY),
}


def _refused_unless(allowed: bool) -> None:
    """A yes-or-no question about access, as the matrix counts a read: no is refused."""
    if not allowed:
        raise Forbidden()


def build_world(store: Settings) -> Iterator[World]:
    """A small organisation with HR, an administrator, tokens and a cycle on the board."""
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
        "hr": actor_for_person(app, hr),
        "admin": actor_for_person(app, admin),
        "read_token": tokens.authenticate(tokens.create("reporting", "read")),
        "audit_token": tokens.authenticate(tokens.create("auditor", "audit")),
        "write_token": tokens.authenticate(
            tokens.create("lms", "write", as_email="eva@example.nl")
        ),
        "no_one": Actor(None),
    }
    yield World(services, actors, org.employee, bystander, cycle_id, card_ids, skill_id)
    services.close()


def outcome(call: Call, world: World, actor: Actor) -> str:
    try:
        call(world, actor)
    except Forbidden:
        return "refused"
    except (DomainError, ServiceError):
        return "allowed"  # past the access check; a rule of the domain said no
    return "allowed"
