"""The POP of a cycle as it stood at a moment, folded from the audit trail's rows.

Its current version then, who had approved which version by then, and the
last version both had approved (the contract in force).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.plan import Plan
from projections.audit import AuditRow, EventLog, employee_of, select_with_changes
from projections.database import Database
from projections.read_model import utc_iso
from projections.storage import placeholders

PLAN_KINDS = ("PlanDrafted", "PlanRevised", "PlanApproved", "PlanApprovedByBoth")


@dataclass(frozen=True, slots=True)
class Approved:
    version: int
    at: str


@dataclass(frozen=True, slots=True)
class PlanAsOf:
    """A cycle's POP as it stood at a moment: its current version then, the approvals
    given of it by then, and the last version both had approved (still in force)."""

    cycle_id: str
    version: int
    plan: Plan  # as the event holds it (JSON), which `domain.plan` parsed
    written_at: str
    approvals: dict[str, Approved]
    approved_by_both: Approved | None


def get_plan_as_of(
    database: Database, log: EventLog, cycle_id: str, at: datetime
) -> PlanAsOf | None:
    """The POP as it stood at `at`; None when no POP had been written yet."""
    rows = select_with_changes(
        database,
        log,
        "a.employee_id = ? AND a.cycle_id = ? AND a.at <= ? "
        f"AND a.kind IN ({placeholders(len(PLAN_KINDS))}) ORDER BY a.seq",
        (employee_of(database, str(cycle_id)), str(cycle_id), utc_iso(at), *PLAN_KINDS),
    )
    return plan_as_of(str(cycle_id), rows)


def plan_as_of(cycle_id: str, rows: Sequence[AuditRow]) -> PlanAsOf | None:
    """Folds a cycle's POP rows, oldest first, into the POP as it stood after the last."""
    plan: PlanAsOf | None = None
    for row in rows:
        changes = row.changes
        if row.kind in ("PlanDrafted", "PlanRevised"):
            plan = PlanAsOf(
                cycle_id=cycle_id,
                version=changes["version"],
                plan=changes["plan"],
                written_at=row.at,
                approvals={},
                approved_by_both=plan.approved_by_both if plan else None,
            )
        elif plan is not None and row.kind == "PlanApproved":
            plan.approvals[changes["party"]] = Approved(changes["version"], row.at)
        elif plan is not None:
            plan = replace(plan, approved_by_both=Approved(changes["version"], row.at))
    return plan
