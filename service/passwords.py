"""What a password must be, after NIST SP 800-63B: long, not common, and nothing else.

No composition rules (a digit, a capital, a sign): they make passwords harder to
remember and no harder to guess. Instead:

- at least 10 characters (a few words in a row), at most 1,024;
- not a password that is known to be common (`common_passwords.txt`, compared
  without regard to case);
- not one character repeated, and not only whitespace.

`common_passwords.txt` is the union, lowercased, of two published lists: the
20,000 common passwords Django ships (`django/contrib/auth/common-passwords.txt.gz`,
compiled by Royce Williams from breach corpora; BSD licence) and the 30,000 of
zxcvbn (`zxcvbn/frequency_lists.py`, the `passwords` list; MIT licence). Only
entries of the minimum length or longer can ever match, so only those are kept
in memory.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from domain.errors import InvalidInput
from service.error_texts import (
    PASSWORD_NOT_TEXT,
    PASSWORD_TOO_COMMON,
    PASSWORD_TOO_LONG,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_SIMPLE,
)

MIN_PASSWORD_LENGTH = 10
# Long enough for any passphrase; short enough that hashing stays cheap.
MAX_PASSWORD_LENGTH = 1024
COMMON_PASSWORDS = Path(__file__).with_name("common_passwords.txt")


def check_password(password: Any, field: str = "password") -> None:
    """Refuses a password that breaks the policy, with a message for the person typing it."""
    if not isinstance(password, str):
        raise InvalidInput(PASSWORD_NOT_TEXT, field)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(PASSWORD_TOO_SHORT, field, minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(PASSWORD_TOO_LONG, field, limit=MAX_PASSWORD_LENGTH)
    if len(set(password)) == 1 or not password.strip():
        raise InvalidInput(PASSWORD_TOO_SIMPLE, field)
    if password.lower() in common_passwords():
        raise InvalidInput(PASSWORD_TOO_COMMON, field)


@cache
def common_passwords() -> frozenset[str]:
    with COMMON_PASSWORDS.open(encoding="utf-8") as lines:
        return frozenset(
            entry for line in lines if len(entry := line.rstrip("\n")) >= MIN_PASSWORD_LENGTH
        )
