"""Signing in with a password: one answer for every mistake, lockout, nothing in clear."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import InvalidInput
from projections.database import Database
from service.accounts import WRONG, Accounts
from service.actor import Role
from service.container import Services, build_services
from service.errors import Unauthenticated
from service.settings import Settings
from tests.scenario import ADMIN, fixed_today, small_org

PASSWORD = "correct horse battery"


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def test_a_person_signs_in_with_their_password_and_gets_their_roles(services: Services) -> None:
    org = small_org(services.app)
    services.app.grant_role(ADMIN, org.manager, "hr")
    services.accounts.set_password(org.manager, PASSWORD)
    actor = services.accounts.sign_in("MIA@example.nl", PASSWORD)
    assert actor.person_id == org.manager
    assert actor.roles == frozenset({Role.HR})
    assert actor.may_write


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(services: Services) -> None:
    org = small_org(services.app)
    services.accounts.set_password(org.employee, PASSWORD)
    answers = []
    for email, password in (
        ("eva@example.nl", "not the password"),
        ("nobody@example.nl", PASSWORD),
        ("mia@example.nl", PASSWORD),  # registered, but has no password yet
        ("not an address", PASSWORD),
    ):
        with pytest.raises(Unauthenticated) as refused:
            services.accounts.sign_in(email, password)
        answers.append(refused.value.message)
    assert set(answers) == {WRONG}


def test_an_unknown_address_costs_the_same_argon2_time_as_a_wrong_password(
    services: Services,
) -> None:
    org = small_org(services.app)
    services.accounts.set_password(org.employee, PASSWORD)

    def seconds(email: str) -> float:
        started = time.perf_counter()
        with pytest.raises(Unauthenticated):
            services.accounts.sign_in(email, "not the password")
        return time.perf_counter() - started

    seconds("nobody@example.nl")  # the dummy hash is made once, on first use
    unknown = min(seconds("nobody@example.nl") for _ in range(3))
    wrong = min(seconds("eva@example.nl") for _ in range(3))
    print(f"sign-in refused: unknown address {unknown:.3f} s, wrong password {wrong:.3f} s")
    assert unknown > wrong * 0.5


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(services: Services) -> None:
    clock = Clock()
    accounts = Accounts(services.database, services.app, now=clock)
    org = small_org(services.app)
    accounts.set_password(org.employee, PASSWORD)
    for _ in range(4):
        with pytest.raises(Unauthenticated, match="wrong"):
            accounts.sign_in("eva@example.nl", "not the password")
    with pytest.raises(Unauthenticated, match="locked for 15 more minutes"):
        accounts.sign_in("eva@example.nl", "not the password")
    clock.moment += timedelta(minutes=14)
    with pytest.raises(Unauthenticated, match="locked for 1 more minute"):
        accounts.sign_in("eva@example.nl", PASSWORD)  # even the right password waits
    clock.moment += timedelta(minutes=1, seconds=1)
    assert accounts.sign_in("eva@example.nl", PASSWORD).person_id == org.employee
    # A success starts the count afresh.
    for _ in range(4):
        with pytest.raises(Unauthenticated, match="wrong"):
            accounts.sign_in("eva@example.nl", "not the password")
    assert accounts.sign_in("eva@example.nl", PASSWORD).person_id == org.employee


def test_a_new_password_lifts_a_lockout(services: Services) -> None:
    org = small_org(services.app)
    services.accounts.set_password(org.employee, PASSWORD)
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            services.accounts.sign_in("eva@example.nl", "not the password")
    services.accounts.set_password(org.employee, "a brand new passphrase")
    assert services.accounts.sign_in("eva@example.nl", "a brand new passphrase")


def test_a_short_password_is_refused_with_a_clear_message_and_nothing_is_stored(
    services: Services,
) -> None:
    org = small_org(services.app)
    with pytest.raises(InvalidInput, match="at least 10 characters") as refused:
        services.accounts.set_password(org.employee, "short")
    assert refused.value.field == "password"
    assert not services.accounts.has_password(org.employee)


def test_the_password_is_never_stored_in_clear_in_any_event_or_table(services: Services) -> None:
    org = small_org(services.app)
    services.accounts.set_password(org.employee, PASSWORD)
    services.accounts.sign_in("eva@example.nl", PASSWORD)
    with pytest.raises(Unauthenticated):
        services.accounts.sign_in("eva@example.nl", PASSWORD + " typo")
    services.projections.catch_up()
    for notification in services.app.recorder.select_notifications(start=1, limit=10_000):
        assert PASSWORD.encode() not in notification.state
    dump = _dump_every_table(services.database)
    assert "eva@example.nl" in dump  # the dump does see the read models
    assert PASSWORD not in dump
    assert "typo" not in dump
    row = services.database.query("SELECT password_hash FROM accounts")[0]
    assert row["password_hash"].startswith("$argon2id$")


def _dump_every_table(database: Database) -> str:
    if database.dialect == "sqlite":
        tables = [
            r["name"] for r in database.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
    else:
        tables = [
            r["table_name"]
            for r in database.query(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        ]
    assert "accounts" in tables
    chunks = []
    for table in tables:
        for row in database.query(f"SELECT * FROM {table}"):
            chunks.append(" ".join(_text(v) for v in row.values()))
    return "\n".join(chunks)


def _text(value: object) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "replace")
    return str(value)
