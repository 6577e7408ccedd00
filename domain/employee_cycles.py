"""The list of one employee's cycles, in order: an index aggregate.

Saving it together with a newly opened cycle makes "one active cycle per
employee" hold even when two managers open a cycle at the same moment: the
second save clashes on this index's version and is refused.
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate


class EmployeeCycles(Aggregate):
    class Started(Aggregate.Created):
        employee_id: UUID

    class CycleAdded(Aggregate.Event):
        cycle_id: UUID

        def apply(self, index: EmployeeCycles) -> None:
            index.cycle_ids.append(self.cycle_id)

    @staticmethod
    def id_for(employee_id: UUID) -> UUID:
        return uuid5(NAMESPACE_URL, f"groeispurt:employee-cycles:{employee_id}")

    @classmethod
    def start(cls, employee_id: UUID) -> EmployeeCycles:
        return cls._create(cls.Started, id=cls.id_for(employee_id), employee_id=employee_id)

    def __init__(self, employee_id: UUID) -> None:
        self.employee_id = employee_id
        self.cycle_ids: list[UUID] = []

    @property
    def latest(self) -> UUID | None:
        return self.cycle_ids[-1] if self.cycle_ids else None

    def add(self, cycle_id: UUID) -> None:
        self.trigger_event(self.CycleAdded, cycle_id=cycle_id)
