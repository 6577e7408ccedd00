"""Growing delays for sign-in attempts, which an attacker cannot turn against the person attacked.

Attempts are counted per client address and per account (the e-mail address as
typed, registered or not, so the counts say nothing about who works here):

1. The first `FREE_ATTEMPTS` (5) of an address are evaluated at once. After the
   n-th, its next attempt is evaluated only after 2^(n-5) seconds (1, 2, 4, …,
   at most `MAX_DELAY`, 5 minutes). An earlier attempt is refused unevaluated
   and not counted. Accounts count and delay the same way.
2. A delay on the account holds back only addresses that have been failing.
   An attempt from a *clean* address (no counted attempt in the last hour) is
   evaluated anyway, so five, or fifty, wrong guesses from elsewhere cannot keep
   HR out: the person types the right password and is in.
3. Unless the account is under a broad attack: once `BROAD_ATTACK` (20)
   attempts on it have counted, clean addresses wait for the account's delay
   too. Guesses from many addresses are then held to one every five minutes;
   the person waits as long, but is never locked out.
4. A correct password clears the account's count and takes back the address's
   count for that attempt, so an office behind one address never slows down
   through its own sign-ins. A count is forgotten after an hour without
   attempts.

Every attempt is counted before the password is looked at, in one
`INSERT … ON CONFLICT DO UPDATE … RETURNING` per key: atomic on SQLite (one
writer at a time) and on PostgreSQL (the conflicting row is locked and the
update sees its latest version). Parallel guesses get distinct counts, so no
more than the limit of them are ever evaluated. Keys are stored as SHA-256
hashes: the table holds no address and no e-mail in clear.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from projections.database import Cursor, Database

FREE_ATTEMPTS = 5
MAX_DELAY = 300
BROAD_ATTACK = 20
FORGET_AFTER = 3600
# The exponent from which 2^k exceeds MAX_DELAY: 2^9 = 512 > 300.
_CAPPED_FROM = FREE_ATTEMPTS + 9

TABLE = "sign_in_attempts"


def _delay_after(attempts: str) -> str:
    """Seconds until the next evaluated attempt, once `attempts` have counted (SQL)."""
    return (
        f"CASE WHEN {attempts} < {FREE_ATTEMPTS} THEN 0 "
        f"WHEN {attempts} >= {_CAPPED_FROM} THEN {MAX_DELAY} "
        f"ELSE (1 << ({attempts} - {FREE_ATTEMPTS})) END"
    )


# One statement per key. The SET expressions read the row as it was before this
# attempt. `{may}` is when an attempt is evaluated; `stale` rows start afresh.
_COUNT = f"""
INSERT INTO {TABLE} (key, attempts, next_at, evaluated, seen_at) VALUES (?, 1, ?, 1, ?)
ON CONFLICT (key) DO UPDATE SET
  attempts = CASE WHEN {TABLE}.seen_at < ? THEN 1
                  WHEN {{may}} THEN {TABLE}.attempts + 1 ELSE {TABLE}.attempts END,
  next_at = CASE WHEN {TABLE}.seen_at < ? THEN ?
                 WHEN {TABLE}.next_at <= ? THEN ? + {_delay_after(f"{TABLE}.attempts + 1")}
                 ELSE {TABLE}.next_at END,
  evaluated = CASE WHEN {TABLE}.seen_at < ? OR {{may}} THEN 1 ELSE 0 END,
  seen_at = ?
RETURNING attempts, evaluated
"""
_COUNT_ADDRESS = _COUNT.format(may=f"{TABLE}.next_at <= ?")
# A clean address passes an account's delay until the account is under broad attack.
_COUNT_ACCOUNT = _COUNT.format(
    may=f"({TABLE}.next_at <= ? OR (? AND {TABLE}.attempts < {BROAD_ATTACK}))"
)


@dataclass(frozen=True)
class Attempt:
    """One counted sign-in attempt; `evaluated` says whether the password may be looked at."""

    address_key: str
    account_key: str
    evaluated: bool


def key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


class SignInThrottle:
    def __init__(self, database: Database) -> None:
        self.database = database

    def attempt(self, address: str, account: str, now: float) -> Attempt:
        """Counts an attempt from `address` on `account` (the e-mail address typed)."""
        address_key = key("address", address)
        account_key = key("account", account.strip().lower())
        with self.database.transaction() as cursor:
            attempts, evaluated = self._count(cursor, _COUNT_ADDRESS, address_key, now, (now,))
            if evaluated:
                clean = attempts == 1
                _, evaluated = self._count(cursor, _COUNT_ACCOUNT, account_key, now, (now, clean))
        return Attempt(address_key, account_key, evaluated)

    def succeeded(self, attempt: Attempt, now: float) -> None:
        """The password was right: the account starts afresh, the address gets its attempt back."""
        with self.database.transaction() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE key = ?", (attempt.account_key,))
            cursor.execute(
                f"UPDATE {TABLE} SET attempts = attempts - 1 WHERE key = ? AND attempts > 0",
                (attempt.address_key,),
            )
            # Rows an attack left behind go with the next sign-in that works.
            cursor.execute(f"DELETE FROM {TABLE} WHERE seen_at < ?", (now - FORGET_AFTER,))

    @staticmethod
    def _count(
        cursor: Cursor, statement: str, row_key: str, now: float, may: tuple[Any, ...]
    ) -> tuple[int, bool]:
        forget_before = now - FORGET_AFTER
        cursor.execute(
            statement,
            (
                row_key,
                now,
                now,
                forget_before,
                *may,
                forget_before,
                now,
                now,
                now,
                forget_before,
                *may,
                now,
            ),
        )
        row = cursor.fetchone()
        return int(row["attempts"]), bool(row["evaluated"])
