"""The people read model: one row per person, folded from their events without a database."""

from __future__ import annotations

from uuid import uuid4

from domain.person import Person
from projections import people_fold
from projections.people_fold import PersonRow
from tests.unit.folding import batch_of, stored


def ann() -> Person:
    return Person.register(
        name="Ann", email="ann@example.nl", function="Planner", team="Ops", start_date="2024-01-01"
    )


def test_a_registered_person_has_a_row_with_their_details_and_no_roles() -> None:
    person = ann()
    rows: dict[str, PersonRow] = {}
    changed = people_fold.fold(rows, batch_of(person.collect_events()))
    row = rows[str(person.id)]
    assert changed == rows
    assert (row["name"], row["team"], row["manager_id"], row["start_date"]) == (
        "Ann",
        "Ops",
        None,
        "2024-01-01",
    )
    assert (row["development_phase"], row["language"], row["roles"]) == ("junior", "nl", [])


def test_later_changes_fold_into_the_stored_row() -> None:
    person = ann()
    rows: dict[str, PersonRow] = {}
    people_fold.fold(rows, batch_of(person.collect_events()))
    manager = uuid4()
    person.change_manager(manager)
    person.change_team("Sales")
    person.grant_role("hr")
    person.grant_role("admin")
    person.revoke_role("hr")
    later = batch_of(person.collect_events(), first_id=2)
    assert people_fold.keys_to_load(later) == {str(person.id)}
    rows = stored(rows)
    people_fold.fold(rows, later)
    row = rows[str(person.id)]
    assert (row["manager_id"], row["team"], row["roles"]) == (str(manager), "Sales", ["admin"])


def test_events_of_a_person_not_handed_to_the_fold_change_nothing() -> None:
    person = ann()
    person.collect_events()
    person.change_team("Sales")
    rows: dict[str, PersonRow] = {}
    assert people_fold.fold(rows, batch_of(person.collect_events(), first_id=2)) == {}
    assert rows == {}


def test_an_external_id_and_a_deactivation_fold_into_the_row() -> None:
    person = Person.register(
        name="Ann", email="ann@example.nl", function="Planner", team="Ops",
        start_date="2024-01-01", external_id="E-7",
    )  # fmt: skip
    rows: dict[str, PersonRow] = {}
    people_fold.fold(rows, batch_of(person.collect_events()))
    row = rows[str(person.id)]
    assert (row["external_id"], row["left_on"]) == ("E-7", None)
    person.change_external_id(None)
    person.deactivate(left_on="2026-11-30")
    rows = stored(rows)
    people_fold.fold(rows, batch_of(person.collect_events(), first_id=3))
    assert (rows[str(person.id)]["external_id"], rows[str(person.id)]["left_on"]) == (
        None,
        "2026-11-30",
    )
