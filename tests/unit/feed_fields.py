"""The fields of each event kind's `changes`, as the change feed gives them (camelCase)."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from domain.attribution import ACTOR_FIELD
from domain.backlog import Backlog
from domain.employee_cycles import EmployeeCycles
from domain.growth_cycle import GrowthCycle
from domain.person import EmailIndex, Person
from projections.audit import ENVELOPE, PRIVATE_FIELDS, SECRET_WORDS
from service.graphql.event_kinds import EventKind
from service.graphql.feed_types import camel_keys

AGGREGATES = {a.__name__: a for a in (GrowthCycle, EmployeeCycles, Person, EmailIndex, Backlog)}


def change_fields(kind: EventKind) -> list[str]:
    aggregate, name = kind.pair
    event = getattr(AGGREGATES[aggregate], name)
    assert is_dataclass(event)
    private = PRIVATE_FIELDS.get(name, frozenset())
    names = [
        f.name
        for f in fields(event)
        if f.name not in ENVELOPE
        and f.name != ACTOR_FIELD
        and f.name not in private
        and not any(word in f.name.lower() for word in SECRET_WORDS)
    ]
    return list(camel_keys(dict.fromkeys(names)))
