"""Use cases of the company backlog: HR and administrators change it, everyone reads it.

The backlog is one small aggregate with a fixed id, so reading it straight
from the repository is as cheap as a read model would be.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventsourcing.application import AggregateNotFoundError

from domain.backlog import BACKLOG_ID, Backlog, BacklogSkill
from domain.errors import InvalidInput
from service.actor import Actor
from service.error_texts import BACKLOG_CHANGED, NOT_ON_BACKLOG
from service.errors import Changed, Forbidden
from service.ids import bare_key
from service.permissions import is_signed_in, may_manage_organisation
from service.use_case_host import UseCaseHost

if TYPE_CHECKING:
    from domain.cards import CardStory
    from domain.preparation import Preparation
    from service.idempotency import Claim


@dataclass(frozen=True, slots=True)
class BacklogOrder:
    """The active skills in HR's order, and the backlog's version they are of: a page that
    reorders them sends it back, so a move made on an order since changed is refused."""

    skills: list[BacklogSkill]
    version: int  # 0 while the backlog has never been started


class BacklogUseCases(UseCaseHost):
    def add_backlog_skill(
        self, actor: Actor, details: Any, position: Any = None, *, idempotency: Claim | None = None
    ) -> str:
        """Adds a skill to the company backlog; returns its id."""
        backlog = self._backlog_for_change(actor)
        skill_id = backlog.add_skill(details, position)
        self.save_changes(backlog, by=actor, idempotency=idempotency, what=BACKLOG)
        return skill_id

    def reword_backlog_skill(
        self, actor: Actor, skill_id: Any, details: Any, *, idempotency: Claim | None = None
    ) -> None:
        backlog = self._backlog_for_change(actor)
        if backlog.reword_skill(bare_key(skill_id), details):
            self.save_changes(backlog, by=actor, idempotency=idempotency, what=BACKLOG)

    def move_backlog_skill(
        self,
        actor: Actor,
        skill_id: Any,
        position: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> None:
        """Moves a skill to a position; with `if_version`, only if the backlog is still at that
        version (a position means something only in the order it was chosen in)."""
        backlog = self._backlog_for_change(actor)
        if if_version is not None and backlog.version != if_version:
            raise BACKLOG.conflict()
        if backlog.move_skill(bare_key(skill_id), position):
            self.save_changes(backlog, by=actor, idempotency=idempotency, what=BACKLOG)

    def retire_backlog_skill(
        self, actor: Actor, skill_id: Any, *, idempotency: Claim | None = None
    ) -> None:
        backlog = self._backlog_for_change(actor)
        backlog.retire_skill(bare_key(skill_id))
        self.save_changes(backlog, by=actor, idempotency=idempotency, what=BACKLOG)

    def merge_backlog_skills(
        self,
        actor: Actor,
        skill_id: Any,
        into_skill_id: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> None:
        """Merges a skill into another: it is retired, and what pointed at it counts for
        the other from now on (the counts, the training needs)."""
        backlog = self._backlog_for_change(actor)
        if if_version is not None and backlog.version != if_version:
            raise BACKLOG.conflict()
        backlog.merge_skill(bare_key(skill_id), bare_key(into_skill_id))
        self.save_changes(backlog, by=actor, idempotency=idempotency, what=BACKLOG)

    def list_backlog(self, actor: Actor, *, include_retired: bool = False) -> list[BacklogSkill]:
        """The active skills in HR's order (then the retired ones, when asked for)."""
        if not is_signed_in(actor):
            raise Forbidden()
        backlog = self._load_backlog()
        if backlog is None:
            return []
        skills = [s.copy() for s in backlog.active()]
        if include_retired:
            skills += [s.copy() for s in backlog.skills.values() if s["retired"]]
        return skills

    def backlog_order(self, actor: Actor) -> BacklogOrder:
        """`list_backlog`'s active skills, with the version of the backlog they are of."""
        if not is_signed_in(actor):
            raise Forbidden()
        backlog = self._load_backlog()
        if backlog is None:
            return BacklogOrder(skills=[], version=0)
        return BacklogOrder(skills=[s.copy() for s in backlog.active()], version=backlog.version)

    # -- merges, for the read queries that count skills (no access check: internal) --

    def merged_backlog_skills(self) -> dict[str, str]:
        """Each merged skill's id → the id of the skill that counts for it now."""
        backlog = self._load_backlog()
        if backlog is None:
            return {}
        return {
            skill_id: backlog.merged_into(skill_id)
            for skill_id, skill in backlog.skills.items()
            if skill.get("merged_into")
        }

    def merged_backlog_wordings(self) -> dict[str, tuple[str, str]]:
        """For the training needs, which group skills by their wording: each merged
        skill's wording (lower case) → the wording that counts for it (lower case, as
        written)."""
        backlog = self._load_backlog()
        if backlog is None:
            return {}
        wordings = {}
        for skill_id, target in self.merged_backlog_skills().items():
            into = backlog.skills[target]["description"]
            wordings[backlog.skills[skill_id]["description"].strip().lower()] = (
                into.strip().lower(),
                into.strip(),
            )
        return wordings

    # -- used by the cycle use cases (no access check: internal) ---------------

    def check_card_backlog_references(self, cards: Iterable[CardStory]) -> None:
        self._check_references(
            (f"cards.{i}.backlog_skill_id", card.get("backlog_skill_id"))
            for i, card in enumerate(cards)
        )

    def check_preparation_backlog_references(self, preparation: Preparation) -> None:
        self._check_references(
            (f"{kind}.growth.{i}.backlog_skill_id", item.get("backlog_skill_id"))
            for kind in ("hard", "soft")
            for i, item in enumerate(preparation[kind]["growth"])
        )

    def check_backlog_reference(self, field: str, skill_id: str) -> None:
        self._check_references([(field, skill_id)])

    def _check_references(self, references: Iterable[tuple[str, str | None]]) -> None:
        wanted = [(field, ref) for field, ref in references if ref]
        if not wanted:
            return
        backlog = self._load_backlog()
        for field, ref in wanted:
            if backlog is None or not backlog.is_usable(str(ref)):
                raise InvalidInput(NOT_ON_BACKLOG, field)

    def _backlog_for_change(self, actor: Actor) -> Backlog:
        if not may_manage_organisation(actor):
            raise Forbidden()
        return self._load_backlog() or Backlog.start()

    def _load_backlog(self) -> Backlog | None:
        try:
            backlog: object = self.repository.get(BACKLOG_ID)
        except AggregateNotFoundError:
            return None
        assert isinstance(backlog, Backlog)
        return backlog


BACKLOG = Changed(BACKLOG_CHANGED)
