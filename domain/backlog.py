"""The company backlog: HR's ordered list of skills the organisation needs.

One backlog per organisation (a fixed id). A skill is hard or soft, needed
now or in the future, with a short description and an inspiration text for
the people who prepare a growth session. Skills are added, reworded, moved
to a position and retired; a retired skill keeps its id and wording, so a
card or preparation that pointed at it still reads well in the history.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NotRequired, TypedDict
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from eventsourcing.domain import Aggregate

from domain.error_texts import (
    BACKLOG_FULL,
    BACKLOG_SKILL_NOT_A_SET,
    BACKLOG_SKILL_RETIRED,
    DUPLICATE_BACKLOG_SKILL,
    MERGE_INTO_ITSELF,
    NO_SUCH_BACKLOG_SKILL,
    NOT_A_BACKLOG_SKILL_ID,
    NOT_A_POSITION,
)
from domain.errors import InvalidInput, NotAllowedNow
from domain.text import LONG, check_text
from domain.vocabulary import SkillKind, parse_choice

BACKLOG_ID = uuid5(NAMESPACE_URL, "groeispurt:company-backlog")
MAX_SKILLS = 500


class Horizon(StrEnum):
    NOW = "now"
    FUTURE = "future"


class BacklogSkill(TypedDict):
    id: str
    kind: str
    horizon: str
    description: str
    inspiration: str
    retired: bool
    merged_into: NotRequired[str]  # retired by being merged into this skill


def parse_skill_wording(data: Any) -> dict[str, str]:
    """The fields HR types for a skill, checked; raises InvalidInput naming the field."""
    if not isinstance(data, dict):
        raise InvalidInput(BACKLOG_SKILL_NOT_A_SET, "skill")
    return {
        "kind": parse_choice(SkillKind, "kind", data.get("kind")).value,
        "horizon": parse_choice(Horizon, "horizon", data.get("horizon") or "now").value,
        "description": check_text("description", data.get("description")),
        "inspiration": check_text(
            "inspiration", data.get("inspiration"), required=False, max_length=LONG, multiline=True
        ),
    }


class Backlog(Aggregate):
    class Started(Aggregate.Created):
        pass

    @classmethod
    def start(cls) -> Backlog:
        return cls._create(cls.Started, id=BACKLOG_ID)

    def __init__(self) -> None:
        self.skills: dict[str, BacklogSkill] = {}
        self.order: list[str] = []  # the active skills, most important first

    # -- what the backlog knows --------------------------------------------

    def active(self) -> list[BacklogSkill]:
        return [self.skills[skill_id] for skill_id in self.order]

    def is_usable(self, skill_id: str) -> bool:
        """True when `skill_id` names a skill that exists and is not retired."""
        skill = self.skills.get(str(skill_id))
        return skill is not None and not skill["retired"]

    def _active_skill(self, skill_id: Any) -> BacklogSkill:
        skill = self.skills.get(str(skill_id))
        if skill is None:
            raise InvalidInput(NO_SUCH_BACKLOG_SKILL, "skill_id")
        if skill["retired"]:
            raise NotAllowedNow(BACKLOG_SKILL_RETIRED)
        return skill

    # -- commands -------------------------------------------------------------

    class SkillAdded(Aggregate.Event):
        skill_id: str
        kind: str
        horizon: str
        description: str
        inspiration: str
        position: int

        def apply(self, backlog: Backlog) -> None:
            backlog.skills[self.skill_id] = BacklogSkill(
                id=self.skill_id,
                kind=self.kind,
                horizon=self.horizon,
                description=self.description,
                inspiration=self.inspiration,
                retired=False,
            )
            backlog.order.insert(self.position, self.skill_id)

    def add_skill(self, details: Any, position: Any = None) -> str:
        """Adds a skill (at the end unless a position is given); returns its id."""
        wording = parse_skill_wording(details)
        if len(self.skills) >= MAX_SKILLS:
            raise NotAllowedNow(BACKLOG_FULL, limit=MAX_SKILLS)
        if any(s["description"].lower() == wording["description"].lower() for s in self.active()):
            raise InvalidInput(DUPLICATE_BACKLOG_SKILL, "description")
        at = len(self.order) if position is None else self._check_position(position, extra=1)
        skill_id = str(uuid4())
        self.trigger_event(self.SkillAdded, skill_id=skill_id, position=at, **wording)
        return skill_id

    class SkillReworded(Aggregate.Event):
        skill_id: str
        kind: str
        horizon: str
        description: str
        inspiration: str

        def apply(self, backlog: Backlog) -> None:
            skill = backlog.skills[self.skill_id]
            skill["kind"] = self.kind
            skill["horizon"] = self.horizon
            skill["description"] = self.description
            skill["inspiration"] = self.inspiration

    def reword_skill(self, skill_id: Any, details: Any) -> bool:
        """Gives a skill new wording; returns False (records nothing) when nothing changed."""
        skill = self._active_skill(skill_id)
        wording = parse_skill_wording(details)
        if all(skill[k] == v for k, v in wording.items()):  # type: ignore[literal-required]
            return False
        if any(
            s["description"].lower() == wording["description"].lower() and s["id"] != skill["id"]
            for s in self.active()
        ):
            raise InvalidInput(DUPLICATE_BACKLOG_SKILL, "description")
        self.trigger_event(self.SkillReworded, skill_id=skill["id"], **wording)
        return True

    class SkillMoved(Aggregate.Event):
        skill_id: str
        position: int

        def apply(self, backlog: Backlog) -> None:
            backlog.order.remove(self.skill_id)
            backlog.order.insert(self.position, self.skill_id)

    def move_skill(self, skill_id: Any, position: Any) -> bool:
        """Moves a skill to a position (0 is the top); False when it is already there."""
        skill = self._active_skill(skill_id)
        at = self._check_position(position, extra=0)
        if self.order.index(skill["id"]) == at:
            return False
        self.trigger_event(self.SkillMoved, skill_id=skill["id"], position=at)
        return True

    class SkillRetired(Aggregate.Event):
        skill_id: str

        def apply(self, backlog: Backlog) -> None:
            backlog.skills[self.skill_id]["retired"] = True
            backlog.order.remove(self.skill_id)

    def retire_skill(self, skill_id: Any) -> None:
        skill = self._active_skill(skill_id)
        self.trigger_event(self.SkillRetired, skill_id=skill["id"])

    class SkillMerged(Aggregate.Event):
        """Two wordings of one skill made one: `skill_id` is retired into `into_skill_id`,
        and whatever pointed at it counts for that skill from now on."""

        skill_id: str
        into_skill_id: str

        def apply(self, backlog: Backlog) -> None:
            skill = backlog.skills[self.skill_id]
            skill["retired"] = True
            skill["merged_into"] = self.into_skill_id
            backlog.order.remove(self.skill_id)

    def merge_skill(self, skill_id: Any, into_skill_id: Any) -> None:
        """Merges a skill into another active one (HR's "these two are the same skill")."""
        skill = self._active_skill(skill_id)
        into = self.skills.get(str(into_skill_id))
        if into is None:
            raise InvalidInput(NO_SUCH_BACKLOG_SKILL, "into_skill_id")
        if into["retired"]:
            raise NotAllowedNow(BACKLOG_SKILL_RETIRED)
        if into["id"] == skill["id"]:
            raise InvalidInput(MERGE_INTO_ITSELF, "into_skill_id")
        self.trigger_event(self.SkillMerged, skill_id=skill["id"], into_skill_id=into["id"])

    def merged_into(self, skill_id: str) -> str:
        """The skill that counts for `skill_id`: itself, or where its merges lead."""
        seen = {skill_id}
        skill = self.skills.get(skill_id)
        while skill is not None and (target := skill.get("merged_into")) and target not in seen:
            seen.add(skill_id := target)
            skill = self.skills.get(skill_id)
        return skill_id

    def _check_position(self, position: Any, *, extra: int) -> int:
        if isinstance(position, bool) or not isinstance(position, int) or position < 0:
            raise InvalidInput(NOT_A_POSITION, "position")
        return min(position, max(len(self.order) - 1 + extra, 0))


def as_skill_id(value: Any) -> str:
    """A backlog skill id in its normal form, or InvalidInput."""
    try:
        return str(UUID(str(value)))
    except ValueError:
        raise InvalidInput(NOT_A_BACKLOG_SKILL_ID, "skill_id") from None
