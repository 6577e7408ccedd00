"""The company backlog: skills added, reworded, moved and retired, in HR's order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from eventsourcing.domain import Aggregate

from domain.backlog import BACKLOG_ID, Backlog
from domain.errors import InvalidInput, NotAllowedNow

SQL = {"kind": "hard", "horizon": "now", "description": "SQL", "inspiration": "Reports"}


def _backlog(*descriptions: str) -> tuple[Backlog, list[str]]:
    backlog = Backlog.start()
    ids = [backlog.add_skill({"kind": "soft", "description": d}) for d in descriptions]
    backlog.collect_events()
    return backlog, ids


def _replayed(backlog: Backlog, events: Sequence[Any]) -> Backlog:
    copy: Aggregate | None = None
    for event in events:
        copy = event.mutate(copy)
    assert isinstance(copy, Backlog)
    return copy


def _order(backlog: Backlog) -> list[str]:
    return [s["description"] for s in backlog.active()]


def test_there_is_one_backlog_per_organisation_with_a_fixed_id() -> None:
    assert Backlog.start().id == BACKLOG_ID == Backlog.start().id


def test_a_skill_is_added_at_the_end_with_its_kind_horizon_and_inspiration() -> None:
    backlog, _ = _backlog("Feedback")
    skill_id = backlog.add_skill(SQL)
    assert _order(backlog) == ["Feedback", "SQL"]
    skill = backlog.skills[skill_id]
    assert (skill["kind"], skill["horizon"], skill["inspiration"]) == ("hard", "now", "Reports")
    assert [type(e).__name__ for e in backlog.collect_events()] == ["SkillAdded"]


def test_a_skill_can_be_added_at_a_chosen_position() -> None:
    backlog, _ = _backlog("Feedback", "Presenting")
    backlog.add_skill(SQL, position=0)
    assert _order(backlog) == ["SQL", "Feedback", "Presenting"]


def test_the_horizon_defaults_to_now_and_must_be_now_or_future() -> None:
    backlog, _ = _backlog()
    skill_id = backlog.add_skill({"kind": "soft", "description": "Listening"})
    assert backlog.skills[skill_id]["horizon"] == "now"
    with pytest.raises(InvalidInput, match="horizon must be one of: now, future"):
        backlog.add_skill({"kind": "soft", "description": "Later", "horizon": "someday"})


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"kind": "both", "description": "SQL"}, "kind"),
        ({"kind": "hard", "description": ""}, "description"),
        ({"kind": "hard", "description": "x" * 201}, "description"),
        ({"kind": "hard", "description": "SQL", "inspiration": "\x00"}, "inspiration"),
        ("SQL", "skill"),
    ],
)
def test_bad_wording_is_refused_naming_the_field(details: Any, field: str) -> None:
    backlog, _ = _backlog()
    with pytest.raises(InvalidInput) as refused:
        backlog.add_skill(details)
    assert refused.value.field == field
    assert backlog.collect_events() == []


def test_two_active_skills_never_share_a_description() -> None:
    backlog, ids = _backlog("SQL", "Feedback")
    with pytest.raises(InvalidInput, match="already has a skill"):
        backlog.add_skill({"kind": "hard", "description": "sql"})
    with pytest.raises(InvalidInput, match="already has a skill"):
        backlog.reword_skill(ids[1], {"kind": "soft", "description": "SQL"})
    backlog.retire_skill(ids[0])
    backlog.add_skill({"kind": "hard", "description": "SQL"})  # free again once retired


def test_rewording_changes_the_wording_and_nothing_else() -> None:
    backlog, ids = _backlog("Feedback", "Presenting")
    assert backlog.reword_skill(
        ids[0], {"kind": "soft", "horizon": "future", "description": "Giving feedback"}
    )
    assert _order(backlog) == ["Giving feedback", "Presenting"]
    assert backlog.skills[ids[0]]["horizon"] == "future"
    assert not backlog.reword_skill(
        ids[0], {"kind": "soft", "horizon": "future", "description": "Giving feedback"}
    )
    assert [type(e).__name__ for e in backlog.collect_events()] == ["SkillReworded"]


def test_a_skill_moves_to_a_position_and_a_move_in_place_records_nothing() -> None:
    backlog, ids = _backlog("A", "B", "C", "D")
    assert backlog.move_skill(ids[3], 1)
    assert _order(backlog) == ["A", "D", "B", "C"]
    assert backlog.move_skill(ids[0], 99)  # past the end: to the bottom
    assert _order(backlog) == ["D", "B", "C", "A"]
    assert not backlog.move_skill(ids[0], 3)
    with pytest.raises(InvalidInput, match="position"):
        backlog.move_skill(ids[0], -1)
    with pytest.raises(InvalidInput, match="position"):
        backlog.move_skill(ids[0], True)
    assert [type(e).__name__ for e in backlog.collect_events()] == ["SkillMoved", "SkillMoved"]


def test_a_retired_skill_leaves_the_order_but_keeps_its_wording() -> None:
    backlog, ids = _backlog("A", "B")
    backlog.retire_skill(ids[0])
    assert _order(backlog) == ["B"]
    assert backlog.skills[ids[0]]["description"] == "A"
    assert backlog.skills[ids[0]]["retired"]
    assert not backlog.is_usable(ids[0])
    assert backlog.is_usable(ids[1])
    for command in (
        lambda: backlog.retire_skill(ids[0]),
        lambda: backlog.move_skill(ids[0], 0),
        lambda: backlog.reword_skill(ids[0], {"kind": "soft", "description": "A2"}),
    ):
        with pytest.raises(NotAllowedNow, match="retired"):
            command()


def test_an_unknown_skill_is_refused() -> None:
    backlog, _ = _backlog("A")
    with pytest.raises(InvalidInput, match="no such skill"):
        backlog.move_skill("nope", 0)
    assert not backlog.is_usable("nope")


def test_replaying_the_events_gives_the_same_backlog() -> None:
    backlog = Backlog.start()
    ids = [backlog.add_skill({"kind": "soft", "description": d}) for d in "ABCD"]
    backlog.move_skill(ids[2], 0)
    backlog.reword_skill(ids[1], {"kind": "hard", "description": "B2", "inspiration": "why"})
    backlog.retire_skill(ids[3])
    replayed = _replayed(backlog, backlog.collect_events())
    assert replayed.order == backlog.order
    assert replayed.skills == backlog.skills
