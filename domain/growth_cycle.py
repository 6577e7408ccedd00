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
    CARD_NOT_OF_THIS_SESSION,
    CARD_NOT_ON_BOARD,
    CARDS_ALREADY_CHOSEN,
    COMPLETED_NEEDS_NO_CLOSING,
    CYCLE_ALREADY_CLOSED,
    CYCLE_CLOSED,
    CYCLE_WITH_ONESELF,
    FOLLOW_UP_AT_SESSION,
    FOLLOW_UP_NOT_SCHEDULED,
    NO_POP_YET,
    NO_SUCH_REPORT_VERSION,
    NOT_TRUE_OR_FALSE,
    PLAN_UNCHANGED,
    POP_AFTER_SESSION,
    QUESTIONS_ALREADY_ASKED,
    SESSION_BEFORE_CARDS,
    SHOW_AND_TELL_NOT_PLANNED,
)
from domain.errors import InvalidInput, NotAllowedNow
from domain.follow_up import follow_up_due, parse_retrospective
from domain.handover import handover_of
from domain.plan import parse_plan
from domain.preparation import check_ready_to_submit, parse_preparation
from domain.question_set import Question, asked_of, questions_or_built_in
from domain.session_cards import (
    candidate,
    candidate_id,
    card_to_write,
    cards_for_session,
    check_at_the_table,
    existing_candidate,
    story_of,
)
from domain.session_report import (
    check_report_to_approve,
    check_report_writable,
    parse_report,
    report_approval_withdrawn,
)
from domain.show_and_tell import check_show_and_tell_day
from domain.text import LONG, check_text
from domain.versioned_approval import check_approval
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
        withdrawn = report_approval_withdrawn(self)
        if withdrawn is not None:
            self.trigger_event(
                self.SessionReportApprovalWithdrawn, party=Party.MANAGER.value, version=withdrawn
            )
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
            self.PreparationDraftSaved,
            party=party.value,
            preparation=parse_preparation(answers, self.question_ids_for(party)),
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
        preparation = parse_preparation(answers, self.question_ids_for(party))
        check_ready_to_submit(preparation)
        self.trigger_event(
            self.PreparationSubmitted,
            party=party.value,
            version=len(self.preparations[party.value]) + 1,
            preparation=preparation,
        )

    # -- the questions it asks -----------------------------------------------

    class QuestionsAsked(Aggregate.Event):
        """The organisation's question set as the cycle began: later changes leave it be."""

        question_set_version: int  # 0: the built-in set, never changed by HR
        questions: list[dict[str, Any]]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.questions = [Question(**q) for q in self.questions]  # type: ignore[typeddict-item]

    def ask_questions(self, questions: list[Question], *, question_set_version: int) -> None:
        """Records the questions this cycle asks; done once, as it opens."""
        if self.questions is not None:
            raise NotAllowedNow(QUESTIONS_ALREADY_ASKED)
        self.trigger_event(
            self.QuestionsAsked,
            question_set_version=question_set_version,
            questions=[dict(q) for q in questions],
        )

    @property
    def asked_questions(self) -> list[Question]:
        """The cycle's questions; a cycle opened before cycles recorded them asks the built-in set."""
        return questions_or_built_in(self.questions)

    def question_ids_for(self, party: Party) -> frozenset[str]:
        return frozenset(q["id"] for q in asked_of(self.asked_questions, party))

    # -- the session and the board -------------------------------------------

    class SessionHeld(Aggregate.Event):
        held_on: date
        notes: str
        cards: list[dict[str, Any]]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.session = {"held_on": self.held_on, "notes": self.notes}
            cycle.cards = {card["id"]: card for card in self.cards}

    def hold_session(self, *, held_on: Any, notes: Any, cards: Any = None) -> None:
        """Records the session with the cards given, or (none given) the candidates
        written at the table."""
        check_preparing(self)
        if cards is None:
            numbered = cards_for_session(self.candidate_cards)
        else:
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

    # -- the session at the table: candidate cards written together --------
    # Seed 000: the forms are completed together at the session. Both parties
    # write the candidate cards (`domain.session_cards`); recording the session
    # takes them as its four cards.

    class CandidateCardWritten(Aggregate.Event):
        card_id: str
        party: str
        card: dict[str, Any]  # a CardStory

        def apply(self, cycle: GrowthCycle) -> None:
            written = candidate(self.card_id, 1, self.party, self.card)
            cycle.candidate_cards = {**cycle.candidate_cards, self.card_id: written}
            cycle.candidates_written += 1

    def write_candidate_card(self, party: Party, card: Any) -> str:
        """Writes a new candidate card; returns its id."""
        check_at_the_table(self)
        story = card_to_write(self.candidate_cards, card)
        card_id = candidate_id(self.id, self.candidates_written)
        self.trigger_event(
            self.CandidateCardWritten, card_id=card_id, party=party.value, card=dict(story)
        )
        return card_id

    class CandidateCardChanged(Aggregate.Event):
        card_id: str
        party: str
        version: int
        card: dict[str, Any]  # a CardStory

        def apply(self, cycle: GrowthCycle) -> None:
            changed = candidate(self.card_id, self.version, self.party, self.card)
            cycle.candidate_cards = {**cycle.candidate_cards, self.card_id: changed}

    def change_candidate_card(self, party: Party, card_id: str, card: Any) -> bool:
        """Changes a candidate card into its next version; False when nothing changed."""
        check_at_the_table(self)
        current = existing_candidate(self.candidate_cards, card_id)
        story = card_to_write(self.candidate_cards, card, replacing=card_id)
        if story == story_of(current):
            return False
        self.trigger_event(
            self.CandidateCardChanged,
            card_id=card_id,
            party=party.value,
            version=current["version"] + 1,
            card=dict(story),
        )
        return True

    class CandidateCardRemoved(Aggregate.Event):
        card_id: str
        party: str

        def apply(self, cycle: GrowthCycle) -> None:
            remaining = dict(cycle.candidate_cards)
            del remaining[self.card_id]
            cycle.candidate_cards = remaining

    def remove_candidate_card(self, party: Party, card_id: str) -> None:
        check_at_the_table(self)
        existing_candidate(self.candidate_cards, card_id)
        self.trigger_event(self.CandidateCardRemoved, card_id=card_id, party=party.value)

    # -- the session report (verslag), approved by both like the POP ---------

    class SessionReportDrafted(Aggregate.Event):
        party: str
        version: int
        text: str

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.report_versions = [*cycle.report_versions, self.text]
            cycle.report_approvals = {}

    class SessionReportRevised(SessionReportDrafted):
        pass

    def write_session_report(self, party: Party, text: Any) -> int:
        """Drafts the report or revises it into a new version; returns its version."""
        check_report_writable(self)
        report = parse_report(text, self.report_versions)
        event = self.SessionReportRevised if self.report_versions else self.SessionReportDrafted
        version = len(self.report_versions) + 1
        self.trigger_event(event, party=party.value, version=version, text=report)
        return version

    class SessionReportApproved(Aggregate.Event):
        party: str
        version: int

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.report_approvals = {**cycle.report_approvals, self.party: self.version}

    class SessionReportApprovedByBoth(Aggregate.Event):
        version: int

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.report_agreed_version = self.version

    def approve_session_report(self, party: Party, version: Any) -> None:
        check_report_to_approve(self)
        version, both = check_approval(
            self.report_approvals,
            party,
            version,
            current=len(self.report_versions),
            no_such=NO_SUCH_REPORT_VERSION,
        )
        self.trigger_event(self.SessionReportApproved, party=party.value, version=version)
        if both:
            self.trigger_event(self.SessionReportApprovedByBoth, version=version)

    class SessionReportApprovalWithdrawn(Aggregate.Event):
        """At a handover: the former manager's approval of a report not agreed by both."""

        party: str
        version: int

        def apply(self, cycle: GrowthCycle) -> None:
            approvals = dict(cycle.report_approvals)
            approvals.pop(self.party, None)
            cycle.report_approvals = approvals

    class CardLinkedToBacklog(Aggregate.Event):
        """A card of the session now points at a backlog skill (None: at none)."""

        card_id: str
        backlog_skill_id: str | None

        def apply(self, cycle: GrowthCycle) -> None:
            # A new dict: the one there is also the session's event's, which stays as recorded.
            card = {**cycle.cards[self.card_id], "backlog_skill_id": self.backlog_skill_id}
            cycle.cards[self.card_id] = card

    def link_card_to_backlog(self, card_id: Any, backlog_skill_id: str | None) -> bool:
        """Points a session card at a backlog skill, or at none; False when nothing changes.

        After the session either party may find that a card is (or is not) about
        a skill on the company backlog; whether that skill is usable is the
        service's to check, as for the cards written at the session.
        """
        check_open(self)
        card = self.cards.get(str(card_id))  # none before the session
        if card is None:
            raise InvalidInput(CARD_NOT_OF_THIS_SESSION, "card_id")
        if card.get("backlog_skill_id") == backlog_skill_id:
            return False
        self.trigger_event(
            self.CardLinkedToBacklog, card_id=str(card_id), backlog_skill_id=backlog_skill_id
        )
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
        version, both = check_approval(self.approvals, party, version, current=self.plan_version)
        self.trigger_event(self.PlanApproved, party=party.value, version=version)
        if both:
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
