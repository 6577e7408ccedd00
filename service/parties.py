"""Which party of a growth cycle someone is: its employee, its manager, or neither.

Use cases ask it of the cycle they loaded, read queries and pages of a cycle
document, where the ids are text; so it compares ids as text.
"""

from __future__ import annotations

from uuid import UUID

from domain.vocabulary import Party
from service.actor import Actor


def party_of(actor: Actor, employee_id: UUID | str, manager_id: UUID | str | None) -> Party | None:
    """The actor's party in the cycle of this employee and manager (the recorded
    manager party: after a handover the new manager, a coach for someone without one)."""
    if actor.person_id is None:
        return None
    me = str(actor.person_id)
    if me == str(employee_id):
        return Party.EMPLOYEE
    if manager_id is not None and me == str(manager_id):
        return Party.MANAGER
    return None
