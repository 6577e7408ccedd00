"""My team and the HR pages over HTTP: who sees what, opening a cycle, audit, reports, people."""

from __future__ import annotations

import html
import re
import urllib.parse

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
    assert "Deze medewerker heeft nog een lopende groeispurt" in page.text
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


# -- HR ---------------------------------------------------------------------------


def test_only_hr_sees_the_hr_link_and_pages(client: TestClient) -> None:
    sign_in(client, "sanne")
    assert 'href="/hr"' not in client.get("/board").text
    for path in ("/hr/audit", "/hr/pop", "/hr/training-needs", "/hr/training-needs.csv"):
        assert client.get(path).status_code == 403, path
    sign_in(client, "hr")
    assert 'href="/hr"' in client.get("/board").text


def test_the_audit_trail_filters_by_kind_of_event_and_pages_on(client: TestClient) -> None:
    sign_in(client, "hr")
    first = client.get("/hr/audit").text
    assert "Groeispurt geopend" in first
    following = re.search(r'href="(/hr/audit\?[^"]*after=\d+)"', first)
    assert following is not None
    second = client.get(following.group(1).replace("&amp;", "&")).text
    assert 'rel="next"' in second or "Vanaf het begin" in second
    moves = client.get("/hr/audit?kind=CardMoved").text
    kinds = set(re.findall(r"<span class=\"muted small\">([^<·]+) · ", moves))
    assert kinds == {"Kaart verplaatst"}


def test_the_audit_trail_has_a_timeline_look(client: TestClient) -> None:
    sign_in(client, "hr")
    page = client.get("/hr/audit?view=timeline&kind=Opened").text
    assert 'class="timeline plain"' in page
    assert "timeline-event" in page


def test_hr_sees_a_pop_as_it_stood_at_the_moment_both_approved(client: TestClient) -> None:
    sign_in(client, "hr")
    trail = client.get("/hr/audit?kind=PlanApprovedByBoth").text
    link = re.search(r'href="(/hr/pop\?cycle_id=[^"]+)"', trail)
    assert link is not None
    page = client.get(link.group(1).replace("&amp;", "&")).text
    assert "Versie 1" in page
    assert "Door beiden goedgekeurd op" in page


def test_the_training_needs_of_a_demo_loaded_today_wait_for_the_month_to_close(
    client: TestClient,
) -> None:
    # The report is of the last closed month (see test_web_training_needs for one with
    # figures); the demo's needs were all recorded this month.
    sign_in(client, "hr")
    page = client.get("/hr/training-needs?group_by=team").text
    assert "Cijfers over" in page
    assert "Nog geen opleidingsbehoeften in de cijfers van deze maand." in page
    assert "Waarom sommige getallen ontbreken" in page
    csv = client.get("/hr/training-needs.csv?group_by=team")
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.strip().splitlines()[0].startswith("group_by,group,kind,people")


def test_registering_a_person_without_an_email_shows_the_error_and_keeps_the_name(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    page = _register(client, token, email="")
    assert page.status_code == 400  # type: ignore[attr-defined]
    text = page.text  # type: ignore[attr-defined]
    assert 'id="f-email-error"' in text
    assert 'value="Ilse Verbeke"' in text


def test_a_refused_registration_says_the_dutch_text_of_its_code_next_to_the_field(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    empty = _register(client, token, email="").text  # type: ignore[attr-defined]
    assert '<p class="error" id="f-email-error">Dit veld is verplicht.</p>' in empty
    long = _register(client, token, name="I" * 201).text  # type: ignore[attr-defined]
    assert (
        '<p class="error" id="f-name-error">Dit is te lang: 201 tekens, hoogstens 200.</p>' in long
    )


def test_hr_registers_a_person_and_changes_their_team(client: TestClient) -> None:
    token = sign_in(client, "hr")
    marieke = _option(client.get("/hr/people").text, "Marieke Jansen")
    shown = _register(client, token, manager_id=marieke)
    # The answer is the new person's own page, with their invitation link.
    assert "Ilse Verbeke is geregistreerd." in shown.text  # type: ignore[attr-defined]
    person = re.search(r'data-location="/hr/people/([0-9a-f-]{36})"', shown.text)  # type: ignore[attr-defined]
    assert person is not None
    url = f"/hr/people/{person.group(1)}"
    assert 'href="/hr/people/' + person.group(1) + '">Wijzig' in client.get("/hr/people").text
    blank = client.post(f"{url}/team", data={"team": " ", "csrf_token": token})
    assert blank.status_code == 400
    assert 'id="f-team-error"' in blank.text
    changed = client.post(f"{url}/team", data={"team": "ICT", "csrf_token": token})
    assert changed.status_code == 200
    assert 'value="ICT"' in changed.text


def test_the_audit_trail_says_in_sentences_who_approved_which_pop_and_keeps_the_fields(
    client: TestClient,
) -> None:
    sign_in(client, "hr")
    trail = client.get("/hr/audit?kind=PlanApproved").text
    sentences = re.findall(r'<span class="sentence">([^<]+)</span>', trail)
    assert "Marieke Jansen keurde versie 1 van het POP van Fatima El Amrani goed." in [
        html.unescape(s) for s in sentences
    ]
    assert '<pre class="json">' in trail  # the raw fields, one click away
    link = re.search(r'href="(/hr/pop\?cycle_id=[^"]+&amp;at=([^"]+))"', trail)
    assert link is not None
    moment = urllib.parse.unquote(link.group(2))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", moment)  # as a datetime field takes it
    page = client.get(html.unescape(link.group(1))).text
    assert f'value="{moment}"' in page
