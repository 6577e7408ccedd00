"""Offboarding: HR deactivates a person who leaves (the event side; `service.offboarding`
ends their sessions and tokens).

The person's events and everything they did stay in the log, readable in
the history and the audit trail. Their own open cycle is closed in the same
save, with the reason given: nobody can act in it any more (they cannot sign
in), and left open it would show as waiting or overdue to their manager and
HR for good. The cycles they lead as someone's manager stay as they are:
HR gives those reports another manager, which hands each open cycle over
(`change_manager`), and nobody can be made the manager or coach of a
deactivated person any more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.errors import NotAllowedNow
from service.actor import Actor
from service.error_texts import DEACTIVATE_ONESELF, PERSON_AND_CYCLE_CHANGED
from service.errors import Changed, Forbidden
from service.permissions import may_manage_organisation
from service.use_case_host import UseCaseHost

if TYPE_CHECKING:
    from domain.employee_cycles import EmployeeCycles
    from domain.growth_cycle import GrowthCycle
    from domain.person import Person
    from service.idempotency import Claim


class DeactivationUseCases(UseCaseHost):
    if TYPE_CHECKING:

        def get_person(self, person_id: Any) -> Person: ...
        def _employee_cycles(self, employee_id: UUID) -> EmployeeCycles: ...
        def _load_cycle(self, cycle_id: UUID) -> GrowthCycle: ...

    def deactivate_person(
        self,
        actor: Actor,
        person_id: UUID,
        *,
        left_on: Any,
        reason: Any = "",
        idempotency: Claim | None = None,
    ) -> None:
        if not may_manage_organisation(actor):
            raise Forbidden()
        if actor.person_id == person_id:
            raise NotAllowedNow(DEACTIVATE_ONESELF)
        person = self.get_person(person_id)
        person.deactivate(left_on=left_on, reason=reason)
        changed: list[Any] = [person]
        latest = self._employee_cycles(person.id).latest
        if latest is not None:
            cycle = self._load_cycle(latest)
            if cycle.is_active:
                cycle.close(reason)
                changed.append(cycle)
        self.save_changes(
            *changed,
            by=actor,
            idempotency=idempotency,
            what=Changed(PERSON_AND_CYCLE_CHANGED, {"person_id": str(person_id)}),
        )
