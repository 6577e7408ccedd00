"""The tables that are not read models are migrated: an empty store gets them, a store an
earlier release made keeps every row, and nothing is applied twice."""

from __future__ import annotations

import subprocess
import sys
import threading
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from groeispurt_cli.main import main
from projections.database import Database, Row, open_database
from service.backup_accounts import columns_of
from service.container import Services, build_services
from service.durable_sqlite import writer_lock_for
from service.idempotency import Claim, Earlier
from service.migrations.runner import MigrationFailed, Revision, migrate_store, newest
from service.migrations.state import NEWEST, up_to_date
from service.settings import Settings
from tests.integration.previous_release import (
    ANSWER,
    LOCKED_ACCOUNTS,
    PASSWORD,
    SESSION,
    TOKEN,
    early_release_store,
    previous_release_store,
)
from tests.scenario import Org, cycle_on_board, fixed_today, small_org
from tests.stores import clean_store

TABLES = ("accounts", "api_tokens", "idempotency_keys", "sessions", "sign_in_attempts")
EARLY_TABLES = ("accounts", "api_tokens", "idempotency_keys")
LOCKOUT = {"failed_attempts", "locked_until"}


def _rows(database: Database, table: str) -> list[Row]:
    return database.query(f"SELECT * FROM {table} ORDER BY 1, 2")


def _revisions(database: Database) -> list[str]:
    return [row["version_num"] for row in database.query("SELECT version_num FROM alembic_version")]


def _columns(database: Database) -> dict[str, set[str]]:
    return {table: columns_of(database, table) for table in TABLES}


def _a_fresh_store(store: Settings, tmp_path: Path) -> AbstractContextManager[Settings]:
    return clean_store("postgres" if store.uses_postgres else "sqlite", tmp_path / "fresh")


def _old_rows_work(services: Services, org: Org) -> None:
    """The account, token and answered key an earlier release stored do their work."""
    services.projections.catch_up()
    assert services.accounts.sign_in("mia@example.nl", PASSWORD).person_id == org.manager
    assert services.tokens.authenticate(TOKEN).person_id == org.employee
    earlier = services.idempotency.begin(org.as_employee, "move-1", "moveCard", "its input")
    assert isinstance(earlier, Earlier)
    assert earlier.answer == ANSWER


def test_an_empty_store_gets_every_table_and_each_works(store: Settings) -> None:
    services = build_services(store, clock=fixed_today)
    try:
        assert all(_columns(services.database).values())
        assert _revisions(services.database) == [newest()]
        org = small_org(services.app)
        services.accounts.set_password(org.manager, PASSWORD)
        assert services.accounts.sign_in("mia@example.nl", PASSWORD).person_id == org.manager
        assert _rows(services.database, "sign_in_attempts")
        session = services.sessions.start(org.manager)
        assert services.sessions.signed_in(session).actor.person_id == org.manager
        token = services.tokens.create("lms", "write", as_email="eva@example.nl")
        assert services.tokens.authenticate(token).person_id == org.employee
        cycle_id, cards = cycle_on_board(services.app, org)
        claim = services.idempotency.begin(org.as_employee, "move-1", "moveCard", "its input")
        assert isinstance(claim, Claim)
        services.app.move_card(
            org.as_employee,
            cycle_id,
            card_id=cards[0],
            to_column="doing",
            position=0,
            idempotency=claim,
        )
        services.idempotency.finish(claim, ANSWER)
        again = services.idempotency.begin(org.as_employee, "move-1", "moveCard", "its input")
        assert isinstance(again, Earlier)
        assert again.answer == ANSWER
        assert [aggregate for aggregate, _ in again.saved] == [str(cycle_id)]
    finally:
        services.close()


def test_a_store_the_previous_release_made_is_recognised_and_keeps_every_row(
    store: Settings,
) -> None:
    old = previous_release_store(store)
    before = {table: _rows(old.database, table) for table in TABLES}
    columns = _columns(old.database)
    old.database.close()
    applied = migrate_store(store.eventsourcing_env())
    assert applied[0] == Revision("0001", "The tables as the release before migrations made them.")
    assert applied[-1].revision == newest()
    services = build_services(store, clock=fixed_today)
    try:
        assert {table: _rows(services.database, table) for table in TABLES} == before
        assert _columns(services.database) == columns
        assert services.sessions.signed_in(SESSION).actor.person_id == old.org.manager
        _old_rows_work(services, old.org)
    finally:
        services.close()


