"""HR's company backlog page over HTTP: the skills in order with what points at them; adding,
rewording, moving (htmx and plain forms, against a stale order) and retiring; everyone but HR
refused, on the page and on every form."""

from __future__ import annotations

import html
import re

import pytest
from starlette.testclient import TestClient

from service.actor import Actor
from service.container import Services
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import csrf_of, demo_address, htmx, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client

FEEDBACK = "Feedback geven en ontvangen"


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def _hr(client: TestClient) -> Actor:
    services = _services(client)
    hr = services.app.find_person_by_email(demo_address("hr"))
    assert hr is not None
    return services.accounts.actor_for(hr.id)


def _order(client: TestClient) -> list[str]:
    return [s["description"] for s in _services(client).app.list_backlog(_hr(client))]


def _id_of(client: TestClient, description: str) -> str:
    skills = _services(client).app.list_backlog(_hr(client))
    return next(s["id"] for s in skills if s["description"] == description)


def _shown_order(page: str) -> list[str]:
    return [html.unescape(n) for n in re.findall(r'<h3 class="backlog-name">([^<]+)</h3>', page)]


def _version(page: str) -> str:
    found = re.search(r'id="backlog"[^>]*data-version="(\d+)"', page)
    assert found is not None, "the list has no version"
    return found.group(1)


def test_hr_sees_the_skills_in_order_with_kind_horizon_inspiration_and_what_points_at_them(
    client: TestClient,
) -> None:
    sign_in(client, "hr")
    page = client.get("/hr/backlog").text
    assert _shown_order(page) == _order(client)
    assert _shown_order(page)[0] == "Omgevingswet toepassen"
    assert 'href="/hr/backlog" aria-current="page">Bedrijfsbacklog</a>' in page
    assert "Sinds de invoering van de Omgevingswet" in page
    for tag in ("harde vaardigheid", "zachte vaardigheid", "nu nodig", "later nodig"):
        assert tag in page, tag
    # The counts come from the read model: the demo's preparations and cards name Feedback.
    use = _services(client).queries.backlog_use(_hr(client))[_id_of(client, FEEDBACK)]
    assert min(use.cards, use.on_boards, use.preparations) > 0
    feedback = page[page.index(FEEDBACK) :]
    feedback = feedback[: feedback.index("</li>")]
    counts = re.findall(r'<span class="number">(\d+)</span>', feedback)[:2]
    assert counts == [str(use.cards), str(use.preparations)]
    assert f"({use.on_boards} op een bord)" in feedback
    assert " style=" not in page  # the CSP allows no inline style


def test_the_page_speaks_english_to_an_english_reader(client: TestClient) -> None:
    csrf = sign_in(client, "hr")
    client.post("/language", data={"lang": "en", "back": "/hr/backlog", "csrf_token": csrf})
    page = client.get("/hr/backlog").text
    for text in ("Company backlog", "Skills, most important first", "needed in the future",
                 "hard skill", "Preparations", "Add a skill"):  # fmt: skip
        assert text in page, text
    assert "Bedrijfsbacklog" not in page


def test_a_skill_added_goes_to_the_end_and_the_page_says_so(client: TestClient) -> None:
    csrf = sign_in(client, "hr")
    answer = client.post(
        "/hr/backlog",
        data={"description": "Toegankelijk schrijven", "kind": "soft", "horizon": "future",
              "inspiration": "Elke inwoner begrijpt onze brieven.", "csrf_token": csrf},
    )  # fmt: skip
    assert answer.status_code == 200
    assert _shown_order(answer.text)[-1] == "Toegankelijk schrijven"
    assert "“Toegankelijk schrijven” staat nu achteraan op de backlog." in answer.text
    assert "Elke inwoner begrijpt onze brieven." in answer.text


@pytest.mark.parametrize(
    ("typed", "field", "said"),
    [
        ({"description": FEEDBACK}, "description", "De backlog heeft al een vaardigheid met"),
        ({"description": ""}, "description", "verplicht"),
        ({"description": "Iets", "kind": "medium"}, "kind", "moet een van deze zijn"),
    ],
)
def test_a_refused_skill_shows_why_next_to_its_field_and_keeps_what_was_typed(
    client: TestClient, typed: dict[str, str], field: str, said: str
) -> None:
    csrf = sign_in(client, "hr")
    before = _order(client)
    data = {"kind": "soft", "horizon": "now", "inspiration": "Mijn uitleg", **typed}
    answer = client.post("/hr/backlog", data={**data, "csrf_token": csrf})
    assert answer.status_code == 400
    error = re.search(rf'<p class="error" id="f-{field}-error">([^<]+)</p>', answer.text)
    assert error is not None, answer.text
    assert said in html.unescape(error.group(1))
    assert f'aria-invalid="true" aria-describedby="f-{field}-error"' in answer.text
    assert ">Mijn uitleg</textarea>" in answer.text
    assert '<details class="register" open>' in answer.text
    assert _order(client) == before  # nothing stored


def test_a_skill_moved_with_htmx_comes_back_in_its_place_and_where_it_is_is_announced(
    client: TestClient,
) -> None:
    csrf = sign_in(client, "hr")
    page = client.get("/hr/backlog").text
    answer = client.post(
        "/hr/backlog/move",
        data={"skill_id": _id_of(client, FEEDBACK), "position": "0", "version": _version(page)},
        headers=htmx(csrf),
    )
    assert answer.status_code == 200
    assert answer.text.lstrip().startswith('<section id="backlog"')  # the list, not the page
    assert _shown_order(answer.text)[0] == FEEDBACK == _order(client)[0]
    announced = re.search(r'<div id="backlog-status" hx-swap-oob="innerHTML">(.*?)</div>',
                          answer.text, re.S)  # fmt: skip
    assert announced is not None
    assert f"“{FEEDBACK}” staat nu op plaats 1 van 7." in html.unescape(announced.group(1))


