"""The kinds of event an integrator may subscribe a webhook to, by name.

A kind is named `Aggregate.Event` (`GrowthCycle.CardMoved`): an event's class
name alone is ambiguous (`Person.Registered`, `Backlog.Started`). The
indexes that keep e-mail addresses unique and list an employee's cycles are
bookkeeping, not facts an integrator acts on, and webhook endpoints' own
events are the administrators' configuration: neither is offered.
"""

from __future__ import annotations

from functools import cache

from eventsourcing.domain import DomainEvent

from domain.backlog import Backlog
from domain.employee_cycles import EmployeeCycles
from domain.external_ids import ExternalIdIndex
from domain.growth_cycle import GrowthCycle
from domain.inspiration_cards import InspirationDeck
from domain.person import EmailIndex, Person
from domain.question_set import QuestionSet

OFFERED = (GrowthCycle, Person, Backlog, QuestionSet, InspirationDeck)
# Every aggregate of the organisation's record: the change feed and the audit trail
# carry all of their events (webhook endpoints' configuration is not part of it).
RECORDED = (
    GrowthCycle,
    EmployeeCycles,
    Person,
    EmailIndex,
    ExternalIdIndex,
    Backlog,
    QuestionSet,
    InspirationDeck,
)


def kind_of(event_class: type) -> str:
    """`GrowthCycle.CardMoved` for the class GrowthCycle.CardMoved."""
    return event_class.__qualname__


@cache
def event_kinds() -> dict[str, type]:
    """Every kind a webhook may subscribe to, with its event class, in the aggregates' order."""
    return events_of(OFFERED)


def events_of(aggregates: tuple[type, ...]) -> dict[str, type]:
    """The event classes the aggregates define themselves (not the library's bases), by kind."""
    kinds: dict[str, type] = {}
    for aggregate in aggregates:
        for name, member in vars(aggregate).items():
            if (
                isinstance(member, type)
                and issubclass(member, DomainEvent)
                and member.__qualname__ == f"{aggregate.__name__}.{name}"
                and name not in ("Event", "Created")
            ):
                kinds[kind_of(member)] = member
    return kinds
