"""The audit trail's fields of people's, e-mail addresses' and the backlog's events.

Each builder takes the event's aggregate id (the person's, the address's, the
backlog's) and its fields as the trail reads them from the log (JSON).
"""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from service.graphql.audit_cycle_fields import Build
from service.graphql.enums import (
    DevelopmentPhase,
    Horizon,
    Language,
    Role,
    SignInLinkPurpose,
    SkillKind,
)
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.values import day, moment


@strawberry.type(description="Person.Registered: HR registered a person.")
class PersonRegisteredFields:
    name: str
    email: str
    function: str
    team: str
    manager_id: strawberry.ID | None
    development_phase: DevelopmentPhase
    language: Language
    start_date: date


@strawberry.type(description="Person.ExternalIdChanged: their id in another system, or none.")
class ExternalIdChangedFields:
    external_id: str | None


@strawberry.type(description="Person.Deactivated: HR recorded that they left.")
class PersonDeactivatedFields:
    left_on: date
    reason: str


@strawberry.type(
    description="Person.SignInLinkIssued: HR or an administrator made a one-time link with "
    "which the person sets a password (the link itself is never in an event)."
)
class SignInLinkIssuedFields:
    purpose: SignInLinkPurpose
    expires_at: datetime


@strawberry.type(description="Person.ManagerChanged: another manager, or none.")
class ManagerChangedFields:
    manager_id: strawberry.ID | None


@strawberry.type(description="Person.FunctionChanged.")
class FunctionChangedFields:
    function: str


@strawberry.type(description="Person.TeamChanged.")
class TeamChangedFields:
    team: str


@strawberry.type(description="Person.LanguageChosen.")
class LanguageChosenFields:
    language: Language


@strawberry.type(description="Person.NameChanged.")
class NameChangedFields:
    name: str


@strawberry.type(description="Person.EmailChanged.")
class EmailChangedFields:
    email: str


@strawberry.type(description="Person.DevelopmentPhaseChanged.")
class DevelopmentPhaseChangedFields:
    development_phase: DevelopmentPhase


@strawberry.type(description="Person.StartDateCorrected.")
class StartDateCorrectedFields:
    start_date: date


@strawberry.type(description="Person.RoleGranted and RoleRevoked.")
class RoleFields:
    role: Role


@strawberry.type(
    description="EmailIndex.Claimed and Reclaimed: an e-mail address taken by a person."
)
class EmailClaimedFields:
    person_id: strawberry.ID


@strawberry.type(description="Backlog.SkillAdded: HR added a skill at a place.")
class BacklogSkillAddedFields:
    skill_id: strawberry.ID
    kind: SkillKind
    horizon: Horizon
    description: str
    inspiration: str
    position: int


@strawberry.type(description="Backlog.SkillReworded.")
class BacklogSkillRewordedFields:
    skill_id: strawberry.ID
    kind: SkillKind
    horizon: Horizon
    description: str
    inspiration: str


@strawberry.type(description="Backlog.SkillMoved: to another place, 0 at the top.")
class BacklogSkillMovedFields:
    skill_id: strawberry.ID
    position: int


@strawberry.type(description="Backlog.SkillRetired.")
class BacklogSkillRetiredFields:
    skill_id: strawberry.ID


RECORD_FIELD_TYPES = (
    PersonRegisteredFields,
    ManagerChangedFields,
    FunctionChangedFields,
    TeamChangedFields,
    LanguageChosenFields,
    NameChangedFields,
    EmailChangedFields,
    DevelopmentPhaseChangedFields,
    StartDateCorrectedFields,
    RoleFields,
    EmailClaimedFields,
    BacklogSkillAddedFields,
    BacklogSkillRewordedFields,
    BacklogSkillMovedFields,
    BacklogSkillRetiredFields,
)


def _skill(key: str) -> strawberry.ID:
    return node_id("BacklogSkill", key)


RECORD_FIELDS: dict[tuple[str, str], Build] = {
    ("Person", "Registered"): lambda person, c: PersonRegisteredFields(
        name=c["name"],
        email=c["email"],
        function=c["function"],
        team=c["team"],
        manager_id=node_id_or_none("Person", c["manager_id"]),
        development_phase=DevelopmentPhase(c["development_phase"]),
        language=Language(c["language"]),
        start_date=day(c["start_date"]),
    ),
    ("Person", "ExternalIdChanged"): lambda person, c: ExternalIdChangedFields(
        external_id=c["external_id"]
    ),
    ("Person", "Deactivated"): lambda person, c: PersonDeactivatedFields(
        left_on=day(c["left_on"]), reason=c["reason"]
    ),
    ("Person", "SignInLinkIssued"): lambda person, c: SignInLinkIssuedFields(
        purpose=SignInLinkPurpose(c["purpose"]), expires_at=moment(c["expires_at"])
    ),
    ("Person", "ManagerChanged"): lambda person, c: ManagerChangedFields(
        manager_id=node_id_or_none("Person", c["manager_id"])
    ),
    ("Person", "FunctionChanged"): lambda person, c: FunctionChangedFields(function=c["function"]),
    ("Person", "TeamChanged"): lambda person, c: TeamChangedFields(team=c["team"]),
    ("Person", "LanguageChosen"): lambda person, c: LanguageChosenFields(
        language=Language(c["language"])
    ),
    ("Person", "NameChanged"): lambda person, c: NameChangedFields(name=c["name"]),
    ("Person", "EmailChanged"): lambda person, c: EmailChangedFields(email=c["email"]),
    ("Person", "DevelopmentPhaseChanged"): lambda person, c: DevelopmentPhaseChangedFields(
        development_phase=DevelopmentPhase(c["development_phase"])
    ),
    ("Person", "StartDateCorrected"): lambda person, c: StartDateCorrectedFields(
        start_date=day(c["start_date"])
    ),
    ("Person", "RoleGranted"): lambda person, c: RoleFields(role=Role(c["role"])),
    ("Person", "RoleRevoked"): lambda person, c: RoleFields(role=Role(c["role"])),
    ("EmailIndex", "Claimed"): lambda index, c: EmailClaimedFields(
        person_id=node_id("Person", c["person_id"])
    ),
    ("EmailIndex", "Reclaimed"): lambda index, c: EmailClaimedFields(
        person_id=node_id("Person", c["person_id"])
    ),
    ("Backlog", "SkillAdded"): lambda backlog, c: BacklogSkillAddedFields(
        skill_id=_skill(c["skill_id"]),
        kind=SkillKind(c["kind"]),
        horizon=Horizon(c["horizon"]),
        description=c["description"],
        inspiration=c["inspiration"],
        position=c["position"],
    ),
    ("Backlog", "SkillReworded"): lambda backlog, c: BacklogSkillRewordedFields(
        skill_id=_skill(c["skill_id"]),
        kind=SkillKind(c["kind"]),
        horizon=Horizon(c["horizon"]),
        description=c["description"],
        inspiration=c["inspiration"],
    ),
    ("Backlog", "SkillMoved"): lambda backlog, c: BacklogSkillMovedFields(
        skill_id=_skill(c["skill_id"]), position=c["position"]
    ),
    ("Backlog", "SkillRetired"): lambda backlog, c: BacklogSkillRetiredFields(
        skill_id=_skill(c["skill_id"])
    ),
}
