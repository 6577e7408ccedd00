"""The retrospective history: per employee, one timeline across all their cycles.

Who prepared and when (which version), the session, the cards and every
move, each POP version and who approved which version when (a revision
says whose approval it reset), the follow-up and its retrospective, and the
changes of manager, team and function between cycles. Drafts are private
to their author and never appear here.

Rows: one per entry, in log order (`seq`), indexed by employee. A small
per-cycle state (employee, card titles, current approvals) lets an entry
name the card or the reset approvals without reading anything else.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from domain.growth_cycle import GrowthCycle
from domain.person import Person
from projections.database import Cursor, Database
from projections.read_model import (
    Documents,
    ReadModel,
    compact_json,
    document_table,
    key_of,
    utc_iso,
)

TABLE = "rm_history"
CYCLES = "rm_history_cycles"

State = dict[str, Any]
Summary = dict[str, Any]


class HistoryReadModel(ReadModel):
    name = "history"
    tables = (TABLE, CYCLES)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "seq BIGINT PRIMARY KEY, employee_id TEXT NOT NULL, cycle_id TEXT, at TEXT NOT NULL, "
        "kind TEXT NOT NULL, actor TEXT, summary TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_employee ON {TABLE} (employee_id, seq)",
        *document_table(CYCLES),
    )

    def apply(self, cursor: Cursor, events: Sequence[Any]) -> None:
        cycles = Documents(cursor, CYCLES)
        cursor.execute(f"SELECT MAX(seq) AS seq FROM {TABLE}")
        seq = int(cursor.fetchone()["seq"] or 0)
        rows: list[tuple[Any, ...]] = []
        for event in events:
            kind = type(event)
            if kind in _PERSON_EVENTS:
                entry_kind, summary = _PERSON_EVENTS[kind](event)
                seq += 1
                rows.append(
                    (
                        seq,
                        key_of(event.originator_id),
                        None,
                        utc_iso(event.timestamp),
                        entry_kind,
                        None,
                        compact_json(summary),
                    )
                )
                continue
            if kind is GrowthCycle.Opened:
                key = key_of(event.originator_id)
                cycles.put(key, _new_state(event), owner=str(event.employee_id))
                state: State | None = cycles.get(key)
            else:
                entry = _CYCLE_EVENTS.get(kind)
                if entry is None:
                    continue
                key = key_of(event.originator_id)
                state = cycles.get(key)
            if state is None:
                continue
            entry_kind, actor, summary, changed = _CYCLE_EVENTS[kind](state, event)
            if changed:
                cycles.touch(key)
            summary["version"] = event.originator_version
            seq += 1
            rows.append(
                (
                    seq,
                    state["employee_id"],
                    key,
                    utc_iso(event.timestamp),
                    entry_kind,
                    actor,
                    compact_json(summary),
                )
            )
        if rows:
            cursor.executemany(
                f"INSERT INTO {TABLE} (seq, employee_id, cycle_id, at, kind, actor, summary) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        cycles.flush()


def _new_state(event: Any) -> State:
    return {"employee_id": str(event.employee_id), "cards": {}, "approvals": {}}


# Each handler returns (kind, acting party or None, summary fields, state changed?).
Entry = tuple[str, str | None, Summary, bool]


def _opened(state: State, event: Any) -> Entry:
    previous = event.previous_cycle_id
    return (
        "cycle_opened",
        "manager",
        {
            "manager_id": str(event.manager_id),
            "planned_session_on": event.planned_session_on.isoformat(),
            "previous_cycle_id": str(previous) if previous is not None else None,
        },
        True,
    )


def _prepared(state: State, event: Any) -> Entry:
    summary = {"preparation_version": event.version}
    return "preparation_submitted", event.party, summary, False


def _session_held(state: State, event: Any) -> Entry:
    state["cards"] = {card["id"]: card["i_want_to"] for card in event.cards}
    cards = [{"id": c["id"], "kind": c["kind"], "title": c["i_want_to"]} for c in event.cards]
    summary = {"held_on": event.held_on.isoformat(), "notes": event.notes, "cards": cards}
    return "session_held", "manager", summary, True


def _cards_selected(state: State, event: Any) -> Entry:
    cards = [{"id": c, "title": state["cards"].get(c)} for c in event.card_ids]
    return "cards_selected", None, {"cards": cards}, False


def _card_moved(state: State, event: Any) -> Entry:
    summary = {
        "card_id": event.card_id,
        "title": state["cards"].get(event.card_id),
        "from_column": event.from_column,
        "to_column": event.to_column,
        "position": event.position,
    }
    return "card_moved", "employee", summary, False


def _card_visibility(state: State, event: Any) -> Entry:
    summary = {
        "card_id": event.card_id,
        "title": state["cards"].get(event.card_id),
        "visible_to_team": event.visible,
    }
    return "card_visibility_changed", "employee", summary, False


def _plan_written(state: State, event: Any) -> Entry:
    reset = sorted(state["approvals"].items())
    state["approvals"] = {}
    summary: Summary = {"plan_version": event.version}
    if type(event) is GrowthCycle.PlanRevised:
        # A revision asks both parties again: say whose approval it set aside.
        summary["approvals_reset"] = [{"party": p, "plan_version": v} for p, v in reset]
        return "plan_revised", "manager", summary, True
    return "plan_drafted", "manager", summary, True


def _approved(state: State, event: Any) -> Entry:
    state["approvals"][event.party] = event.version
    return "plan_approved", event.party, {"plan_version": event.version}, True


def _approved_by_both(state: State, event: Any) -> Entry:
    return "plan_approved_by_both", None, {"plan_version": event.version}, False


def _follow_up_scheduled(state: State, event: Any) -> Entry:
    return "follow_up_scheduled", "manager", {"due_on": event.due_on.isoformat()}, False


def _follow_up_completed(state: State, event: Any) -> Entry:
    show = event.show_and_tell_on
    summary = {
        "held_on": event.held_on.isoformat(),
        "went_well": event.went_well,
        "could_be_better": event.could_be_better,
        "show_and_tell_on": show.isoformat() if show is not None else None,
    }
    return "follow_up_completed", None, summary, False


def _closed(state: State, event: Any) -> Entry:
    return "cycle_closed", "manager", {"reason": event.reason}, False


_CYCLE_EVENTS: dict[type, Callable[[State, Any], Entry]] = {
    GrowthCycle.Opened: _opened,
    GrowthCycle.PreparationSubmitted: _prepared,
    GrowthCycle.SessionHeld: _session_held,
    GrowthCycle.CardsSelected: _cards_selected,
    GrowthCycle.CardMoved: _card_moved,
    GrowthCycle.CardVisibilityChanged: _card_visibility,
    GrowthCycle.PlanDrafted: _plan_written,
    GrowthCycle.PlanRevised: _plan_written,
    GrowthCycle.PlanApproved: _approved,
    GrowthCycle.PlanApprovedByBoth: _approved_by_both,
    GrowthCycle.FollowUpScheduled: _follow_up_scheduled,
    GrowthCycle.FollowUpCompleted: _follow_up_completed,
    GrowthCycle.Closed: _closed,
}

_PERSON_EVENTS: dict[type, Callable[[Any], tuple[str, Summary]]] = {
    Person.ManagerChanged: lambda e: (
        "manager_changed",
        {"manager_id": str(e.manager_id) if e.manager_id is not None else None},
    ),
    Person.TeamChanged: lambda e: ("team_changed", {"team": e.team}),
    Person.FunctionChanged: lambda e: ("function_changed", {"function": e.function}),
}


# -- queries -------------------------------------------------------------------


def get_history(database: Database, employee_id: str) -> list[dict[str, Any]]:
    """The employee's timeline, oldest first: each entry has at, cycle_id, kind, actor, fields."""
    rows = database.query(
        f"SELECT cycle_id, at, kind, actor, summary FROM {TABLE} "
        "WHERE employee_id = ? ORDER BY seq",
        (str(employee_id),),
    )
    return [
        {
            "at": row["at"],
            "cycle_id": row["cycle_id"],
            "kind": row["kind"],
            "actor": row["actor"],
            **json.loads(row["summary"]),
        }
        for row in rows
    ]
