"""GraphQL types of the change feed: one domain event, its page, and the feed's cursor."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from domain.errors import InvalidInput
from projections.audit import AuditRow
from service.error_texts import UNKNOWN_FEED_CURSOR
from service.graphql.event_kinds import EventKind
from service.graphql.pagination import Edge, PageInfo
from service.graphql.trail_types import EventActor, EventSubject
from service.who_did_it import Named

# A cursor is base64 of "e:<notification id>"; nothing longer can be one.
LONGEST_CURSOR = 40
LARGEST_POSITION = 2**63 - 1
_POSITION = re.compile(r"e:(\d{1,19})")

CHANGES = (
    "The event's own fields, keys in camelCase (e.g. CardMoved: cardId, fromColumn, "
    "toColumn, position); dates and ids as text. Fields named like secrets are left out, "
    "and a saved draft's content never appears. docs/integrators.md lists them per kind."
)


@strawberry.type(description="Something that happened: one event of the log.")
class DomainEvent:
    kind: EventKind
    occurred_at: datetime
    aggregate_id: strawberry.ID = strawberry.field(
        description="The cycle, person, backlog, … the event belongs to."
    )
    aggregate_version: int = strawberry.field(description="The aggregate's version after it.")
    cycle_id: strawberry.ID | None = strawberry.field(description="The cycle it concerns, if any.")
    actor: EventActor = strawberry.field(description="Who did it.")
    subject: EventSubject | None = strawberry.field(description="Whose cycle or record it is.")
    changes: JSON = strawberry.field(description=CHANGES)

    @classmethod
    def from_row(cls, named: Named[AuditRow]) -> DomainEvent:
        row = named.row
        return cls(
            kind=EventKind.of(row.aggregate, row.kind),
            occurred_at=datetime.fromisoformat(row.at),
            aggregate_id=strawberry.ID(row.aggregate_id),
            aggregate_version=row.version,
            cycle_id=strawberry.ID(row.cycle_id) if row.cycle_id is not None else None,
            actor=EventActor.from_view(named.actor),
            subject=EventSubject(
                person_id=strawberry.ID(named.subject["person_id"]), name=named.subject["name"]
            )
            if named.subject
            else None,
            changes=JSON(camel_keys(row.changes)),
        )


@strawberry.type(
    description="A page of the change feed. Keep the last endCursor and ask for the events "
    "after it; an empty page has no endCursor: ask again with the cursor you sent."
)
class DomainEventConnection:
    edges: list[Edge[DomainEvent]]
    page_info: PageInfo


def camel_keys(value: Any) -> Any:
    """Field names as integrators write them, at every depth: `from_column` → `fromColumn`."""
    if isinstance(value, dict):
        return {_camel(str(key)): camel_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [camel_keys(item) for item in value]
    return value


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def encode_event_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"e:{position}".encode()).decode()


def decode_event_cursor(cursor: str | None) -> int:
    """The position a cursor of the feed stands for; InvalidInput for any other text."""
    if not cursor:
        return 0
    refused = InvalidInput(UNKNOWN_FEED_CURSOR, "after")
    if len(cursor) > LONGEST_CURSOR:
        raise refused
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        raise refused from None
    found = _POSITION.fullmatch(text)
    if found is None or int(found.group(1)) > LARGEST_POSITION:
        raise refused
    return int(found.group(1))
