"""A person in the organisation: who they are, what they do, who manages them.

Changes of manager, function and team are events of their own, so the
history always knows who was the manager at the time of each cycle. A
person who leaves is deactivated, never removed: everything they did stays
in the history, and the service ends their access.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.dates import require_date
from domain.error_texts import (
    ALREADY_DEACTIVATED,
    EMAIL_TAKEN,
    HAS_ROLE,
    LACKS_ROLE,
    LANGUAGE_NOT_OFFERED,
    LEFT_BEFORE_START,
    LINK_FOR_LEAVER,
    NO_SUCH_ROLE,
    NOT_AN_EMAIL,
    OWN_MANAGER,
)
from domain.errors import InvalidInput, NotAllowedNow
from domain.text import LONG, check_text
from domain.vocabulary import DevelopmentPhase, Language, SignInLinkPurpose, parse_choice

LANGUAGES = tuple(language.value for language in Language)
ROLES = ("hr", "admin")
MAX_EXTERNAL_ID = 100


def check_email(value: Any) -> str:
    email = check_text("email", value).lower()
    local, _, domain = email.partition("@")
    labels = domain.split(".")
    if not local or "@" in domain or len(labels) < 2 or not all(labels) or " " in email:
        raise InvalidInput(NOT_AN_EMAIL, "email")
    return email


def check_external_id(value: Any) -> str | None:
    """Another system's id for a person (an HRIS's), as it is written there; None for none."""
    return check_text("external_id", value, required=False, max_length=MAX_EXTERNAL_ID) or None


class Person(Aggregate):
    class Registered(Aggregate.Created):
        name: str
        email: str
        function: str
        team: str
        manager_id: UUID | None
        development_phase: str
        language: str
        start_date: date

    @classmethod
    def register(cls, **details: Any) -> Person:
        language = details.get("language") or "nl"
        if language not in LANGUAGES:
            raise InvalidInput(LANGUAGE_NOT_OFFERED, "language")
        external_id = check_external_id(details.get("external_id"))
        person = cls._create(
            cls.Registered,
            name=check_text("name", details.get("name")),
            email=check_email(details.get("email")),
            function=check_text("function", details.get("function")),
            team=check_text("team", details.get("team")),
            manager_id=details.get("manager_id"),
            development_phase=parse_choice(
                DevelopmentPhase, "development_phase", details.get("development_phase") or "junior"
            ).value,
            language=language,
            start_date=require_date("start_date", details.get("start_date")),
        )
        person.change_external_id(external_id)
        return person

    def __init__(
        self,
        name: str,
        email: str,
        function: str,
        team: str,
        manager_id: UUID | None,
        development_phase: str,
        language: str,
        start_date: date,
    ) -> None:
        self.name = name
        self.email = email
        self.function = function
        self.team = team
        self.manager_id = manager_id
        self.development_phase = development_phase
        self.language = language
        self.start_date = start_date
        self.roles: list[str] = []
        self.external_id: str | None = None
        self.left_on: date | None = None

    @property
    def is_active(self) -> bool:
        return self.left_on is None

    class ManagerChanged(Aggregate.Event):
        manager_id: UUID | None

        def apply(self, person: Person) -> None:
            person.manager_id = self.manager_id

    def change_manager(self, manager_id: UUID | None) -> None:
        if manager_id == self.id:
            raise InvalidInput(OWN_MANAGER, "manager_id")
        if manager_id != self.manager_id:
            self.trigger_event(self.ManagerChanged, manager_id=manager_id)

    class FunctionChanged(Aggregate.Event):
        function: str

        def apply(self, person: Person) -> None:
            person.function = self.function

    def change_function(self, function: Any) -> None:
        checked = check_text("function", function)
        if checked != self.function:
            self.trigger_event(self.FunctionChanged, function=checked)

    class TeamChanged(Aggregate.Event):
        team: str

        def apply(self, person: Person) -> None:
            person.team = self.team

    def change_team(self, team: Any) -> None:
        checked = check_text("team", team)
        if checked != self.team:
            self.trigger_event(self.TeamChanged, team=checked)

    class LanguageChosen(Aggregate.Event):
        language: str

        def apply(self, person: Person) -> None:
            person.language = self.language

    def choose_language(self, language: Any) -> None:
        if language not in LANGUAGES:
            raise InvalidInput(LANGUAGE_NOT_OFFERED, "language")
        if language != self.language:
            self.trigger_event(self.LanguageChosen, language=language)

    class NameChanged(Aggregate.Event):
        name: str

        def apply(self, person: Person) -> None:
            person.name = self.name

    def change_name(self, name: Any) -> None:
        checked = check_text("name", name)
        if checked != self.name:
            self.trigger_event(self.NameChanged, name=checked)

    class EmailChanged(Aggregate.Event):
        email: str

        def apply(self, person: Person) -> None:
            person.email = self.email

    def change_email(self, email: Any) -> bool:
        """Records the new address; the caller claims it in the EmailIndex in the same save."""
        checked = check_email(email)
        if checked == self.email:
            return False
        self.trigger_event(self.EmailChanged, email=checked)
        return True

    class DevelopmentPhaseChanged(Aggregate.Event):
        development_phase: str

        def apply(self, person: Person) -> None:
            person.development_phase = self.development_phase

    def change_development_phase(self, phase: Any) -> None:
        checked = parse_choice(DevelopmentPhase, "development_phase", phase).value
        if checked != self.development_phase:
            self.trigger_event(self.DevelopmentPhaseChanged, development_phase=checked)

    class StartDateCorrected(Aggregate.Event):
        start_date: date

        def apply(self, person: Person) -> None:
            person.start_date = self.start_date

    def correct_start_date(self, start_date: Any) -> None:
        checked = require_date("start_date", start_date)
        if checked != self.start_date:
            self.trigger_event(self.StartDateCorrected, start_date=checked)

    class RoleGranted(Aggregate.Event):
        role: str

        def apply(self, person: Person) -> None:
            person.roles.append(self.role)

    def grant_role(self, role: Any) -> None:
        if role not in ROLES:
            raise InvalidInput(NO_SUCH_ROLE, "role")
        if role in self.roles:
            raise NotAllowedNow(HAS_ROLE, name=self.name, role=role)
        self.trigger_event(self.RoleGranted, role=role)

    class RoleRevoked(Aggregate.Event):
        role: str

        def apply(self, person: Person) -> None:
            person.roles.remove(self.role)

    def revoke_role(self, role: Any) -> None:
        if role not in self.roles:
            raise NotAllowedNow(LACKS_ROLE, name=self.name, role=str(role))
        self.trigger_event(self.RoleRevoked, role=role)

    class ExternalIdChanged(Aggregate.Event):
        external_id: str | None

        def apply(self, person: Person) -> None:
            person.external_id = self.external_id

    def change_external_id(self, external_id: Any) -> bool:
        """Records the new id (or none); the caller claims it in the ExternalIdIndex in the
        same save."""
        checked = check_external_id(external_id)
        if checked == self.external_id:
            return False
        self.trigger_event(self.ExternalIdChanged, external_id=checked)
        return True

    class Deactivated(Aggregate.Event):
        """The person left: the service ends their access; their history stays as it is."""

        left_on: date
        reason: str

        def apply(self, person: Person) -> None:
            person.left_on = self.left_on

    def deactivate(self, *, left_on: Any, reason: Any = "") -> None:
        if not self.is_active:
            raise NotAllowedNow(ALREADY_DEACTIVATED, name=self.name)
        left = require_date("left_on", left_on)
        if left < self.start_date:
            raise InvalidInput(LEFT_BEFORE_START, "left_on", start=self.start_date)
        self.trigger_event(
            self.Deactivated,
            left_on=left,
            reason=check_text("reason", reason, required=False, max_length=LONG),
        )

    class SignInLinkIssued(Aggregate.Event):
        """HR or an administrator made a one-time link with which this person sets a password.

        Says who made it (the event's actor), for what and until when it works; never
        the link itself, which lives (as a hash) only in the service's own table, with
        whether it was used or replaced (nothing of the person changes here).
        """

        purpose: str
        expires_at: datetime

    def issue_sign_in_link(self, purpose: Any, expires_at: datetime) -> None:
        if not self.is_active:
            raise NotAllowedNow(LINK_FOR_LEAVER, name=self.name)
        checked = parse_choice(SignInLinkPurpose, "purpose", purpose)
        self.trigger_event(self.SignInLinkIssued, purpose=checked.value, expires_at=expires_at)


class EmailIndex(Aggregate):
    """Claims an e-mail address for one person: two people can never share one."""

    class Claimed(Aggregate.Created):
        person_id: UUID

    @staticmethod
    def id_for(email: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"groeispurt:email:{email.lower()}")

    @classmethod
    def claim(cls, email: str, person_id: UUID) -> EmailIndex:
        return cls._create(cls.Claimed, id=cls.id_for(email), person_id=person_id)

    def __init__(self, person_id: UUID) -> None:
        self.person_id: UUID | None = person_id

    class Released(Aggregate.Event):
        """The person moved to another address: this one is free to be claimed again."""

        def apply(self, index: EmailIndex) -> None:
            index.person_id = None

    def release(self) -> None:
        if self.person_id is not None:
            self.trigger_event(self.Released)

    class Reclaimed(Aggregate.Event):
        person_id: UUID

        def apply(self, index: EmailIndex) -> None:
            index.person_id = self.person_id

    def reclaim(self, person_id: UUID) -> None:
        if self.person_id is not None:
            raise InvalidInput(EMAIL_TAKEN, "email")
        self.trigger_event(self.Reclaimed, person_id=person_id)
