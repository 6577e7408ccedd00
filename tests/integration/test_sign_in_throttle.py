"""Guessing passwords gets slower and slower, and cannot be turned against the person attacked.

Whether an attempt was *evaluated* (its password looked at) is read from a
counting argon2 hasher: an evaluated attempt verifies the account's real hash,
a held-back one a dummy.
"""

from __future__ import annotations

import contextlib
import threading

import pytest

from service.accounts import Accounts
from service.container import Services
from service.errors import Unauthenticated
from service.sign_in_throttle import BROAD_ATTACK, FORGET_AFTER, FREE_ATTEMPTS, MAX_DELAY
from tests.integration import sign_in_helpers as helpers
from tests.integration.sign_in_helpers import PASSWORD, Clock, CountingHasher, accounts_with
from tests.scenario import ADMIN, small_org

services = helpers.services
ATTACKER = "203.0.113.66"
WRONG_GUESS = "not the password"


class Target:
    """Eva's account, and whether each attempt on it was evaluated."""

    def __init__(self, services: Services) -> None:
        self.clock, self.hasher = Clock(), CountingHasher()
        self.accounts: Accounts = accounts_with(services, self.clock, self.hasher)
        self.org = small_org(services.app)
        self.accounts.set_password(self.org.employee, PASSWORD)
        rows = services.database.query("SELECT password_hash FROM accounts")
        self.real_hash = rows[0]["password_hash"]

    def guess(self, password: str = WRONG_GUESS, client: str = ATTACKER) -> bool:
        """Tries to sign in as Eva; True when the password was looked at."""
        before = len(self.hasher.verified)
        with contextlib.suppress(Unauthenticated):
            self.accounts.sign_in("eva@example.nl", password, client=client)
        return self.hasher.verified[before:] == [self.real_hash]

    def signs_in(self, client: str) -> bool:
        try:
            self.accounts.sign_in("eva@example.nl", PASSWORD, client=client)
        except Unauthenticated:
            return False
        return True


def expected_delay(attempts: int) -> float:
    return 0 if attempts < FREE_ATTEMPTS else min(2 ** (attempts - FREE_ATTEMPTS), MAX_DELAY)


def test_an_attacker_guessing_from_one_address_waits_twice_as_long_after_every_guess(
    services: Services,
) -> None:
    target = Target(services)
    assert all(target.guess() for _ in range(FREE_ATTEMPTS))
    for attempts in range(FREE_ATTEMPTS, FREE_ATTEMPTS + 11):
        delay = expected_delay(attempts)
        target.clock.advance(delay - 0.5)
        # Too early: refused unseen, and hammering does not make the wait longer.
        assert not any(target.guess() for _ in range(3)), f"after {attempts} attempts"
        target.clock.advance(0.5)
        assert target.guess(), f"after {attempts} attempts, {delay} s later"
    assert expected_delay(FREE_ATTEMPTS + 10) == MAX_DELAY  # the cap was reached, and held


def test_five_anonymous_wrong_passwords_cannot_lock_hr_out(services: Services) -> None:
    target = Target(services)
    services.app.grant_role(ADMIN, target.org.employee, "hr")
    for _ in range(5):
        target.guess(client=ATTACKER)
    for attacker in range(5):  # and five more addresses, five guesses each
        for _ in range(5):
            target.guess(client=f"198.51.100.{attacker}")
    assert target.signs_in(client="192.0.2.10")  # HR, from their own computer


def test_twelve_parallel_guesses_get_no_more_evaluated_than_the_limit(services: Services) -> None:
    target = Target(services)
    start = threading.Barrier(12)

    def guess() -> None:
        start.wait()
        target.guess()

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(target.hasher.verified) == 12  # each of them cost the same argon2 work
    assert target.hasher.verified.count(target.real_hash) == FREE_ATTEMPTS


def test_a_botnet_holds_the_account_back_for_everyone_only_once_it_is_a_broad_attack(
    services: Services,
) -> None:
    target = Target(services)
    # Every guess from an address of its own: each one is clean, and evaluated…
    assert all(target.guess(client=f"198.51.100.{n}") for n in range(BROAD_ATTACK))
    # …until the account has seen a broad attack: then clean addresses wait too,
    assert not target.guess(client="198.51.100.200")
    assert not target.signs_in(client="192.0.2.10")
    # but never longer than the longest delay: the person is slowed, not locked out.
    target.clock.advance(MAX_DELAY)
    assert target.signs_in(client="192.0.2.10")
    # The right password clears the account: the next guess is evaluated again.
    assert target.guess(client="198.51.100.201")


def test_an_office_behind_one_address_signs_in_all_day_without_slowing_down(
    services: Services,
) -> None:
    target = Target(services)
    office = "192.0.2.50"
    for n in range(40):
        if n % 10 == 0:
            assert target.guess(client=office)  # a typo now and then
        assert target.signs_in(client=office), f"sign-in {n}"
        target.clock.advance(60)


def test_an_attacker_who_keeps_on_stays_slow_and_one_who_stops_for_an_hour_is_forgotten(
    services: Services,
) -> None:
    target = Target(services)
    for attempts in range(1, FREE_ATTEMPTS + 12):
        assert target.guess()
        target.clock.advance(expected_delay(attempts))
    # Still at the longest delay: one guess now, the next only five minutes later.
    assert target.guess()
    target.clock.advance(MAX_DELAY - 1)
    assert not target.guess()
    # An hour without a single attempt: the count starts afresh.
    target.clock.advance(FORGET_AFTER + 1)
    assert all(target.guess() for _ in range(FREE_ATTEMPTS))


@pytest.mark.parametrize("email", ["eva@example.nl", "nobody@example.nl"])
def test_an_enumerating_attacker_sees_an_unknown_address_counted_like_a_real_one(
    services: Services, email: str
) -> None:
    target = Target(services)
    for _ in range(FREE_ATTEMPTS + 3):
        with pytest.raises(Unauthenticated):
            target.accounts.sign_in(email, WRONG_GUESS, client=ATTACKER)
    rows = services.database.query("SELECT attempts FROM sign_in_attempts")
    # One row for the address, one for the account typed, known or not.
    assert [r["attempts"] for r in rows] == [FREE_ATTEMPTS, FREE_ATTEMPTS]
