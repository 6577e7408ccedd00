"""One employee's growth cycles as a timeline: what happened in each cycle, in order.

Built from the cycle detail documents (`cycle_fold.CycleDoc`), which already
hold every part a timeline shows: the preparations submitted, the session
and its cards, the cards chosen for the board, every POP version and every
approval, the handovers, the follow-up with its retrospective, and how a
cycle ended. Drafts are never part of it: they are private to their author.

A cycle's moments are ordered by when they were recorded, the order they
happened in; each also names the day it is about (a session is recorded on
the day it is written down, but was held on its own day). Nothing here
touches the database except `get_timeline`, which reads the documents.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, replace
from datetime import datetime
from enum import StrEnum

from projections import cycle_detail
from projections.cycle_fold import CycleDoc, Handover, Retrospective
from projections.database import Database


class MomentKind(StrEnum):
    OPENED = "opened"
    PREPARED = "prepared"
    SESSION_HELD = "session_held"
    CARDS_CHOSEN = "cards_chosen"
    PLAN_VERSION = "plan_version"
    PLAN_APPROVED = "plan_approved"
    PLAN_AGREED = "plan_agreed"
    HANDED_OVER = "handed_over"
    FOLLOW_UP_PLANNED = "follow_up_planned"
    RETROSPECTIVE = "retrospective"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Moment:
    kind: MomentKind
    at: str  # when it was recorded (ISO, UTC): the moments' order
    day: str  # the day it is about: a session's or a retrospective's own day, else `at`
    _: KW_ONLY
    party: str | None = None  # who prepared or approved
    person_id: str | None = None  # that party's person then (a handover changes the manager)
    version: int | None = None  # the POP version (or the preparation's) it concerns
    handover: Handover | None = None
    gap_days: int = 0  # whole days since the moment before it in the cycle


@dataclass(frozen=True, slots=True)
class CycleLine:
    number: int  # the employee's first cycle is 1
    cycle: CycleDoc
    moments: list[Moment]
    gap_days: int  # whole days between the cycle before it and this one's opening; 0 for the first


@dataclass(frozen=True, slots=True)
class Timeline:
    employee_id: str
    cycles: list[CycleLine]  # oldest first


@dataclass(frozen=True, slots=True)
class EarlierRetrospective:
    """The retrospective of the latest cycle before a cycle that has one."""

    cycle_id: str
    opened_at: str
    retrospective: Retrospective


def get_timeline(database: Database, employee_id: str) -> Timeline:
    return timeline_of(employee_id, cycle_detail.list_cycles(database, employee_id=employee_id))


def timeline_of(employee_id: str, docs: list[CycleDoc]) -> Timeline:
    lines: list[CycleLine] = []
    last: str | None = None
    for number, stored in enumerate(sorted(docs, key=_opening), start=1):
        doc = stored.copy()
        doc["drafts"] = {}  # private to their author, even the author's own: not a moment
        moments = moments_of(doc)
        gap = _days_between(last, doc["opened_at"]) if last is not None else 0
        lines.append(CycleLine(number=number, cycle=doc, moments=moments, gap_days=gap))
        last = moments[-1].at
    return Timeline(employee_id=employee_id, cycles=lines)


def moments_of(doc: CycleDoc) -> list[Moment]:
    """A cycle's moments, in the order they were recorded."""
    found = [Moment(MomentKind.OPENED, doc["opened_at"], doc["opened_at"])]
    for party, versions in doc["preparations"].items():
        found += [
            Moment(
                MomentKind.PREPARED,
                p["submitted_at"],
                p["submitted_at"],
                party=party,
                version=p["version"],
            )
            for p in versions
        ]
    session = doc["session"]
    if session is not None:
        found.append(Moment(MomentKind.SESSION_HELD, session["recorded_at"], session["held_on"]))
    board = doc["board"]
    if board is not None:
        found.append(Moment(MomentKind.CARDS_CHOSEN, board["selected_at"], board["selected_at"]))
    for v in doc["plan_versions"]:
        found.append(
            Moment(MomentKind.PLAN_VERSION, v["written_at"], v["written_at"], version=v["version"])
        )
    for a in doc["approval_history"]:
        found.append(
            Moment(
                MomentKind.PLAN_APPROVED, a["at"], a["at"], party=a["party"], version=a["version"]
            )
        )
    agreed_at, agreed = doc["approved_at"], doc["approved_version"]
    if agreed_at is not None and agreed is not None:
        found.append(Moment(MomentKind.PLAN_AGREED, agreed_at, agreed_at, version=agreed))
    for h in doc["handovers"]:
        found.append(Moment(MomentKind.HANDED_OVER, h["at"], h["at"], handover=h))
    follow_up = doc["follow_up"]
    if follow_up is not None:
        planned = follow_up["scheduled_at"]
        found.append(Moment(MomentKind.FOLLOW_UP_PLANNED, planned, planned))
        done = follow_up["completed"]
        if done is not None:
            found.append(Moment(MomentKind.RETROSPECTIVE, done["recorded_at"], done["held_on"]))
    closed_at = doc["closed_at"]
    if closed_at is not None:
        found.append(Moment(MomentKind.CLOSED, closed_at, closed_at))
    # A stable sort: moments recorded at the same instant keep the cycle's own order.
    found.sort(key=lambda m: m.at)
    return [
        replace(
            m,
            person_id=person_of_party(doc, m.party, m.at),
            gap_days=_days_between(found[i - 1].at, m.at) if i else 0,
        )
        for i, m in enumerate(found)
    ]


def person_of_party(doc: CycleDoc, party: str | None, at: str) -> str | None:
    """Who a party of the cycle was at a moment: the manager party changes at a handover."""
    if party == "employee":
        return doc["employee_id"]
    if party != "manager":
        return None
    for handover in doc["handovers"]:
        if handover["at"] > at:
            return handover["from_manager_id"]
    return doc["manager_id"]


def last_retrospective(docs: list[CycleDoc], cycle: CycleDoc) -> EarlierRetrospective | None:
    """The newest retrospective of the employee's cycles opened before `cycle`."""
    earlier = [d for d in docs if _opening(d) < _opening(cycle)]
    for doc in sorted(earlier, key=_opening, reverse=True):
        follow_up = doc["follow_up"]
        if follow_up is not None and follow_up["completed"] is not None:
            return EarlierRetrospective(doc["cycle_id"], doc["opened_at"], follow_up["completed"])
    return None


def _opening(doc: CycleDoc) -> tuple[str, str]:
    return doc["opened_at"], doc["cycle_id"]


def _days_between(earlier: str, later: str) -> int:
    return max(0, (_moment(later) - _moment(earlier)).days)


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)
