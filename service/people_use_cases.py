"""Use cases for people and the organisation chart (HR and administrators)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.errors import InvalidInput
from domain.person import Person
from service.actor import Actor
from service.error_texts import (
    EMAIL_REGISTERED,
    EXTERNAL_ID_REGISTERED,
    NO_SUCH_PERSON,
    PEOPLE_CHANGED,
    PERSON_AND_CYCLE_CHANGED,
    PERSON_CHANGED,
    PERSON_DEACTIVATED,
    SETTINGS_CHANGED,
)
from service.errors import Changed, Conflict, Forbidden, NotFound
from service.unique_details import UniqueDetails

if TYPE_CHECKING:
    from domain.employee_cycles import EmployeeCycles
    from domain.growth_cycle import GrowthCycle
    from service.idempotency import Claim


class PeopleUseCases(UniqueDetails):
    if TYPE_CHECKING:

        def _employee_cycles(self, employee_id: UUID) -> EmployeeCycles: ...
        def _load_cycle(self, cycle_id: UUID) -> GrowthCycle: ...

    def register_person(
        self, actor: Actor, idempotency: Claim | None = None, /, **details: Any
    ) -> UUID:
        """`idempotency` comes by position: unpacked details could never fill it."""
        _require_people_manager(actor)
        manager_id = details.get("manager_id")
        if manager_id is not None:
            self.active_person(manager_id, "manager_id")
        person = Person.register(**details)
        claims = [self._claim_email(person.email, person.id)]
        claims += self._external_id_changes(person, None)
        try:
            self.save_changes(*claims, person, by=actor, idempotency=idempotency, what=PEOPLE)
        except Conflict:
            raise self._taken(person) from None
        return person.id

    def change_name(
        self, actor: Actor, person_id: UUID, name: Any, *, idempotency: Claim | None = None
    ) -> None:
        _require_people_manager(actor)
        person = self.get_person(person_id)
        person.change_name(name)
        self.save_changes(person, by=actor, idempotency=idempotency, what=_person(person_id))

    def change_email(
        self, actor: Actor, person_id: UUID, email: Any, *, idempotency: Claim | None = None
    ) -> None:
        """Moves a person to a new address: claims the new one and frees the old, in one save."""
        _require_people_manager(actor)
        person = self.get_person(person_id)
        old = person.email
        if not person.change_email(email):
            return
        claim = self._claim_email(person.email, person.id)
        released = self._email_index(old)
        changed: list[Any] = [claim, person]
        if released is not None and released.person_id == person.id:
            released.release()
            changed.append(released)
        try:
            self.save_changes(*changed, by=actor, idempotency=idempotency, what=PEOPLE)
        except Conflict:
            raise InvalidInput(EMAIL_REGISTERED, "email", email=person.email) from None

    def change_external_id(
        self, actor: Actor, person_id: UUID, external_id: Any, *, idempotency: Claim | None = None
    ) -> None:
        """Gives a person another system's id (or none): claims the new one, frees the old."""
        _require_people_manager(actor)
        person = self.get_person(person_id)
        old = person.external_id
        if not person.change_external_id(external_id):
            return
        changed = [*self._external_id_changes(person, old), person]
        try:
            self.save_changes(*changed, by=actor, idempotency=idempotency, what=PEOPLE)
        except Conflict:
            raise InvalidInput(
                EXTERNAL_ID_REGISTERED, "external_id", external_id=str(person.external_id)
            ) from None

    def change_development_phase(
        self, actor: Actor, person_id: UUID, phase: Any, *, idempotency: Claim | None = None
    ) -> None:
        _require_people_manager(actor)
        person = self.get_person(person_id)
        person.change_development_phase(phase)
        self.save_changes(person, by=actor, idempotency=idempotency, what=_person(person_id))

    def correct_start_date(
        self, actor: Actor, person_id: UUID, start_date: Any, *, idempotency: Claim | None = None
    ) -> None:
        _require_people_manager(actor)
        person = self.get_person(person_id)
        person.correct_start_date(start_date)
        self.save_changes(person, by=actor, idempotency=idempotency, what=_person(person_id))

    def change_manager(
        self,
        actor: Actor,
        person_id: UUID,
        manager_id: UUID | None,
        *,
        idempotency: Claim | None = None,
    ) -> None:
        """Gives a person another manager (or none); their open cycle changes hands in the
        same save, so the former manager's access ends at once (see `domain.handover`)."""
        _require_people_manager(actor)
        if manager_id is not None:
            self.active_person(manager_id, "manager_id")
        person = self.get_person(person_id)
        person.change_manager(manager_id)
        changed: list[Any] = [person]
        latest = self._employee_cycles(person.id).latest
        if latest is not None:
            cycle = self._load_cycle(latest)
            if cycle.hand_over(manager_id):
                changed.append(cycle)
        self.save_changes(
            *changed,
            by=actor,
            idempotency=idempotency,
            what=Changed(PERSON_AND_CYCLE_CHANGED, {"person_id": str(person_id)}),
        )

    def change_function(
        self, actor: Actor, person_id: UUID, function: Any, *, idempotency: Claim | None = None
    ) -> None:
        _require_people_manager(actor)
        person = self.get_person(person_id)
        person.change_function(function)
        self.save_changes(person, by=actor, idempotency=idempotency, what=_person(person_id))

    def change_team(
        self, actor: Actor, person_id: UUID, team: Any, *, idempotency: Claim | None = None
    ) -> None:
        _require_people_manager(actor)
        person = self.get_person(person_id)
        person.change_team(team)
        self.save_changes(person, by=actor, idempotency=idempotency, what=_person(person_id))

    def grant_role(
        self, actor: Actor, person_id: UUID, role: Any, *, idempotency: Claim | None = None
    ) -> None:
        if not (actor.is_admin and actor.may_write):
            raise Forbidden()
        person = self.get_person(person_id)
        person.grant_role(role)
        self.save_changes(person, by=actor, idempotency=idempotency, what=_person(person_id))

    def revoke_role(
        self, actor: Actor, person_id: UUID, role: Any, *, idempotency: Claim | None = None
    ) -> None:
        if not (actor.is_admin and actor.may_write):
            raise Forbidden()
        person = self.get_person(person_id)
        person.revoke_role(role)
        self.save_changes(person, by=actor, idempotency=idempotency, what=_person(person_id))

    def choose_language(
        self, actor: Actor, language: Any, *, idempotency: Claim | None = None
    ) -> None:
        if actor.person_id is None or not actor.may_write:
            raise Forbidden()
        person = self.get_person(actor.person_id)
        person.choose_language(language)
        self.save_changes(person, by=actor, idempotency=idempotency, what=Changed(SETTINGS_CHANGED))

    # -- lookups used by other use cases (no access check: internal) ----------

    def get_person(self, person_id: Any) -> Person:
        try:
            person: object = self.repository.get(
                person_id if isinstance(person_id, UUID) else UUID(str(person_id))
            )
        except (AggregateNotFoundError, ValueError):
            raise NotFound(NO_SUCH_PERSON) from None
        if not isinstance(person, Person):
            raise NotFound(NO_SUCH_PERSON)
        return person

    def _taken(self, person: Person) -> InvalidInput:
        """Which of a new person's unique details someone claimed at the same moment."""
        email = self._email_index(person.email)
        if person.external_id is not None and (email is None or email.person_id is None):
            return InvalidInput(
                EXTERNAL_ID_REGISTERED, "external_id", external_id=person.external_id
            )
        return InvalidInput(EMAIL_REGISTERED, "email", email=person.email)

    def active_person(self, person_id: Any, field: str) -> Person:
        """A person who may be given someone to manage or coach; NotFound for nobody."""
        person = self.get_person(person_id)
        if not person.is_active:
            raise InvalidInput(PERSON_DEACTIVATED, field, name=person.name)
        return person

    def manager_of(self, employee_id: UUID) -> UUID | None:
        try:
            return self.get_person(employee_id).manager_id
        except NotFound:
            return None


def _require_people_manager(actor: Actor) -> None:
    if not (actor.is_hr or actor.is_admin) or not actor.may_write:
        raise Forbidden()


def _person(person_id: UUID) -> Changed:
    return Changed(PERSON_CHANGED, {"person_id": str(person_id)})


PEOPLE = Changed(PEOPLE_CHANGED)
