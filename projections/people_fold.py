"""The people read model's row, and how a person's events fold into it.

One row per person: who they are, what they do, who manages them, their
roles. The fold is pure: it is handed the stored rows of the people a batch
concerns and changes them in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol, TypedDict, final
from uuid import UUID

from domain.person import Person
from projections.read_model import Event

# What a person is registered with; the one list of them (forms, rows, GraphQL).
DETAILS = (
    "name",
    "email",
    "function",
    "team",
    "manager_id",
    "development_phase",
    "language",
    "start_date",
)


@final  # so that `"email" in row` tells a person's row from a colleague's
class PersonRow(TypedDict):
    """A person as the read model keeps them (ids and dates as text, roles sorted).

    A dict: a mutation's answer is kept as JSON for a retry and read back so."""

    person_id: str
    name: str
    email: str
    function: str
    team: str
    manager_id: str | None
    development_phase: str
    language: str
    start_date: str
    roles: list[str]
    external_id: str | None  # the person's id in another system (an HRIS), if given
    left_on: str | None  # set when HR deactivated them: they have left


@final
class Colleague(TypedDict):
    """What a colleague in the same team sees of a person."""

    person_id: str
    name: str
    team: str
    function: str


class PersonDetails(Protocol):
    """A person's details as the Registered event and the Person aggregate both hold them."""

    @property
    def name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def function(self) -> str: ...
    @property
    def team(self) -> str: ...
    @property
    def manager_id(self) -> UUID | None: ...
    @property
    def development_phase(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def start_date(self) -> date: ...


def person_row(
    person_id: UUID,
    details: PersonDetails,
    roles: Iterable[str],
    *,
    external_id: str | None = None,
    left_on: date | None = None,
) -> PersonRow:
    return PersonRow(
        person_id=str(person_id),
        name=details.name,
        email=details.email,
        function=details.function,
        team=details.team,
        manager_id=str(details.manager_id) if details.manager_id else None,
        development_phase=details.development_phase,
        language=details.language,
        start_date=details.start_date.isoformat(),
        roles=sorted(roles),
        external_id=external_id,
        left_on=left_on.isoformat() if left_on is not None else None,
    )


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    return {
        key
        for event, key, _ in batch
        if isinstance(event, Person.Event) and not isinstance(event, Person.Registered)
    }


def fold(
    rows: dict[str, PersonRow], batch: Iterable[tuple[Event, str, str]]
) -> dict[str, PersonRow]:
    """Folds events in log order into `rows` (the stored ones by person id; new ones
    are added); returns the rows that changed."""
    changed: dict[str, PersonRow] = {}
    for event, key, _ in batch:
        if not isinstance(event, Person.Event):
            continue
        if isinstance(event, Person.Registered):
            row = rows[key] = person_row(event.originator_id, event, ())
        else:
            found = rows.get(key)
            if found is None:
                continue
            row = found
            process_event(row, event)
        changed[key] = row
    return changed


def process_event(row: PersonRow, event: Person.Event) -> None:
    match event:
        case Person.ManagerChanged():
            row["manager_id"] = str(event.manager_id) if event.manager_id else None
        case Person.FunctionChanged():
            row["function"] = event.function
        case Person.TeamChanged():
            row["team"] = event.team
        case Person.LanguageChosen():
            row["language"] = event.language
        case Person.NameChanged():
            row["name"] = event.name
        case Person.EmailChanged():
            row["email"] = event.email
        case Person.DevelopmentPhaseChanged():
            row["development_phase"] = event.development_phase
        case Person.StartDateCorrected():
            row["start_date"] = event.start_date.isoformat()
        case Person.RoleGranted():
            row["roles"] = sorted({*row["roles"], event.role})
        case Person.RoleRevoked():
            row["roles"] = [r for r in row["roles"] if r != event.role]
        case Person.ExternalIdChanged():
            row["external_id"] = event.external_id
        case Person.Deactivated():
            row["left_on"] = event.left_on.isoformat()
