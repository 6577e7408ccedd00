"""How backlog skills changed since a moment: what the follow-up shows of the linked cards.

At the follow-up the employee and the manager look back; a card that pointed
at a company-backlog skill may point at one that HR has since reworded,
moved up or down the order, retired or merged into another. Given the
backlog's events in order and, per skill, the moment to compare from (when
the card came to point at it), this replays the backlog once and compares
each skill as it was then with how it is now. Pure: no store, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain.backlog import Backlog


@dataclass(frozen=True, slots=True)
class SkillThen:
    description: str
    kind: str
    horizon: str
    position: int | None  # 1 at the top; None when not on the backlog (retired)


@dataclass(frozen=True, slots=True)
class SkillSince:
    """One skill then and now; `changed` is False when HR did nothing to it since."""

    skill_id: str
    then: SkillThen | None  # None: the skill was not on the backlog yet at that moment
    now: SkillThen
    retired: bool
    merged_into: str | None  # the skill it was merged into (its id), if merged
    merged_into_description: str | None

    @property
    def reworded(self) -> bool:
        return self.then is not None and self.then.description != self.now.description

    @property
    def moved(self) -> bool:
        return (
            self.then is not None
            and not self.retired
            and self.then.position is not None
            and self.then.position != self.now.position
        )

    @property
    def retired_since(self) -> bool:
        return self.retired and (self.then is None or self.then.position is not None)

    @property
    def changed(self) -> bool:
        return self.reworded or self.moved or self.retired_since


def _then(backlog: Backlog, skill_id: str) -> SkillThen | None:
    skill = backlog.skills.get(skill_id)
    if skill is None:
        return None
    position = backlog.order.index(skill_id) + 1 if skill_id in backlog.order else None
    return SkillThen(skill["description"], skill["kind"], skill["horizon"], position)


def changes_since(events: Iterable[Any], since: Mapping[str, datetime]) -> dict[str, SkillSince]:
    """Each skill of `since` as it was at its moment and as it is after all `events`
    (the backlog's, in order). A skill the backlog never held is left out."""
    backlog: Backlog | None = None
    then: dict[str, SkillThen | None] = {}
    waiting = dict(since)
    for event in events:
        if backlog is not None and waiting:
            for skill_id, moment in list(waiting.items()):
                if event.timestamp > moment:
                    then[skill_id] = _then(backlog, skill_id)
                    del waiting[skill_id]
        backlog = event.mutate(backlog)
    if backlog is None:
        return {}
    for skill_id in waiting:
        then[skill_id] = _then(backlog, skill_id)
    found: dict[str, SkillSince] = {}
    for skill_id in since:
        now = _then(backlog, skill_id)
        if now is None:
            continue
        skill = backlog.skills[skill_id]
        target = backlog.merged_into(skill_id) if skill.get("merged_into") else None
        found[skill_id] = SkillSince(
            skill_id=skill_id,
            then=then.get(skill_id),
            now=now,
            retired=skill["retired"],
            merged_into=target,
            merged_into_description=backlog.skills[target]["description"] if target else None,
        )
    return found
