"""A read model whose tables change is rebuilt from the log on the next start."""

from __future__ import annotations

from pathlib import Path

from projections.board import BoardReadModel, list_boards
from service.container import build_services
from service.settings import Settings
from tests.scenario import cycle_on_board, fixed_today, small_org


def test_a_changed_read_model_is_rebuilt_from_the_log_when_the_app_starts(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "db"))
    services = build_services(settings, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, _ = cycle_on_board(services.app, org)
    services.close()

    original = BoardReadModel.revision
    BoardReadModel.revision = original + 1  # as a new release with a new way of folding would
    try:
        restarted = build_services(settings, clock=fixed_today)
        assert restarted.projections.positions()["board"] == 0
        restarted.projections.catch_up()
        boards = list_boards(restarted.database, str(org.employee))
        assert [b.cycle_id for b in boards] == [str(cycle_id)]
        restarted.close()
    finally:
        BoardReadModel.revision = original


def test_an_unchanged_read_model_keeps_its_position_across_restarts(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "db"))
    services = build_services(settings, clock=fixed_today)
    cycle_on_board(services.app, small_org(services.app))
    before = services.projections.positions()
    services.close()
    restarted = build_services(settings, clock=fixed_today)
    assert restarted.projections.positions() == before
    restarted.close()
