"""The feed's EventKind enum names every event class of the domain, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from eventsourcing.domain import Aggregate

from domain.backlog import Backlog
from domain.employee_cycles import EmployeeCycles
from domain.growth_cycle import GrowthCycle
from domain.person import EmailIndex, Person
from service.graphql.event_kinds import EventKind
from service.graphql.feed_types import camel_keys, decode_event_cursor, encode_event_cursor
from tests.unit.feed_fields import change_fields


def test_every_event_class_of_the_domain_has_one_kind() -> None:
    classes = {
        f"{aggregate.__name__}.{name}"
        for aggregate in (GrowthCycle, EmployeeCycles, Person, EmailIndex, Backlog)
        for name, member in vars(aggregate).items()
        if isinstance(member, type)
        and issubclass(member, Aggregate.Event)
        # The library's own bases, which it gives each aggregate: never recorded themselves.
        and name not in ("Event", "Created")
    }
    assert {kind.value for kind in EventKind} == classes


def test_a_kind_is_its_aggregate_and_event_as_the_trail_names_them() -> None:
    assert EventKind.GROWTH_CYCLE_CARD_MOVED.pair == ("GrowthCycle", "CardMoved")
    assert EventKind.of("Backlog", "Started") is EventKind.BACKLOG_STARTED


def test_changes_are_camel_case_at_every_depth_and_cursors_round_trip() -> None:
    assert camel_keys({"from_column": 1, "cards": [{"i_want_to": "x"}]}) == {
        "fromColumn": 1,
        "cards": [{"iWantTo": "x"}],
    }
    assert decode_event_cursor(encode_event_cursor(2**63 - 1)) == 2**63 - 1


def test_the_integrators_guide_lists_the_fields_of_every_kinds_changes() -> None:
    guide = (Path(__file__).parents[2] / "docs" / "integrators.md").read_text(encoding="utf-8")
    guide = guide.split("**`changes` per kind**", 1)[1].split("\n## ", 1)[0]
    listed = {
        found.group(1): re.findall(r"`(\w+)`", found.group(2))
        for found in re.finditer(r"^\| `([A-Z_]+)` \| (.*) \|$", guide, re.MULTILINE)
    }
    assert listed == {kind.name: change_fields(kind) for kind in EventKind}
