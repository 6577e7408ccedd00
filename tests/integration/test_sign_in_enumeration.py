"""An attacker cannot learn from the sign-in form who has an account here.

A wrong password, an unknown address, an account without a password and an
attempt held back by the throttle get the same message, and each costs one
argon2 verification (counted by a real PasswordHasher that notes its calls).
"""

from __future__ import annotations

import contextlib
import time

import pytest

from service.container import Services
from service.error_texts import SIGN_IN_REFUSED
from service.errors import Unauthenticated
from service.sign_in_throttle import FREE_ATTEMPTS
from tests.integration import sign_in_helpers as helpers
from tests.integration.sign_in_helpers import PASSWORD, Clock, CountingHasher, accounts_with
from tests.scenario import small_org

services = helpers.services


def test_every_refusal_gives_an_enumerating_attacker_the_same_message(
    services: Services,
) -> None:
    clock, hasher = Clock(), CountingHasher()
    accounts = accounts_with(services, clock, hasher)
    org = small_org(services.app)
    accounts.set_password(org.employee, PASSWORD)
    accounts.set_password(org.colleague, PASSWORD)
    for _ in range(FREE_ATTEMPTS):  # the colleague's account is now held back
        with pytest.raises(Unauthenticated):
            accounts.sign_in("cas@example.nl", "not the password", client="198.51.100.7")
    answers = {}
    for path, email, password, client in (
        ("wrong password", "eva@example.nl", "not the password", "192.0.2.1"),
        ("unknown address", "nobody@example.nl", PASSWORD, "192.0.2.2"),
        ("no password yet", "mia@example.nl", PASSWORD, "192.0.2.3"),
        ("not an address", "not an address", PASSWORD, "192.0.2.4"),
        ("held back", "cas@example.nl", PASSWORD, "198.51.100.7"),
    ):
        with pytest.raises(Unauthenticated) as refused:
            accounts.sign_in(email, password, client=client)
        answers[path] = (refused.value.code, refused.value.message)
    assert set(answers.values()) == {(SIGN_IN_REFUSED.code, SIGN_IN_REFUSED.template)}, answers


@pytest.mark.parametrize(
    ("path", "email", "password"),
    [
        ("wrong password", "eva@example.nl", "not the password"),
        ("right password", "eva@example.nl", PASSWORD),
        ("unknown address", "nobody@example.nl", PASSWORD),
        ("no password yet", "mia@example.nl", PASSWORD),
        ("not text", "eva@example.nl", 12345),
        ("far too long", "eva@example.nl", "x" * 5000),
    ],
)
def test_every_sign_in_path_costs_an_attacker_timing_it_one_argon2_verification(
    services: Services, path: str, email: str, password: object
) -> None:
    clock, hasher = Clock(), CountingHasher()
    accounts = accounts_with(services, clock, hasher)
    org = small_org(services.app)
    accounts.set_password(org.employee, PASSWORD)
    hasher.verified.clear()
    with contextlib.suppress(Unauthenticated):
        accounts.sign_in(email, password, client="192.0.2.1")
    assert len(hasher.verified) == 1, path


def test_a_throttled_attempt_costs_the_same_one_argon2_verification(services: Services) -> None:
    clock, hasher = Clock(), CountingHasher()
    accounts = accounts_with(services, clock, hasher)
    org = small_org(services.app)
    accounts.set_password(org.employee, PASSWORD)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(Unauthenticated):
            accounts.sign_in("eva@example.nl", "not the password", client="198.51.100.7")
    hasher.verified.clear()
    with pytest.raises(Unauthenticated):
        accounts.sign_in("eva@example.nl", PASSWORD, client="198.51.100.7")  # held back
    assert len(hasher.verified) == 1
    real = services.database.query(
        "SELECT password_hash FROM accounts WHERE person_id = ?", (str(org.employee),)
    )
    assert hasher.verified != [real[0]["password_hash"]]  # a dummy: the password was not looked at


def test_an_unknown_address_costs_an_attacker_timing_it_as_much_as_a_wrong_password(
    services: Services,
) -> None:
    org = small_org(services.app)
    services.accounts.set_password(org.employee, PASSWORD)

    def seconds(email: str, client: str) -> float:
        started = time.perf_counter()
        with pytest.raises(Unauthenticated):
            services.accounts.sign_in(email, "not the password", client=client)
        return time.perf_counter() - started

    seconds("nobody@example.nl", "192.0.2.0")  # the dummy hash is made once, on first use
    unknown = min(seconds("nobody@example.nl", f"192.0.2.{i}") for i in range(1, 4))
    wrong = min(seconds("eva@example.nl", f"192.0.2.{i}") for i in range(4, 7))
    print(f"sign-in refused: unknown address {unknown:.3f} s, wrong password {wrong:.3f} s")
    assert unknown > wrong * 0.5
    assert wrong > unknown * 0.5
