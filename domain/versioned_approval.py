"""Approval of a document that is written in versions: the POP, the session report.

Seed 001: "Je maakt het plan en het verslag in overleg met de medewerker en keurt
het ook beiden goed." Each party approves one version; the document counts only
when both approved the same one, and a new version withdraws every approval.
The rules are one, so the POP and the report share them here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.error_texts import (
    ALREADY_APPROVED,
    NO_SUCH_VERSION,
    NOT_A_WHOLE_NUMBER,
    VERSION_REPLACED,
)
from domain.errors import ErrorText, InvalidInput, NotAllowedNow
from domain.vocabulary import Party


def check_version_to_approve(
    version: Any, *, current: int, no_such: ErrorText = NO_SUCH_VERSION
) -> int:
    """Only the current version can be approved: an older one is no longer the document."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidInput(NOT_A_WHOLE_NUMBER, "version")
    if not 1 <= version <= current:
        raise InvalidInput(no_such, "version", version=version)
    if version != current:
        raise NotAllowedNow(VERSION_REPLACED, version=version, current=current)
    return version


def check_approval(
    approvals: Mapping[str, int],
    party: Party,
    version: Any,
    *,
    current: int,
    no_such: ErrorText = NO_SUCH_VERSION,
) -> tuple[int, bool]:
    """The version the party approves, and whether the other party approved it already
    (then both did, and the document counts)."""
    version = check_version_to_approve(version, current=current, no_such=no_such)
    if approvals.get(party.value) == version:
        raise NotAllowedNow(ALREADY_APPROVED, party=party, version=version)
    return version, approvals.get(party.other.value) == version
