"""The storage seam on both stores: folds' documents and rows written with the tracking position."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TypedDict

import pytest

from projections.board import BoardReadModel, get_board, list_boards
from projections.cycle_detail import get_cycle, list_cycles
from projections.database import Database, open_database
from projections.follow_ups import FollowUps, list_follow_ups
from projections.runner import ProjectionRunner
from projections.storage import CHUNK, DocumentTable, RowTable
from projections.training_needs import TrainingNeedsReadModel, get_training_needs
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import cycle_on_board, fixed_today, small_org
from tests.unit.folding import batch_of
from tests.unit.training_needs_given import IN_JANUARY, NOVEMBER, NeedsLog


class Note(TypedDict):
    owner: str
    text: str
    tags: list[str]


NOTES = DocumentTable[Note]("rm_test_notes", lambda note: (note["owner"], note["text"]))
COUNTS = RowTable("rm_test_counts", ("name", "owner", "count"))


@pytest.fixture
def database(store: Settings) -> Iterator[Database]:
    database = open_database(store.eventsourcing_env())
    database.script(
        [
            *NOTES.schema,
            "CREATE TABLE IF NOT EXISTS rm_test_counts "
            "(name TEXT PRIMARY KEY, owner TEXT NOT NULL, count BIGINT NOT NULL)",
        ]
    )
    yield database
    database.close()


def test_documents_written_are_loaded_back_as_they_were_even_many_at_once(
    database: Database,
) -> None:
    notes = {
        f"n{i}": Note(owner=f"o{i % 3}", text=f"note {i}", tags=["a", str(i)])
        for i in range(CHUNK + 20)
    }
    with database.transaction() as cursor:
        NOTES.write(cursor, notes)
    with database.transaction() as cursor:
        loaded = NOTES.load(cursor, [*notes, "nobody"])
    assert loaded == notes
    owned = database.query(
        "SELECT key FROM rm_test_notes WHERE owner = ? ORDER BY sort_key", ("o1",)
    )
    assert len(owned) == len([n for n in notes.values() if n["owner"] == "o1"])


def test_a_document_written_again_replaces_the_stored_one(database: Database) -> None:
    with database.transaction() as cursor:
        NOTES.write(cursor, {"n": Note(owner="a", text="first", tags=[])})
    with database.transaction() as cursor:
        NOTES.write(cursor, {"n": Note(owner="b", text="second", tags=["x"])})
        assert NOTES.load(cursor, ["n"]) == {"n": Note(owner="b", text="second", tags=["x"])}
    assert database.query("SELECT owner FROM rm_test_notes") == [{"owner": "b"}]


def test_rows_upserted_replace_those_with_the_same_key(database: Database) -> None:
    with database.transaction() as cursor:
        COUNTS.upsert(cursor, [("a", "x", 1), ("b", "x", 2)])
        COUNTS.upsert(cursor, [("a", "y", 3)])
    with database.transaction() as cursor:
        assert COUNTS.load(cursor, ["a", "b", "c"]) == {
            "a": {"name": "a", "owner": "y", "count": 3},
            "b": {"name": "b", "owner": "x", "count": 2},
        }


def test_nothing_is_written_when_the_transaction_fails(database: Database) -> None:
    def fold_that_fails() -> None:
        with database.transaction() as cursor:
            NOTES.write(cursor, {"n": Note(owner="a", text="lost", tags=[])})
            raise RuntimeError("the fold failed after writing")

    with pytest.raises(RuntimeError):
        fold_that_fails()
    with database.transaction() as cursor:
        assert NOTES.load(cursor, ["n"]) == {}


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def test_a_board_rebuilt_through_the_seam_is_the_one_folded_save_by_save(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, cards = cycle_on_board(app, org)
    app.move_card(org.as_employee, cycle_id, card_id=cards[0], to_column="doing", position=0)
    live = get_board(services.database, str(org.employee))
    lines = list_boards(services.database, str(org.employee))

    runner = ProjectionRunner(app, services.database, [BoardReadModel()])
    runner.rebuild()

    assert get_board(services.database, str(org.employee)) == live
    assert list_boards(services.database, str(org.employee)) == lines
    assert live is not None
    assert [c["id"] for c in live["lanes"]["doing"]] == [cards[0]]
    assert runner.positions()["board"] == runner.log_end()


def test_cycles_are_listed_per_employee_and_per_manager_newest_first(services: Services) -> None:
    app = services.app
    org = small_org(app)
    first, _ = cycle_on_board(app, org)
    app.close_cycle(org.as_manager, first, "new role")
    second = app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2027-06-01"
    )
    listed = list_cycles(services.database, employee_id=str(org.employee))
    assert [c["cycle_id"] for c in listed] == [str(second), str(first)]
    assert listed[0]["previous_cycle_id"] == str(first)
    assert len(list_cycles(services.database, manager_id=str(org.manager))) == 2
    assert list_cycles(services.database, manager_id=str(org.employee)) == []
    assert get_cycle(services.database, str(org.employee)) is None
    assert get_cycle(services.database, str(first)) == listed[1]


def test_follow_ups_are_read_per_manager_and_for_hr(services: Services) -> None:
    app = services.app
    org = small_org(app)
    cycle_id, _ = cycle_on_board(app, org)
    app.schedule_follow_up(org.as_manager, cycle_id, months=3)  # due 2027-03-01
    late = date(2027, 3, 11)
    for manager in (str(org.manager), None):
        overdue = list_follow_ups(services.database, late, manager_id=manager).overdue
        assert [(i.cycle_id, i.days_overdue) for i in overdue] == [(str(cycle_id), 10)]
    assert list_follow_ups(services.database, late, manager_id=str(org.employee)) == FollowUps()


def test_training_needs_written_save_by_save_and_in_one_batch_are_the_same_rows(
    database: Database,
) -> None:
    needs = NeedsLog()
    cycles = [needs.wishes(p, hard=["SQL"], soft=["Feedback"]) for p in needs.group(6, "Sales")]
    needs.resubmit(cycles[0], hard=["Python"], soft=[], at=NOVEMBER)
    for cycle in cycles[:5]:
        needs.agree(cycle, [("course", "SQL")], at=NOVEMBER)
    needs.change_team(next(iter(needs.people)), "Support", at=NOVEMBER)
    model = TrainingNeedsReadModel()
    database.script([database.table_statement(s) for s in model.schema])

    def rows() -> list[str]:
        found = [database.query(f"SELECT * FROM {table}") for table in model.tables]
        return sorted(repr(sorted(row.items())) for table in found for row in table)

    position = 0
    for events in needs.saves:
        with database.transaction() as cursor:
            model.apply(cursor, batch_of(events, position + 1))
        position += len(events)
    save_by_save = rows()
    in_memory = needs.report("skill", today=IN_JANUARY)
    assert get_training_needs(database, "skill", today=IN_JANUARY) == in_memory
    assert in_memory.groups

    database.script([f"DELETE FROM {table}" for table in model.tables])
    with database.transaction() as cursor:
        model.apply(cursor, batch_of(needs.recorded))
    assert rows() == save_by_save
