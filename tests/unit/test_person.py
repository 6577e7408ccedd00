"""A person: registration, changes that are events of their own, roles; the e-mail index."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.employee_cycles import EmployeeCycles
from domain.errors import InvalidInput, NotAllowedNow
from domain.person import EmailIndex, Person, check_email

BOSS = UUID("00000000-0000-4000-8000-0000000000b0")

DETAILS: dict[str, Any] = {
    "name": "Eva Employee",
    "email": "Eva@Example.NL",
    "function": "Developer",
    "team": "Web",
    "manager_id": BOSS,
    "start_date": "2022-09-01",
}


def registered(**changes: Any) -> Person:
    person = Person.register(**{**DETAILS, **changes})
    person.collect_events()
    return person


def recorded(person: Person) -> list[str]:
    return [type(e).__name__ for e in person.collect_events()]


def test_registering_records_the_person_with_sensible_defaults() -> None:
    person = Person.register(**DETAILS)
    assert recorded(person) == ["Registered"]
    assert person.email == "eva@example.nl"
    assert person.language == "nl"
    assert person.development_phase == "junior"
    assert person.start_date == date(2022, 9, 1)
    assert person.manager_id == BOSS
    assert person.roles == []


def test_a_person_may_have_no_manager_and_an_english_interface() -> None:
    person = registered(manager_id=None, language="en", development_phase="senior")
    assert (person.manager_id, person.language, person.development_phase) == (
        None,
        "en",
        "senior",
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "Eva\x00"}, "name"),
        ({"function": None}, "function"),
        ({"team": "  "}, "team"),
        ({"email": "eva"}, "email"),
        ({"email": "eva@example"}, "email"),
        ({"email": "@example.nl"}, "email"),
        ({"email": "eva employee@example.nl"}, "email"),
        ({"email": None}, "email"),
        ({"language": "fr"}, "language"),
        ({"development_phase": "expert"}, "development_phase"),
        ({"start_date": None}, "start_date"),
        ({"start_date": "2022-02-30"}, "start_date"),
    ],
)
def test_registering_with_a_bad_detail_is_refused_with_the_field_named(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        Person.register(**{**DETAILS, **changes})
    assert raised.value.field == field


def test_an_email_address_is_trimmed_and_lower_cased() -> None:
    assert check_email("  Mia.Manager@Example.NL ") == "mia.manager@example.nl"


def test_a_change_of_manager_is_an_event_of_its_own() -> None:
    person = registered()
    new_manager = uuid4()
    person.change_manager(new_manager)
    events = person.collect_events()
    assert [type(e).__name__ for e in events] == ["ManagerChanged"]
    assert getattr(events[0], "manager_id") == new_manager == person.manager_id  # noqa: B009


def test_a_manager_can_be_removed() -> None:
    person = registered()
    person.change_manager(None)
    assert recorded(person) == ["ManagerChanged"]
    assert person.manager_id is None


def test_a_person_cannot_be_their_own_manager() -> None:
    person = registered()
    with pytest.raises(InvalidInput) as raised:
        person.change_manager(person.id)
    assert raised.value.field == "manager_id"
    assert recorded(person) == []


def test_changes_to_the_same_value_record_nothing() -> None:
    person = registered()
    person.change_manager(BOSS)
    person.change_function(" Developer ")
    person.change_team("Web")
    person.choose_language("nl")
    assert recorded(person) == []


def test_function_team_and_language_changes_are_recorded() -> None:
    person = registered()
    person.change_function("Tech lead")
    person.change_team("Platform")
    person.choose_language("en")
    assert recorded(person) == ["FunctionChanged", "TeamChanged", "LanguageChosen"]
    assert (person.function, person.team, person.language) == ("Tech lead", "Platform", "en")


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (lambda p: p.change_function(""), "function"),
        (lambda p: p.change_team("x" * 201), "team"),
        (lambda p: p.choose_language("de"), "language"),
        (lambda p: p.grant_role("superuser"), "role"),
    ],
)
def test_a_bad_change_is_refused_with_the_field_named(command: Any, field: str) -> None:
    person = registered()
    with pytest.raises(InvalidInput) as raised:
        command(person)
    assert raised.value.field == field
    assert recorded(person) == []


def test_roles_are_granted_and_revoked() -> None:
    person = registered()
    person.grant_role("hr")
    person.grant_role("admin")
    person.revoke_role("hr")
    assert recorded(person) == ["RoleGranted", "RoleGranted", "RoleRevoked"]
    assert person.roles == ["admin"]


def test_a_role_is_granted_only_once() -> None:
    person = registered()
    person.grant_role("hr")
    person.collect_events()
    with pytest.raises(NotAllowedNow):
        person.grant_role("hr")
    assert recorded(person) == []


def test_a_role_the_person_does_not_have_cannot_be_revoked() -> None:
    person = registered()
    with pytest.raises(NotAllowedNow):
        person.revoke_role("admin")
    assert recorded(person) == []


def test_replaying_a_persons_events_rebuilds_the_same_person() -> None:
    person = Person.register(**DETAILS)
    person.change_manager(None)
    person.change_team("Platform")
    person.grant_role("hr")
    events = person.collect_events()
    rebuilt = events[0].mutate(None)
    for event in events[1:]:
        rebuilt = event.mutate(rebuilt)
    assert vars(rebuilt) == vars(person)


def test_an_email_address_gives_the_same_index_id_whatever_its_case() -> None:
    assert EmailIndex.id_for("Eva@Example.NL") == EmailIndex.id_for("eva@example.nl")
    assert EmailIndex.id_for("eva@example.nl") != EmailIndex.id_for("mia@example.nl")


def test_claiming_an_email_address_points_it_at_one_person() -> None:
    person_id = uuid4()
    claim = EmailIndex.claim("Eva@Example.NL", person_id)
    assert claim.id == EmailIndex.id_for("eva@example.nl")
    assert claim.person_id == person_id
    assert [type(e).__name__ for e in claim.collect_events()] == ["Claimed"]


def test_an_employees_cycles_are_listed_in_order_under_a_fixed_id() -> None:
    employee = uuid4()
    index = EmployeeCycles.start(employee)
    assert index.id == EmployeeCycles.id_for(employee)
    assert index.latest is None
    first, second = uuid4(), uuid4()
    index.add(first)
    index.add(second)
    assert index.cycle_ids == [first, second]
    assert index.latest == second
    assert [type(e).__name__ for e in index.collect_events()] == [
        "Started",
        "CycleAdded",
        "CycleAdded",
    ]


def test_an_external_id_given_at_registration_is_an_event_of_its_own() -> None:
    person = Person.register(**DETAILS, external_id=" E-1001 ")
    assert recorded(person) == ["Registered", "ExternalIdChanged"]
    assert person.external_id == "E-1001"
    assert recorded(registered()) == []  # none given, none recorded
    assert registered().external_id is None


def test_an_external_id_changes_once_and_may_be_taken_away() -> None:
    person = registered(external_id="E-1")
    assert person.change_external_id("E-1") is False
    assert person.change_external_id("E-2") is True
    assert person.change_external_id("") is True
    assert [e.external_id for e in person.collect_events()] == ["E-2", None]  # type: ignore[attr-defined]
    with pytest.raises(InvalidInput) as raised:
        person.change_external_id("x" * 101)
    assert raised.value.field == "external_id"


def test_a_person_who_leaves_is_deactivated_once_with_their_last_day() -> None:
    person = registered()
    assert person.is_active
    person.deactivate(left_on="2026-11-30", reason="Moved abroad")
    assert recorded(person) == ["Deactivated"]
    assert (person.is_active, person.left_on) == (False, date(2026, 11, 30))
    with pytest.raises(NotAllowedNow) as twice:
        person.deactivate(left_on="2026-12-01")
    assert twice.value.code == "person.already_deactivated"


def test_a_last_day_before_the_first_is_refused() -> None:
    person = registered()
    with pytest.raises(InvalidInput) as raised:
        person.deactivate(left_on="2022-08-31")
    assert (raised.value.code, raised.value.field) == ("person.left_before_start", "left_on")
    assert raised.value.params == {"start": date(2022, 9, 1)}
    assert person.is_active


def test_a_sign_in_link_is_recorded_with_its_purpose_and_expiry_and_nothing_secret() -> None:
    person = registered()
    expires = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    person.issue_sign_in_link("invitation", expires)
    (event,) = person.collect_events()
    assert isinstance(event, Person.SignInLinkIssued)
    assert (event.purpose, event.expires_at) == ("invitation", expires)
    own = set(vars(event)) - {"originator_id", "originator_version", "timestamp"}
    assert own == {"purpose", "expires_at"}


def test_a_sign_in_link_has_a_known_purpose() -> None:
    with pytest.raises(InvalidInput) as refused:
        registered().issue_sign_in_link("admin", datetime(2026, 11, 30, tzinfo=UTC))
    assert refused.value.field == "purpose"


def test_someone_who_left_gets_no_sign_in_link() -> None:
    person = registered()
    person.deactivate(left_on="2026-11-01")
    with pytest.raises(NotAllowedNow) as refused:
        person.issue_sign_in_link("password_reset", datetime(2026, 11, 30, tzinfo=UTC))
    assert refused.value.text.code == "person.sign_in_link_for_leaver"
