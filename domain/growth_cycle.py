"""The growth cycle (groeispurt): one employee, their manager, one round of growth.

Opened → preparations → session held → three cards on the board → POP
approved by both → follow-up → completed (or closed at any moment).

Each command checks its rules and records one past-tense event; the event's
`apply` is the only place state changes, so replaying the log rebuilds the
same cycle.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.cards import BOARD_LIMIT, parse_cards
from domain.dates import add_months, check_date, require_date
from domain.errors import InvalidInput, NotAllowedNow
from domain.plan import Plan, parse_plan
from domain.preparation import Preparation, check_ready_to_submit, parse_preparation
from domain.text import LONG, check_text
from domain.vocabulary import Column, Party, Stage, parse_choice

FOLLOW_UP_MONTHS = (3, 6, 12)


class GrowthCycle(Aggregate):
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
            raise InvalidInput(
                "A manager cannot hold a growth cycle with themselves.", "employee_id"
            )
        return cls._create(
            cls.Opened,
            employee_id=employee_id,
            manager_id=manager_id,
            planned_session_on=require_date("planned_session_on", planned_session_on),
            previous_cycle_id=previous_cycle_id,
        )

    def __init__(
        self,
        employee_id: UUID,
        manager_id: UUID,
        planned_session_on: date,
        previous_cycle_id: UUID | None,
    ) -> None:
        self.employee_id = employee_id
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

    # -- what the cycle knows about itself ---------------------------------

    @property
    def stage(self) -> Stage:
        if self.closed:
            return Stage.CLOSED
        if self.follow_up is not None:
            return Stage.COMPLETED
        if self.follow_up_on is not None:
            return Stage.FOLLOW_UP_SCHEDULED
        if self.approved_version is not None and self.approved_version == self.plan_version:
            return Stage.PLAN_AGREED
        if self.board is not None:
            return Stage.ON_BOARD
        if self.session is not None:
            return Stage.SESSION_HELD
        return Stage.PREPARING

    @property
    def plan_version(self) -> int:
        return len(self.plan_versions)

    @property
    def is_active(self) -> bool:
        return self.stage not in (Stage.COMPLETED, Stage.CLOSED)

    def column_of(self, card_id: str) -> Column | None:
        for column, ids in (self.board or {}).items():
            if card_id in ids:
                return Column(column)
        return None

    # -- preparation ---------------------------------------------------------

    class PreparationDraftSaved(Aggregate.Event):
        party: str
        preparation: dict[str, Any]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.drafts[self.party] = self.preparation  # type: ignore[assignment]

    def save_preparation_draft(self, party: Party, answers: Any) -> None:
        self._check_preparing()
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
        self._check_preparing()
        preparation = parse_preparation(answers)
        check_ready_to_submit(preparation)
        self.trigger_event(
            self.PreparationSubmitted,
            party=party.value,
            version=len(self.preparations[party.value]) + 1,
            preparation=preparation,
        )

    def _check_preparing(self) -> None:
        self._check_open()
        if self.session is not None:
            raise NotAllowedNow("The session has been held; preparations can no longer change.")

    # -- the session and the board -------------------------------------------

    class SessionHeld(Aggregate.Event):
        held_on: date
        notes: str
        cards: list[dict[str, Any]]

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.session = {"held_on": self.held_on, "notes": self.notes}
            cycle.cards = {card["id"]: card for card in self.cards}

    def hold_session(self, *, held_on: Any, notes: Any, cards: Any) -> None:
        self._check_preparing()
        stories = parse_cards(cards)
        numbered = [
            {"id": str(uuid5(self.id, f"card-{i}")), **story} for i, story in enumerate(stories)
        ]
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
        self._check_open()
        if self.session is None:
            raise NotAllowedNow("Hold the session before choosing the cards for the board.")
        if self.board is not None:
            raise NotAllowedNow("The cards for this cycle's board have already been chosen.")
        if not isinstance(card_ids, list) or not card_ids:
            raise InvalidInput("Choose at least one card for the board.", "card_ids")
        ids = [str(c) for c in card_ids]
        if len(set(ids)) != len(ids):
            raise InvalidInput("The same card was chosen twice.", "card_ids")
        if len(ids) > BOARD_LIMIT:
            raise InvalidInput(
                f"Choose at most {BOARD_LIMIT} cards: the board's work-in-progress limit.",
                "card_ids",
            )
        unknown = [c for c in ids if c not in self.cards]
        if unknown:
            raise InvalidInput("A chosen card is not one of this session's cards.", "card_ids")
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
        self._check_open()
        if self.board is None:
            raise NotAllowedNow("This cycle has no cards on its board yet.")
        card_id = str(card_id)
        from_column = self.column_of(card_id)
        if from_column is None:
            raise NotAllowedNow("That card is not on this cycle's board.")
        to = parse_choice(Column, "to_column", to_column)
        if isinstance(position, bool) or not isinstance(position, int) or position < 0:
            raise InvalidInput("position must be a whole number from 0.", "position")
        others = [c for c in self.board[to.value] if c != card_id]
        position = min(position, len(others))
        if from_column is to and self.board[to.value].index(card_id) == position:
            return False
        self.trigger_event(
            self.CardMoved,
            card_id=str(card_id),
            from_column=from_column.value,
            to_column=to.value,
            position=position,
        )
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
            raise InvalidInput("visible must be true or false.", "visible")
        if self.board is None or self.column_of(str(card_id)) is None:
            raise NotAllowedNow("That card is not on this cycle's board.")
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
        self._check_open()
        if self.session is None:
            raise NotAllowedNow("The POP is written after the session has been held.")
        current = self.plan_versions[-1] if self.plan_versions else None
        parsed = parse_plan(plan, today=today, previous=current)
        if current is not None and parsed == current:
            raise InvalidInput("Nothing changed compared with the current version.", "plan")
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
        self._check_open()
        if not self.plan_versions:
            raise NotAllowedNow("There is no POP to approve yet.")
        if isinstance(version, bool) or not isinstance(version, int):
            raise InvalidInput("version must be a whole number.", "version")
        if not 1 <= version <= self.plan_version:
            raise InvalidInput(f"This POP has no version {version}.", "version")
        if version != self.plan_version:
            raise NotAllowedNow(
                f"Version {version} has been replaced by version {self.plan_version}; "
                "read and approve the current version."
            )
        if self.approvals.get(party.value) == version:
            raise NotAllowedNow(f"The {party.value} has already approved version {version}.")
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
        self._check_open()
        if self.session is None:
            raise NotAllowedNow("A follow-up is agreed at the session; hold the session first.")
        if (due_on is None) == (months is None):
            raise InvalidInput("Give either a number of months or a date.", "due_on")
        held_on: date = self.session["held_on"]
        if months is not None:
            if type(months) is not int or months not in FOLLOW_UP_MONTHS:
                raise InvalidInput("A follow-up comes after 3, 6 or 12 months.", "months")
            due = add_months(held_on, months)
        else:
            due = require_date("due_on", due_on)
            if due <= held_on:
                raise InvalidInput("The follow-up must come after the session.", "due_on")
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

    def complete_follow_up(
        self, *, held_on: Any, went_well: Any, could_be_better: Any, show_and_tell_on: Any = None
    ) -> None:
        self._check_open()
        if self.follow_up_on is None:
            raise NotAllowedNow("Schedule the follow-up before completing it.")
        assert self.session is not None
        held = require_date("held_on", held_on)
        if held < self.session["held_on"]:
            raise InvalidInput("The follow-up cannot be held before the session.", "held_on")
        show_and_tell = check_date("show_and_tell_on", show_and_tell_on, required=False)
        if show_and_tell is not None and show_and_tell < held:
            raise InvalidInput("The show & tell comes after the follow-up.", "show_and_tell_on")
        self.trigger_event(
            self.FollowUpCompleted,
            held_on=held,
            went_well=check_text("went_well", went_well, max_length=LONG, multiline=True),
            could_be_better=check_text(
                "could_be_better", could_be_better, max_length=LONG, multiline=True
            ),
            show_and_tell_on=show_and_tell,
        )

    class Closed(Aggregate.Event):
        reason: str

        def apply(self, cycle: GrowthCycle) -> None:
            cycle.closed = True

    def close(self, reason: Any = "") -> None:
        if self.closed:
            raise NotAllowedNow("This cycle is already closed.")
        if self.follow_up is not None:
            raise NotAllowedNow("This cycle is completed; it needs no closing.")
        self.trigger_event(
            self.Closed, reason=check_text("reason", reason, required=False, max_length=LONG)
        )

    def _check_open(self) -> None:
        if self.closed:
            raise NotAllowedNow("This cycle is closed.")
        if self.follow_up is not None:
            raise NotAllowedNow("This cycle is completed; open the next cycle to go on.")
