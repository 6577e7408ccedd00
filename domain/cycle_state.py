"""What a growth cycle holds, and what that tells about where it stands.

`GrowthCycle` inherits this: its commands and events (which stay in
`growth_cycle`, where their stored topics point) change the attributes, and
nothing here changes them. A snapshot stores the attributes, so it restores
all of this too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any
from uuid import UUID

from domain.board import column_of
from domain.cycle_stages import stage_of
from domain.plan import Plan
from domain.preparation import Preparation
from domain.question_set import Question
from domain.session_cards import CandidateCard
from domain.vocabulary import Column, Stage


class CycleState:
    # Parts added after cycles were first stored: a snapshot taken before them, and a
    # cycle that never used them, read these defaults. Their events replace the
    # value (never change it in place), so the shared defaults stay empty.
    # The session at the table (`domain.session_cards`):
    candidate_cards: Mapping[str, CandidateCard] = MappingProxyType({})
    candidates_written = 0
    # The session report (`domain.session_report`): its versions' texts, oldest first,
    # each party's approval, and the version both approved.
    report_versions: Sequence[str] = ()
    report_approvals: Mapping[str, int] = MappingProxyType({})
    report_agreed_version: int | None = None
    # The questions the cycle asks (`GrowthCycle.QuestionsAsked`). A class attribute too,
    # so that a snapshot taken before cycles recorded their questions restores without it:
    # such a cycle asks the built-in set.
    questions: list[Question] | None = None
    # The day the team is invited to a show & tell: a class default, so that a
    # cycle restored from a snapshot taken before show & tells has it too.
    show_and_tell_on: date | None = None

    # The library calls this with the fields of `GrowthCycle.Opened`, whether
    # the cycle is being opened or rebuilt from its stored events.
    def __init__(
        self,
        employee_id: UUID,
        manager_id: UUID | None,
        planned_session_on: date,
        previous_cycle_id: UUID | None,
    ) -> None:
        self.employee_id = employee_id
        # The manager party now: changed by a handover; None while nobody leads it.
        self.manager_id = manager_id
        self.planned_session_on = planned_session_on
        self.previous_cycle_id = previous_cycle_id
        self.drafts: dict[str, Preparation] = {}
        self.preparations: dict[str, list[Preparation]] = {"employee": [], "manager": []}
        self.session: dict[str, Any] | None = None
        self.cards: dict[str, dict[str, Any]] = {}  # CardStory plus its "id"
        self.board: dict[str, list[str]] | None = None
        self.visible_to_team: list[str] = []
        self.plan_versions: list[Plan] = []
        self.approvals: dict[str, int] = {}
        self.approved_version: int | None = None
        self.follow_up_on: date | None = None
        self.follow_up: dict[str, Any] | None = None
        self.closed = False
        self.questions = None

    @property
    def stage(self) -> Stage:
        return stage_of(self)

    @property
    def plan_version(self) -> int:
        return len(self.plan_versions)

    @property
    def is_active(self) -> bool:
        return self.stage not in (Stage.COMPLETED, Stage.CLOSED)

    def column_of(self, card_id: str) -> Column | None:
        return column_of(self.board, card_id)
