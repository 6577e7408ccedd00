"""The people read model: everyone in the organisation, one row each.

Lists of people (HR's overview, a manager's reports, a team) are one
indexed query here instead of loading every Person aggregate. Who may see
which row is decided in the service's read queries, not here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol
from uuid import UUID

from domain.person import Person
from projections.database import Cursor, Database
from projections.read_model import Batch, ReadModel

TABLE = "rm_people"
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
COLUMNS = ("person_id", *DETAILS, "roles")


class PersonDetails(Protocol):
    """A person's details as the Registered event and the Person aggregate both hold them."""

    name: str
    email: str
    function: str
    team: str
    manager_id: UUID | None
    development_phase: str
    language: str
    start_date: date


class PeopleReadModel(ReadModel):
    name = "people"
    tables = (TABLE,)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "person_id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, "
        "function TEXT NOT NULL, team TEXT NOT NULL, manager_id TEXT, "
        "development_phase TEXT NOT NULL, language TEXT NOT NULL, start_date TEXT NOT NULL, "
        "roles TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_manager ON {TABLE} (manager_id)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_team ON {TABLE} (team)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        rows: dict[str, dict[str, Any]] = {}
        for event, key, _ in batch:
            if not isinstance(event, Person.Event):
                continue
            if isinstance(event, Person.Registered):
                rows[key] = _registered(event)
                continue
            row = rows.get(key) or _load(cursor, key)
            if row is None:
                continue
            _fold(row, event)
            rows[key] = row
        if rows:
            cursor.executemany(
                f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES "
                f"({', '.join('?' for _ in COLUMNS)}) ON CONFLICT (person_id) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:]),
                [tuple(_stored(row)[c] for c in COLUMNS) for row in rows.values()],
            )


def person_row(person_id: UUID, details: PersonDetails, roles: Iterable[str]) -> dict[str, Any]:
    """A person as this read model keeps them (ids and dates as text, roles sorted)."""
    row: dict[str, Any] = {"person_id": str(person_id)}
    row.update((field, getattr(details, field)) for field in DETAILS)
    row["manager_id"] = str(details.manager_id) if details.manager_id else None
    row["start_date"] = details.start_date.isoformat()
    row["roles"] = sorted(roles)
    return row


def _registered(event: Person.Registered) -> dict[str, Any]:
    return person_row(event.originator_id, event, ())


def _fold(row: dict[str, Any], event: Any) -> None:
    if isinstance(event, Person.ManagerChanged):
        row["manager_id"] = str(event.manager_id) if event.manager_id else None
    elif isinstance(event, Person.RoleGranted):
        row["roles"] = sorted({*row["roles"], event.role})
    elif isinstance(event, Person.RoleRevoked):
        row["roles"] = [r for r in row["roles"] if r != event.role]
    elif isinstance(event, Person.StartDateCorrected):
        row["start_date"] = event.start_date.isoformat()
    else:
        for field in ("name", "email", "function", "team", "development_phase", "language"):
            if hasattr(event, field):
                row[field] = getattr(event, field)


def _load(cursor: Cursor, key: str) -> dict[str, Any] | None:
    cursor.execute(f"SELECT * FROM {TABLE} WHERE person_id = ?", (key,))
    found = cursor.fetchone()
    if found is None:
        return None
    row = {c: found[c] for c in COLUMNS}
    row["roles"] = json.loads(row["roles"])
    return row


def _stored(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "roles": json.dumps(row["roles"])}


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "roles": json.loads(row["roles"])}


# -- queries ---------------------------------------------------------------------


def list_people(database: Database) -> list[dict[str, Any]]:
    rows = database.query(f"SELECT * FROM {TABLE} ORDER BY name, person_id")
    return [_public(row) for row in rows]


def list_reports(database: Database, manager_id: str) -> list[dict[str, Any]]:
    rows = database.query(
        f"SELECT * FROM {TABLE} WHERE manager_id = ? ORDER BY name, person_id", (str(manager_id),)
    )
    return [_public(row) for row in rows]


def list_team(database: Database, team: str) -> list[dict[str, Any]]:
    rows = database.query(
        f"SELECT * FROM {TABLE} WHERE team = ? ORDER BY name, person_id", (str(team),)
    )
    return [_public(row) for row in rows]


def get_person_row(database: Database, person_id: str) -> dict[str, Any] | None:
    rows = database.query(f"SELECT * FROM {TABLE} WHERE person_id = ?", (str(person_id),))
    return _public(rows[0]) if rows else None
