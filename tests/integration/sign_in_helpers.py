"""What the sign-in tests share: a clock that moves only when told, and a hasher that counts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Literal

import pytest
from argon2 import PasswordHasher

from service.accounts import Accounts
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import fixed_today

PASSWORD = "correct horse battery"


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


class CountingHasher(PasswordHasher):
    """argon2 itself, noting every hash it verifies (thread-safe: tests sign in in parallel)."""

    def __init__(self) -> None:
        super().__init__()
        self.verified: list[str] = []
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self._lock:
            self.verified.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def accounts_with(services: Services, clock: Clock, hasher: PasswordHasher) -> Accounts:
    """Accounts on the same store, with the test's clock and hasher."""
    return Accounts(services.database, services.app, hasher=hasher, now=clock)
