"""What session ids and API tokens share: random secrets kept only as a hash, and the clock.

Both are 32 random bytes, so a fast hash is enough (there is nothing to guess
that a slow hash would protect); only the hash is stored, so a copy of the
database lets no one sign in.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
