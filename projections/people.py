"""The people read model: everyone in the organisation, one row each.

Lists of people (HR's overview, a manager's reports, a team) are one
indexed query here instead of loading every Person aggregate. Who may see
which row is decided in the service's read queries, not here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from projections import people_fold
from projections.database import Cursor, Database
from projections.people_fold import DETAILS, PersonRow, person_row
from projections.read_model import Batch, ReadModel
from projections.storage import RowTable

__all__ = ["DETAILS", "PeopleReadModel", "PersonRow", "get_person_row", "person_row"]

TABLE = "rm_people"
COLUMNS = ("person_id", *DETAILS, "roles", "external_id", "left_on")
ROWS = RowTable(TABLE, COLUMNS)


class PeopleReadModel(ReadModel):
    name = "people"
    tables = (TABLE,)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "person_id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, "
        "function TEXT NOT NULL, team TEXT NOT NULL, manager_id TEXT, "
        "development_phase TEXT NOT NULL, language TEXT NOT NULL, start_date TEXT NOT NULL, "
        "roles TEXT NOT NULL, external_id TEXT, left_on TEXT)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_manager ON {TABLE} (manager_id)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_team ON {TABLE} (team)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_email ON {TABLE} (email)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_external_id ON {TABLE} (external_id)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        stored = ROWS.load(cursor, people_fold.keys_to_load(batch))
        rows = {key: _row(row) for key, row in stored.items()}
        changed = people_fold.fold(rows, batch)
        ROWS.upsert(cursor, [_columns(row) for row in changed.values()])


def _row(columns: Mapping[str, Any]) -> PersonRow:
    """A row as stored: the columns as the database gives them, the roles as JSON."""
    return PersonRow(
        person_id=columns["person_id"],
        name=columns["name"],
        email=columns["email"],
        function=columns["function"],
        team=columns["team"],
        manager_id=columns["manager_id"],
        development_phase=columns["development_phase"],
        language=columns["language"],
        start_date=columns["start_date"],
        roles=json.loads(columns["roles"]),
        external_id=columns["external_id"],
        left_on=columns["left_on"],
    )


def _columns(row: PersonRow) -> tuple[object, ...]:
    return (
        row["person_id"],
        row["name"],
        row["email"],
        row["function"],
        row["team"],
        row["manager_id"],
        row["development_phase"],
        row["language"],
        row["start_date"],
        json.dumps(row["roles"]),
        row["external_id"],
        row["left_on"],
    )


# -- queries ---------------------------------------------------------------------


def list_people(database: Database) -> list[PersonRow]:
    rows = database.query(f"SELECT * FROM {TABLE} ORDER BY name, person_id")
    return [_row(row) for row in rows]


def page_people(database: Database, after: tuple[str, str] | None, limit: int) -> list[PersonRow]:
    """Up to `limit` people in order of name, those after (name, person id) `after`."""
    where, params = ("WHERE (name, person_id) > (?, ?) ", [*after]) if after else ("", [])
    rows = database.query(
        f"SELECT * FROM {TABLE} {where}ORDER BY name, person_id LIMIT ?", (*params, limit)
    )
    return [_row(row) for row in rows]


def count_people(database: Database) -> int:
    return int(database.query(f"SELECT COUNT(*) AS n FROM {TABLE}")[0]["n"])


def list_reports(database: Database, manager_id: str) -> list[PersonRow]:
    rows = database.query(
        f"SELECT * FROM {TABLE} WHERE manager_id = ? ORDER BY name, person_id", (str(manager_id),)
    )
    return [_row(row) for row in rows]


def list_team(database: Database, team: str) -> list[PersonRow]:
    rows = database.query(
        f"SELECT * FROM {TABLE} WHERE team = ? ORDER BY name, person_id", (str(team),)
    )
    return [_row(row) for row in rows]


def find_person_row(
    database: Database, *, email: str | None = None, external_id: str | None = None
) -> PersonRow | None:
    """The person with this e-mail address or this external id (both unique), if any."""
    column, value = ("email", email) if email is not None else ("external_id", external_id)
    rows = database.query(f"SELECT * FROM {TABLE} WHERE {column} = ?", (str(value),))
    return _row(rows[0]) if rows else None


def get_person_row(database: Database, person_id: str) -> PersonRow | None:
    rows = database.query(f"SELECT * FROM {TABLE} WHERE person_id = ?", (str(person_id),))
    return _row(rows[0]) if rows else None
