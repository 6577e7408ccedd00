"""Use cases of the question set: HR and administrators change it, everyone signed in reads it.

Like the company backlog, the set is one small aggregate with a fixed id,
read straight from the repository. Until HR first changes it, the set is the
built-in one (version 0); the first change starts it. Every change may name
the version it was made on (`if_version`): a change made on a set that
changed since is refused, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventsourcing.application import AggregateNotFoundError

from domain.question_set import QUESTION_SET_ID, Question, QuestionSet, built_in_questions
from service.actor import Actor
from service.error_texts import QUESTION_SET_CHANGED
from service.errors import Changed, Forbidden
from service.ids import bare_key
from service.permissions import is_signed_in, may_manage_organisation
from service.use_case_host import UseCaseHost

if TYPE_CHECKING:
    from service.idempotency import Claim


@dataclass(frozen=True, slots=True)
class QuestionSetView:
    """The active questions part by part in HR's order, the retired ones, and the version."""

    questions: list[Question]
    retired: list[Question]
    version: int  # 0 while HR has never changed the built-in set


class QuestionSetUseCases(UseCaseHost):
    def add_question(
        self,
        actor: Actor,
        details: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> str:
        """Adds a question at the end of its part of the set; returns its id."""
        question_set = self._question_set_for_change(actor, if_version)
        question_id = question_set.add_question(details)
        self.save_changes(question_set, by=actor, idempotency=idempotency, what=QUESTION_SET)
        return question_id

    def reword_question(
        self,
        actor: Actor,
        question_id: Any,
        details: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> bool:
        """New wording for a question; False (nothing saved) when nothing changed."""
        question_set = self._question_set_for_change(actor, if_version)
        if not question_set.reword_question(bare_key(question_id), details):
            return False
        self.save_changes(question_set, by=actor, idempotency=idempotency, what=QUESTION_SET)
        return True

    def move_question(
        self,
        actor: Actor,
        question_id: Any,
        position: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> bool:
        """Moves a question within its part; False when it was there already."""
        question_set = self._question_set_for_change(actor, if_version)
        if not question_set.move_question(bare_key(question_id), position):
            return False
        self.save_changes(question_set, by=actor, idempotency=idempotency, what=QUESTION_SET)
        return True

    def retire_question(
        self,
        actor: Actor,
        question_id: Any,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> None:
        question_set = self._question_set_for_change(actor, if_version)
        question_set.retire_question(bare_key(question_id))
        self.save_changes(question_set, by=actor, idempotency=idempotency, what=QUESTION_SET)

    def question_set(self, actor: Actor) -> QuestionSetView:
        """The set as it stands: what a cycle opened now would ask."""
        if not is_signed_in(actor):
            raise Forbidden()
        return self.current_question_set()

    # -- used by the cycle use cases (no access check: internal) ---------------

    def current_question_set(self) -> QuestionSetView:
        question_set = self._load_question_set()
        if question_set is None:
            return QuestionSetView(questions=built_in_questions(), retired=[], version=0)
        return QuestionSetView(
            questions=[Question(**q) for q in question_set.active()],
            retired=[Question(**q) for q in question_set.retired_questions()],
            version=question_set.version,
        )

    def _question_set_for_change(self, actor: Actor, if_version: int | None) -> QuestionSet:
        if not may_manage_organisation(actor):
            raise Forbidden()
        question_set = self._load_question_set()
        if if_version is not None and (question_set.version if question_set else 0) != if_version:
            raise QUESTION_SET.conflict()
        return question_set or QuestionSet.start()

    def _load_question_set(self) -> QuestionSet | None:
        try:
            question_set: object = self.repository.get(QUESTION_SET_ID)
        except AggregateNotFoundError:
            return None
        assert isinstance(question_set, QuestionSet)
        return question_set


QUESTION_SET = Changed(QUESTION_SET_CHANGED)
