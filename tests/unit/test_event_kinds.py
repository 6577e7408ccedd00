"""The feed's EventKind enum names every event class of the domain, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from domain.event_kinds import RECORDED, events_of
from service.graphql.event_kinds import EventKind
from service.graphql.pagination import decode_cursor, encode_cursor


def test_every_event_class_of_the_domain_has_one_kind() -> None:
    assert {kind.value for kind in EventKind} == set(events_of(RECORDED))


def test_a_kind_is_its_aggregate_and_event_as_the_trail_names_them() -> None:
    assert EventKind.GROWTH_CYCLE_CARD_MOVED.pair == ("GrowthCycle", "CardMoved")
    assert EventKind.of("Backlog", "Started") is EventKind.BACKLOG_STARTED


def test_a_feed_cursor_round_trips_the_largest_position_the_stores_hold() -> None:
    assert decode_cursor("events", encode_cursor("events", (2**63 - 1,)), (int,)) == (2**63 - 1,)


def test_the_integrators_guide_names_the_type_of_every_kinds_changes() -> None:
    root = Path(__file__).parents[2]
    guide = (root / "docs" / "integrators.md").read_text(encoding="utf-8")
    guide = guide.split("**`changes` per kind.**", 1)[1].split("\n## ", 1)[0]
    listed = dict(re.findall(r"^\| `([A-Z_]+)` \| `(\w+)` \|$", guide, re.MULTILINE))
    union = re.search(r"^union EventFields = (.*)$", (root / "schema.graphql").read_text(), re.M)
    assert union is not None
    assert set(listed) == {kind.name for kind in EventKind}
    assert set(listed.values()) <= {member.strip() for member in union.group(1).split("|")}
