"""Reads of an employee's cycles over time, with their access rule (see `service.read_queries`).

The timeline across cycles and the last retrospective before a cycle are
read by the people who read the employee's history: the employee, their
manager as it is now, HR (and audit tokens). Not a coach leading one open
cycle, and not a former manager after a handover: they read that one cycle
or nothing, never the cycles before it.

Part of `ReadQueries`, which pages and the API share.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from projections import cycle_detail as cycle_details
from projections import cycle_timeline as timelines
from projections.cycle_timeline import EarlierRetrospective, Timeline
from projections.database import Database
from service.actor import Actor
from service.application import Groeispurt
from service.errors import Forbidden
from service.ids import as_uuid


class TimelineReads:
    app: Groeispurt
    database: Database

    def may_read_history(self, actor: Actor, employee_id: Any) -> bool:
        """Whether `history` and `timeline` would show this employee to the actor: pages
        ask before they link to a timeline."""
        return self._is_self_manager_or_hr(actor, as_uuid(employee_id))

    def timeline(self, actor: Actor, employee_id: Any) -> Timeline:
        """Every cycle of the employee, oldest first, each with its moments in order."""
        employee = as_uuid(employee_id)
        if not self._is_self_manager_or_hr(actor, employee):
            raise Forbidden()
        return timelines.get_timeline(self.database, str(employee))

    def last_retrospective(self, actor: Actor, cycle_id: Any) -> EarlierRetrospective | None:
        """What the employee and their manager said at the last follow-up before this
        cycle ("last time: went well, could be better"); None when there was none."""
        doc = cycle_details.get_cycle(self.database, str(as_uuid(cycle_id)))
        if doc is None:
            if actor.may_read_cycles_as_hr:
                return None
            raise Forbidden()
        employee = doc["employee_id"]
        if not self._is_self_manager_or_hr(actor, UUID(employee)):
            raise Forbidden()
        docs = cycle_details.list_cycles(self.database, employee_id=employee)
        return timelines.last_retrospective(docs, doc)

    def _is_self_manager_or_hr(self, actor: Actor, employee: UUID) -> bool:
        """The history's readers: HR, the employee, and their manager as it is now."""
        if actor.may_read_cycles_as_hr or (
            actor.person_id is not None and actor.person_id == employee
        ):
            return True
        return actor.person_id is not None and self.app.manager_of(employee) == actor.person_id
