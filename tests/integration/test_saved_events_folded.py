"""A writer's own events are folded as it saved them, unless the read models are behind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from eventsourcing.application import Repository

from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import cycle_on_board, fixed_today, load_cycle, small_org


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def count_log_reads(services: Services) -> list[int]:
    """Counts the runner's reads of the notification log (the recorder is the library's)."""
    reads = [0]
    select = services.app.recorder.select_notifications

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads[0] += 1
        return select(*args, **kwargs)

    services.app.recorder.select_notifications = counted  # type: ignore[method-assign]
    return reads


def test_a_card_move_reaches_the_board_without_reading_the_log_back(services: Services) -> None:
    org = small_org(services.app)
    cycle_id, cards = cycle_on_board(services.app, org)
    reads = count_log_reads(services)

    services.app.move_card(
        org.as_employee, cycle_id, card_id=cards[0], to_column="doing", position=0
    )

    board = services.queries.board_of(org.as_employee, org.employee, cycle_id)
    assert board is not None
    assert [card["id"] for card in board["lanes"]["doing"]] == [cards[0]]
    assert reads[0] == 0
    end = services.projections.log_end()
    assert set(services.projections.positions().values()) == {end}


def test_events_saved_after_another_writers_unapplied_ones_are_read_from_the_log(
    services: Services, store: Settings
) -> None:
    org = small_org(services.app)
    cycle_id, cards = cycle_on_board(services.app, org)
    # Another process that writes without bringing the read models along.
    other = build_services(store, clock=fixed_today, follow_writes=False)
    try:
        other.app.move_card(
            org.as_employee, cycle_id, card_id=cards[1], to_column="doing", position=0
        )
        reads = count_log_reads(services)

        services.app.move_card(
            org.as_employee, cycle_id, card_id=cards[0], to_column="done", position=0
        )
    finally:
        other.close()

    board = services.queries.board_of(org.as_employee, org.employee, cycle_id)
    assert board is not None
    assert [card["id"] for card in board["lanes"]["doing"]] == [cards[1]]
    assert [card["id"] for card in board["lanes"]["done"]] == [cards[0]]
    # One read brings both moves; the end of a short log is not asked for twice.
    assert reads[0] == 1
    moves = services.database.query("SELECT COUNT(*) AS n FROM rm_audit WHERE kind = 'CardMoved'")
    assert int(moves[0]["n"]) == 2


def test_a_cycle_loads_the_same_as_with_the_library_projector(services: Services) -> None:
    org = small_org(services.app)
    cycle_id, cards = cycle_on_board(services.app, org)
    for n in range(45):  # past two snapshots (every 20 events)
        column = ("doing", "todo")[n % 2]
        services.app.move_card(
            org.as_employee, cycle_id, card_id=cards[0], to_column=column, position=0
        )
    library: Repository[Any] = Repository(
        event_store=services.app.events, snapshot_store=services.app.snapshots
    )

    ours = load_cycle(services.app, cycle_id)
    theirs: Any = library.get(cycle_id)  # the library's own project_aggregate
    from_scratch: Any = Repository(event_store=services.app.events).get(cycle_id)

    assert ours.version == theirs.version == from_scratch.version
    assert ours.__dict__ == theirs.__dict__ == from_scratch.__dict__
    snapshots = list(services.app.snapshots.get(cycle_id)) if services.app.snapshots else []
    assert len(snapshots) >= 2
