"""Signing in with a password, and nothing of it stored in clear.

One answer for every mistake: `test_sign_in_enumeration.py`; growing delays:
`test_sign_in_throttle.py`; the password policy: `test_password_policy.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from domain.errors import InvalidInput
from projections.database import Database
from service.actor import Role
from service.container import Services, build_services
from service.errors import Unauthenticated
from service.settings import Settings
from tests.scenario import ADMIN, fixed_today, small_org

PASSWORD = "correct horse battery"


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
