"""Who may read which events of the change feed: the read queries' rules, applied to the log.

- HR, and an `audit` token: every event (a draft's content is never in it);
- a person, or a token acting for one: the events of their own record and
  cycles, of the people they manage now (every cycle of theirs, as the
  history shows them), of the open cycles they lead (a coach's), and of the
  company backlog, which everyone signed in reads; an administrator also
  every person's record, as the people list shows it to them. A saved
  draft is left out, whoever wrote it: a draft is shared with no one;
- a reports-only token: nothing (it reads the reports and the backlog only).

Access follows the relationship as it is now, like the read queries: after
a handover the former manager reads none of that cycle's events, earlier
ones included, and the new manager reads them all.
"""

from __future__ import annotations

from domain.vocabulary import Party, Stage
from projections import cycle_detail as cycle_details
from projections import people as people_rows
from projections.database import Database
from projections.event_feed import FeedScope
from service.actor import Actor
from service.errors import Forbidden
from service.parties import party_of

EVERYTHING = FeedScope(everything=True)
# Aggregates whose events concern no one in particular, and everyone may read.
SHARED = frozenset({"Backlog", "InspirationDeck"})
# A person's own record: their Person and the e-mail address they hold.
RECORDS = frozenset({"Person", "EmailIndex"})
DRAFTS = frozenset({("GrowthCycle", "PreparationDraftSaved")})
ENDED = frozenset({Stage.COMPLETED.value, Stage.CLOSED.value})


def feed_scope(actor: Actor, database: Database) -> FeedScope:
    """What of the feed this actor may read; Forbidden for a reports-only token or nobody."""
    if actor.may_read_cycles_as_hr:
        return EVERYTHING
    if actor.reads_reports_only or actor.person_id is None:
        raise Forbidden()
    me = str(actor.person_id)
    reports = {row["person_id"] for row in people_rows.list_reports(database, me)}
    led = {
        doc["cycle_id"]
        for doc in cycle_details.list_cycles(database, manager_id=me)
        if doc["stage"] not in ENDED
        and party_of(actor, doc["employee_id"], doc.get("manager_id")) is Party.MANAGER
    }
    return FeedScope(
        employees=frozenset({me, *reports}),
        cycles=frozenset(led),
        aggregates=SHARED | (RECORDS if actor.is_admin else frozenset()),
        hidden=DRAFTS,
    )
