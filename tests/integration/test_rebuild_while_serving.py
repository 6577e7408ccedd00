"""`groeispurt projections rebuild` while the server serves: never a wrong answer.

A reader (the server's services) keeps asking for every cycle and board as
their own parties, and a writer keeps moving cards, while the command line
rebuilds all read models twice. Every read must find the cycle and its board,
never FORBIDDEN or empty, and never older than a read before it; afterwards
the read models hold every event, exactly as a rebuild from scratch does.
"""

from __future__ import annotations

import json
import threading
from typing import Any
from uuid import UUID

import pytest

from groeispurt_cli.main import main
from service.actor import Actor
from service.container import build_services
from service.settings import Settings
from tests.integration.test_projection_rebuild import dump, random_history
from tests.scenario import fixed_today


def test_a_rebuild_never_answers_a_cycles_own_parties_forbidden_or_empty(
    store: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = build_services(store, clock=fixed_today)
    try:
        random_history(server.app, seed=7, employees=6, steps=500)
        cycles = [row["doc"] for row in server.database.query("SELECT doc FROM rm_cycles")]
        assert len(cycles) >= 6
        wrong: list[str] = []
        seen: dict[str, int] = {}
        done = threading.Event()

        def read() -> None:
            while not done.is_set():
                for text in cycles:
                    doc: Any = json.loads(text)
                    employee = Actor(UUID(doc["employee_id"]))
                    try:
                        cycle = server.queries.cycle(employee, doc["cycle_id"])
                        board = server.queries.board_of(
                            employee, doc["employee_id"], doc["cycle_id"]
                        )
                    except Exception as error:  # FORBIDDEN, or a table that is not there
                        wrong.append(f"{doc['cycle_id']}: {type(error).__name__} {error}")
                        continue
                    if cycle is None or board is None:
                        wrong.append(f"{doc['cycle_id']}: empty")
                        continue
                    if cycle["version"] < seen.get(doc["cycle_id"], 0):
                        wrong.append(f"{doc['cycle_id']}: went back to {cycle['version']}")
                    seen[doc["cycle_id"]] = cycle["version"]

        def write() -> None:
            # Moves on one board, folded into the live read models meanwhile.
            while not done.is_set():
                board = server.queries.board_of(mover, str(mover.person_id), moved)
                assert board is not None
                lanes = board["lanes"]
                card, column = (
                    (lanes["todo"][0]["id"], "doing")
                    if lanes["todo"]
                    else (lanes["doing"][0]["id"], "todo")
                )
                try:
                    server.app.move_card(mover, moved, card_id=card, to_column=column, position=0)
                except Exception as error:
                    wrong.append(f"a move failed: {type(error).__name__} {error}")
                    return

        mover, moved = _a_board_with_cards(server, cycles)
        threads = [threading.Thread(target=read), threading.Thread(target=write)]
        for thread in threads:
            thread.start()
        monkeypatch.setenv("GROEISPURT_DATABASE", store.database)
        try:
            assert main(["projections", "rebuild"]) == 0
            assert main(["projections", "rebuild"]) == 0
        finally:
            done.set()
            for thread in threads:
                thread.join(timeout=60)
        assert not wrong, wrong[:10]
        server.projections.catch_up()
        end = server.projections.log_end()
        assert set(server.projections.positions().values()) == {end}
        live = dump(server.database, server.projections)
        server.projections.rebuild()
        assert dump(server.database, server.projections) == live
    finally:
        server.close()


def _a_board_with_cards(server: Any, cycles: list[str]) -> tuple[Actor, UUID]:
    for text in cycles:
        doc = json.loads(text)
        if doc["stage"] in ("completed", "closed"):
            continue
        employee = Actor(UUID(doc["employee_id"]))
        board = server.queries.board_of(employee, doc["employee_id"], doc["cycle_id"])
        if board and (board["lanes"]["todo"] or board["lanes"]["doing"]):
            return employee, UUID(doc["cycle_id"])
    raise AssertionError("no board with cards to move")
