"""The board: a cycle's cards in To do · Doing · Done, folded from its events without a database."""

from __future__ import annotations

from projections import board_fold
from projections.board import read
from projections.board_fold import BoardDoc
from tests.unit.folding import batch_of, stored
from tests.unit.given import (
    EMPLOYEE,
    MANAGER,
    Step,
    card_moved,
    cards_selected,
    closed,
    history,
    session_held,
)


def folded(*steps: Step) -> BoardDoc:
    cycle, events = history(*steps)
    boards: dict[str, BoardDoc] = {}
    board_fold.fold(boards, batch_of(events))
    return boards[str(cycle.id)]


def test_an_opened_cycle_has_a_board_without_cards_of_its_employee() -> None:
    board = folded()
    assert (board["employee_id"], board["manager_id"]) == (str(EMPLOYEE), str(MANAGER))
    assert (board["status"], board["columns"], board["cards"], board["version"]) == (
        "active",
        None,
        {},
        1,
    )
    assert read(board)["lanes"] == {"todo": [], "doing": [], "done": []}


def test_the_chosen_cards_start_in_to_do_and_move_with_the_moment_they_entered() -> None:
    board = folded(session_held(), cards_selected(), card_moved(0, "doing"))
    columns = board["columns"]
    assert columns is not None
    [moved] = columns["doing"]
    assert (len(columns["todo"]), columns["done"]) == (2, [])
    assert board["cards"][moved]["column"] == "doing"
    entered = {c["id"]: c["entered_at"] or "" for c in board["cards"].values()}
    assert entered[moved] > entered[columns["todo"][0]]
    unchosen = [c for c in board["cards"].values() if c["column"] is None]
    assert len(unchosen) == 1  # four candidates, three on the board
    assert [c["id"] for c in read(board)["lanes"]["doing"]] == [moved]
    assert board["version"] == 4


def test_a_move_changes_the_board_but_not_its_line_in_the_list_of_boards() -> None:
    cycle, events = history(session_held(), cards_selected(), card_moved(0, "doing"), closed())
    boards: dict[str, BoardDoc] = {}
    first = board_fold.fold(boards, batch_of(events[:3]))
    assert set(first.listed) == set(first.boards) == {str(cycle.id)}
    moved = board_fold.fold(boards, batch_of(events[3:4], first_id=4))
    assert (set(moved.boards), moved.listed) == ({str(cycle.id)}, {})
    ended = board_fold.fold(boards, batch_of(events[4:], first_id=5))
    assert ended.listed[str(cycle.id)]["status"] == "closed"


def test_a_board_folded_a_save_at_a_time_equals_one_folded_in_one_batch() -> None:
    steps = (session_held(), cards_selected(), card_moved(0, "doing"), card_moved(0, "done"))
    _, events = history(*steps)
    at_once: dict[str, BoardDoc] = {}
    board_fold.fold(at_once, batch_of(events))
    one_by_one: dict[str, BoardDoc] = {}
    for position, event in enumerate(events, start=1):
        # Each batch sees only what the one before it wrote.
        one_by_one = stored(one_by_one)
        board_fold.fold(one_by_one, batch_of([event], first_id=position))
    assert one_by_one == stored(at_once)


def test_events_of_a_board_not_handed_to_the_fold_change_nothing() -> None:
    cycle, events = history(session_held(), cards_selected(), card_moved(0, "doing"))
    assert board_fold.keys_to_load(batch_of(events[1:])) == {str(cycle.id)}
    boards: dict[str, BoardDoc] = {}
    changes = board_fold.fold(boards, batch_of(events[1:], first_id=2))
    assert (boards, changes.boards) == ({}, {})


def test_a_card_shown_to_the_team_says_so() -> None:
    cycle, events = history(session_held(), cards_selected())
    assert cycle.board is not None
    card = cycle.board["todo"][0]
    cycle.set_card_visibility(card, True)
    boards: dict[str, BoardDoc] = {}
    board_fold.fold(boards, batch_of([*events, *cycle.collect_events()]))
    board = boards[str(cycle.id)]
    assert [c["id"] for c in board["cards"].values() if c["visible_to_team"]] == [card]