def test_a_move_on_an_order_that_changed_since_moves_nothing_and_says_so(
    client: TestClient,
) -> None:
    csrf = sign_in(client, "hr")
    stale = _version(client.get("/hr/backlog").text)
    client.post(
        "/hr/backlog/move",
        data={"skill_id": _id_of(client, "Informatiebeveiliging"), "position": "0",
              "version": stale},
        headers=htmx(csrf),
    )  # fmt: skip
    before = _order(client)
    answer = client.post(
        "/hr/backlog/move",
        data={"skill_id": _id_of(client, FEEDBACK), "position": "0", "version": stale},
        headers=htmx(csrf),
    )
    assert _order(client) == before
    assert "De backlog is intussen elders gewijzigd" in answer.text
    assert _shown_order(answer.text) == before


def test_a_move_without_javascript_lands_on_the_page_with_the_message(client: TestClient) -> None:
    csrf = sign_in(client, "hr")
    page = client.get("/hr/backlog").text
    answer = client.post(
        "/hr/backlog/move",
        data={"skill_id": _id_of(client, "Omgevingswet toepassen"), "position": "1",
              "version": _version(page), "csrf_token": csrf},
    )  # fmt: skip
    assert answer.url.path == "/hr/backlog"
    assert _shown_order(answer.text)[:2] == ["Werken met data en AI", "Omgevingswet toepassen"]
    assert "“Omgevingswet toepassen” staat nu op plaats 2 van 7." in answer.text


def test_rewording_a_skill_keeps_its_place_and_a_refusal_shows_beside_the_field(
    client: TestClient,
) -> None:
    csrf = sign_in(client, "hr")
    skill_id = _id_of(client, "Werken met data en AI")
    page = client.get(f"/hr/backlog/{skill_id}").text
    assert "Plaats 2 van 7 op de backlog" in page
    assert 'value="Werken met data en AI"' in page
    refused = client.post(
        f"/hr/backlog/{skill_id}",
        data={"description": FEEDBACK, "kind": "hard", "horizon": "now", "csrf_token": csrf},
    )
    assert refused.status_code == 400
    assert 'id="f-description-error"' in refused.text
    saved = client.post(
        f"/hr/backlog/{skill_id}",
        data={"description": "Werken met data", "kind": "hard", "horizon": "now",
              "inspiration": "Eerst de basis.", "csrf_token": csrf},
    )  # fmt: skip
    assert saved.url.path == f"/hr/backlog/{skill_id}"
    assert "Bewaard." in saved.text
    assert _order(client)[1] == "Werken met data"


def test_retiring_asks_for_the_box_to_be_ticked_and_then_takes_the_skill_off(
    client: TestClient,
) -> None:
    csrf = sign_in(client, "hr")
    skill_id = _id_of(client, "Informatiebeveiliging")
    unticked = client.post(f"/hr/backlog/{skill_id}/retire", data={"csrf_token": csrf})
    assert unticked.status_code == 400
    assert 'id="f-confirm-error"' in unticked.text
    assert "Vink het vakje aan" in unticked.text
    assert "Informatiebeveiliging" in _order(client)
    retired = client.post(
        f"/hr/backlog/{skill_id}/retire", data={"confirm": "yes", "csrf_token": csrf}
    )
    assert retired.url.path == "/hr/backlog"
    assert "“Informatiebeveiliging” is van de backlog gehaald." in retired.text
    assert "Informatiebeveiliging" not in _shown_order(retired.text)
    assert client.get(f"/hr/backlog/{skill_id}").status_code == 404


@pytest.mark.parametrize("person", ["admin", "marieke", "sanne"])  # admin (not HR), a manager, …
def test_only_hr_reaches_the_backlog_page_and_its_forms(client: TestClient, person: str) -> None:
    skill_id = _id_of(client, FEEDBACK)
    before = _order(client)
    csrf = sign_in(client, person)
    assert 'href="/hr/backlog"' not in client.get("/board").text
    assert client.get("/hr/backlog").status_code == 403
    assert client.get(f"/hr/backlog/{skill_id}").status_code == 403
    wording = {"description": "Iets nieuws", "kind": "soft", "horizon": "now", "csrf_token": csrf}
    posts = [
        ("/hr/backlog", wording),
        ("/hr/backlog/move", {"skill_id": skill_id, "position": "0", "version": "7",
                              "csrf_token": csrf}),
        (f"/hr/backlog/{skill_id}", wording),
        (f"/hr/backlog/{skill_id}/retire", {"confirm": "yes", "csrf_token": csrf}),
    ]  # fmt: skip
    for path, data in posts:
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data=data, headers=htmx(csrf)).status_code == 403, path
    assert _order(client) == before


def test_someone_not_signed_in_is_sent_to_sign_in(client: TestClient) -> None:
    response = client.get("/hr/backlog", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")
    csrf = csrf_of(client.get("/sign-in").text)
    posted = client.post(
        "/hr/backlog", data={"description": "X", "csrf_token": csrf}, follow_redirects=False
    )
    assert posted.status_code == 303
    assert "X" not in _order(client)
