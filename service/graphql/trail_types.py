"""GraphQL types of the trail: audit entries, history entries, who did it and whom it concerns."""

from __future__ import annotations

from datetime import datetime

import strawberry

from projections import history
from projections.audit import AuditRow
from service.graphql.audit_fields import EventFields, event_fields
from service.graphql.enums import ActorKind, HistoryKind, Party
from service.graphql.history_details import HistoryDetails, history_details
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.values import moment
from service.who_did_it import ActorView, Named, SubjectView


@strawberry.type(
    description="Who caused an event: a person, an API token (and the person it acts for), "
    "or Groeispurt itself (demo, import, command line). Kind UNKNOWN: saved before "
    "actors were recorded."
)
class EventActor:
    kind: ActorKind
    person_id: strawberry.ID | None
    name: str | None
    token: str | None = strawberry.field(description="The API token's name.")
    system: str | None
    label: str = strawberry.field(description="How a person reads it, e.g. 'Marieke Jansen'.")

    @classmethod
    def from_view(cls, view: ActorView) -> EventActor:
        return cls(
            kind=ActorKind(view["kind"]),
            person_id=node_id_or_none("Person", view["person_id"]),
            name=view["name"],
            token=view["token"],
            system=view["system"],
            label=view["label"],
        )


@strawberry.type(description="The person an event concerns: whose cycle or record it is.")
class EventSubject:
    person_id: strawberry.ID
    name: str | None

    @classmethod
    def from_view(cls, subject: SubjectView | None) -> EventSubject | None:
        if not subject:
            return None
        return cls(person_id=node_id("Person", subject["person_id"]), name=subject["name"])


@strawberry.type(description="One moment in an employee's history across all cycles.")
class HistoryEntry:
    at: datetime
    cycle_id: strawberry.ID | None
    kind: HistoryKind
    party: Party | None = strawberry.field(
        description="The party acting: employee, manager, or null (both, or HR)."
    )
    actor: EventActor
    version: int = strawberry.field(description="The cycle's or person's version after it.")
    details: HistoryDetails

    @classmethod
    def from_row(cls, named: Named[history.HistoryEntry]) -> HistoryEntry:
        entry = named.row
        return cls(
            at=moment(entry.at),
            cycle_id=node_id_or_none("Cycle", entry.cycle_id),
            kind=entry.kind,
            party=Party(entry.party) if entry.party else None,
            actor=EventActor.from_view(named.actor),
            version=entry.version,
            details=history_details(entry.kind, entry.cycle_id, entry.details),
        )


@strawberry.type(description="One event of the audit trail.")
class AuditEntry:
    sequence: int = strawberry.field(description="Its place in the trail, oldest first.")
    at: datetime
    aggregate: str = strawberry.field(
        description="What the event belongs to: GrowthCycle, Person, EmailIndex, "
        "EmployeeCycles or Backlog."
    )
    aggregate_id: strawberry.ID = strawberry.field(
        description="The aggregate's id in the event log (a UUID, not a node ID)."
    )
    version: int = strawberry.field(description="The aggregate's version after the event.")
    kind: str = strawberry.field(description="The event's name, e.g. CardMoved.")
    employee_id: strawberry.ID | None
    cycle_id: strawberry.ID | None
    actor: EventActor = strawberry.field(description="Who did it.")
    subject: EventSubject | None = strawberry.field(description="Whose cycle or record it is.")
    changes: EventFields = strawberry.field(
        description="The event's own fields, typed per kind of event."
    )

    @classmethod
    def from_row(cls, named: Named[AuditRow]) -> AuditEntry:
        row = named.row
        return cls(
            sequence=row.seq,
            at=moment(row.at),
            aggregate=row.aggregate,
            aggregate_id=strawberry.ID(row.aggregate_id),
            version=row.version,
            kind=row.kind,
            employee_id=node_id_or_none("Person", row.employee_id),
            cycle_id=node_id_or_none("Cycle", row.cycle_id),
            actor=EventActor.from_view(named.actor),
            subject=EventSubject.from_view(named.subject),
            changes=event_fields(row),
        )
