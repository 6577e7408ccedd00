"""GraphQL types of the trail: audit entries, history entries, who did it and whom it concerns."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from projections import history
from projections.audit import AuditRow
from service.who_did_it import ActorView, Named, SubjectView


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


def _subject(subject: SubjectView | None) -> EventSubject | None:
    if not subject:
        return None
    return EventSubject(person_id=strawberry.ID(subject["person_id"]), name=subject["name"])


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
    def from_row(cls, named: Named[history.HistoryEntry]) -> HistoryEntry:
        entry = named.row
        return cls(
            at=entry.at,
            cycle_id=strawberry.ID(entry.cycle_id) if entry.cycle_id is not None else None,
            kind=entry.kind,
            party=entry.party,
            actor=EventActor.from_view(named.actor),
            # The entry's own fields, and the aggregate's version after it.
            details=JSON({**entry.details, "version": entry.version}),
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
    def from_row(cls, named: Named[AuditRow]) -> AuditEntry:
        row = named.row
        return cls(
            sequence=row.seq,
            at=row.at,
            aggregate=row.aggregate,
            aggregate_id=strawberry.ID(row.aggregate_id),
            version=row.version,
            kind=row.kind,
            employee_id=strawberry.ID(row.employee_id) if row.employee_id is not None else None,
            cycle_id=strawberry.ID(row.cycle_id) if row.cycle_id is not None else None,
            actor=EventActor.from_view(named.actor),
            subject=_subject(named.subject),
            changes=JSON(row.changes),
        )
