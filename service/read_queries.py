"""Reads with their access rules: what each person may see of the read models.

Pages and the GraphQL API both read through here, so the rules exist once:

- a board: the employee; their current manager, or the coach leading the
  open cycle; HR (audit); a colleague in the same team, and a manager's
  own reports (the team they lead), see only the cards the employee made
  visible to the team;
- upcoming show & tells: each person those of their team (`service.team_reads`);
- a cycle: its employee; the manager party while the cycle is open (after a
  handover that is the new manager, never the former one); the employee's
  current manager for every cycle of theirs; HR; a draft preparation only
  to its author (HR included: a draft is not yet shared with anyone);
- history, the timeline across cycles and the last retrospective before a
  cycle: the employee, their current manager, HR (`service.timeline_reads`);
- follow-ups due: a manager their own reports, HR everyone, a person their own;
- training needs: HR, and every token bound to no person (`read` tokens
  read these reports and the backlog only; an `audit` token reads
  everything HR may read);
- the audit trail and the POP as it stood at a moment: HR only;
- how many cards and preparations point at each backlog skill: HR (and
  audit tokens), who audit the cycles those counts are of;
- the change feed: HR everything, others what concerns them (`feed_access`);
- people: HR and administrators everyone, deactivated people too (marked
  as such); a manager their reports; everyone themselves and the names of
  their team; people who left only to HR and administrators. A person found
  by e-mail address or external id: whoever `people` shows with that detail.
- webhook endpoints and their deliveries: administrators only (not HR);
- a person's sign-in (a password or not, their one-time link): HR and
  administrators, signed in themselves (`service.sign_in_reads`).

Every refusal is the same Forbidden, whether or not the thing exists.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.backlog import BacklogSkill
from domain.errors import InvalidInput
from domain.vocabulary import Party, Stage
from projections import audit as audit_trail
from projections import backlog_use as backlog_uses
from projections import board as boards
from projections import cycle_detail as cycle_details
from projections import follow_ups as follow_up_rows
from projections import history as histories
from projections import training_needs as needs
from projections.audit import AuditRow, EventLog
from projections.backlog_use import BacklogUse
from projections.board_fold import BoardStatus
from projections.cycle_detail import CycleFilter
from projections.cycle_fold import CycleDoc
from projections.database import Database
from projections.event_feed import Kind, list_feed
from projections.history import HistoryEntry
from projections.keyset import Page, page_of
from projections.plan_as_of import PlanAsOf, get_plan_as_of
from projections.training_needs_report import TrainingNeedsReport
from projections.webhooks import WebhookRow
from service import webhook_queries
from service.actor import Actor
from service.application import Groeispurt
from service.backlog_use_cases import BacklogOrder
from service.error_texts import NOT_A_NUMBER_OF_DAYS
from service.errors import Forbidden
from service.feed_access import feed_scope
from service.ids import as_uuid
from service.inspiration_reads import InspirationReads
from service.parties import party_of
from service.people_reads import PeopleReads
from service.question_set_use_cases import QuestionSetView
from service.sign_in_reads import SignInReads
from service.team_reads import TeamReads
from service.team_reads import team_view as _team_view
from service.timeline_reads import TimelineReads
from service.webhook_queries import DeliveryPage
from service.who_did_it import Named, Names

# How far ahead a list of follow-ups due looks: a year, a leap year's included.
MAX_SOON_DAYS = 366

# Where a list of cycles stands: (opened at, cycle id); newest first.
CycleKey = tuple[str, str]

ENDED = frozenset({Stage.COMPLETED.value, Stage.CLOSED.value})


class ReadQueries(PeopleReads, TimelineReads, SignInReads, InspirationReads, TeamReads):
    def __init__(self, app: Groeispurt, database: Database) -> None:
        self.app = app
        self.database = database
        # The audit trail's rows point into the event log; their fields are read there.
        self.log = EventLog(table=_events_table(app), mapper=app.mapper)

    # -- the company backlog -----------------------------------------------------

    def backlog(self, actor: Actor, *, include_retired: bool = False) -> list[BacklogSkill]:
        return self.app.list_backlog(actor, include_retired=include_retired)

    def backlog_order(self, actor: Actor) -> BacklogOrder:
        """The active skills and the backlog's version, for a page that reorders them."""
        return self.app.backlog_order(actor)

    def question_set(self, actor: Actor) -> QuestionSetView:
        """The question set as it stands: what a cycle opened now asks."""
        return self.app.question_set(actor)

    def backlog_use(self, actor: Actor) -> dict[str, BacklogUse]:
        """Per skill id, how many cards and preparations point at it (skills nothing
        pointed at are missing: `backlog_use.NOT_USED`)."""
        _require_hr(actor)
        uses = backlog_uses.get_backlog_use(self.database)
        return backlog_uses.merged(uses, self.app.merged_backlog_skills())

    # -- boards ------------------------------------------------------------------

    def board_of(self, actor: Actor, employee_id: Any, cycle_id: Any = None) -> boards.Board | None:
        employee = as_uuid(employee_id)
        cycle = str(as_uuid(cycle_id)) if cycle_id is not None else None
        board = boards.get_board(self.database, str(employee), cycle)
        if self._is_self_manager_or_hr(actor, employee) or (
            board is not None and _leads(actor, board)
        ):
            return board
        if not self._is_teammate(actor, employee):
            raise Forbidden()
        return _team_view(board) if board is not None else None

    def board_of_cycle(self, actor: Actor, cycle_id: Any) -> boards.Board | None:
        """`board_of` for the cycle's employee: the same rules, found by the cycle alone."""
        cycle = str(as_uuid(cycle_id))
        employee = boards.employee_of_cycle(self.database, cycle)
        if employee is None:
            if actor.may_read_cycles_as_hr:
                return None
            raise Forbidden()
        return self.board_of(actor, employee, cycle)

    def boards_of(self, actor: Actor, employee_id: Any) -> list[boards.BoardLine]:
        employee = as_uuid(employee_id)
        if not self._is_self_manager_or_hr(actor, employee):
            raise Forbidden()
        return boards.list_boards(self.database, str(employee))

    # -- cycles, history, follow-ups -------------------------------------------

    def cycle(self, actor: Actor, cycle_id: Any) -> CycleDoc | None:
        doc = cycle_details.get_cycle(self.database, str(as_uuid(cycle_id)))
        if doc is None:
            if actor.may_read_cycles_as_hr:
                return None
            raise Forbidden()
        party = self._party(actor, doc)
        if party is None and not self._reads_as_manager_or_hr(actor, doc):
            raise Forbidden()
        return _without_others_drafts(doc, party)

    def cycles_of(self, actor: Actor, employee_id: Any) -> list[CycleDoc]:
        employee = as_uuid(employee_id)
        if not self._is_self_manager_or_hr(actor, employee):
            raise Forbidden()
        docs = cycle_details.list_cycles(self.database, employee_id=str(employee))
        return [_without_others_drafts(d, self._party(actor, d)) for d in docs]

    def cycles(
        self, actor: Actor, where: CycleFilter, *, after: tuple[str, str] | None, limit: int
    ) -> Page[CycleDoc]:
        """Cycles across people, newest first, a page at a time: HR (and audit tokens)
        every cycle; a person the cycles `cycle` shows them (their own, their reports',
        the open ones they lead). One employee's: as `cycles_of`."""
        reader = self._cycle_reader(actor, where)
        docs = cycle_details.page_of_cycles(
            self.database, where, readable_by=reader, after=after, limit=limit
        )
        shown = [_without_others_drafts(d, self._party(actor, d)) for d in docs]
        total = cycle_details.count_cycles(self.database, where, readable_by=reader)
        return page_of(shown, limit, total)

    def _cycle_reader(self, actor: Actor, where: CycleFilter) -> str | None:
        """Whose reading rights limit a list of cycles; None: HR's, all of them."""
        if where.employee_id is not None and not self._is_self_manager_or_hr(
            actor, as_uuid(where.employee_id)
        ):
            raise Forbidden()
        if actor.may_read_cycles_as_hr:
            return None
        if actor.person_id is None:
            raise Forbidden()
        return str(actor.person_id)

    def cycles_i_lead(self, actor: Actor) -> list[CycleDoc]:
        """The cycles the actor leads now: open ones they are the manager of, and the
        ended ones of people they still manage (never those of a former report)."""
        if actor.person_id is None:
            raise Forbidden()
        docs = cycle_details.list_cycles(self.database, manager_id=str(actor.person_id))
        led = [d for d in docs if self._party(actor, d) is Party.MANAGER]
        return [_without_others_drafts(d, Party.MANAGER) for d in led]

    def history(self, actor: Actor, employee_id: Any) -> list[Named[HistoryEntry]]:
        employee = as_uuid(employee_id)
        if not self._is_self_manager_or_hr(actor, employee):
            raise Forbidden()
        entries = histories.get_history(self.database, self.log, str(employee))
        return Names(self.database).named(entries)

    def follow_ups_due(self, actor: Actor, soon_days: int = 30) -> follow_up_rows.FollowUps:
        """HR sees every follow-up; anyone else those of the people they manage."""
        if (
            isinstance(soon_days, bool)
            or not isinstance(soon_days, int)
            or not 0 <= soon_days <= MAX_SOON_DAYS
        ):
            raise InvalidInput(NOT_A_NUMBER_OF_DAYS, "soon_days", limit=MAX_SOON_DAYS)
        today = self.app.today()
        if actor.may_read_cycles_as_hr:
            return follow_up_rows.list_follow_ups(self.database, today, soon_days=soon_days)
        if actor.person_id is None:
            raise Forbidden()
        return follow_up_rows.list_follow_ups(
            self.database, today, manager_id=str(actor.person_id), soon_days=soon_days
        )

    def my_follow_ups(self, actor: Actor) -> follow_up_rows.FollowUps:
        """The asking person's own cycles' follow-ups (an overdue one they should know of)."""
        if actor.person_id is None:
            raise Forbidden()
        return follow_up_rows.list_follow_ups(
            self.database, self.app.today(), employee_id=str(actor.person_id)
        )

    # -- HR's reports and audit -------------------------------------------------

    def training_needs(self, actor: Actor, group_by: str = "skill") -> TrainingNeedsReport:
        """Counts only, never names, as of the end of the last closed month (by the app's
        clock); no number rests on fewer people than the configured group size."""
        if not actor.is_hr:
            raise Forbidden()
        return needs.get_training_needs(
            self.database,
            group_by=group_by,
            min_group_size=self.app.settings.min_group_size,
            today=self.app.today(),
            same_skill=self.app.merged_backlog_wordings(),
        )

    def audit(self, actor: Actor, **filters: Any) -> NamedPage:
        """The audit trail (filters: employee_id, cycle_id, kinds, since, …): HR only."""
        _require_hr(actor)
        page = audit_trail.list_audit(self.database, self.log, **filters)
        return NamedPage(Names(self.database).named(page.rows), page.next_after)

    def audit_count(self, actor: Actor, **filters: Any) -> int:
        _require_hr(actor)
        count: int = audit_trail.count_audit(self.database, **filters)
        return count

    def events(
        self, actor: Actor, *, after: int = 0, limit: int = 100, kinds: Collection[Kind] = ()
    ) -> NamedPage:
        """The change feed: events after a position in the log, those the actor may read."""
        scope = feed_scope(actor, self.database)
        page = list_feed(self.database, self.log, scope, after=after, limit=limit, kinds=kinds)
        return NamedPage(Names(self.database).named(page.rows), page.next_after)

    def plan_as_of(self, actor: Actor, cycle_id: Any, at: datetime) -> PlanAsOf | None:
        """The POP of a cycle as it stood at a moment, with the approvals by then: HR only."""
        _require_hr(actor)
        return get_plan_as_of(self.database, self.log, str(as_uuid(cycle_id)), at)

    # -- who is who ------------------------------------------------------------

    # -- webhooks (service/webhook_queries.py) -----------------------------------

    def webhooks(self, actor: Actor) -> list[WebhookRow]:
        webhook_queries.require_administrator(actor)
        return webhook_queries.webhooks(self.database)

    def webhook_deliveries(
        self, actor: Actor, webhook_id: Any, *, first: int = 20, before: int | None = None
    ) -> DeliveryPage:
        """An endpoint's deliveries, newest first, of events before position `before`."""
        webhook_queries.require_administrator(actor)
        return webhook_queries.deliveries(self.database, webhook_id, first=first, before=before)

    def _party(self, actor: Actor, doc: CycleDoc) -> Party | None:
        """The actor's party in a cycle as it is now: the employee, or the manager party of
        an open cycle, or of an ended one while they still manage the employee."""
        party = party_of(actor, doc["employee_id"], doc.get("manager_id"))
        if party is Party.MANAGER and doc.get("stage") in ENDED:
            still = self.app.manager_of(UUID(doc["employee_id"])) == actor.person_id
            return party if still else None
        return party

    def _reads_as_manager_or_hr(self, actor: Actor, doc: CycleDoc) -> bool:
        """HR audits every cycle; the employee's current manager reads all their cycles."""
        if actor.may_read_cycles_as_hr:
            return True
        employee = UUID(doc["employee_id"])
        return actor.person_id is not None and self.app.manager_of(employee) == actor.person_id

    def _is_teammate(self, actor: Actor, employee: UUID) -> bool:
        """A colleague in the same team, or someone who reports to the employee: a manager
        shows their own board to the team they lead (seed 000: "zelf het goede voorbeeld")."""
        me, other = self._person(actor.person_id), self._person(employee)
        if me is None or other is None or me.id == other.id:
            return False
        return me.team == other.team or me.manager_id == other.id


def _leads(actor: Actor, board: boards.Board) -> bool:
    """The manager party (a coach, say) of an open cycle sees its board."""
    party = party_of(actor, board["employee_id"], board["manager_id"])
    return party is Party.MANAGER and board["status"] == BoardStatus.ACTIVE


def _without_others_drafts(doc: CycleDoc, party: str | None) -> CycleDoc:
    shown = doc.copy()
    shown["drafts"] = {p: d for p, d in doc["drafts"].items() if p == party}
    return shown


@dataclass(frozen=True, slots=True)
class NamedPage:
    """One page of the audit trail, each row with who did it and whom it concerns."""

    rows: list[Named[AuditRow]]
    next_after: int | None  # where the next page starts; None on the last page


def _require_hr(actor: Actor) -> None:
    """HR's own reading of people's cycles: never a reports-only token."""
    if not actor.may_read_cycles_as_hr:
        raise Forbidden()


def _events_table(app: Groeispurt) -> str:
    """The name of the library's events table (SQLite's and PostgreSQL's recorders have one)."""
    table = getattr(app.recorder, "events_table_name", None)
    if not isinstance(table, str):
        raise TypeError(f"{type(app.recorder).__name__} keeps its events in no table we can read")
    return table
