"""HR's person page: the external id, and deactivating someone who leaves, asked for twice.
Only HR and administrators reach these pages and forms."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import PASSWORD, csrf_of, demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _person_url(client: TestClient, name: str) -> str:
    found = re.search(
        r'href="(/hr/people/[0-9a-f-]{36})">Wijzig<span[^>]*> ' + re.escape(name),
        client.get("/hr/people").text,
    )
    assert found is not None, f"no row for {name}"
    return found.group(1)


def test_hr_gives_a_person_an_external_id_and_takes_it_away_again(client: TestClient) -> None:
    token = sign_in(client, "hr")
    url = _person_url(client, "Sanne de Boer")
    page = client.post(f"{url}/external_id", data={"external_id": "E-77", "csrf_token": token})
    assert page.status_code == 200
    assert "externe id E-77" in page.text
    assert 'value="E-77"' in page.text
    cleared = client.post(f"{url}/external_id", data={"external_id": "", "csrf_token": token})
    assert "externe id E-77" not in cleared.text


def test_an_external_id_someone_else_has_is_refused_next_to_the_field(client: TestClient) -> None:
    token = sign_in(client, "hr")
    client.post(
        f"{_person_url(client, 'Sanne de Boer')}/external_id",
        data={"external_id": "E-77", "csrf_token": token},
    )
    refused = client.post(
        f"{_person_url(client, 'Lotte Maes')}/external_id",
        data={"external_id": "E-77", "csrf_token": token},
    )
    assert refused.status_code == 400
    assert (
        '<p class="error" id="f-external_id-error">E-77 is al de externe id van iemand anders.</p>'
        in refused.text
    )


def test_hr_registers_a_person_with_an_external_id(client: TestClient) -> None:
    token = sign_in(client, "hr")
    listed = client.post(
        "/hr/people",
        data={
            "name": "Ilse Verbeke", "email": "ilse@demo.groeispurt.nl",
            "function": "Klantadviseur", "team": "Dienstverlening",
            "development_phase": "junior", "language": "nl", "start_date": "2026-01-05",
            "external_id": "E-88", "csrf_token": token,
        },
    )  # fmt: skip
    assert "Ilse Verbeke is geregistreerd." in listed.text
    assert "externe id E-88" in client.get(_person_url(client, "Ilse Verbeke")).text


def test_deactivating_asks_for_the_box_then_ends_access_and_marks_the_person(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    url = _person_url(client, "Sanne de Boer")
    form = {"left_on": "2026-11-30", "reason": "Vertrokken naar het buitenland"}
    unconfirmed = client.post(f"{url}/deactivate", data={**form, "csrf_token": token})
    assert unconfirmed.status_code == 400
    assert (
        '<p class="error" id="f-confirm-error">Vink het vakje aan om de deactivering te '
        "bevestigen.</p>" in unconfirmed.text
    )
    assert 'value="Vertrokken naar het buitenland"' in unconfirmed.text  # kept as typed
    done = client.post(f"{url}/deactivate", data={**form, "confirm": "yes", "csrf_token": token})
    assert done.status_code == 200
    assert "Sanne de Boer is gedeactiveerd." in done.text
    assert "vertrokken op" in done.text
    assert 'action="' + url + '/deactivate"' not in done.text  # no second deactivation
    assert "vertrokken op" in client.get("/hr/people").text
    client.post("/sign-out", data={"csrf_token": csrf_of(done.text)})
    page = client.get("/sign-in")
    refused = client.post(
        "/sign-in",
        data={
            "email": demo_address("sanne"),
            "password": PASSWORD,
            "csrf_token": csrf_of(page.text),
        },
    )
    assert refused.status_code == 401


def test_a_day_before_the_start_is_refused_next_to_its_field(client: TestClient) -> None:
    token = sign_in(client, "hr")
    url = _person_url(client, "Sanne de Boer")
    early = client.post(
        f"{url}/deactivate", data={"left_on": "2001-01-01", "confirm": "yes", "csrf_token": token}
    )
    assert early.status_code == 400
    assert 'id="f-left_on-error"' in early.text


def test_an_administrator_may_deactivate_and_nobody_else_reaches_the_form(
    client: TestClient,
) -> None:
    hr_token = sign_in(client, "hr")
    url = _person_url(client, "Lotte Maes")
    client.post("/sign-out", data={"csrf_token": hr_token})
    for name in ("marieke", "sanne"):
        token = sign_in(client, name)
        assert client.get(url).status_code == 403, name
        posted = client.post(
            f"{url}/deactivate",
            data={"left_on": "2026-11-30", "confirm": "yes", "csrf_token": token},
        )
        assert posted.status_code == 403, name
        client.post("/sign-out", data={"csrf_token": token})
    token = sign_in(client, "admin")
    done = client.post(
        f"{url}/deactivate", data={"left_on": "2026-11-30", "confirm": "yes", "csrf_token": token}
    )
    assert done.status_code == 200
    assert "Lotte Maes is gedeactiveerd." in done.text
