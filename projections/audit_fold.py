"""The audit trail's rows, and how events fold into them: one row per event, in log order.

A row says where the event is in the log (its notification id), when,
which aggregate and version, whose cycle or record it concerns and which
kind of event it is (see `projections.audit`). Whom an
event concerns is said by the event itself (a cycle opened for an employee,
a person's own events, an event naming a `person_id`) or, for the rest, by
its aggregate's subject, recorded when the aggregate began. The fold is
pure: it is handed the stored subjects of the aggregates the batch needs,
and gives back the rows and the new subjects to write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass

from domain.employee_cycles import EmployeeCycles
from domain.growth_cycle import GrowthCycle
from projections.read_model import Batch, Event, event_names

Subject = tuple[str | None, str | None]  # (employee_id, cycle_id)
# seq, aggregate_id, version, at, aggregate, kind, employee_id, cycle_id: a plain
# tuple, as the table takes it, for every event of a rebuild.
TrailRow = tuple[int, str, int, str, str, str, str | None, str | None]


@dataclass
class TrailChanges:
    rows: list[TrailRow] = field(default_factory=list)
    subjects: list[tuple[str, str | None, str | None]] = field(default_factory=list)


# How an event says whom it concerns, given the event and its aggregate's id as text.
OwnSubject = Callable[[Event, str], Subject | None]


def _opened(event: Event, key: str) -> Subject | None:
    assert isinstance(event, GrowthCycle.Opened)
    return str(event.employee_id), key


def _started(event: Event, key: str) -> Subject | None:
    assert isinstance(event, EmployeeCycles.Started)
    return str(event.employee_id), None


def _persons_own(event: Event, key: str) -> Subject | None:
    return key, None


def _naming_a_person(event: Event, key: str) -> Subject | None:
    person = getattr(event, "person_id", None)
    return (str(person), None) if person is not None else None


def _looked_up(event: Event, key: str) -> Subject | None:
    return None


def own_subject_of(kind: type) -> OwnSubject:
    """How events of this class say whom they concern (worked out once per class)."""
    found = _OWN.get(kind)
    if found is None:
        if kind is GrowthCycle.Opened:
            found = _opened
        elif kind is EmployeeCycles.Started:
            found = _started
        elif event_names(kind)[0] == "Person":
            found = _persons_own
        elif not is_dataclass(kind) or "person_id" in {f.name for f in fields(kind)}:
            found = _naming_a_person
        else:
            found = _looked_up
        _OWN[kind] = found
    return found


_OWN: dict[type, OwnSubject] = {}
# Aggregates whose first event names the subject of all their later ones.
_BEGINNINGS = (GrowthCycle.Opened, EmployeeCycles.Started)


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    """The aggregates whose subject a batch looks up."""
    return {key for event, key, _ in batch if own_subject_of(type(event))(event, key) is None}


def fold(subjects: dict[str, Subject], batch: Batch) -> TrailChanges:
    """Rows for events in log order, each numbered by its notification id (its position
    in the log); `subjects`: the stored ones the batch looks up (those that began in the
    batch are added)."""
    changes = TrailChanges()
    for seq, (event, key, at) in zip(batch.ids, batch, strict=True):
        kind = type(event)
        aggregate, name = event_names(kind)
        subject = own_subject_of(kind)(event, key)
        if subject is None:
            subject = subjects.get(key)
        elif isinstance(event, _BEGINNINGS):
            subjects[key] = subject
            changes.subjects.append((key, *subject))
        employee_id, cycle_id = subject or (None, None)
        if isinstance(event, EmployeeCycles.CycleAdded):
            cycle_id = str(event.cycle_id)
        row = (seq, key, event.originator_version, at, aggregate, name, employee_id, cycle_id)
        changes.rows.append(row)
    return changes
