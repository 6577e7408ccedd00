"""`groeispurt projections status` and `rebuild` on a real store."""

from __future__ import annotations

import pytest

from groeispurt_cli.main import main
from service.container import build_services
from service.settings import Settings
from tests.scenario import fixed_today, full_cycle, small_org


@pytest.fixture
def loaded(store: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("GROEISPURT_DATABASE", store.database)
    services = build_services(store, clock=fixed_today, follow_writes=False)
    full_cycle(services.app, small_org(services.app))
    services.close()
    return store


def test_status_shows_each_read_model_behind_the_end_of_the_log(
    loaded: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert {"board", "cycle_detail", "follow_ups", "training_needs", "audit"} <= set(table)
    position, end, behind = table["audit"]
    assert (position, behind) == ("0", end)


def test_rebuild_brings_every_read_model_to_the_end_of_the_log(
    loaded: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "rebuild"]) == 0
    assert "Rebuilt all read models" in capsys.readouterr().out
    assert main(["projections", "status"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert all(row[3] == "0" for row in rows)


def test_rebuild_of_one_read_model_drops_only_that_one(
    loaded: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "rebuild"]) == 0
    services = build_services(loaded, follow_writes=False)
    boards = services.database.query("SELECT * FROM rm_boards ORDER BY key")
    services.close()
    assert main(["projections", "rebuild", "audit"]) == 0
    assert "Rebuilt audit from" in capsys.readouterr().out
    services = build_services(loaded, follow_writes=False)
    try:
        assert services.database.query("SELECT * FROM rm_boards ORDER BY key") == boards
        count = services.database.query("SELECT COUNT(*) AS n FROM rm_audit")[0]["n"]
        assert int(count) == services.projections.log_end()
    finally:
        services.close()


def test_rebuild_of_an_unknown_read_model_says_which_exist(
    loaded: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "rebuild", "boards"]) == 2
    assert "choose one of: board," in capsys.readouterr().out