def test_a_store_an_early_release_made_gets_todays_tables_and_keeps_its_rows(
    store: Settings, tmp_path: Path
) -> None:
    old = early_release_store(store)
    before = {table: _rows(old.database, table) for table in EARLY_TABLES}
    old.database.close()
    services = build_services(store, clock=fixed_today)  # the start migrates
    try:
        with _a_fresh_store(store, tmp_path) as fresh:
            made_today = build_services(fresh)
            try:
                assert _columns(services.database) == _columns(made_today.database)
            finally:
                made_today.close()
        accounts = _rows(services.database, "accounts")
        assert accounts == [
            {name: value for name, value in row.items() if name not in LOCKOUT}
            for row in before["accounts"]
        ]
        assert _rows(services.database, "api_tokens") == before["api_tokens"]
        [key] = _rows(services.database, "idempotency_keys")
        assert key == {
            **before["idempotency_keys"][0],
            "fingerprint": None,
            "completed_at": key["created_at"],  # answered, so complete
            "saved": None,
        }
        _old_rows_work(services, old.org)
    finally:
        services.close()


def test_a_migrated_early_store_backs_up_into_a_new_store_that_signs_in(
    store: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    early_release_store(store).database.close()
    backup = tmp_path / "backup.jsonl"
    migrate_store(store.eventsourcing_env())
    monkeypatch.setenv("GROEISPURT_DATABASE", store.database)
    assert main(["export", str(backup)]) == 0
    with _a_fresh_store(store, tmp_path) as fresh:
        monkeypatch.setenv("GROEISPURT_DATABASE", fresh.database)
        assert main(["import", str(backup)]) == 0
        services = build_services(fresh, clock=fixed_today)
        try:
            person = services.app.find_person_by_email("mia@example.nl")
            assert person is not None
            assert services.accounts.sign_in("mia@example.nl", PASSWORD).person_id == person.id
            assert services.tokens.authenticate(TOKEN).token == "lms"
        finally:
            services.close()


def test_migrating_again_applies_nothing(store: Settings) -> None:
    env = store.eventsourcing_env()
    assert migrate_store(env)
    assert migrate_store(env) == []
    services = build_services(store)
    try:
        assert _revisions(services.database) == [newest()]
    finally:
        services.close()


def test_a_revision_that_fails_leaves_the_store_as_it_was_and_says_which(
    store: Settings,
) -> None:
    old = early_release_store(store)
    old.database.script([LOCKED_ACCOUNTS])
    columns = _columns(old.database)
    old.database.close()
    with pytest.raises(MigrationFailed) as failed:
        migrate_store(store.eventsourcing_env())
    assert failed.value.message.startswith(
        "Migration 0002 (Accounts lose the lockout columns of stores made before "
    )
    assert "nothing was changed" in failed.value.message
    assert "locked_until" in failed.value.message  # the store's own words
    database = open_database(store.eventsourcing_env())
    try:
        assert _columns(database) == columns  # no idempotency column added, no lockout dropped
        assert columns["accounts"] >= LOCKOUT
        assert not columns_of(database, "alembic_version")
    finally:
        database.close()


def test_a_store_a_newer_release_migrated_is_left_alone(store: Settings) -> None:
    env = store.eventsourcing_env()
    migrate_store(env)
    database = open_database(env)
    try:
        database.script(["UPDATE alembic_version SET version_num = '9999'"])
        with pytest.raises(MigrationFailed, match=r"at migration 9999, .* a newer release"):
            migrate_store(env)
        assert _revisions(database) == ["9999"]
    finally:
        database.close()


def test_a_migration_waits_for_a_writer_of_the_sqlite_file(tmp_path: Path) -> None:
    with clean_store("sqlite", tmp_path) as settings:
        env = settings.eventsourcing_env()
        writer = writer_lock_for(env["SQLITE_DBNAME"])  # as another process's writer
        done: list[list[Revision]] = []
        try:
            with writer:
                migrating = threading.Thread(target=lambda: done.append(migrate_store(env)))
                migrating.start()
                migrating.join(0.5)
                assert migrating.is_alive()
            migrating.join(30)
        finally:
            writer.close()
        assert done[0][-1].revision == newest()


def test_the_newest_revision_alembic_knows_is_the_one_a_store_is_checked_against() -> None:
    assert newest() == NEWEST


def test_a_process_starting_on_a_migrated_store_does_not_load_the_migration_tool(
    store: Settings, tmp_path: Path
) -> None:
    build_services(store, clock=fixed_today).close()
    script = (
        "import sys\n"
        "from service.container import build_services\n"
        "from service.settings import Settings\n"
        f"build_services(Settings(database={store.database!r})).close()\n"
        "print(sorted(m for m in ('alembic', 'sqlalchemy') if m in sys.modules))\n"
    )
    started = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert started.stdout.strip() == "[]"
    assert _up_to_date(store)


def _up_to_date(store: Settings) -> bool:
    database = open_database(store.eventsourcing_env())
    try:
        return up_to_date(database)
    finally:
        database.close()
