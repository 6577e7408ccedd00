"""HR opens the growth cycle of someone without a manager from their person page, with
HR or a named colleague as coach; refusals stand next to their field, and only HR may."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import csrf_of, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _without_manager(client: TestClient, token: str) -> str:
    """Registers Ilse, who has no manager, and gives back her person page."""
    shown = client.post(
        "/hr/people",
        data={
            "name": "Ilse Verbeke",
            "email": "ilse@demo.groeispurt.nl",
            "function": "Directeur",
            "team": "Directie",
            "development_phase": "senior",
            "language": "nl",
            "start_date": "2026-01-05",
            "csrf_token": token,
        },
    )
    person = re.search(r'data-location="/hr/people/([0-9a-f-]{36})"', shown.text)
    assert person is not None
    return f"/hr/people/{person.group(1)}"


def test_hr_opens_the_cycle_of_someone_without_a_manager_and_coaches_it(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    url = _without_manager(client, token)
    page = client.get(url).text
    assert "Een groeispurt met een coach" in page
    assert '<option value="" >Ikzelf</option>' in page or ">Ikzelf</option>" in page
    opened = client.post(
        f"{url}/cycle",
        data={"coach_id": "", "planned_session_on": "2027-01-20", "csrf_token": token},
    )
    assert opened.status_code == 200
    assert "Groeispurt van Ilse Verbeke" in opened.text
    assert "Hanna de Vries" in opened.text  # HR leads it as coach
    again = client.post(
        f"{url}/cycle",
        data={"coach_id": "", "planned_session_on": "2027-02-20", "csrf_token": token},
    )
    assert again.status_code == 400
    assert 'id="f-planned_session_on-error"' in again.text
    assert "nog een lopende groeispurt" in again.text or "actieve" in again.text


def test_a_coach_who_is_no_colleague_and_a_missing_date_are_refused_next_to_their_field(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    url = _without_manager(client, token)
    undated = client.post(
        f"{url}/cycle", data={"coach_id": "", "planned_session_on": "", "csrf_token": token}
    )
    assert undated.status_code == 400
    assert 'id="f-planned_session_on-error"' in undated.text
    nobody = client.post(
        f"{url}/cycle",
        data={
            "coach_id": "00000000-0000-0000-0000-000000000000",
            "planned_session_on": "2027-01-20",
            "csrf_token": token,
        },
    )
    assert nobody.status_code == 400
    assert 'id="f-coach_id-error"' in nobody.text
    assert 'value="2027-01-20"' in nobody.text  # what was typed is kept


def test_only_hr_opens_a_coached_cycle(client: TestClient) -> None:
    token = sign_in(client, "hr")
    url = _without_manager(client, token)
    client.post("/sign-out", data={"csrf_token": token})
    for who in ("marieke", "lotte", "admin"):
        token = sign_in(client, who)
        refused = client.post(
            f"{url}/cycle",
            data={"coach_id": "", "planned_session_on": "2027-01-20", "csrf_token": token},
        )
        assert refused.status_code in (400, 403), who
        assert "Groeispurt van Ilse Verbeke" not in refused.text
        client.post("/sign-out", data={"csrf_token": csrf_of(client.get("/board").text)})
