"""`groeispurt migrate`, run as an operator would from a shell."""

from __future__ import annotations

import pytest

from groeispurt_cli.main import main
from service.migrations.runner import newest
from service.settings import Settings
from tests.integration.previous_release import LOCKED_ACCOUNTS, early_release_store


def test_migrate_says_what_it_applied_and_then_that_the_store_is_up_to_date(
    store: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GROEISPURT_DATABASE", store.database)
    assert main(["migrate"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Applied ")
    assert lines[1] == "  0001 The tables as the release before migrations made them."
    assert lines[-1].startswith(f"  {newest()} ")
    assert main(["migrate"]) == 0
    assert capsys.readouterr().out == f"The store is up to date (revision {newest()}).\n"


def test_a_migration_that_fails_is_named_on_stderr_and_the_command_fails(
    store: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old = early_release_store(store)
    old.database.script([LOCKED_ACCOUNTS])
    old.database.close()
    monkeypatch.setenv("GROEISPURT_DATABASE", store.database)
    assert main(["migrate"]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err.startswith("Migration 0002 (")
    assert "nothing was changed" in output.err
