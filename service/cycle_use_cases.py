"""Use cases of the growth cycle: one method per command, each with its access check.

Every method loads the cycle, works out which party the actor is, checks
the permission table, calls the aggregate (which checks the domain rules)
and saves. A refusal says "not allowed" whether or not the cycle exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.employee_cycles import EmployeeCycles
from domain.errors import InvalidInput, NotAllowedNow
from domain.growth_cycle import GrowthCycle
from domain.vocabulary import Party
from service.actor import Actor
from service.error_texts import (
    ACTIVE_CYCLE,
    ALREADY_LED,
    CYCLE_CHANGED,
    CYCLES_CHANGED,
    EMPLOYEE_HAS_MANAGER,
    HR_OPENS_WITHOUT_MANAGER,
    NO_SUCH_CYCLE,
    NO_SUCH_PERSON,
    ONLY_OWN_MANAGER_OPENS,
    READ_ONLY_TOKEN,
)
from service.errors import Changed, Forbidden, NotFound
from service.ids import IdOrText, as_uuid, bare_key
from service.parties import party_of
from service.permissions import CYCLE_ACTIONS
from service.use_case_host import UseCaseHost

if TYPE_CHECKING:
    from datetime import date

    from domain.person import Person
    from service.idempotency import Claim
    from service.question_set_use_cases import QuestionSetView


class CycleUseCases(UseCaseHost):
    if TYPE_CHECKING:

        def today(self) -> date: ...
        def manager_of(self, employee_id: UUID) -> UUID | None: ...
        def get_person(self, person_id: Any) -> Person: ...
        def active_person(self, person_id: Any, field: str) -> Person: ...
        def check_card_backlog_references(self, cards: Any) -> None: ...
        def check_preparation_backlog_references(self, preparation: Any) -> None: ...
        def current_question_set(self) -> QuestionSetView: ...
        def check_backlog_reference(self, field: str, skill_id: str) -> None: ...

    def open_cycle(
        self,
        actor: Actor,
        *,
        employee_id: UUID,
        planned_session_on: Any,
        coach_id: UUID | None = None,
        idempotency: Claim | None = None,
    ) -> UUID:
        """The manager opens a cycle for a direct report; it links to their previous cycle.

        Someone without a manager (the top of the organisation) still gets a
        cycle: HR opens it with a coach in the manager's role (HR themselves
        unless they name another person).
        """
        _require_writer(actor)
        leader = self._leader_for_new_cycle(actor, employee_id, coach_id)
        index = self._employee_cycles(employee_id)
        previous = index.latest
        if previous is not None and self._load_cycle(previous).is_active:
            raise NotAllowedNow(ACTIVE_CYCLE)
        cycle = GrowthCycle.open(
            employee_id=employee_id,
            manager_id=leader,
            planned_session_on=planned_session_on,
            previous_cycle_id=previous,
        )
        # The questions it asks are the set's as it opens: HR's later changes leave it be.
        asked = self.current_question_set()
        cycle.ask_questions(asked.questions, question_set_version=asked.version)
        index.add(cycle.id)
        self.save_changes(
            index, cycle, by=actor, idempotency=idempotency, what=Changed(CYCLES_CHANGED)
        )
        return cycle.id

    def save_preparation_draft(
        self, actor: Actor, cycle_id: IdOrText, answers: Any, *, idempotency: Claim | None = None
    ) -> None:
        cycle, party = self._cycle_for(actor, cycle_id, "save_preparation_draft")
        cycle.save_preparation_draft(party, answers)
        self.check_preparation_backlog_references(cycle.drafts[party.value])
        self._save(actor, cycle, idempotency)

    def submit_preparation(
        self, actor: Actor, cycle_id: IdOrText, answers: Any, *, idempotency: Claim | None = None
    ) -> None:
        cycle, party = self._cycle_for(actor, cycle_id, "submit_preparation")
        cycle.submit_preparation(party, answers)
        self.check_preparation_backlog_references(cycle.preparations[party.value][-1])
        self._save(actor, cycle, idempotency)

    def hold_session(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        *,
        held_on: Any,
        notes: Any,
        cards: Any,
        idempotency: Claim | None = None,
    ) -> None:
        cycle, _ = self._cycle_for(actor, cycle_id, "hold_session")
        cycle.hold_session(held_on=held_on, notes=notes, cards=cards)
        self.check_card_backlog_references(cycle.cards.values())
        self._save(actor, cycle, idempotency)

    def select_cards(
        self, actor: Actor, cycle_id: IdOrText, card_ids: Any, *, idempotency: Claim | None = None
    ) -> None:
        cycle, _ = self._cycle_for(actor, cycle_id, "select_cards")
        cycle.select_cards(
            [bare_key(c) for c in card_ids] if isinstance(card_ids, list) else card_ids
        )
        self._save(actor, cycle, idempotency)

    def move_card(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        *,
        card_id: str,
        to_column: Any,
        position: Any,
        idempotency: Claim | None = None,
    ) -> bool:
        """Moves a card on the employee's board; False when it was already there."""
        cycle, _ = self._cycle_for(actor, cycle_id, "move_card")
        if not cycle.move_card(bare_key(card_id), to_column, position):
            return False
        self._save(actor, cycle, idempotency)
        return True

    def set_card_visibility(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        *,
        card_id: str,
        visible: Any,
        idempotency: Claim | None = None,
    ) -> bool:
        """Shows a board card to the team (or hides it); False when nothing changed."""
        cycle, _ = self._cycle_for(actor, cycle_id, "set_card_visibility")
        if not cycle.set_card_visibility(bare_key(card_id), visible):
            return False
        self._save(actor, cycle, idempotency)
        return True

    def link_card_to_backlog(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        *,
        card_id: str,
        backlog_skill_id: Any,
        idempotency: Claim | None = None,
    ) -> bool:
        """Points a card of the session at a backlog skill (None or "": at none); False when
        nothing changed. Only a skill on the backlog now may be linked."""
        cycle, _ = self._cycle_for(actor, cycle_id, "link_card_to_backlog")
        skill = str(bare_key(backlog_skill_id)) if backlog_skill_id else None
        if skill is not None:
            self.check_backlog_reference("backlog_skill_id", skill)
        if not cycle.link_card_to_backlog(bare_key(card_id), skill):
            return False
        self._save(actor, cycle, idempotency)
        return True

    def write_plan(
        self, actor: Actor, cycle_id: IdOrText, plan: Any, *, idempotency: Claim | None = None
    ) -> int:
        """Drafts or revises the POP; returns the new version number."""
        cycle, _ = self._cycle_for(actor, cycle_id, "write_plan")
        cycle.write_plan(plan, today=self.today())
        self._save(actor, cycle, idempotency)
        return cycle.plan_version

    def approve_plan(
        self, actor: Actor, cycle_id: IdOrText, version: Any, *, idempotency: Claim | None = None
    ) -> None:
        cycle, party = self._cycle_for(actor, cycle_id, "approve_plan")
        cycle.approve_plan(party, version)
        self._save(actor, cycle, idempotency)

    def schedule_follow_up(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        *,
        due_on: Any = None,
        months: Any = None,
        idempotency: Claim | None = None,
    ) -> None:
        cycle, _ = self._cycle_for(actor, cycle_id, "schedule_follow_up")
        cycle.schedule_follow_up(due_on=due_on, months=months)
        self._save(actor, cycle, idempotency)

    def complete_follow_up(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        *,
        held_on: Any,
        went_well: Any,
        could_be_better: Any,
        show_and_tell_on: Any = None,
        idempotency: Claim | None = None,
    ) -> None:
        cycle, _ = self._cycle_for(actor, cycle_id, "complete_follow_up")
        cycle.complete_follow_up(
            held_on=held_on,
            went_well=went_well,
            could_be_better=could_be_better,
            show_and_tell_on=show_and_tell_on,
        )
        self._save(actor, cycle, idempotency)

    def close_cycle(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        reason: Any = "",
        *,
        idempotency: Claim | None = None,
    ) -> None:
        cycle, _ = self._cycle_for(actor, cycle_id, "close_cycle")
        cycle.close(reason)
        self._save(actor, cycle, idempotency)

    def show_board_to_team(
        self, actor: Actor, cycle_id: IdOrText, *, visible: Any, idempotency: Claim | None = None
    ) -> int:
        """Shows every card of the board to the team (or hides them all) in one save, as a
        manager who shows their whole kanban would; returns how many cards changed."""
        cycle, _ = self._cycle_for(actor, cycle_id, "set_card_visibility")
        card_ids = [c for ids in (cycle.board or {}).values() for c in ids]
        if not card_ids:
            cycle.set_card_visibility("", visible)  # refuses: no board yet
        changed = sum(cycle.set_card_visibility(c, visible) for c in card_ids)
        if changed:
            self._save(actor, cycle, idempotency)
        return changed

    def plan_show_and_tell(
        self, actor: Actor, cycle_id: IdOrText, *, on: Any, idempotency: Claim | None = None
    ) -> bool:
        """Announces the show & tell to the team (or moves it); False when nothing changed."""
        cycle, _ = self._cycle_for(actor, cycle_id, "plan_show_and_tell")
        if not cycle.plan_show_and_tell(on, today=self.today()):
            return False
        self._save(actor, cycle, idempotency)
        return True

    def call_off_show_and_tell(
        self, actor: Actor, cycle_id: IdOrText, *, idempotency: Claim | None = None
    ) -> None:
        cycle, _ = self._cycle_for(actor, cycle_id, "call_off_show_and_tell")
        cycle.call_off_show_and_tell()
        self._save(actor, cycle, idempotency)

    def hand_cycle_to_coach(
        self, actor: Actor, cycle_id: Any, coach_id: Any, *, idempotency: Claim | None = None
    ) -> None:
        """HR names the coach who leads the open cycle of someone without a manager."""
        if not (actor.is_hr and actor.may_write and actor.person_id is not None):
            raise Forbidden()
        try:
            cycle = self._load_cycle(as_uuid(cycle_id))
        except AggregateNotFoundError:
            raise NotFound(NO_SUCH_CYCLE) from None
        if self.manager_of(cycle.employee_id) is not None:
            raise NotAllowedNow(EMPLOYEE_HAS_MANAGER)
        coach = self._registered(coach_id, "coach_id")
        if not cycle.hand_over(coach):
            raise NotAllowedNow(ALREADY_LED)
        self._save(actor, cycle, idempotency)

    def cycles_of(self, employee_id: UUID) -> list[UUID]:
        """The ids of an employee's cycles, oldest first (no access check: internal)."""
        return list(self._employee_cycles(employee_id).cycle_ids)

    # -- helpers ---------------------------------------------------------------

    def _leader_for_new_cycle(self, actor: Actor, employee_id: UUID, coach_id: UUID | None) -> UUID:
        """Who will be the new cycle's manager party, if the actor may open it at all."""
        manager = self.manager_of(employee_id)
        if manager is not None:
            if actor.person_id != manager or coach_id not in (None, manager):
                raise Forbidden(ONLY_OWN_MANAGER_OPENS)
            return manager
        if not actor.is_hr or actor.person_id is None:
            raise Forbidden(HR_OPENS_WITHOUT_MANAGER)
        if coach_id is None:
            return actor.person_id
        return self._registered(coach_id, "coach_id")

    def _registered(self, person_id: Any, field: str) -> UUID:
        """A coach: a registered person who has not been deactivated."""
        try:
            return self.active_person(person_id, field).id
        except NotFound:
            raise InvalidInput(NO_SUCH_PERSON, field) from None

    def _cycle_for(self, actor: Actor, cycle_id: Any, action: str) -> tuple[GrowthCycle, Party]:
        _require_writer(actor)
        cycle_uuid = as_uuid(cycle_id)
        try:
            cycle = self._load_cycle(cycle_uuid)
        except AggregateNotFoundError:
            raise Forbidden() from None
        party = party_of(actor, cycle.employee_id, cycle.manager_id)
        if party is None or party not in CYCLE_ACTIONS[action]:
            raise Forbidden()
        # Ended cycles are not handed over: their recorded manager has a say
        # (or even a refusal worth reading) only while still the manager.
        ended = party is Party.MANAGER and not cycle.is_active
        if ended and self.manager_of(cycle.employee_id) != actor.person_id:
            raise Forbidden()
        return cycle, party

    def _load_cycle(self, cycle_id: UUID) -> GrowthCycle:
        cycle: object = self.repository.get(cycle_id)
        if not isinstance(cycle, GrowthCycle):
            raise AggregateNotFoundError(cycle_id)
        return cycle

    def _employee_cycles(self, employee_id: UUID) -> EmployeeCycles:
        try:
            index: object = self.repository.get(EmployeeCycles.id_for(employee_id))
        except AggregateNotFoundError:
            return EmployeeCycles.start(employee_id)
        assert isinstance(index, EmployeeCycles)
        return index

    def _save(self, actor: Actor, cycle: GrowthCycle, idempotency: Claim | None = None) -> None:
        self.save_changes(
            cycle,
            by=actor,
            idempotency=idempotency,
            what=Changed(CYCLE_CHANGED, {"cycle_id": str(cycle.id)}),
        )


def _require_writer(actor: Actor) -> None:
    if not actor.may_write:
        raise Forbidden(READ_ONLY_TOKEN)
