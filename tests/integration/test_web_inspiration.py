"""Inspiration over HTTP: HR's inspiration cards, a skill put on the preparation's list with
one click (htmx and a plain form), and everyone but HR kept off HR's page and forms."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from service.container import Services
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, htmx, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def _version(page: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', page)
    assert found is not None
    return found.group(1)


def _cycle_of(client: TestClient, name: str) -> str:
    services = _services(client)
    person = services.app.find_person_by_email(demo_address(name))
    assert person is not None
    (cycle_id,) = services.app.cycles_of(person.id)[-1:]
    return str(cycle_id)


def test_hr_sees_the_built_in_inspiration_cards_in_the_pages_language(client: TestClient) -> None:
    sign_in(client, "hr")
    page = client.get("/hr/inspiration").text
    assert "Feedback geven en ontvangen" in page
    assert "Een nieuwe programmeertaal leren" in page
    assert 'href="/hr/inspiration"' in page  # a tab of the HR pages


def test_hr_adds_rewords_and_retires_an_inspiration_card(client: TestClient) -> None:
    token = sign_in(client, "hr")
    page = client.get("/hr/inspiration").text
    added = client.post(
        "/hr/inspiration",
        data={"csrf_token": token, "version": _version(page), "kind": "hard",
              "title_nl": "Kotlin leren", "title_en": "Learning Kotlin", "example_nl": "Een cursus"},
    )  # fmt: skip
    assert added.status_code == 200
    assert "“Kotlin leren” is toegevoegd" in added.text or "Kotlin leren" in added.text
    deck = _services(client).queries.inspiration_cards(
        _services(client).accounts.actor_for(
            _services(client).app.find_person_by_email(demo_address("hr")).id  # type: ignore[union-attr]
        )
    )
    card = next(c for c in deck.cards if c["title_nl"] == "Kotlin leren")
    card_page = client.get(f"/hr/inspiration/{card['id']}").text
    reworded = client.post(
        f"/hr/inspiration/{card['id']}",
        data={"csrf_token": token, "version": _version(card_page), "kind": "hard",
              "title_nl": "Kotlin leren voor Android", "title_en": "Learning Kotlin"},
    )  # fmt: skip
    assert reworded.status_code == 200
    assert "Kotlin leren voor Android" in reworded.text
    card_page = client.get(f"/hr/inspiration/{card['id']}").text
    unconfirmed = client.post(
        f"/hr/inspiration/{card['id']}/retire",
        data={"csrf_token": token, "version": _version(card_page)},
    )
    assert unconfirmed.status_code == 400
    retired = client.post(
        f"/hr/inspiration/{card['id']}/retire",
        data={"csrf_token": token, "version": _version(card_page), "confirm": "yes"},
    )
    assert retired.status_code == 200
    assert (
        "Kotlin leren voor Android"
        not in retired.text.split("</h1>", 1)[1].split('role="status"', 1)[1].split("</div>", 1)[1]
    )


def test_a_card_added_on_a_page_drawn_before_another_change_is_refused_with_the_form_kept(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    stale = _version(client.get("/hr/inspiration").text)
    client.post(
        "/hr/inspiration",
        data={"csrf_token": token, "version": stale, "kind": "soft", "title_nl": "Luisteren"},
    )
    refused = client.post(
        "/hr/inspiration",
        data={"csrf_token": token, "version": stale, "kind": "soft", "title_nl": "Onderhandelen"},
    )
    assert refused.status_code == 400
    assert 'role="alert"' in refused.text
    assert 'value="Onderhandelen"' in refused.text


def test_an_inspiration_card_without_a_title_is_refused_beside_the_field(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    version = _version(client.get("/hr/inspiration").text)
    refused = client.post(
        "/hr/inspiration",
        data={"csrf_token": token, "version": version, "kind": "soft", "example_nl": "Iets"},
    )
    assert refused.status_code == 400
    assert 'id="f-title_nl-error"' in refused.text
    assert ">Iets</textarea>" in refused.text


def test_only_hr_opens_the_inspiration_cards_page_and_its_forms(client: TestClient) -> None:
    for who in ("sanne", "marieke", "admin"):
        token = sign_in(client, who)
        assert client.get("/hr/inspiration").status_code == 403
        posted = client.post(
            "/hr/inspiration",
            data={"csrf_token": token, "version": "0", "kind": "soft", "title_nl": "X"},
        )
        assert posted.status_code == 403
        client.post("/sign-out", data={"csrf_token": token})


def test_the_preparation_offers_the_backlog_and_the_inspiration_cards_beside_question_one(
    client: TestClient,
) -> None:
    sign_in(client, "daan")
    page = client.get(f"/cycles/{_cycle_of(client, 'daan')}/preparation").text
    assert "Inspiratie: de bedrijfsbacklog en de inspiratiekaartjes" in page
    assert "Omgevingswet toepassen" in page  # a backlog skill
    assert "Een nieuwe programmeertaal leren" in page  # an inspiration card


def test_one_click_puts_an_inspiration_on_the_list_and_keeps_what_was_typed(
    client: TestClient,
) -> None:
    token = sign_in(client, "daan")
    cycle_id = _cycle_of(client, "daan")
    page = client.get(f"/cycles/{cycle_id}/preparation").text
    ref = re.search(r'name="inspiration-hard" value="(card:[^"]+)"', page)
    assert ref is not None
    form = {"csrf_token": token, "hard.needed": "Excel", "going_well": "De klanten",
            "inspiration-hard": ref.group(1)}  # fmt: skip
    before = _services(client).queries.cycle(
        _services(client).accounts.actor_for(
            _services(client).app.find_person_by_email(demo_address("daan")).id  # type: ignore[union-attr]
        ),
        cycle_id,
    )
    for answer in (
        client.post(f"/cycles/{cycle_id}/preparation/inspiration", data=form),
        client.post(f"/cycles/{cycle_id}/preparation/inspiration", data=form, headers=htmx(token)),
    ):
        assert answer.status_code == 200
        needed = re.search(r'name="hard.needed"[^>]*>([^<]*)</textarea>', answer.text)
        assert needed is not None
        assert needed.group(1).splitlines()[0] == "Excel"
        assert len(needed.group(1).splitlines()) == 2
        assert ">De klanten</textarea>" in answer.text
        assert "Sla het concept op om" in answer.text
    fragment = client.post(
        f"/cycles/{cycle_id}/preparation/inspiration", data=form, headers=htmx(token)
    ).text
    assert fragment.lstrip().startswith('<section id="tab"')
    after = _services(client).queries.cycle(
        _services(client).accounts.actor_for(
            _services(client).app.find_person_by_email(demo_address("daan")).id  # type: ignore[union-attr]
        ),
        cycle_id,
    )
    assert before is not None
    assert after is not None
    assert after["version"] == before["version"]  # nothing saved: the list is the person's


def test_an_inspiration_already_on_the_list_is_not_added_twice(client: TestClient) -> None:
    token = sign_in(client, "daan")
    cycle_id = _cycle_of(client, "daan")
    page = client.get(f"/cycles/{cycle_id}/preparation").text
    ref = re.search(r'name="inspiration-soft" value="(backlog:[^"]+)"', page)
    assert ref is not None
    form = {"csrf_token": token, "soft.needed": "feedback geven en ontvangen",
            "inspiration-soft": ref.group(1)}  # fmt: skip
    answer = client.post(f"/cycles/{cycle_id}/preparation/inspiration", data=form)
    assert "stond al op de lijst" in answer.text


def test_someone_outside_the_cycle_cannot_use_its_inspiration_form(client: TestClient) -> None:
    cycle_id = _cycle_of(client, "daan")
    for who in ("sanne", "pieter"):
        token = sign_in(client, who)
        answer = client.post(
            f"/cycles/{cycle_id}/preparation/inspiration",
            data={"csrf_token": token, "inspiration-hard": "card:x"},
        )
        assert answer.status_code == 403
        client.post("/sign-out", data={"csrf_token": token})
