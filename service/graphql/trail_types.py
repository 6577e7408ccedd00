"""GraphQL types of the trail: audit entries, history entries, who did it and whom it concerns."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON

from service.who_did_it import ActorView


@strawberry.type(
    description="Who caused an event: a person, an API token (and the person it acts for), "
    "or Groeispurt itself (demo, import, command line). Kind `unknown`: saved before "
    "actors were recorded."
)
class EventActor:
    kind: str
    person_id: strawberry.ID | None
    name: str | None
    token: str | None
    system: str | None
    label: str = strawberry.field(description="How a person reads it, e.g. 'Marieke Jansen'.")

    @classmethod
    def from_view(cls, view: ActorView) -> EventActor:
        person = view["person_id"]
        return cls(
            kind=view["kind"],
            person_id=strawberry.ID(person) if person else None,
            name=view["name"],
            token=view["token"],
            system=view["system"],
            label=view["label"],
        )


@strawberry.type(description="The person an event concerns: whose cycle or record it is.")
class EventSubject:
    person_id: strawberry.ID
    name: str | None


def _subject(row: dict[str, Any]) -> EventSubject | None:
    subject = row.get("subject")
    if not subject:
        return None
    return EventSubject(person_id=strawberry.ID(subject["person_id"]), name=subject["name"])


HISTORY_ENVELOPE = ("at", "cycle_id", "kind", "party", "actor", "subject", "employee_id")


@strawberry.type(description="One moment in an employee's history across all cycles.")
class HistoryEntry:
    at: str
    cycle_id: strawberry.ID | None
    kind: str
    party: str | None = strawberry.field(
        description="The party acting: employee, manager, or none (both, or HR)."
    )
    actor: EventActor
    details: JSON

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> HistoryEntry:
        rest = {k: v for k, v in row.items() if k not in HISTORY_ENVELOPE}
        return cls(
            at=row["at"],
            cycle_id=row.get("cycle_id"),
            kind=row["kind"],
            party=row.get("party"),
            actor=EventActor.from_view(row["actor"]),
            details=JSON(rest),
        )


@strawberry.type(description="One event of the audit trail.")
class AuditEntry:
    sequence: int
    at: str
    aggregate: str
    aggregate_id: strawberry.ID
    version: int
    kind: str
    employee_id: strawberry.ID | None
    cycle_id: strawberry.ID | None
    actor: EventActor = strawberry.field(description="Who did it.")
    subject: EventSubject | None = strawberry.field(description="Whose cycle or record it is.")
    changes: JSON

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AuditEntry:
        return cls(
            sequence=row["seq"],
            at=row["at"],
            aggregate=row["aggregate"],
            aggregate_id=row["aggregate_id"],
            version=row["version"],
            kind=row["kind"],
            employee_id=row.get("employee_id"),
            cycle_id=row.get("cycle_id"),
            actor=EventActor.from_view(row["actor"]),
            subject=_subject(row),
            changes=row["changes"],
        )
