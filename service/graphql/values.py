"""Read-model text as the API's typed values: moments as DateTime, days as Date.

Read models keep moments and days as ISO text (UTC, so they sort as text);
the API gives them as the `DateTime` and `Date` scalars.
"""

from __future__ import annotations

from datetime import date, datetime


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def moment_or_none(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def day(text: str) -> date:
    return date.fromisoformat(text)


def day_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def camel(name: str) -> str:
    """A Python name as integrators write it: `due_on` → `dueOn` (`goals.0.due_on` too)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)
