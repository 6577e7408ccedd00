"""Reads of people with their access rules (see `service.read_queries` for all the rules).

- HR and administrators see everyone, people who left too (marked so);
- a manager their reports, everyone themselves and the names of their team;
  people who left only HR and administrators;
- a person found by e-mail address or external id: whoever `people` shows
  with that detail (a colleague's row hides it, so no colleague is found by it).

Part of `ReadQueries` (see `service.read_queries`), which pages and the API share.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.person import Person
from projections import people as people_rows
from projections.database import Database
from projections.keyset import Page, page_after, page_of
from projections.people_fold import Colleague, PersonRow
from service.actor import Actor
from service.application import Groeispurt
from service.errors import Forbidden, NotFound
from service.ids import as_uuid

# Where a list of people stands: (name, person id), the order they are listed in.
PersonKey = tuple[str, str]


def person_key(row: PersonRow | Colleague) -> PersonKey:
    return (row["name"], row["person_id"])


class PeopleReads:
    app: Groeispurt
    database: Database

    def me(self, actor: Actor) -> PersonRow:
        """The asking person as they are now (from their aggregate, not the read model)."""
        person = self._person(actor.person_id)
        if person is None:
            raise Forbidden()
        return people_rows.person_row(
            person.id,
            person,
            person.roles,
            external_id=person.external_id,
            left_on=person.left_on,
        )

    def people(self, actor: Actor) -> list[PersonRow | Colleague]:
        """Everyone the actor may see, in order of name."""
        if _sees_everyone(actor):
            return [*people_rows.list_people(self.database)]
        me = self._person(actor.person_id)
        if me is None:
            raise Forbidden()
        seen: dict[str, PersonRow | Colleague] = {}
        for row in people_rows.list_team(self.database, me.team):
            if row["left_on"] is not None:
                continue
            seen[row["person_id"]] = Colleague(
                person_id=row["person_id"],
                name=row["name"],
                team=row["team"],
                function=row["function"],
            )
        for row in people_rows.list_reports(self.database, str(me.id)):
            if row["left_on"] is None:
                seen[row["person_id"]] = row
        own = people_rows.get_person_row(self.database, str(me.id))
        if own is not None:
            seen[own["person_id"]] = own
        return sorted(seen.values(), key=person_key)

    def people_page(
        self, actor: Actor, after: PersonKey | None, limit: int
    ) -> Page[PersonRow | Colleague]:
        """`people`, one page after the person at `after` (a keyset, see `projections.keyset`)."""
        if _sees_everyone(actor):
            rows = people_rows.page_people(self.database, after, limit + 1)
            return page_of(rows, limit, people_rows.count_people(self.database))
        return page_after(self.people(actor), person_key, after, limit)

    def person(self, actor: Actor, person_id: Any) -> PersonRow | Colleague | None:
        """One person as `people` shows them to the actor: Forbidden where it would not
        list them; None where no such person is (only to those who see everyone)."""
        key = str(as_uuid(person_id))
        if _sees_everyone(actor):
            return people_rows.get_person_row(self.database, key)
        for row in self.people(actor):
            if row["person_id"] == key:
                return row
        raise Forbidden()

    def person_by_email(self, actor: Actor, email: str) -> PersonRow | None:
        row = people_rows.find_person_row(self.database, email=email.strip().lower())
        return self._shown_with_details(actor, row)

    def person_by_external_id(self, actor: Actor, external_id: str) -> PersonRow | None:
        row = people_rows.find_person_row(self.database, external_id=external_id.strip())
        return self._shown_with_details(actor, row)

    def _shown_with_details(self, actor: Actor, row: PersonRow | None) -> PersonRow | None:
        """The row, if `people` shows the caller this person with their details (a
        colleague's row hides them, so a colleague is not found by them); else None,
        whether or not the person exists."""
        if _sees_everyone(actor):
            return row
        me = self._person(actor.person_id)
        if me is None:
            raise Forbidden()
        if row is None or (row["left_on"] is not None and row["person_id"] != str(me.id)):
            return None
        if row["person_id"] == str(me.id) or row["manager_id"] == str(me.id):
            return row
        return None

    def _person(self, person_id: UUID | None) -> Person | None:
        if person_id is None:
            return None
        try:
            return self.app.get_person(person_id)
        except NotFound:
            return None


def _sees_everyone(actor: Actor) -> bool:
    """HR (never a reports-only token) and administrators see every person."""
    return actor.may_read_cycles_as_hr or actor.is_admin
