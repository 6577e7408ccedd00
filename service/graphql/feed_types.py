"""GraphQL types of the change feed: one domain event, and a page of them."""

from __future__ import annotations

from datetime import datetime

import strawberry

from projections.audit import AuditRow
from service.graphql.audit_fields import EventFields, event_fields
from service.graphql.event_kinds import EventKind
from service.graphql.node_ids import node_id_or_none
from service.graphql.pagination import Edge, PageInfo
from service.graphql.trail_types import EventActor, EventSubject
from service.graphql.values import moment
from service.who_did_it import Named


@strawberry.type(description="Something that happened: one event of the log.")
class DomainEvent:
    kind: EventKind
    occurred_at: datetime
    aggregate_id: strawberry.ID = strawberry.field(
        description="The aggregate's id in the event log (a UUID, not a node ID)."
    )
    aggregate_version: int = strawberry.field(description="The aggregate's version after it.")
    cycle_id: strawberry.ID | None = strawberry.field(description="The cycle it concerns, if any.")
    actor: EventActor = strawberry.field(description="Who did it.")
    subject: EventSubject | None = strawberry.field(description="Whose cycle or record it is.")
    changes: EventFields = strawberry.field(
        description="The event's own fields, typed per kind of event (as in the audit trail); "
        "a saved draft's content and fields named like secrets never appear."
    )

    @classmethod
    def from_row(cls, named: Named[AuditRow]) -> DomainEvent:
        row = named.row
        return cls(
            kind=EventKind.of(row.aggregate, row.kind),
            occurred_at=moment(row.at),
            aggregate_id=strawberry.ID(row.aggregate_id),
            aggregate_version=row.version,
            cycle_id=node_id_or_none("Cycle", row.cycle_id),
            actor=EventActor.from_view(named.actor),
            subject=EventSubject.from_view(named.subject),
            changes=event_fields(row),
        )


@strawberry.type(
    description="A page of the change feed. Keep the last endCursor and ask for the events "
    "after it; an empty page has no endCursor: ask again with the cursor you sent."
)
class DomainEventConnection:
    edges: list[Edge[DomainEvent]]
    page_info: PageInfo
