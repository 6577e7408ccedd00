"""What became of a backlog skill since a card came to point at it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from domain.backlog import Backlog
from domain.backlog_changes import changes_since


def _events_of(backlog: Backlog) -> list[Any]:
    return list(backlog.collect_events())


def test_a_skill_reworded_moved_or_merged_since_says_so_and_an_untouched_one_does_not() -> None:
    backlog = Backlog.start()
    a = backlog.add_skill({"kind": "soft", "description": "Feedback geven"})
    b = backlog.add_skill({"kind": "hard", "description": "SQL"})
    c = backlog.add_skill({"kind": "hard", "description": "Python"})
    d = backlog.add_skill({"kind": "hard", "description": "Testen"})
    before = _events_of(backlog)
    moment = before[-1].timestamp + timedelta(microseconds=1)
    backlog.reword_skill(a, {"kind": "soft", "description": "Feedback geven en ontvangen"})
    backlog.move_skill(c, 0)
    backlog.merge_skill(d, b)
    after = _events_of(backlog)
    for event in after:  # recorded after the moment compared from
        assert event.timestamp > moment
    found = changes_since([*before, *after], {a: moment, b: moment, c: moment, d: moment})
    assert found[a].reworded
    then_a = found[a].then
    assert then_a is not None
    assert then_a.description == "Feedback geven"
    assert found[a].now.description == "Feedback geven en ontvangen"
    assert found[c].moved
    then_c = found[c].then
    assert then_c is not None
    assert (then_c.position, found[c].now.position) == (3, 1)
    assert found[d].retired_since
    assert found[d].merged_into == b
    assert found[d].merged_into_description == "SQL"
    assert found[b].moved  # moved down by the move of c: its place changed
    assert not found[b].reworded
    assert not found[b].retired


def test_changes_before_the_moment_are_not_counted() -> None:
    backlog = Backlog.start()
    a = backlog.add_skill({"kind": "soft", "description": "Feedback"})
    backlog.reword_skill(a, {"kind": "soft", "description": "Feedback geven"})
    events = _events_of(backlog)
    found = changes_since(events, {a: events[-1].timestamp})
    assert not found[a].changed


def test_a_skill_the_backlog_never_held_is_left_out() -> None:
    backlog = Backlog.start()
    events = _events_of(backlog)
    assert changes_since(events, {"elsewhere": datetime.now()}) == {}
