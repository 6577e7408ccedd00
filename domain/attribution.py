"""Who caused an event: a person, an integrator's API token, or Groeispurt itself.

The aggregates decide what happened; who asked for it is known only to the
application, which stamps it on every event it saves, under the field
`actor` (see `service.application`). Readers of the log (the audit trail,
the history) take it back with `attribution_of`. Events saved before actors
were recorded have none: `attribution_of` answers None for them, and readers
say "unknown" rather than fail.

Only ids and the token's name are stored, never a person's name: names
change, and a person's name must be erasable without rewriting the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ACTOR_FIELD = "actor"


@dataclass(frozen=True)
class Attribution:
    """One of: a person; a token (its name, and the person it acts for, if any); the system."""

    person_id: str | None = None
    token: str | None = None
    system: str | None = None  # "demo", "import", "command line", …

    def __post_init__(self) -> None:
        if not (self.person_id or self.token or self.system):
            raise ValueError("an attribution names a person, a token or the system")

    @property
    def kind(self) -> str:
        if self.token:
            return "token"
        return "person" if self.person_id else "system"

    def record(self) -> dict[str, str]:
        """The plain form stored in the event (keys without a value are left out)."""
        fields = {"person_id": self.person_id, "token": self.token, "system": self.system}
        return {key: value for key, value in fields.items() if value}

    @classmethod
    def from_record(cls, record: Any) -> Attribution | None:
        if not isinstance(record, dict):
            return None
        fields = {k: record.get(k) for k in ("person_id", "token", "system")}
        if not any(isinstance(v, str) and v for v in fields.values()):
            return None
        return cls(**{k: str(v) for k, v in fields.items() if isinstance(v, str) and v})


def attribution_of(event: object) -> Attribution | None:
    """Who caused a saved event; None for events saved before actors were recorded."""
    return Attribution.from_record(vars(event).get(ACTOR_FIELD))
