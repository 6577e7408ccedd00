"""A projection process killed while catching up resumes without loss or double work."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from domain.growth_cycle import GrowthCycle
from domain.person import Person
from domain.vocabulary import Party
from projections.database import open_database
from service.application import Groeispurt
from service.container import build_services
from service.settings import Settings
from tests.integration.test_projection_rebuild import dump

ROOT = Path(__file__).resolve().parents[2]
CATCH_UP = (
    "import sys\n"
    "import projections.runner as runner\n"
    "runner.BATCH = 250  # many small transactions: a kill lands between and inside them\n"
    "from service.container import build_services\n"
    "from service.settings import Settings\n"
    "services = build_services(Settings(database=sys.argv[1]), follow_writes=False)\n"
    "services.projections.catch_up()\n"
)


def write_events(app: Groeispurt, cycles: int, moves: int, seed: int) -> int:
    """Cycles with many card moves, saved many aggregates at a time (fast, and real events)."""
    rng = random.Random(seed)
    manager = Person.register(
        name="M", email="m@example.nl", function="Lead", team="T", start_date="2020-01-01"
    )
    written = len(app.save(manager))
    for c in range(cycles):
        employee = Person.register(
            name=f"E{c}",
            email=f"e{c}@example.nl",
            function="Dev",
            team="T",
            start_date="2020-01-01",
            manager_id=manager.id,
        )
        cycle = GrowthCycle.open(
            employee_id=employee.id, manager_id=manager.id, planned_session_on="2026-12-01"
        )
        answers = {"hard": {"growth": [{"skill": "SQL"}]}}
        cycle.submit_preparation(Party.EMPLOYEE, answers)
        cards = [
            {
                "kind": ("hard", "soft")[i // 2],
                "as_a": "dev",
                "i_want_to": f"s{i}",
                "in_order_to": "grow",
            }
            for i in range(4)
        ]
        cycle.hold_session(held_on="2026-12-01", notes="", cards=cards)
        ids = list(cycle.cards)[:3]
        cycle.select_cards(ids)
        for _ in range(moves):
            cycle.move_card(rng.choice(ids), rng.choice(["todo", "doing", "done"]), 0)
        written += len(app.save(employee, cycle))
    return written


def lowest_position(settings: Settings) -> int:
    # A bare read of the tracking table: polling must be cheap, or the child
    # finishes before we get to kill it on a loaded machine.
    database = open_database(settings.eventsourcing_env())
    try:
        rows = database.query("SELECT MIN(position) AS low FROM projection_tracking")
        return int(rows[0]["low"] or 0)
    finally:
        database.close()


def kill_while_catching_up(settings: Settings, rng: random.Random) -> dict[str, Any]:
    child = subprocess.Popen(
        [sys.executable, "-c", CATCH_UP, settings.database],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 60
    start = lowest_position(settings)
    while lowest_position(settings) == start and child.poll() is None:
        assert time.monotonic() < deadline, "the child never started writing"
        time.sleep(0.02)
    delay = rng.uniform(0, 0.15)
    time.sleep(delay)
    finished = child.poll() is not None
    if not finished:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return {"delay": round(delay, 3), "killed": not finished, "at": lowest_position(settings)}


def test_a_killed_projection_resumes_where_it_stopped_and_applies_each_event_once(
    store: Settings,
) -> None:
    writer = Groeispurt(store)
    events = write_events(writer, cycles=60, moves=200, seed=3)
    writer.close()
    setup = build_services(store, follow_writes=False)  # creates the read model tables
    setup.close()

    rng = random.Random(5)
    tries: list[dict[str, Any]] = []
    # Kill until three kills have landed in the middle of a catch-up (a child
    # may finish first on a fast or a busy machine), but never forever.
    while sum(t["killed"] and t["at"] < events for t in tries) < 3 and len(tries) < 15:
        tries.append(kill_while_catching_up(store, rng))
    services = build_services(store, follow_writes=False)
    try:
        before = services.projections.positions()
        print(f"{events} events; kills: {tries}; positions after the kills: {before}")
        assert any(t["killed"] and t["at"] < events for t in tries)
        services.projections.catch_up()
        resumed = dump(services.database, services.projections)
        audit_rows = services.database.query("SELECT COUNT(*) AS n FROM rm_audit")
        assert int(audit_rows[0]["n"]) == events == services.projections.log_end()
        services.projections.rebuild()
        assert dump(services.database, services.projections) == resumed
    finally:
        services.close()
