"""`groeispurt export` and `groeispurt import`: a restored store equals the original."""

from __future__ import annotations

import json
import os
import resource
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from groeispurt_cli.main import main
from projections.database import Database
from service.application import Groeispurt
from service.backup import BackupError, check_file, export_to_file, import_events, log_end
from service.container import Services, build_services
from service.demo import load_demo
from service.settings import Settings
from tests.scenario import cycle_on_board, fixed_today, full_cycle, small_org
from tests.stores import clean_store


@contextmanager
def services_for(settings: Settings) -> Iterator[Services]:
    services = build_services(settings, clock=fixed_today)
    try:
        yield services
    finally:
        services.close()


def groeispurt(settings: Settings, *argv: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("GROEISPURT_DATABASE", settings.database)
    return main(list(argv))


def fill(app: Groeispurt) -> None:
    """The demo organisation, a full cycle, and a board moved often enough to be snapshotted."""
    load_demo(app, lambda n: None)
    org = small_org(app)
    full_cycle(app, org)
    busy, card_ids = cycle_on_board(app, org)
    for move in range(60):
        column = ("todo", "doing", "done")[move % 3]
        app.move_card(
            org.as_employee, busy, card_id=card_ids[move % 3], to_column=column, position=0
        )


def stored_events(app: Groeispurt) -> list[tuple[Any, ...]]:
    end = log_end(app)
    notifications = app.recorder.select_notifications(start=1, limit=end + 1)
    return [(n.id, n.originator_id, n.originator_version, n.topic, n.state) for n in notifications]


def aggregates(app: Groeispurt) -> dict[Any, dict[str, Any]]:
    ids = {event[1] for event in stored_events(app)}
    return {
        i: {k: v for k, v in vars(app.repository.get(i)).items() if k != "_pending_events"}
        for i in ids
    }


def read_models(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every rm_* table, rows sorted, values in one form for SQLite and PostgreSQL."""
    if database.dialect == "sqlite":
        rows = database.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = database.query(
            "SELECT table_name AS name FROM information_schema.tables "
            "WHERE table_schema = current_schema()"
        )
    tables = sorted(r["name"] for r in rows if r["name"].startswith("rm_"))
    return {
        table: sorted(
            (
                tuple(_plain(v) for v in row.values())
                for row in database.query(f"SELECT * FROM {table}")
            ),
            key=repr,
        )
        for table in tables
    }


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


@pytest.mark.parametrize("direction", ["to the other kind of store", "to the same kind"])
def test_a_restored_store_has_the_same_events_aggregates_and_read_models(
    store: Settings, direction: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source_kind = "postgres" if store.uses_postgres else "sqlite"
    other = {"sqlite": "postgres", "postgres": "sqlite"}[source_kind]
    target_kind = other if direction == "to the other kind of store" else source_kind
    backup = tmp_path / "backup.jsonl"
    with services_for(store) as source:
        fill(source.app)
        assert groeispurt(store, "export", str(backup), monkeypatch=monkeypatch) == 0
        with clean_store(target_kind, tmp_path / "target") as target_settings:
            assert groeispurt(target_settings, "import", str(backup), monkeypatch=monkeypatch) == 0
            with services_for(target_settings) as target:
                assert stored_events(target.app) == stored_events(source.app)
                assert len(backup.read_text().splitlines()) == log_end(source.app)
                assert aggregates(target.app) == aggregates(source.app)
                original = read_models(source.database)
                assert original["rm_boards"], "the board read model should hold the cycles"
                assert read_models(target.database) == original
                assert target.projections.positions() == {
                    name: log_end(target.app) for name in target.projections.positions()
                }


def test_importing_into_a_store_that_holds_events_is_refused(
    store: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    backup = tmp_path / "backup.jsonl"
    with services_for(store) as services:
        small_org(services.app)
        before = log_end(services.app)
        assert groeispurt(store, "export", str(backup), monkeypatch=monkeypatch) == 0
        capsys.readouterr()
        assert groeispurt(store, "import", str(backup), monkeypatch=monkeypatch) == 1
        assert "already holds events" in capsys.readouterr().err
        assert log_end(services.app) == before
        with pytest.raises(BackupError, match="not empty"):
            import_events(services.app, backup)


def _corrupt(lines: list[str], how: str) -> None:
    record = json.loads(lines[2])
    if how == "truncated":
        lines[2] = lines[2][:40] + "\n"
        return
    if how == "unknown topic":
        record["topic"] = "domain.growth_cycle:GrowthCycle.Vanished"
    elif how == "a version twice":
        record.update(json.loads(lines[1]), id=record["id"])
    elif how == "state that is not an event":
        record["state"] = "{not json"
    elif how == "bad base64":
        record.update(encoding="base64", state="***")
    lines[2] = json.dumps(record) + "\n"


@pytest.mark.parametrize(
    "how",
    ["truncated", "unknown topic", "a version twice", "state that is not an event", "bad base64"],
)
def test_a_malformed_line_is_named_and_nothing_is_imported(
    store: Settings, how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    source = Settings(database=str(tmp_path / "source.db"))
    backup = tmp_path / "backup.jsonl"
    with services_for(source) as services:
        small_org(services.app)
        export_to_file(services.app, backup)
    lines = backup.read_text(encoding="utf-8").splitlines(keepends=True)
    _corrupt(lines, how)
    backup.write_text("".join(lines), encoding="utf-8")

    assert groeispurt(store, "import", str(backup), monkeypatch=monkeypatch) == 1
    error = capsys.readouterr().err
    assert "Line 3:" in error
    assert "Nothing was imported" in error
    with services_for(store) as services:
        assert log_end(services.app) == 0
        assert all(rows == [] for rows in read_models(services.database).values())


def test_an_empty_backup_restores_an_empty_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty, backup = Settings(database=str(tmp_path / "a.db")), tmp_path / "empty.jsonl"
    assert groeispurt(empty, "export", str(backup), monkeypatch=monkeypatch) == 0
    assert backup.read_text() == ""
    target = Settings(database=str(tmp_path / "b.db"))
    assert groeispurt(target, "import", str(backup), monkeypatch=monkeypatch) == 0


def test_export_and_import_of_a_large_log_keep_memory_bounded(tmp_path: Path) -> None:
    """Tens of thousands of events pass through in batches: memory does not grow with the log."""
    source = Groeispurt(Settings(database=str(tmp_path / "large.db")))
    started = time.perf_counter()
    events = generate(source, target_events=50_000)
    generated = time.perf_counter() - started
    backup = tmp_path / "large.jsonl"

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    assert export_to_file(source, backup) == events
    exported = time.perf_counter() - started
    _, export_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    source.close()

    target = Groeispurt(Settings(database=str(tmp_path / "restored.db")))
    tracemalloc.start()
    started = time.perf_counter()
    assert check_file(target, backup) == events
    checked = time.perf_counter() - started
    assert import_events(target, backup) == events
    imported = time.perf_counter() - started
    _, import_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    target.close()

    size = os.path.getsize(backup)
    print(
        f"\nbackup of {events} events ({size / 1e6:.1f} MB of JSON Lines): generated in "
        f"{generated:.1f} s; export {exported:.1f} s, peak Python memory "
        f"{export_peak / 1e6:.1f} MB, peak RSS growth {rss_growth / 1024:.1f} MB; "
        f"import {imported:.1f} s (of which checking {checked:.1f} s), peak Python memory {import_peak / 1e6:.1f} MB"
    )
    # A batch of 1,000 events is a few MB at most; the whole log is several times that.
    assert export_peak < 8e6 < size
    assert import_peak < 16e6


@pytest.mark.parametrize("direction", ["to the other kind of store", "to the same kind"])
def test_a_restored_store_can_be_signed_in_to_with_the_same_passwords_and_tokens(
    store: Settings, direction: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source_kind = "postgres" if store.uses_postgres else "sqlite"
    other = {"sqlite": "postgres", "postgres": "sqlite"}[source_kind]
    target_kind = other if direction == "to the other kind of store" else source_kind
    backup = tmp_path / "backup.jsonl"
    password = "a long enough password 7"
    with services_for(store) as source:
        org = small_org(source.app)
        source.accounts.set_password(org.employee, password)
        token = source.tokens.create("lms", "write", as_email="eva@example.nl")
        source.tokens.create("old", "read")
        source.tokens.revoke("old")
        assert groeispurt(store, "export", str(backup), monkeypatch=monkeypatch) == 0
    with clean_store(target_kind, tmp_path / "target") as target_settings:
        assert groeispurt(target_settings, "import", str(backup), monkeypatch=monkeypatch) == 0
        with services_for(target_settings) as target:
            assert target.accounts.sign_in("eva@example.nl", password).person_id == org.employee
            assert target.tokens.authenticate(token).person_id == org.employee
            assert {t["name"]: t["revoked_at"] is not None for t in target.tokens.list()} == {
                "lms": False,
                "old": True,
            }


def test_an_account_line_naming_an_unknown_column_is_refused_and_nothing_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    source = Settings(database=str(tmp_path / "source.db"))
    backup = tmp_path / "backup.jsonl"
    with services_for(source) as services:
        small_org(services.app)
        export_to_file(services.app, backup)
    row = {"person_id": "x", "password_hash": "h", "updated_at": "t", "is_admin": "1"}
    with backup.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"table": "accounts", "row": row}) + "\n")
    target = Settings(database=str(tmp_path / "target.db"))
    assert groeispurt(target, "import", str(backup), monkeypatch=monkeypatch) == 1
    assert "accounts has no column is_admin" in capsys.readouterr().err
    with services_for(target) as services:
        assert log_end(services.app) == 0
