"""HR merges two wordings of one skill on /hr/backlog: from the suggested pairs or from the
skill's page, confirmed, against a stale backlog; nobody but HR may."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from service.actor import Actor
from service.container import Services
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client

TWIN = "Groeien in feedback geven en ontvangen"


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def _hr(client: TestClient) -> Actor:
    person = _services(client).app.find_person_by_email(demo_address("hr"))
    assert person is not None
    return _services(client).accounts.actor_for(person.id)


def _ids(client: TestClient) -> dict[str, str]:
    skills = _services(client).app.list_backlog(_hr(client))
    return {s["description"]: s["id"] for s in skills}


def _version(page: str) -> str:
    found = re.search(r'id="backlog"[^>]*data-version="(\d+)"', page)
    assert found is not None
    return found.group(1)


def test_the_backlog_page_suggests_the_twin_and_merges_it_once_confirmed(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    ids = _ids(client)
    assert TWIN in ids  # the demo has it
    page = client.get("/hr/backlog").text
    assert "Misschien dezelfde vaardigheid" in page
    assert f'action="/hr/backlog/{ids[TWIN]}/merge"' in page
    form = {"csrf_token": token, "into_skill_id": ids["Feedback geven en ontvangen"],
            "version": _version(page), "back": "list"}  # fmt: skip
    unconfirmed = client.post(f"/hr/backlog/{ids[TWIN]}/merge", data=form)
    assert unconfirmed.status_code == 400
    assert f'id="merge-error-{ids[TWIN]}"' in unconfirmed.text
    merged = client.post(f"/hr/backlog/{ids[TWIN]}/merge", data={**form, "confirm": "yes"})
    assert merged.status_code == 200
    assert "is samengevoegd met “Feedback geven en ontvangen”" in merged.text
    assert TWIN not in _ids(client)
    assert "Misschien dezelfde vaardigheid" not in merged.text


def test_a_merge_on_a_stale_backlog_is_refused_and_changes_nothing(client: TestClient) -> None:
    token = sign_in(client, "hr")
    ids = _ids(client)
    page = client.get(f"/hr/backlog/{ids[TWIN]}").text
    assert "Samenvoegen met een andere vaardigheid" in page
    found = re.search(r'name="version" value="(\d+)"', page)
    assert found is not None
    stale = found.group(1)
    _services(client).app.move_backlog_skill(_hr(client), ids[TWIN], 0)
    refused = client.post(
        f"/hr/backlog/{ids[TWIN]}/merge",
        data={"csrf_token": token, "into_skill_id": ids["Presenteren"] if "Presenteren" in ids
              else ids["Feedback geven en ontvangen"], "version": stale, "confirm": "yes"},
    )  # fmt: skip
    assert refused.status_code == 400
    assert TWIN in _ids(client)


def test_only_hr_merges_skills_on_the_page(client: TestClient) -> None:
    ids = _ids(client)
    for who in ("sanne", "marieke", "admin"):
        token = sign_in(client, who)
        answer = client.post(
            f"/hr/backlog/{ids[TWIN]}/merge",
            data={"csrf_token": token, "into_skill_id": ids["Feedback geven en ontvangen"],
                  "version": "0", "confirm": "yes"},
        )  # fmt: skip
        assert answer.status_code == 403, who
        client.post("/sign-out", data={"csrf_token": token})
    assert TWIN in _ids(client)
