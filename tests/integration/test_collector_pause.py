"""Large batches fold with Python's cyclic collector paused; everything else leaves it alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.generate import generate
from projections.database import Cursor
from projections.read_model import Batch, ReadModel
from projections.runner import LARGE_BATCH, ProjectionRunner, collector_paused
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import ADMIN


class CollectorWatch(ReadModel):
    """A read model that notes, per batch, how many events it got and whether gc was on."""

    name = "collector_watch"
    tables = ("rm_collector_watch",)
    schema = ("CREATE TABLE IF NOT EXISTS rm_collector_watch (n BIGINT)",)

    def __init__(self) -> None:
        self.batches: list[tuple[int, bool]] = []

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        self.batches.append((len(batch), gc.isenabled()))


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(Settings(database=str(tmp_path / "db")), follow_writes=False)
    generate(services.app, target_events=LARGE_BATCH + 200)
    yield services
    services.close()


def test_a_long_catch_up_pauses_the_collector_per_large_batch_and_turns_it_back_on(
    services: Services,
) -> None:
    watch = CollectorWatch()
    runner = ProjectionRunner(services.app, services.database, [watch])
    runner.setup()
    runner.catch_up()
    assert watch.batches, "the read model saw no events"
    assert all(not enabled for size, enabled in watch.batches if size >= LARGE_BATCH)
    assert gc.isenabled()


def test_a_small_catch_up_leaves_the_collector_on(services: Services) -> None:
    watch = CollectorWatch()
    runner = ProjectionRunner(services.app, services.database, [watch])
    runner.setup()
    runner.catch_up()
    services.app.register_person(
        ADMIN,
        name="Nieuw",
        email="nieuw@example.nl",
        function="Planner",
        team="Team X",
        start_date="2024-01-01",
    )
    watch.batches.clear()
    runner.catch_up()
    assert [enabled for _, enabled in watch.batches] == [True]


def test_a_rebuild_folds_with_the_collector_off_and_leaves_it_on(services: Services) -> None:
    watch = CollectorWatch()
    runner = ProjectionRunner(services.app, services.database, [watch])
    runner.setup()
    runner.rebuild()
    assert watch.batches
    assert not any(enabled for _, enabled in watch.batches)
    assert gc.isenabled()


def test_the_pause_restores_what_it_found_even_when_the_fold_fails() -> None:
    seen: list[bool] = []

    def failing_fold() -> None:
        with collector_paused():
            seen.append(gc.isenabled())
            raise RuntimeError("a fold failed")

    with pytest.raises(RuntimeError):
        failing_fold()
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled(), "a collector that was off stays off"
    finally:
        gc.enable()
