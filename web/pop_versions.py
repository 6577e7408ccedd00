"""A POP's versions on its page: what each changed, and two of them chosen side by side.

The comparison is asked for with a small GET form (`a`, `b`: version numbers);
a version that does not exist, or the same one twice, comes back next to its
field with the choice kept. The older of the two always stands on the left,
so "added" means added since the older one, whichever order was chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.error_texts import NO_SUCH_VERSION, NOT_A_WHOLE_NUMBER
from domain.errors import InvalidInput
from domain.plan_comparison import PlanComparison, compare_versions
from projections.cycle_fold import PlanVersion
from web.error_texts import SAME_VERSION_TWICE

FIELDS = ("a", "b")


def version_changes(versions: list[PlanVersion]) -> dict[int, PlanComparison]:
    """Each version after the first → how it differs from the one before it."""
    return {
        v["version"]: compare_versions(versions[i - 1]["plan"], v["plan"])
        for i, v in enumerate(versions)
        if i
    }


def default_choice(versions: list[PlanVersion]) -> dict[str, str]:
    """The form's first choice: the last two versions."""
    if len(versions) < 2:
        return {}
    return {"a": str(versions[-2]["version"]), "b": str(versions[-1]["version"])}


def versions_to_compare(
    versions: list[PlanVersion], asked: Mapping[str, Any]
) -> tuple[PlanVersion, PlanVersion]:
    """The two versions asked for, older first; refuses a missing or repeated one."""
    picked: dict[str, int] = {}
    for field in FIELDS:
        try:
            number = int(str(asked.get(field, "")).strip())
        except ValueError:
            raise InvalidInput(NOT_A_WHOLE_NUMBER, field) from None
        if not 1 <= number <= len(versions):
            raise InvalidInput(NO_SUCH_VERSION, field, version=number)
        picked[field] = number
    if picked["a"] == picked["b"]:
        raise InvalidInput(SAME_VERSION_TWICE, "b", version=picked["b"])
    older, newer = sorted(picked.values())
    return versions[older - 1], versions[newer - 1]
