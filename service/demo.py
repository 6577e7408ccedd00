"""`groeispurt demo`: loads the demo organisation through the use cases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.dates import add_months
from service import demo_data as data
from service.actor import Actor, Role, system_actor
from service.application import Groeispurt

if TYPE_CHECKING:
    from service.accounts import Accounts

SYSTEM = system_actor("demo")

STAGE_STEPS = {
    "preparing": 1,
    "prepared": 2,
    "session_held": 3,
    "on_board": 4,
    "plan_waiting": 5,
    "plan_agreed": 6,
    "follow_up_scheduled": 7,
    "follow_up_overdue": 7,
    "completed": 8,
    "closed": 4,
}


def is_loaded(app: Groeispurt) -> bool:
    return app.find_person_by_email(data.ADMIN["email"]) is not None


def load_demo(
    app: Groeispurt,
    progress: Callable[[int], Any] = lambda n: None,
    accounts: Accounts | None = None,
) -> dict[str, UUID]:
    """Creates the people, the backlog and the cycles; `progress` is told of each step done.

    With `accounts`, everyone gets the demo password, so any role can be tried.
    """
    # Where a skill of someone's function or of the soft skills is on the backlog,
    # their preparation and cards point at it, as people would pick it there.
    backlog = {skill["description"]: app.add_backlog_skill(SYSTEM, skill) for skill in data.BACKLOG}
    people: dict[str, UUID] = {}
    for details in (data.ADMIN, data.HR):
        people[details["email"]] = app.register_person(SYSTEM, **details)
        progress(1)
    app.grant_role(SYSTEM, people[data.ADMIN["email"]], "admin")
    app.grant_role(SYSTEM, people[data.HR["email"]], "hr")
    managers = []
    for details in data.MANAGERS:
        managers.append(app.register_person(SYSTEM, development_phase="senior", **details))
        people[details["email"]] = managers[-1]
        progress(1)
    for manager_index, details, stage in data.EMPLOYEES:
        team = data.MANAGERS[manager_index]["team"]
        employee = app.register_person(
            SYSTEM, team=team, manager_id=managers[manager_index], **details
        )
        people[details["email"]] = employee
        _bring_cycle_to(
            app, Actor(managers[manager_index]), Actor(employee), details, stage, backlog
        )
        progress(1)
    _inspiration(app, people)
    _lead_by_example(app, people, backlog)
    if accounts is not None:
        for person_id in people.values():
            accounts.set_password(person_id, data.PASSWORD)
    return people


def _inspiration(app: Groeispurt, people: dict[str, UUID]) -> None:
    """HR's own inspiration card, a skill worded twice, and a card linked after the session
    to a skill that HR has changed since (the follow-up shows how)."""
    hr = SYSTEM  # as the rest of the demo's backlog
    app.add_inspiration_card(hr, data.INSPIRATION_CARD)
    skill = app.add_backlog_skill(hr, data.LINKED_SKILL)
    app.add_backlog_skill(hr, data.TWIN_SKILL)
    employee = Actor(people[data.LINKED_CARD])
    cycle = app.cycles_of(people[data.LINKED_CARD])[-1]
    card_id = _card_ids(app, cycle)[0]
    app.link_card_to_backlog(employee, cycle, card_id=card_id, backlog_skill_id=skill)
    app.reword_backlog_skill(hr, skill, dict(data.LINKED_SKILL, description=data.LINKED_REWORDED))
    app.move_backlog_skill(hr, skill, len(data.BACKLOG) - 1)  # above the last of the first five


def demo_steps() -> int:
    return 2 + len(data.MANAGERS) + len(data.EMPLOYEES)


def _bring_cycle_to(
    app: Groeispurt,
    manager: Actor,
    employee: Actor,
    details: dict[str, str],
    stage: str,
    backlog: dict[str, str],
) -> None:
    today = app.today()
    overdue = stage in ("follow_up_overdue", "completed")
    session_on = today - timedelta(days=200) if overdue else today - timedelta(days=7)
    if stage in ("preparing", "prepared"):
        session_on = today + timedelta(days=10)
    steps = STAGE_STEPS[stage]
    assert employee.person_id is not None
    cycle = app.open_cycle(manager, employee_id=employee.person_id, planned_session_on=session_on)
    hard, soft = data.HARD_SKILLS[details["function"]], data.SOFT_SKILLS
    answers = _preparation(hard, soft, details.get("development_phase", "junior"), backlog)
    if steps == 1:
        app.save_preparation_draft(employee, cycle, answers)
        return
    app.submit_preparation(employee, cycle, answers)
    app.submit_preparation(manager, cycle, {**answers, "answers": data.MANAGER_ANSWERS})
    cards = [_card(details["function"], skill, why, "hard", backlog) for skill, why in hard] + [
        _card(details["function"], skill, why, "soft", backlog) for skill, why in soft[:2]
    ]
    # At the table the employee and the manager write the cards together (seed 000);
    # a cycle still before its session shows two of them written.
    for i, card in enumerate(cards[1:3] if steps == 2 else cards):
        app.save_candidate_card(employee if i % 2 == 0 else manager, cycle, card)
    if steps == 2:
        return
    app.hold_session_from_candidates(
        manager, cycle, held_on=session_on, notes="Open en prettig gesprek."
    )
    _write_session_report(app, manager, employee, cycle, details["name"], approved=steps > 3)
    if steps == 3:
        return
    card_ids = _card_ids(app, cycle)
    app.select_cards(employee, cycle, card_ids[:3])
    app.move_card(employee, cycle, card_id=card_ids[0], to_column="doing", position=0)
    # Proud of the first card: the team may see it on the board.
    app.set_card_visibility(employee, cycle, card_id=card_ids[0], visible=True)
    if stage == "closed":
        app.close_cycle(manager, cycle, "Medewerker is van functie veranderd.")
        return
    if steps == 4:
        return
    app.write_plan(manager, cycle, _plan(hard[0][0], today))
    app.approve_plan(employee, cycle, 1)
    if steps == 5:
        return
    version = 1
    if stage == "completed":
        # A POP rewritten after the employee's approval: two versions to compare.
        app.write_plan(manager, cycle, _revised_plan(hard[0][0], today))
        version = 2
        app.approve_plan(employee, cycle, version)
    app.approve_plan(manager, cycle, version)
    if steps == 6:
        return
    months = 6 if overdue else 3
    app.schedule_follow_up(manager, cycle, months=months)
    if steps == 7:
        return
    app.move_card(employee, cycle, card_id=card_ids[0], to_column="done", position=0)
    app.complete_follow_up(
        employee,
        cycle,
        held_on=add_months(session_on, months),
        went_well="De cursus gaf direct resultaat in het werk.",
        could_be_better="Meer tijd vrijmaken om te oefenen.",
        show_and_tell_on=add_months(session_on, months) + timedelta(days=14),
    )
    # The next cycle starts after the follow-up: its page recalls this retrospective.
    app.open_cycle(
        manager, employee_id=employee.person_id, planned_session_on=today + timedelta(days=21)
    )


def _write_session_report(
    app: Groeispurt, manager: Actor, employee: Actor, cycle: UUID, name: str, *, approved: bool
) -> None:
    """The session report (seed 001): the manager writes it; both approve it once the cards
    are on the board, so a cycle just after its session shows one waiting for the employee."""
    first_name = name.split()[0]
    app.write_session_report(
        manager,
        cycle,
        f"We bespraken hoe {first_name} in het werk staat, wat goed gaat en waar "
        f"{first_name} in wil groeien. Samen schreven we vier kaartjes, twee harde en twee "
        "zachte vaardigheden; de acties en de ondersteuning spraken we samen af.",
    )
    app.approve_session_report(manager, cycle, 1)
    if approved:
        app.approve_session_report(employee, cycle, 1)


def _preparation(
    hard: list[tuple[str, str]], soft: list[tuple[str, str]], phase: str, backlog: dict[str, str]
) -> dict[str, Any]:
    return {
        "hard": {
            "needed": [s for s, _ in hard],
            "strengths": [hard[0][0]],
            "untapped": [hard[1][0]],
            "growth": [
                {
                    "skill": s,
                    "why": w,
                    "actions": "Cursus volgen",
                    "support": "Tijd en budget",
                    "backlog_skill_id": backlog.get(s),
                }
                for s, w in hard
            ],
        },
        "soft": {
            "needed": [s for s, _ in soft],
            "growth": [
                {
                    "skill": s,
                    "why": w,
                    "actions": "Oefenen in het team",
                    "support": "Feedback van collega's",
                    "backlog_skill_id": backlog.get(s),
                }
                for s, w in soft[:2]
            ],
        },
        "going_well": "Samenwerking in het team.",
        "could_be_better": "Tijd voor leren inplannen.",
        "development_phase": phase,
        "answers": data.EMPLOYEE_ANSWERS,
    }


def _card(
    function: str, skill: str, why: str, kind: str, backlog: dict[str, str]
) -> dict[str, str | None]:
    return {
        "kind": kind,
        "as_a": function.lower(),
        "i_want_to": f"groeien in {skill.lower()}",
        "in_order_to": why,
        "actions": "Een cursus volgen en oefenen in de praktijk.",
        "support": "Twee uur per week en coaching door een collega.",
        "backlog_skill_id": backlog.get(skill),
    }


def _plan(skill: str, today: date) -> dict[str, Any]:
    return {
        "goals": [
            {
                "description": f"Aantoonbaar sterker in {skill.lower()}",
                "measure": "Toepassing besproken met de leidinggevende",
                "deadline": add_months(today, 6).isoformat(),
            }
        ],
        "activities": [
            {"description": f"Cursus {skill}", "type": "course", "form": "formal", "skill": skill},
            {
                "description": "Meelopen met een ervaren collega",
                "type": "shadowing",
                "form": "informal",
                "skill": skill,
            },
        ],
        "support": [
            {"kind": "time", "description": "Twee uur per week"},
            {"kind": "budget", "description": "Opleidingsbudget tot 1.000 euro"},
        ],
    }


def _revised_plan(skill: str, today: date) -> dict[str, Any]:
    """The plan rewritten: a goal measured otherwise, a course for a book, less budget."""
    plan = _plan(skill, today)
    plan["goals"][0]["measure"] = "Twee casussen uitgewerkt en besproken met de leidinggevende"
    plan["activities"][0] = {
        "description": f"Vakboek over {skill.lower()}",
        "type": "book",
        "form": "informal",
        "skill": skill,
    }
    plan["support"][1] = {"kind": "budget", "description": "Opleidingsbudget tot 500 euro"}
    return plan


def _lead_by_example(app: Groeispurt, people: dict[str, UUID], backlog: dict[str, str]) -> None:
    """Marieke, at the top of her part of the organisation, has no manager: HR coaches her
    cycle. She shows her whole board to the team she leads (seed 000: "zelf het goede
    voorbeeld geven"), and Sanne announces the show & tell of what she grew."""
    today = app.today()
    hr = Actor(people[data.HR["email"]], roles=frozenset({Role.HR}))
    marieke = Actor(people[data.MANAGERS[0]["email"]])
    assert marieke.person_id is not None
    session_on = today - timedelta(days=14)
    cycle = app.open_cycle(hr, employee_id=marieke.person_id, planned_session_on=session_on)
    function = data.MANAGERS[0]["function"]
    answers = _preparation(data.LEADER_SKILLS, data.SOFT_SKILLS, "senior", backlog)
    app.submit_preparation(marieke, cycle, answers)
    app.submit_preparation(hr, cycle, answers)
    cards = [_card(function, s, why, "hard", backlog) for s, why in data.LEADER_SKILLS] + [
        _card(function, s, why, "soft", backlog) for s, why in data.SOFT_SKILLS[:2]
    ]
    app.hold_session(hr, cycle, held_on=session_on, notes="Goed voorbereid.", cards=cards)
    card_ids = _card_ids(app, cycle)
    app.select_cards(marieke, cycle, card_ids[1:])
    app.move_card(marieke, cycle, card_id=card_ids[1], to_column="doing", position=0)
    app.show_board_to_team(marieke, cycle, visible=True)
    sanne = people["sanne@demo.groeispurt.nl"]
    sannes_cycle = app.cycles_of(sanne)[-1]
    app.plan_show_and_tell(Actor(sanne), sannes_cycle, on=today + timedelta(days=12))


def _card_ids(app: Groeispurt, cycle: UUID) -> list[str]:
    return list(app.repository.get(cycle).cards)
