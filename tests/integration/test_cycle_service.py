"""The growth cycle through the service, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import threading

import pytest

from domain.errors import NotAllowedNow
from domain.vocabulary import Stage
from service.application import Groeispurt
from service.errors import Conflict, Forbidden
from service.settings import Settings
from tests.scenario import (
    CARD,
    PLAN,
    cycle_on_board,
    fixed_today,
    full_cycle,
    load_cycle,
    small_org,
)


def test_a_full_cycle_runs_from_opening_to_follow_up_and_survives_a_restart(
    store: Settings,
) -> None:
    app = Groeispurt(store, clock=fixed_today)
    org = small_org(app)
    cycle_id = full_cycle(app, org)
    cycle = load_cycle(app, cycle_id)
    assert cycle.stage is Stage.COMPLETED
    app.close()

    reopened = Groeispurt(store, clock=fixed_today)
    again = load_cycle(reopened, cycle_id)
    assert again.stage is Stage.COMPLETED
    assert again.approved_version == 1
    assert again.board == cycle.board
    assert again.follow_up == cycle.follow_up
    reopened.close()


def test_the_next_cycle_links_to_the_previous_one_only_after_it_is_completed(
    store: Settings,
) -> None:
    app = Groeispurt(store, clock=fixed_today)
    org = small_org(app)
    first, _ = cycle_on_board(app, org)
    with pytest.raises(NotAllowedNow):
        app.open_cycle(org.as_manager, employee_id=org.employee, planned_session_on="2027-01-01")
    app.close_cycle(org.as_manager, first, "moved to another team")
    second = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2027-06-01"
    )
    assert load_cycle(app, second).previous_cycle_id == first
    assert app.cycles_of(org.employee) == [first, second]
    app.close()


def test_people_outside_the_cycle_are_refused_without_learning_whether_it_exists(
    store: Settings,
) -> None:
    app = Groeispurt(store, clock=fixed_today)
    org = small_org(app)
    cycle_id, card_ids = cycle_on_board(app, org)
    colleague = org.as_employee.__class__(org.colleague)
    with pytest.raises(Forbidden) as existing:
        app.move_card(colleague, cycle_id, card_id=card_ids[0], to_column="doing", position=0)
    with pytest.raises(Forbidden) as missing:
        app.move_card(colleague, org.colleague, card_id="x", to_column="doing", position=0)
    assert existing.value.message == missing.value.message
    with pytest.raises(Forbidden):
        app.write_plan(org.as_employee, cycle_id, PLAN)  # only the manager drafts the POP
    with pytest.raises(Forbidden):
        app.open_cycle(org.as_employee, employee_id=org.colleague, planned_session_on="2027-01-01")
    app.close()


def test_two_people_changing_one_cycle_at_once_never_lose_an_event(store: Settings) -> None:
    app = Groeispurt(store, clock=fixed_today)
    org = small_org(app)
    cycle_id, card_ids = cycle_on_board(app, org)
    landed: list[str] = []
    conflicts: list[str] = []
    unchanged: list[str] = []
    lock = threading.Lock()

    def mover(card_id: str, columns: list[str]) -> None:
        for i in range(30):
            column = columns[i % len(columns)]
            try:
                moved = app.move_card(
                    org.as_employee, cycle_id, card_id=card_id, to_column=column, position=0
                )
            except Conflict as error:
                with lock:
                    conflicts.append(error.message)
            else:
                with lock:
                    (landed if moved else unchanged).append(card_id)

    threads = [
        threading.Thread(target=mover, args=(card_ids[0], ["doing", "todo"])),
        threading.Thread(target=mover, args=(card_ids[1], ["done", "doing"])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(landed) + len(conflicts) + len(unchanged) == 60
    assert conflicts or landed
    assert all(str(cycle_id) in message for message in conflicts)
    # Every landed move is one stored event; replaying them gives a valid board.
    stored = list(app.events.get(cycle_id))
    moves = [e for e in stored if type(e).__name__ == "CardMoved"]
    assert len(moves) == len(landed)
    board = load_cycle(app, cycle_id).board
    assert board is not None
    assert sorted(card for column in board.values() for card in column) == sorted(card_ids)
    print(f"concurrent moves: {len(landed)} landed, {len(conflicts)} conflicts, 0 lost")
    app.close()


def test_a_long_lived_cycle_is_loaded_from_a_snapshot(store: Settings) -> None:
    app = Groeispurt(store, clock=fixed_today)
    org = small_org(app)
    cycle_id, card_ids = cycle_on_board(app, org)
    for i in range(120):
        column = ["doing", "todo"][i % 2]
        app.move_card(org.as_employee, cycle_id, card_id=card_ids[0], to_column=column, position=0)
    assert app.snapshots is not None
    snapshots = list(app.snapshots.get(cycle_id))
    assert snapshots, "a cycle with over 100 events has a snapshot"
    assert load_cycle(app, cycle_id).version == app.repository.get(cycle_id, version=None).version
    app.close()


def test_a_card_story_is_stored_as_typed(store: Settings) -> None:
    app = Groeispurt(store, clock=fixed_today)
    org = small_org(app)
    cycle_id, card_ids = cycle_on_board(app, org)
    reopened = Groeispurt(store, clock=fixed_today)
    card = load_cycle(reopened, cycle_id).cards[card_ids[0]]
    assert card["as_a"] == CARD["as_a"]
    assert card["kind"] == "hard"
    app.close()
    reopened.close()
