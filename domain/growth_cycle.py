"""The growth cycle (groeispurt): one employee, their manager, one round of growth.

Opened → preparations → session held → three cards on the board → POP
approved by both → follow-up → completed (or closed at any moment).

Each command checks its rules and records one past-tense event; the event's
`apply` is the only place state changes, so replaying the log rebuilds the
same cycle. The events stay nested here: their topic (module and class name)
is what the event store records, so moving them would orphan stored events.
What it holds, and the stage that follows from it, are in `cycle_state`;
its rules live beside it: `cycle_stages`, `board`, `plan`, `follow_up`.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.board import parse_card_choice, parse_move
from domain.cards import number_cards, parse_cards
from domain.cycle_stages import check_open, check_preparing
from domain.cycle_state import CycleState
from domain.dates import require_date
from domain.error_texts import (
    ALREADY_APPROVED,
    CARD_NOT_ON_BOARD,
    CARDS_ALREADY_CHOSEN,
    COMPLETED_NEEDS_NO_CLOSING,
    CYCLE_ALREADY_CLOSED,
    CYCLE_CLOSED,
    CYCLE_WITH_ONESELF,
    FOLLOW_UP_AT_SESSION,
    FOLLOW_UP_NOT_SCHEDULED,
    NO_POP_YET,
    NOT_TRUE_OR_FALSE,
    PLAN_UNCHANGED,
    POP_AFTER_SESSION,
    SESSION_BEFORE_CARDS,
    SHOW_AND_TELL_NOT_PLANNED,
)
from domain.errors import InvalidInput, NotAllowedNow
from domain.follow_up import follow_up_due, parse_retrospective
from domain.handover import handover_of
from domain.plan import check_version_to_approve, parse_plan
from domain.preparation import check_ready_to_submit, parse_preparation
from domain.show_and_tell import check_show_and_tell_day
from domain.text import LONG, check_text
from domain.vocabulary import Party


class GrowthCycle(CycleState, Aggregate):
    # The library hands these fields to `CycleState.__init__`, which sets up the cycle.
    class Opened(Aggregate.Created):
        employee_id: UUID
        manager_id: UUID
        planned_session_on: date
        previous_cycle_id: UUID | None

    @classmethod
    def open(
        cls,
        *,
        employee_id: UUID,
        manager_id: UUID,
        planned_session_on: Any,
        previous_cycle_id: UUID | None = None,
    ) -> GrowthCycle:
        if employee_id == manager_id:
            raise InvalidInput(CYCLE_WITH_ONESELF, "employee_id")
        return cls._create(
            cls.Opened,
            employee_id=employee_id,
            manager_id=manager_id,
            planned_session_on=require_date("planned_session_on", planned_session_on),
            previous_cycle_id=previous_cycle_id,
        )

    # -- who leads the cycle ---------------------------------------------------

    class ManagerHandedOver(Aggregate.Event):
        from_manager_id: UUID | None
        to_manager_id: UUID | None  # None: nobody until HR names a coach
        approval_withdrawn: int | None
        draft_dropped: bool

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.manager_id = self.to_manager_id
            if self.approval_withdrawn is not None:
                cycle.approvals.pop(Party.MANAGER.value, None)
            if self.draft_dropped:
                cycle.drafts.pop(Party.MANAGER.value, None)

    def hand_over(self, to_manager_id: UUID | None) -> bool:
        """Hands an open cycle to another manager (see `domain.handover`); False if no change."""
        fields = handover_of(self, to_manager_id)
        if fields is None:
            return False
        self.trigger_event(self.ManagerHandedOver, **fields)
        return True

    # -- preparation ---------------------------------------------------------

    class PreparationDraftSaved(Aggregate.Event):
        party: str
        preparation: dict[str, Any]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.drafts[self.party] = self.preparation  # type: ignore[assignment]

    def save_preparation_draft(self, party: Party, answers: Any) -> None:
        check_preparing(self)
        self.trigger_event(
            self.PreparationDraftSaved, party=party.value, preparation=parse_preparation(answers)
        )

    class PreparationSubmitted(Aggregate.Event):
        party: str
        version: int
        preparation: dict[str, Any]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.preparations[self.party].append(self.preparation)  # type: ignore[arg-type]
            cycle.drafts.pop(self.party, None)

    def submit_preparation(self, party: Party, answers: Any) -> None:
        check_preparing(self)
        preparation = parse_preparation(answers)
        check_ready_to_submit(preparation)
        self.trigger_event(
            self.PreparationSubmitted,
            party=party.value,
            version=len(self.preparations[party.value]) + 1,
            preparation=preparation,
        )

    # -- the session and the board -------------------------------------------

    class SessionHeld(Aggregate.Event):
        held_on: date
        notes: str
        cards: list[dict[str, Any]]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.session = {"held_on": self.held_on, "notes": self.notes}
            cycle.cards = {card["id"]: card for card in self.cards}

    def hold_session(self, *, held_on: Any, notes: Any, cards: Any) -> None:
        check_preparing(self)
        numbered = number_cards(self.id, parse_cards(cards))
        self.trigger_event(
            self.SessionHeld,
            held_on=require_date("held_on", held_on),
            notes=check_text("notes", notes, required=False, max_length=LONG, multiline=True),
            cards=numbered,
        )

    class CardsSelected(Aggregate.Event):
        card_ids: list[str]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.board = {"todo": list(self.card_ids), "doing": [], "done": []}

    def select_cards(self, card_ids: Any) -> None:
        check_open(self)
        if self.session is None:
            raise NotAllowedNow(SESSION_BEFORE_CARDS)
        if self.board is not None:
            raise NotAllowedNow(CARDS_ALREADY_CHOSEN)
        ids = parse_card_choice(card_ids, self.cards)
        self.trigger_event(self.CardsSelected, card_ids=ids)

    class CardMoved(Aggregate.Event):
        card_id: str
        from_column: str
        to_column: str
        position: int

        def apply(self, cycle: GrowthCycle) -> None:
            assert cycle.board is not None
            cycle.board[self.from_column].remove(self.card_id)
            cycle.board[self.to_column].insert(self.position, self.card_id)

    def move_card(self, card_id: str, to_column: Any, position: Any) -> bool:
        """Moves a card; returns False (and records nothing) when it is already there."""
        check_open(self)
        move = parse_move(self.board, str(card_id), to_column, position)
        if move is None:
            return False
        self.trigger_event(self.CardMoved, **move)
        return True

    class CardVisibilityChanged(Aggregate.Event):
        card_id: str
        visible: bool

        def apply(self, cycle: GrowthCycle) -> None:
            if self.visible:
                cycle.visible_to_team.append(self.card_id)
            else:
                cycle.visible_to_team.remove(self.card_id)

    def set_card_visibility(self, card_id: str, visible: Any) -> bool:
        """Shows a board card to the team, or hides it again; False when nothing changes.

        Allowed whatever the cycle's stage: withdrawing what one has shown is a
        matter of privacy and must never be blocked by the process.
        """
        if not isinstance(visible, bool):
            raise InvalidInput(NOT_TRUE_OR_FALSE, "visible")
        if self.board is None or self.column_of(str(card_id)) is None:
            raise NotAllowedNow(CARD_NOT_ON_BOARD)
        if (str(card_id) in self.visible_to_team) == visible:
            return False
        self.trigger_event(self.CardVisibilityChanged, card_id=str(card_id), visible=visible)
        return True

    # -- the POP ------------------------------------------------------------

    class PlanDrafted(Aggregate.Event):
        version: int
        plan: dict[str, Any]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.plan_versions.append(self.plan)  # type: ignore[arg-type]
            cycle.approvals = {}

    class PlanRevised(PlanDrafted):
        pass

    def write_plan(self, plan: Any, *, today: date) -> None:
        """Drafts the first version of the POP, or revises it into a new version."""
        check_open(self)
        if self.session is None:
            raise NotAllowedNow(POP_AFTER_SESSION)
        current = self.plan_versions[-1] if self.plan_versions else None
        parsed = parse_plan(plan, today=today, previous=current)
        if current is not None and parsed == current:
            raise InvalidInput(PLAN_UNCHANGED, "plan")
        event = self.PlanRevised if current is not None else self.PlanDrafted
        self.trigger_event(event, version=self.plan_version + 1, plan=parsed)

    class PlanApproved(Aggregate.Event):
        party: str
        version: int

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.approvals[self.party] = self.version

    class PlanApprovedByBoth(Aggregate.Event):
        version: int

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.approved_version = self.version

    def approve_plan(self, party: Party, version: Any) -> None:
        check_open(self)
        if not self.plan_versions:
            raise NotAllowedNow(NO_POP_YET)
        version = check_version_to_approve(version, current=self.plan_version)
        if self.approvals.get(party.value) == version:
            raise NotAllowedNow(ALREADY_APPROVED, party=party, version=version)
        self.trigger_event(self.PlanApproved, party=party.value, version=version)
        if self.approvals.get(party.other.value) == version:
            self.trigger_event(self.PlanApprovedByBoth, version=version)

    # -- follow-up and the end -----------------------------------------------

    class FollowUpScheduled(Aggregate.Event):
        due_on: date

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.follow_up_on = self.due_on

    def schedule_follow_up(self, *, due_on: Any = None, months: Any = None) -> None:
        """Due `months` (3, 6 or 12) after the session, or on a chosen date."""
        check_open(self)
        if self.session is None:
            raise NotAllowedNow(FOLLOW_UP_AT_SESSION)
        due = follow_up_due(self.session["held_on"], due_on=due_on, months=months)
        self.trigger_event(self.FollowUpScheduled, due_on=due)

    class FollowUpCompleted(Aggregate.Event):
        held_on: date
        went_well: str
        could_be_better: str
        show_and_tell_on: date | None

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.follow_up = {
                "held_on": self.held_on,
                "went_well": self.went_well,
                "could_be_better": self.could_be_better,
                "show_and_tell_on": self.show_and_tell_on,
            }
            if self.show_and_tell_on is not None:
                cycle.show_and_tell_on = self.show_and_tell_on

    def complete_follow_up(
        self, *, held_on: Any, went_well: Any, could_be_better: Any, show_and_tell_on: Any = None
    ) -> None:
        check_open(self)
        if self.follow_up_on is None:
            raise NotAllowedNow(FOLLOW_UP_NOT_SCHEDULED)
        assert self.session is not None
        retrospective = parse_retrospective(
            self.session["held_on"],
            held_on=held_on,
            went_well=went_well,
            could_be_better=could_be_better,
            show_and_tell_on=show_and_tell_on,
        )
        self.trigger_event(self.FollowUpCompleted, **retrospective)

    # -- show & tell ------------------------------------------------------------

    class ShowAndTellPlanned(Aggregate.Event):
        on: date

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.show_and_tell_on = self.on

    class ShowAndTellCalledOff(Aggregate.Event):
        def apply(self, cycle: GrowthCycle) -> None:
            cycle.show_and_tell_on = None

    def plan_show_and_tell(self, on: Any, *, today: date) -> bool:
        """Announces (or moves) the show & tell; False when it is already on that day.

        Either party may plan it, before or after the follow-up: the seed asks
        to organise one so that everyone hears of the skills grown.
        """
        if self.closed:
            raise NotAllowedNow(CYCLE_CLOSED)
        day = check_show_and_tell_day(self.board is not None, on, today=today)
        if day == self.show_and_tell_on:
            return False
        self.trigger_event(self.ShowAndTellPlanned, on=day)
        return True

    def call_off_show_and_tell(self) -> None:
        if self.show_and_tell_on is None:
            raise NotAllowedNow(SHOW_AND_TELL_NOT_PLANNED)
        self.trigger_event(self.ShowAndTellCalledOff)

    class Closed(Aggregate.Event):
        reason: str

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.closed = True

    def close(self, reason: Any = "") -> None:
        if self.closed:
            raise NotAllowedNow(CYCLE_ALREADY_CLOSED)
        if self.follow_up is not None:
            raise NotAllowedNow(COMPLETED_NEEDS_NO_CLOSING)
        self.trigger_event(
            self.Closed, reason=check_text("reason", reason, required=False, max_length=LONG)
        )
