"""Two wordings of one skill merged: the one retired into the other, pointing at it."""

from __future__ import annotations

import pytest

from domain.backlog import Backlog
from domain.errors import InvalidInput, NotAllowedNow


def _backlog(*descriptions: str) -> tuple[Backlog, list[str]]:
    backlog = Backlog.start()
    ids = [backlog.add_skill({"kind": "soft", "description": d}) for d in descriptions]
    backlog.collect_events()
    return backlog, ids


def test_a_merged_skill_is_retired_and_points_at_the_skill_it_was_merged_into() -> None:
    backlog, (a, b) = _backlog("Feedback geven en ontvangen", "Groeien in feedback geven")
    backlog.merge_skill(b, a)
    assert [type(e).__name__ for e in backlog.collect_events()] == ["SkillMerged"]
    assert [s["id"] for s in backlog.active()] == [a]
    assert backlog.skills[b]["retired"]
    assert backlog.skills[b]["merged_into"] == a
    assert backlog.merged_into(b) == a
    assert backlog.merged_into(a) == a


def test_merges_in_a_row_lead_to_the_last_skill() -> None:
    backlog, (a, b, c) = _backlog("A", "B", "C")
    backlog.merge_skill(a, b)
    backlog.merge_skill(b, c)
    assert backlog.merged_into(a) == c


def test_a_skill_is_not_merged_into_itself_or_into_a_retired_or_unknown_skill() -> None:
    backlog, (a, b) = _backlog("A", "B")
    with pytest.raises(InvalidInput) as itself:
        backlog.merge_skill(a, a)
    assert itself.value.code == "backlog.merge_into_itself"
    backlog.retire_skill(b)
    backlog.collect_events()
    with pytest.raises(NotAllowedNow):
        backlog.merge_skill(a, b)
    with pytest.raises(InvalidInput) as unknown:
        backlog.merge_skill(a, "00000000-0000-4000-8000-000000000000")
    assert unknown.value.field == "into_skill_id"
    assert backlog.collect_events() == []
