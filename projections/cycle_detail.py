"""The cycle detail read model: one document per cycle with everything a page shows.

Preparations per party with their versions, the latest draft per party
(marked as a draft: the access layer shows it only to its author), the
session and its candidate cards, the board, every POP version with what it
changed, the approvals, the follow-up and how the cycle ended. The stage
follows the same rules as `GrowthCycle.stage`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.growth_cycle import GrowthCycle
from domain.plan import Plan, describe_changes
from domain.vocabulary import Stage
from projections.database import Cursor, Database
from projections.read_model import Batch, Documents, ReadModel, Rows, document_table, parse_json

TABLE = "rm_cycles"
MANAGERS = "rm_cycle_managers"

Doc = dict[str, Any]


class CycleDetailReadModel(ReadModel):
    name = "cycle_detail"
    tables = (TABLE, MANAGERS)
    schema = (
        *document_table(TABLE),
        f"CREATE TABLE IF NOT EXISTS {MANAGERS} ("
        "cycle_id TEXT PRIMARY KEY, manager_id TEXT NOT NULL, sort_key TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {MANAGERS}_manager ON {MANAGERS} (manager_id, sort_key)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        docs = Documents(cursor, TABLE)
        managers = Rows(cursor, MANAGERS, ("cycle_id", "manager_id", "sort_key"))
        for event, key, at in batch:
            kind = type(event)
            if kind is GrowthCycle.Opened:
                doc = _opened(event, key, at)
                docs.put(doc["cycle_id"], doc, owner=doc["employee_id"], sort_key=doc["opened_at"])
                managers.put(
                    doc["cycle_id"],
                    {
                        "cycle_id": doc["cycle_id"],
                        "manager_id": doc["manager_id"],
                        "sort_key": doc["opened_at"],
                    },
                )
                continue
            handler = _HANDLERS.get(kind)
            if handler is None:
                continue  # an event of another aggregate
            found = docs.get(key)
            if found is None:
                continue
            handler(found, event, at)
            if kind is GrowthCycle.ManagerHandedOver:
                managers.put(
                    key,
                    {
                        "cycle_id": key,
                        "manager_id": found["manager_id"] or "",
                        "sort_key": found["opened_at"],
                    },
                )
            found["version"] = event.originator_version
            found["updated_at"] = at
            if kind not in _SAME_STAGE:
                found["stage"] = stage_of(found)
            docs.touch(key)
        docs.flush()
        managers.flush()


def stage_of(doc: Doc) -> str:
    """`GrowthCycle.stage`, from the document."""
    if doc["closed"]:
        return Stage.CLOSED.value
    follow_up = doc["follow_up"]
    if follow_up is not None and follow_up["completed"] is not None:
        return Stage.COMPLETED.value
    if follow_up is not None:
        return Stage.FOLLOW_UP_SCHEDULED.value
    approved = doc["approved_version"]
    if approved is not None and approved == len(doc["plan_versions"]):
        return Stage.PLAN_AGREED.value
    if doc["board"] is not None:
        return Stage.ON_BOARD.value
    if doc["session"] is not None:
        return Stage.SESSION_HELD.value
    return Stage.PREPARING.value


def _opened(event: Any, key: str, at: str) -> Doc:
    previous = event.previous_cycle_id
    return {
        "cycle_id": key,
        "employee_id": str(event.employee_id),
        "manager_id": str(event.manager_id),
        "planned_session_on": event.planned_session_on.isoformat(),
        "previous_cycle_id": str(previous) if previous is not None else None,
        "opened_at": at,
        "updated_at": at,
        "stage": Stage.PREPARING.value,
        "version": event.originator_version,
        "preparations": {"employee": [], "manager": []},
        "drafts": {},
        "session": None,
        "board": None,
        "plan_versions": [],
        "approvals": {},
        "approval_history": [],
        "approved_version": None,
        "approved_at": None,
        "follow_up": None,
        "closed": False,
        "closed_reason": None,
        "closed_at": None,
    }


def _handed_over(doc: Doc, event: Any, at: str) -> None:
    """The new manager leads from now; what no longer counts goes (see `domain.handover`)."""
    new = event.to_manager_id
    doc["manager_id"] = str(new) if new is not None else None
    doc.setdefault("handovers", []).append(
        {
            "from_manager_id": str(event.from_manager_id) if event.from_manager_id else None,
            "to_manager_id": doc["manager_id"],
            "at": at,
            "approval_withdrawn": event.approval_withdrawn,
        }
    )
    if event.approval_withdrawn is not None:
        doc["approvals"].pop("manager", None)
    if event.draft_dropped:
        doc["drafts"].pop("manager", None)


def _draft_saved(doc: Doc, event: Any, at: str) -> None:
    doc["drafts"][event.party] = {
        "party": event.party,
        "draft": True,
        "saved_at": at,
        "preparation": event.preparation,
    }


def _submitted(doc: Doc, event: Any, at: str) -> None:
    doc["preparations"][event.party].append(
        {
            "party": event.party,
            "version": event.version,
            "submitted_at": at,
            "preparation": event.preparation,
        }
    )
    doc["drafts"].pop(event.party, None)


def _session_held(doc: Doc, event: Any, at: str) -> None:
    doc["session"] = {
        "held_on": event.held_on.isoformat(),
        "notes": event.notes,
        "cards": event.cards,
        "recorded_at": at,
    }


def _cards_selected(doc: Doc, event: Any, at: str) -> None:
    doc["board"] = {
        "card_ids": list(event.card_ids),
        "selected_at": at,
        "columns": {"todo": list(event.card_ids), "doing": [], "done": []},
        "moves": 0,
        "visible_to_team": [],
    }


def _card_moved(doc: Doc, event: Any, at: str) -> None:
    board = doc["board"]
    columns = board["columns"]
    columns[event.from_column].remove(event.card_id)
    columns[event.to_column].insert(event.position, event.card_id)
    board["moves"] += 1


def _card_visibility(doc: Doc, event: Any, at: str) -> None:
    visible = doc["board"]["visible_to_team"]
    if event.visible and event.card_id not in visible:
        visible.append(event.card_id)
    elif not event.visible and event.card_id in visible:
        visible.remove(event.card_id)


def _plan_written(doc: Doc, event: Any, at: str) -> None:
    versions = doc["plan_versions"]
    previous: Plan | None = versions[-1]["plan"] if versions else None
    versions.append(
        {
            "version": event.version,
            "plan": event.plan,
            "written_at": at,
            "changes": describe_changes(previous, event.plan) if previous is not None else [],
        }
    )
    doc["approvals"] = {}


def _approved(doc: Doc, event: Any, at: str) -> None:
    approval = {"party": event.party, "version": event.version, "at": at}
    doc["approvals"][event.party] = {"version": event.version, "at": at}
    doc["approval_history"].append(approval)


def _approved_by_both(doc: Doc, event: Any, at: str) -> None:
    doc["approved_version"] = event.version
    doc["approved_at"] = at


def _follow_up_scheduled(doc: Doc, event: Any, at: str) -> None:
    doc["follow_up"] = {
        "due_on": event.due_on.isoformat(),
        "scheduled_at": at,
        "completed": None,
    }


def _follow_up_completed(doc: Doc, event: Any, at: str) -> None:
    show = event.show_and_tell_on
    doc["follow_up"]["completed"] = {
        "held_on": event.held_on.isoformat(),
        "went_well": event.went_well,
        "could_be_better": event.could_be_better,
        "show_and_tell_on": show.isoformat() if show is not None else None,
        "recorded_at": at,
    }


def _closed(doc: Doc, event: Any, at: str) -> None:
    doc["closed"] = True
    doc["closed_reason"] = event.reason
    doc["closed_at"] = at


_HANDLERS: dict[type, Callable[[Doc, Any, str], None]] = {
    GrowthCycle.ManagerHandedOver: _handed_over,
    GrowthCycle.PreparationDraftSaved: _draft_saved,
    GrowthCycle.PreparationSubmitted: _submitted,
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


# Events that never move a cycle to another stage: no need to work it out again.
_SAME_STAGE = frozenset(
    {
        GrowthCycle.CardMoved,
        GrowthCycle.CardVisibilityChanged,
        GrowthCycle.PreparationDraftSaved,
        GrowthCycle.PreparationSubmitted,
        GrowthCycle.ManagerHandedOver,
    }
)


# -- queries -------------------------------------------------------------------


def get_cycle(database: Database, cycle_id: str) -> Doc | None:
    """The whole document of one cycle, drafts included: the caller decides who sees them."""
    rows = database.query(f"SELECT doc FROM {TABLE} WHERE key = ?", (str(cycle_id),))
    return parse_json(rows[0]["doc"]) if rows else None


def list_cycles(
    database: Database, employee_id: str | None = None, manager_id: str | None = None
) -> list[Doc]:
    """Cycles of an employee, of a manager, or (neither given) all; newest first."""
    where: list[str] = []
    params: list[Any] = []
    if employee_id is not None:
        where.append("c.owner = ?")
        params.append(str(employee_id))
    if manager_id is not None:
        where.append("m.manager_id = ?")
        params.append(str(manager_id))
    sql = f"SELECT c.doc FROM {TABLE} c"
    if manager_id is not None:
        sql += f" JOIN {MANAGERS} m ON m.cycle_id = c.key"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.sort_key DESC, c.key"
    return [parse_json(row["doc"]) for row in database.query(sql, params)]
