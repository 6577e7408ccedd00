"""Queries: thin resolvers over the access-checked read queries (`service/read_queries.py`)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from enum import Enum

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from projections import board as boards
from service.actor import Actor
from service.graphql.context import Context, read, run
from service.graphql.event_kinds import EventKind
from service.graphql.feed_types import (
    DomainEvent,
    DomainEventConnection,
    decode_event_cursor,
    encode_event_cursor,
)
from service.graphql.pagination import (
    Connection,
    Edge,
    PageInfo,
    decode_cursor,
    encode_cursor,
    page_size,
    paginate,
)
from service.graphql.trail_types import AuditEntry, HistoryEntry
from service.graphql.types import (
    BacklogSkill,
    Board,
    Cycle,
    FollowUpsDue,
    Person,
    TrainingNeeds,
)
from service.graphql.webhook_types import (
    Webhook,
    WebhookDelivery,
    before_cursor,
    delivery_cursor,
)

Ctx = Info[Context, None]


@strawberry.enum
class GroupBy(Enum):
    SKILL = "skill"
    TEAM = "team"
    FUNCTION = "function"


@strawberry.input(description="Every filter is optional; `until` is exclusive.")
class AuditFilter:
    employee_id: strawberry.ID | None = None
    cycle_id: strawberry.ID | None = None
    kinds: list[str] | None = strawberry.field(
        default=None, description="Event names, e.g. CardMoved."
    )
    since: datetime | None = None
    until: datetime | None = None


@strawberry.type
class Query:
    @strawberry.field(description="The person behind the token or session.")
    async def me(self, info: Ctx) -> Person:
        return Person.from_row(await read(info, info.context.services.queries.me))

    @strawberry.field(
        description="People the caller may see: HR all; others their team and reports."
    )
    async def people(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[Person]:
        rows = await run(info, info.context.services.queries.people)
        return paginate([Person.from_row(r) for r in rows], first, after)

    @strawberry.field(description="An employee's board (default: the caller's own, latest cycle).")
    async def board(
        self,
        info: Ctx,
        employee_id: strawberry.ID | None = None,
        cycle_id: strawberry.ID | None = None,
    ) -> Board | None:
        queries = info.context.services.queries

        def board_doc(actor: Actor) -> boards.Board | None:
            return queries.board_of(actor, employee_id or str(actor.person_id), cycle_id)

        doc = await read(info, board_doc)
        return Board.from_doc(doc) if doc else None

    @strawberry.field
    async def cycle(self, info: Ctx, id: strawberry.ID) -> Cycle | None:
        doc = await read(info, info.context.services.queries.cycle, id)
        return Cycle.from_doc(doc) if doc else None

    @strawberry.field(description="An employee's cycles, newest first.")
    async def cycles(self, info: Ctx, employee_id: strawberry.ID) -> list[Cycle]:
        docs = await read(info, info.context.services.queries.cycles_of, employee_id)
        return [Cycle.from_doc(d) for d in docs]

    @strawberry.field(description="Everything that happened in an employee's cycles, in order.")
    async def history(
        self,
        info: Ctx,
        employee_id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[HistoryEntry]:
        rows = await read(info, info.context.services.queries.history, employee_id)
        return paginate([HistoryEntry.from_row(r) for r in rows], first, after)

    @strawberry.field(
        description="Overdue, due soon, scheduled and waiting: HR all, managers their reports."
    )
    async def follow_ups_due(self, info: Ctx, soon_days: int = 30) -> FollowUpsDue:
        doc = await run(info, info.context.services.queries.follow_ups_due, soon_days)
        return FollowUpsDue.from_doc(doc)

    @strawberry.field(
        description="HR and report tokens: people per group at the end of the last closed "
        "month, never names."
    )
    async def training_needs(self, info: Ctx, group_by: GroupBy = GroupBy.SKILL) -> TrainingNeeds:
        doc = await run(info, info.context.services.queries.training_needs, group_by.value)
        return TrainingNeeds.from_doc(doc)

    @strawberry.field(description="HR: every event of every cycle, oldest first.")
    async def audit_trail(
        self,
        info: Ctx,
        filter: AuditFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AuditEntry]:
        filters = {k: v for k, v in vars(filter or AuditFilter()).items() if v is not None}
        queries = info.context.services.queries
        size, position = page_size(first), decode_cursor(after)
        page = await run(info, queries.audit, limit=size, after=position, **filters)
        total = await run(info, queries.audit_count, **filters)
        edges = [
            Edge(cursor=encode_cursor(r.row.seq), node=AuditEntry.from_row(r)) for r in page.rows
        ]
        return Connection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.next_after is not None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=total,
        )

    @strawberry.field(
        description="The change feed: events after a cursor, oldest first, those the caller "
        "may read (HR and audit tokens all; a person what concerns them; see "
        "docs/integrators.md). Sync by asking again after the last endCursor."
    )
    async def events(
        self,
        info: Ctx,
        after: str | None = None,
        kinds: list[EventKind] | None = None,
        first: int | None = None,
    ) -> DomainEventConnection:
        size, position = page_size(first), decode_event_cursor(after)
        chosen = [kind.pair for kind in kinds or ()]
        queries = info.context.services.queries
        page = await run(info, queries.events, after=position, limit=size, kinds=chosen)
        edges = [
            Edge(cursor=encode_event_cursor(r.row.seq), node=DomainEvent.from_row(r))
            for r in page.rows
        ]
        return DomainEventConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.next_after is not None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )

    @strawberry.field(
        description="HR: the POP as it stood at a moment, with the approvals by then."
    )
    async def plan_as_of(self, info: Ctx, cycle_id: strawberry.ID, at: datetime) -> JSON | None:
        plan = await read(info, info.context.services.queries.plan_as_of, cycle_id, at)
        return JSON(asdict(plan)) if plan is not None else None

    @strawberry.field(description="HR's company backlog of needed skills, in order.")
    async def backlog(self, info: Ctx) -> list[BacklogSkill]:
        docs = await run(info, info.context.services.queries.backlog)
        return [BacklogSkill.from_doc(d) for d in docs]

    @strawberry.field(
        description="Administrators: every webhook endpoint, the first registered first."
    )
    async def webhooks(self, info: Ctx) -> list[Webhook]:
        rows = await run(info, info.context.services.queries.webhooks)
        return [Webhook.from_row(row) for row in rows]

    @strawberry.field(
        description="Administrators: an endpoint's deliveries, the newest event first."
    )
    async def webhook_deliveries(
        self,
        info: Ctx,
        webhook_id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[WebhookDelivery]:
        queries = info.context.services.queries
        size, before = page_size(first), before_cursor(after)
        page = await run(info, queries.webhook_deliveries, webhook_id, first=size, before=before)
        edges = [
            Edge(cursor=delivery_cursor(row.event_id), node=WebhookDelivery.from_row(row))
            for row in page.rows
        ]
        return Connection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_more, end_cursor=edges[-1].cursor if edges else None
            ),
            total_count=page.total,
        )
