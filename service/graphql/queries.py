"""Queries: thin resolvers over the access-checked read queries (`service/read_queries.py`)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from projections import board as boards
from projections.audit import AuditRow
from projections.history import HistoryEntry as HistoryRow
from projections.keyset import Page, page_after
from service.actor import Actor
from service.graphql import inspiration_api, people_queries, question_mutations, team_queries
from service.graphql.context import Context, read, run
from service.graphql.event_kinds import EventKind
from service.graphql.feed_types import DomainEvent, DomainEventConnection
from service.graphql.node_ids import Node
from service.graphql.node_lookup import find_node, node_keys
from service.graphql.pagination import (
    Connection,
    Edge,
    PageInfo,
    connection,
    decode_cursor,
    encode_cursor,
    page_size,
)
from service.graphql.plan_types import PlanAsOf
from service.graphql.report_types import FollowUpsDue, GroupBy, TrainingNeeds
from service.graphql.trail_types import AuditEntry, HistoryEntry
from service.graphql.types import BacklogSkill, Board, Cycle, Person
from service.graphql.webhook_types import (
    Webhook,
    WebhookDelivery,
)
from service.ids import bare_key
from service.people_reads import person_key
from service.read_queries import NamedPage
from service.who_did_it import Named

Ctx = Info[Context, None]
PAGED = "`first` (1–100, default 20) and `after` (an endCursor) page it."


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

    person = people_queries.person
    question_set = question_mutations.question_set
    timeline = team_queries.timeline
    upcoming_show_and_tells = team_queries.upcoming_show_and_tells

    @strawberry.field(
        description="Any object by its ID; null when it does not exist or the caller may "
        "not see it (the same answer for both)."
    )
    async def node(self, info: Ctx, id: strawberry.ID) -> Node | None:
        [key], queries = node_keys([id], "id"), info.context.services.queries
        return await read(info, lambda actor: find_node(queries, actor, key))

    @strawberry.field(description="Objects by their IDs (at most 100), each as `node` gives it.")
    async def nodes(self, info: Ctx, ids: list[strawberry.ID]) -> list[Node | None]:
        keys, queries = node_keys(ids, "ids"), info.context.services.queries

        def find_all(actor: Actor) -> list[Node | None]:
            return [find_node(queries, actor, key) for key in keys]

        return await run(info, find_all)

    @strawberry.field(
        description="People the caller may see, by name: HR all; others their team and "
        f"reports. {PAGED}"
    )
    async def people(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[Person]:
        size, key = page_size(first), decode_cursor("people", after, (str, str))
        queries = info.context.services.queries
        page = await run(info, queries.people_page, key, size)
        return connection(
            page, Person.from_row, lambda row: encode_cursor("people", person_key(row))
        )

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

    @strawberry.field(
        description="A cycle by its ID: FORBIDDEN to a caller who may not read it, whether "
        "or not it exists."
    )
    async def cycle(self, info: Ctx, id: strawberry.ID) -> Cycle | None:
        doc = await read(info, info.context.services.queries.cycle, id)
        return Cycle.from_doc(doc) if doc else None

    cycles = people_queries.cycles

    @strawberry.field(
        description=f"Everything that happened in an employee's cycles, oldest first. {PAGED}"
    )
    async def history(
        self,
        info: Ctx,
        employee_id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[HistoryEntry]:
        size, key = page_size(first), decode_cursor("history", after, (int,))
        entries = await read(info, info.context.services.queries.history, employee_id)
        page = page_after(entries, _history_key, key, size)
        return connection(
            page, HistoryEntry.from_row, lambda e: encode_cursor("history", _history_key(e))
        )

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

    @strawberry.field(description=f"HR: every event of every cycle, oldest first. {PAGED}")
    async def audit_trail(
        self,
        info: Ctx,
        filter: AuditFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AuditEntry]:
        filters = {k: v for k, v in vars(filter or AuditFilter()).items() if v is not None}
        for name in ("employee_id", "cycle_id"):
            if name in filters:
                filters[name] = bare_key(filters[name])
        size, key = page_size(first), decode_cursor("audit", after, (int,))
        queries = info.context.services.queries
        position = int(key[0]) if key else 0

        def audit_page(actor: Actor) -> Page[Named[AuditRow]]:
            found: NamedPage = queries.audit(actor, limit=size, after=position, **filters)
            total = queries.audit_count(actor, **filters)
            return Page(found.rows, has_next=found.next_after is not None, total=total)

        page = await run(info, audit_page)
        return connection(page, AuditEntry.from_row, lambda r: encode_cursor("audit", (r.row.seq,)))

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
        size, key = page_size(first), decode_cursor("events", after, (int,))
        position = int(key[0]) if key else 0
        chosen = [kind.pair for kind in kinds or ()]
        queries = info.context.services.queries
        page = await run(info, queries.events, after=position, limit=size, kinds=chosen)
        edges = [
            Edge(cursor=encode_cursor("events", (r.row.seq,)), node=DomainEvent.from_row(r))
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
        description="HR: the POP as it stood at a moment, with the approvals by then; null "
        "when no POP had been written yet."
    )
    async def plan_as_of(self, info: Ctx, cycle_id: strawberry.ID, at: datetime) -> PlanAsOf | None:
        plan = await read(info, info.context.services.queries.plan_as_of, cycle_id, at)
        return PlanAsOf.from_row(plan) if plan is not None else None

    inspiration_cards = inspiration_api.inspiration_cards

    @strawberry.field(
        description="HR's company backlog of needed skills, most important first. A cursor "
        f"stands at a skill: the next page starts after it, wherever it stands now. {PAGED}"
    )
    async def backlog(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[BacklogSkill]:
        size, key = page_size(first), decode_cursor("backlog", after, (str, int))
        skills = await run(info, info.context.services.queries.backlog)
        ids = [s["id"] for s in skills]
        start = 0
        if key is not None:
            skill, place = key
            # A skill retired since: the ones after it moved up into its place.
            start = ids.index(skill) + 1 if skill in ids else min(place, len(ids))
        chosen = skills[start : start + size]
        page = Page(chosen, has_next=start + size < len(skills), total=len(skills))
        return connection(
            page,
            BacklogSkill.from_doc,
            lambda s: encode_cursor("backlog", (s["id"], ids.index(s["id"]))),
        )

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
        size, key = page_size(first), decode_cursor("deliveries", after, (int,))
        before = int(key[0]) if key else None
        page = await run(info, queries.webhook_deliveries, webhook_id, first=size, before=before)
        edges = [
            Edge(
                cursor=encode_cursor("deliveries", (row.event_id,)),
                node=WebhookDelivery.from_row(row),
            )
            for row in page.rows
        ]
        return Connection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_more, end_cursor=edges[-1].cursor if edges else None
            ),
            total_count=page.total,
        )


def _history_key(named: Named[HistoryRow]) -> tuple[int]:
    return (named.row.seq,)
