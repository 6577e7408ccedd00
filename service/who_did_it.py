"""Who did it, and whom it concerns: names for the audit trail and the history.

The event log stores only ids (see `domain.attribution`); names are looked
up when a page of the trail is read, in the people read model, so a person
who changes their name shows by their name of today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Protocol, TypedDict, TypeVar

from domain.attribution import Attribution
from projections import people as people_rows
from projections.database import Database

UNKNOWN = "unknown (before actors were recorded)"


class ActorKind(StrEnum):
    """What caused an event: a person, an API token, Groeispurt itself, or (saved
    before actors were recorded) nobody knows."""

    PERSON = "person"
    TOKEN = "token"
    SYSTEM = "system"
    UNKNOWN = "unknown"


class ActorView(TypedDict):
    kind: str  # an ActorKind
    person_id: str | None
    name: str | None
    token: str | None
    system: str | None
    label: str


class SubjectView(TypedDict):
    person_id: str
    name: str | None


class Attributed(Protocol):
    """A row of the trail or an entry of the history: who did it, and whose it is."""

    @property
    def actor(self) -> Attribution | None: ...
    @property
    def employee_id(self) -> str | None: ...


R = TypeVar("R", bound=Attributed)


@dataclass(frozen=True, slots=True)
class Named(Generic[R]):
    """A row with who did it and whom it concerns, by their names of today."""

    row: R
    actor: ActorView
    subject: SubjectView | None


class Names:
    """Person names by id, each looked up once per page."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._names: dict[str, str | None] = {}

    def of(self, person_id: str) -> str | None:
        if person_id not in self._names:
            row = people_rows.get_person_row(self.database, person_id)
            self._names[person_id] = row["name"] if row else None
        return self._names[person_id]

    def actor(self, attribution: Attribution | None) -> ActorView:
        if attribution is None:
            return ActorView(
                kind=ActorKind.UNKNOWN,
                person_id=None,
                name=None,
                token=None,
                system=None,
                label=UNKNOWN,
            )
        name = self.of(attribution.person_id) if attribution.person_id else None
        person = name or attribution.person_id
        if attribution.token:
            label = f"token {attribution.token}" + (f" for {person}" if person else "")
        elif attribution.system and not person:
            label = f"Groeispurt ({attribution.system})"
        else:
            label = person or UNKNOWN
        return ActorView(
            kind=attribution.kind,
            person_id=attribution.person_id,
            name=name,
            token=attribution.token,
            system=attribution.system,
            label=label,
        )

    def subject(self, person_id: str | None) -> SubjectView | None:
        if person_id is None:
            return None
        return SubjectView(person_id=person_id, name=self.of(person_id))

    def named(self, rows: Iterable[R]) -> list[Named[R]]:
        """Each row with its actor and subject (whose cycle or record it is) by name."""
        return [Named(row, self.actor(row.actor), self.subject(row.employee_id)) for row in rows]
