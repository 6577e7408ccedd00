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
from domain.growth_cycle import GrowthCycle
from domain.person import Person

OFFERED = (GrowthCycle, Person, Backlog)


def kind_of(event_class: type) -> str:
    """`GrowthCycle.CardMoved` for the class GrowthCycle.CardMoved."""
    return event_class.__qualname__


@cache
def event_kinds() -> dict[str, type]:
    """Every kind a webhook may subscribe to, with its event class, in the aggregates' order."""
    kinds: dict[str, type] = {}
    for aggregate in OFFERED:
        for name, member in vars(aggregate).items():
            if (
                isinstance(member, type)
                and issubclass(member, DomainEvent)
                and member.__qualname__ == f"{aggregate.__name__}.{name}"
            ):
                kinds[kind_of(member)] = member
    return kinds
