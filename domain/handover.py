"""What a change of manager means for a cycle that is still open.

When HR gives an employee another manager (or, at the top of the
organisation, a coach), the open cycle is handed over: from that moment
the new manager is the cycle's manager party, and the former manager can
no longer see or act in it. What the former manager did stays history,
with two exceptions that protect the employee:

- an approval of a POP version that was not yet approved by both no longer
  counts: the new manager approves it (or revises it) themselves; a POP
  approved by both before the handover stays agreed;
- the former manager's preparation *draft* is dropped: it was theirs alone
  and never shared. A preparation they submitted stays part of the cycle
  (it was shared with the employee); while the cycle is still in
  preparation, the new manager submits their own version, which then counts.

A session the former manager held, and the cards chosen there, stay as
they are: they were agreed with the employee.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.error_texts import EMPLOYEE_LEADS_OWN_CYCLE
from domain.errors import InvalidInput
from domain.vocabulary import Party

if TYPE_CHECKING:
    from domain.cycle_state import CycleState


def handover_of(cycle: CycleState, to_manager_id: UUID | None) -> dict[str, Any] | None:
    """The fields of the handover event, or None when nothing changes hands."""
    if not cycle.is_active or to_manager_id == cycle.manager_id:
        return None
    if to_manager_id == cycle.employee_id:
        raise InvalidInput(EMPLOYEE_LEADS_OWN_CYCLE, "manager_id")
    approval = cycle.approvals.get(Party.MANAGER.value)
    withdrawn = approval if approval is not None and approval != cycle.approved_version else None
    return {
        "from_manager_id": cycle.manager_id,
        "to_manager_id": to_manager_id,
        "approval_withdrawn": withdrawn,
        "draft_dropped": Party.MANAGER.value in cycle.drafts,
    }
