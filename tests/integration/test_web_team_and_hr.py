"""My team and the HR pages over HTTP: who sees what, opening a cycle, audit, reports, people."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _option(page: str, name: str) -> str:
    found = re.search(r'<option value="([0-9a-f-]{36})"[^>]*>' + re.escape(name), page)
    assert found is not None, f"no option for {name}"
    return found.group(1)


def _report(page: str, name: str) -> str:
    found = re.search(r'data-person-id="([0-9a-f-]{36})" data-name="' + re.escape(name), page)
    assert found is not None, f"no row for {name}"
    return found.group(1)


def _hire_for(client: TestClient, manager: str, name: str) -> None:
    """A new report, registered through the use case as HR would."""
    services = client.app.state.services  # type: ignore[attr-defined]
    hr = services.app.find_person_by_email(demo_address("hr"))
    boss = services.app.find_person_by_email(demo_address(manager))
    services.app.register_person(
        services.accounts.actor_for(hr.id),
        name=name,
        email="ilse@demo.groeispurt.nl",
        function="Klantadviseur",
        team="Dienstverlening",
        manager_id=boss.id,
        start_date="2026-01-05",
    )


def _register(client: TestClient, token: str, **fields: str) -> object:
    data = {
        "name": "Ilse Verbeke",
        "email": "ilse@demo.groeispurt.nl",
        "function": "Klantadviseur",
        "team": "Dienstverlening",
        "development_phase": "junior",
        "language": "nl",
        "start_date": "2026-01-05",
        "csrf_token": token,
        **fields,
    }
    return client.post("/hr/people", data=data)


# -- my team ----------------------------------------------------------------------


def test_a_manager_sees_each_report_with_the_stage_of_their_cycle(client: TestClient) -> None:
    sign_in(client, "marieke")
    page = client.get("/team").text
    for name in ("Sanne de Boer", "Lotte Maes", "Jeroen Willems"):
        assert name in page
    assert "Pieter" not in page  # not a report of Marieke
    assert "/board?employee=" in page
    assert "/cycles/" in page


def test_the_team_page_says_whose_approval_a_pop_waits_for(client: TestClient) -> None:
    sign_in(client, "marieke")
    page = client.get("/team").text
    lotte = page[page.index("Lotte Maes") :]
    assert "POP wacht op jouw goedkeuring" in lotte[: lotte.index("</li>")]


def test_the_team_page_shows_an_overdue_follow_up(client: TestClient) -> None:
    sign_in(client, "marieke")
    page = client.get("/team").text
    assert "tag--late" in page
    assert "dagen te laat" in page


def test_an_employee_without_reports_sees_an_empty_team(client: TestClient) -> None:
    sign_in(client, "sanne")
    page = client.get("/team")
    assert page.status_code == 200
    assert "Niemand rapporteert op dit moment aan jou." in page.text


def test_opening_a_cycle_for_someone_with_an_active_cycle_shows_the_error_next_to_the_field(
    client: TestClient,
) -> None:
    token = sign_in(client, "marieke")
    sanne = _report(client.get("/team").text, "Sanne de Boer")
    page = client.post(
        "/team/cycles",
        data={"employee_id": sanne, "planned_session_on": "2027-01-10", "csrf_token": token},
    )
    assert page.status_code == 400
    assert 'id="f-employee_id-error"' in page.text
    assert 'value="2027-01-10"' in page.text


def test_a_manager_opens_a_cycle_for_a_new_report_and_lands_on_it(client: TestClient) -> None:
    _hire_for(client, "marieke", "Ilse Verbeke")
    token = sign_in(client, "marieke")
    team = client.get("/team").text
    ilse = _option(team, "Ilse Verbeke")
    missing_date = client.post(
        "/team/cycles", data={"employee_id": ilse, "planned_session_on": "", "csrf_token": token}
    )
    assert missing_date.status_code == 400
    assert 'id="f-planned_session_on-error"' in missing_date.text
    assert f'value="{ilse}" selected' in missing_date.text
    opened = client.post(
        "/team/cycles",
        data={"employee_id": ilse, "planned_session_on": "2027-01-10", "csrf_token": token},
    )
    assert opened.status_code == 200
    assert "Groeispurt van Ilse Verbeke" in opened.text
    assert "De groeispurt is geopend." in opened.text
