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

MIN_PASSWORD_LENGTH = 10
# Long enough for any passphrase; short enough that hashing stays cheap.
MAX_PASSWORD_LENGTH = 1024
COMMON_PASSWORDS = Path(__file__).with_name("common_passwords.txt")

TOO_SHORT = (
    f"A password needs at least {MIN_PASSWORD_LENGTH} characters; "
    "a few words in a row are easy to remember and hard to guess."
)
TOO_LONG = f"A password has at most {MAX_PASSWORD_LENGTH} characters."
TOO_COMMON = (
    "This password is on a list of common passwords that attackers try first. "
    "Choose another: a few unrelated words in a row work well."
)
TOO_SIMPLE = (
    "A password of one character repeated, or of spaces only, is guessed at once. "
    "Choose a few words in a row."
)


def check_password(password: Any, field: str = "password") -> None:
    """Refuses a password that breaks the policy, with a message for the person typing it."""
    if not isinstance(password, str):
        raise InvalidInput("The password must be text.", field)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(TOO_SHORT, field)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(TOO_LONG, field)
    if len(set(password)) == 1 or not password.strip():
        raise InvalidInput(TOO_SIMPLE, field)
    if password.lower() in common_passwords():
        raise InvalidInput(TOO_COMMON, field)


@cache
def common_passwords() -> frozenset[str]:
    with COMMON_PASSWORDS.open(encoding="utf-8") as lines:
        return frozenset(
            entry for line in lines if len(entry := line.rstrip("\n")) >= MIN_PASSWORD_LENGTH
        )
