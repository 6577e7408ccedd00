"""Read models caught up event by event equal the same read models rebuilt from scratch."""

from __future__ import annotations

import random
from typing import Any
from uuid import UUID

from domain.errors import DomainError
from projections.database import Database
from projections.runner import ProjectionRunner
from service.actor import Actor
from service.application import Groeispurt
from service.container import build_services
from service.settings import Settings
from tests.scenario import ADMIN, CARD, PLAN, PREPARATION, fixed_today


def dump(database: Database, runner: ProjectionRunner) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every read model table, as text, sorted: comparable across builds."""
    tables = {}
    for model in runner.read_models:
        for table in model.tables:
            rows = database.query(f"SELECT * FROM {table}")
            tables[table] = sorted(tuple(f"{k}={v}" for k, v in sorted(r.items())) for r in rows)
    return tables


def organisation(app: Groeispurt, rng: random.Random, employees: int) -> dict[UUID, UUID]:
    """Registers two managers and their reports; returns employee → manager."""
    managers = [
        app.register_person(
            ADMIN,
            name=f"Manager {m}",
            email=f"m{m}@example.nl",
            function="Teamlead",
            team=f"Team {m}",
            start_date="2018-01-01",
        )
        for m in range(2)
    ]
    reports = {}
    for e in range(employees):
        manager = managers[e % 2]
        reports[
            app.register_person(
                ADMIN,
                name=f"Employee {e}",
                email=f"e{e}@example.nl",
                function=rng.choice(["Developer", "Designer", "Analyst"]),
                team=f"Team {e % 2}",
                start_date="2022-01-01",
                manager_id=manager,
            )
        ] = manager
    return reports


def random_history(app: Groeispurt, seed: int, employees: int = 6, steps: int = 700) -> int:
    """Drives cycles of several employees at random through every use case; returns the steps."""
    rng = random.Random(seed)
    reports = organisation(app, rng, employees)
    cycles: dict[UUID, UUID] = {}
    done = 0
    for _ in range(steps):
        employee = rng.choice(list(reports))
        me, boss = Actor(employee), Actor(reports[employee])
        cycle_id = cycles.get(employee)
        try:
            if cycle_id is None or rng.random() < 0.02:
                if cycle_id is not None:
                    app.close_cycle(boss, cycle_id, "a fresh start")
                cycles[employee] = app.open_cycle(
                    boss, employee_id=employee, planned_session_on="2026-12-01"
                )
            else:
                _step(app, rng, cycle_id, me, boss)
            done += 1
        except DomainError:
            pass  # not allowed at this stage: the random walk tries something else
        cycle: Any = app.repository.get(cycles[employee])
        if cycle.stage.value == "completed":
            del cycles[employee]
        if rng.random() < 0.01:  # people change too, between and during cycles
            app.change_team(ADMIN, employee, f"Team {rng.randint(0, 3)}")
            app.change_function(ADMIN, employee, rng.choice(["Architect", "Developer"]))
    return done


def _step(app: Groeispurt, rng: random.Random, cycle_id: UUID, me: Actor, boss: Actor) -> None:
    cycle: Any = app.repository.get(cycle_id)
    if cycle.session is None:
        choice = rng.random()
        if choice < 0.3:
            app.save_preparation_draft(rng.choice([me, boss]), cycle_id, {"ambitions": "grow"})
        elif choice < 0.7:
            app.submit_preparation(rng.choice([me, boss]), cycle_id, PREPARATION)
        else:
            cards = [
                dict(CARD, i_want_to=f"skill {i}", kind=("hard", "soft")[i // 2]) for i in range(4)
            ]
            app.hold_session(boss, cycle_id, held_on="2026-12-01", notes="talk", cards=cards)
        return
    if cycle.board is None:
        app.select_cards(me, cycle_id, list(cycle.cards)[:3])
        return
    choice = rng.random()
    if choice < 0.75:
        card = rng.choice(list(cycle.board["todo"] + cycle.board["doing"] + cycle.board["done"]))
        column = rng.choice(["todo", "doing", "done"])
        app.move_card(me, cycle_id, card_id=card, to_column=column, position=rng.randint(0, 2))
    elif choice < 0.83:
        goals = [dict(PLAN["goals"][0], description=f"Goal {rng.randint(0, 99)}")]
        app.write_plan(boss, cycle_id, dict(PLAN, goals=goals))
    elif choice < 0.93:
        app.approve_plan(rng.choice([me, boss]), cycle_id, cycle.plan_version)
    elif choice < 0.97:
        app.schedule_follow_up(boss, cycle_id, months=rng.choice([3, 6, 12]))
    else:
        app.complete_follow_up(
            me, cycle_id, held_on="2027-06-01", went_well="much", could_be_better="time"
        )


def test_read_models_built_incrementally_equal_a_rebuild_from_scratch(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    try:
        steps = random_history(services.app, seed=11)
        incremental = dump(services.database, services.projections)
        end = services.projections.log_end()
        names = [m.name for m in services.projections.read_models]
        assert services.projections.positions() == dict.fromkeys(names, end)
        read = services.projections.rebuild()
        rebuilt = dump(services.database, services.projections)
        moves = services.database.query(
            "SELECT COUNT(*) AS n FROM rm_audit WHERE kind = 'CardMoved'"
        )
        print(f"{steps} steps, {end} events ({moves[0]['n']} moves), rebuilt alike")
        assert read == end
        assert incremental.keys() == rebuilt.keys()
        for table in incremental:
            assert incremental[table] == rebuilt[table], table
        audit = services.database.query("SELECT COUNT(*) AS n FROM rm_audit")
        assert int(audit[0]["n"]) == end
        assert int(moves[0]["n"]) >= 200
    finally:
        services.close()
