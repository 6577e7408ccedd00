"""The question set on the pages: HR's page (adding, rewording, moving, retiring, a stale
version), the cycle's questions in the preparation form per party, and both parties' answers
side by side once shared — never a draft."""

from __future__ import annotations

import html
import re
from typing import Any
from uuid import UUID

from starlette.testclient import TestClient

from service.actor import Actor
from service.container import Services
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, htmx, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def _actor(client: TestClient, name: str) -> Actor:
    services = _services(client)
    person = services.app.find_person_by_email(demo_address(name))
    assert person is not None
    return services.accounts.actor_for(person.id)


def _cycle_of(client: TestClient, name: str) -> UUID:
    app = _services(client).app
    person = app.find_person_by_email(demo_address(name))
    assert person is not None
    return app.cycles_of(person.id)[-1]


def _version(page: str) -> str:
    found = re.search(r'id="questions"[^>]*data-version="(\d+)"', page)
    assert found is not None, "the list has no version"
    return found.group(1)


def _wording(**values: str) -> dict[str, str]:
    return {"section": "opening", "employee": "", "manager": "", "help": "", **values}


def test_hr_sees_the_hand_outs_questions_part_by_part_in_dutch(client: TestClient) -> None:
    sign_in(client, "hr")
    page = client.get("/hr/questions").text
    assert 'href="/hr/questions" aria-current="page">Vragen</a>' in page
    for text in (
        "Openingsvragen",
        "Hoe sta je in je werk?",
        "Sterke punten",
        "Waar krijg je vaak complimenten over en wat zegt dat over jou?",
        "Welke doorgroeimogelijkheden zie je voor deze medewerker, nu of in de toekomst?",
        "Uit de hand-outs",
    ):
        assert html.escape(text, quote=False) in page or text in html.unescape(page), text
    assert _version(page) == "0"
    assert " style=" not in page


def test_a_question_added_by_hr_is_asked_in_cycles_opened_afterwards_only(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    daan_cycle = _cycle_of(client, "daan")  # open before the change
    response = client.post(
        "/hr/questions",
        data={
            "csrf_token": token,
            "version": "0",
            **_wording(employee="Wat heb je dit jaar geleerd?", section="opening"),
        },
    )
    assert response.status_code == 200
    page = response.text
    assert "Wat heb je dit jaar geleerd?" in page
    assert "Cycli die vanaf nu starten, stellen ze." in page
    view = _services(client).app.question_set(_actor(client, "hr"))
    assert view.version == 2  # started from the built-in set, then the question added
    doc = _services(client).queries.cycle(_actor(client, "daan"), daan_cycle)
    assert doc is not None
    assert doc["questions"] is not None
    assert "Wat heb je dit jaar geleerd?" not in [q["employee"] for q in doc["questions"]]


def test_a_change_made_on_a_stale_version_saves_nothing_and_says_so(client: TestClient) -> None:
    token = sign_in(client, "hr")
    response = client.post(
        "/hr/questions",
        data={"csrf_token": token, "version": "7", **_wording(employee="Te laat?")},
    )
    assert response.status_code == 400
    assert "De vragenlijst werd intussen elders gewijzigd" in response.text
    assert "Te laat?" in response.text  # the form is kept
    assert _services(client).app.question_set(_actor(client, "hr")).version == 0


def test_a_question_for_nobody_is_refused_next_to_the_field_with_the_form_kept(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    response = client.post(
        "/hr/questions",
        data={"csrf_token": token, "version": "0", **_wording(help="Alleen hulp")},
    )
    assert response.status_code == 400
    assert "Schrijf de vraag voor de medewerker, voor de leidinggevende of voor beiden." in (
        response.text
    )
    assert "Alleen hulp" in response.text
    assert _services(client).app.question_set(_actor(client, "hr")).version == 0


def test_moving_a_question_with_htmx_answers_with_the_list_and_where_it_is_now(
    client: TestClient,
) -> None:
    token = sign_in(client, "hr")
    response = client.post(
        "/hr/questions/move",
        data={"question_id": "opening-moments", "position": "0", "version": "0"},
        headers=htmx(token),
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="questions"')
    assert "De vraag staat nu op plaats 1 van 3 in “Openingsvragen”." in response.text
    view = _services(client).app.question_set(_actor(client, "hr"))
    assert [q["id"] for q in view.questions][:3] == [
        "opening-moments",
        "opening-work",
        "opening-development-points",
    ]
    stale = client.post(
        "/hr/questions/move",
        data={"question_id": "opening-work", "position": "0", "version": "0"},
        headers=htmx(token),
    )
    assert "De vragenlijst werd intussen elders gewijzigd" in stale.text
    assert _services(client).app.question_set(_actor(client, "hr")).version == view.version


def test_saving_a_built_in_question_as_shown_changes_nothing(client: TestClient) -> None:
    token = sign_in(client, "hr")
    page = client.get("/hr/questions/opening-work").text
    assert "Hoe sta je in je werk?" in page
    shown = _wording(
        employee="Hoe sta je in je werk?",
        manager="Hoe staat je medewerker volgens jou in het werk?",
    )
    client.post("/hr/questions/opening-work", data={"csrf_token": token, "version": "0", **shown})
    assert _services(client).app.question_set(_actor(client, "hr")).version == 0
    reworded = {**shown, "employee": "Hoe gaat het met je werk?"}
    client.post(
        "/hr/questions/opening-work", data={"csrf_token": token, "version": "0", **reworded}
    )
    view = _services(client).app.question_set(_actor(client, "hr"))
    question = next(q for q in view.questions if q["id"] == "opening-work")
    assert question["employee"] == "Hoe gaat het met je werk?"
    assert question["built_in"] is False


def test_retiring_asks_for_confirmation_then_takes_the_question_out(client: TestClient) -> None:
    token = sign_in(client, "hr")
    url = "/hr/questions/strengths-whistling/retire"
    refused = client.post(url, data={"csrf_token": token, "version": "0"})
    assert refused.status_code == 400
    assert "Vink het vakje aan" in refused.text
    done = client.post(url, data={"csrf_token": token, "version": "0", "confirm": "yes"})
    assert done.status_code == 200
    assert "De vraag is uit de vragenlijst gehaald" in done.text
    view = _services(client).app.question_set(_actor(client, "hr"))
    assert "strengths-whistling" not in [q["id"] for q in view.questions]
    assert [q["id"] for q in view.retired] == ["strengths-whistling"]
    assert client.get("/hr/questions/strengths-whistling").status_code == 404


def test_only_hr_gets_the_page_and_its_forms(client: TestClient) -> None:
    for name in ("admin", "marieke", "sanne"):
        token = sign_in(client, name)
        assert client.get("/hr/questions").status_code == 403, name
        posted = client.post(
            "/hr/questions",
            data={"csrf_token": token, "version": "0", **_wording(employee="Nee")},
        )
        assert posted.status_code == 403, name
    assert _services(client).app.question_set(_actor(client, "hr")).version == 0


def test_the_preparation_form_asks_each_party_its_own_wording(client: TestClient) -> None:
    cycle = _cycle_of(client, "daan")
    sign_in(client, "daan")
    mine = client.get(f"/cycles/{cycle}/preparation").text
    assert 'name="answers.opening-work"' in mine
    assert "Hoe sta je in je werk?" in mine
    assert 'name="answers.manager-growth-opportunities"' not in mine
    sign_in(client, "marieke")
    managers = client.get(f"/cycles/{cycle}/preparation").text
    assert "Hoe staat je medewerker volgens jou in het werk?" in managers
    assert 'name="answers.manager-growth-opportunities"' in managers


def test_an_answer_is_kept_in_a_draft_and_private_until_submitted(client: TestClient) -> None:
    cycle = _cycle_of(client, "daan")
    token = sign_in(client, "daan")
    answer = "Ik sta er goed in <b>echt</b>"
    client.post(
        f"/cycles/{cycle}/preparation",
        data={"csrf_token": token, "action": "draft", "answers.opening-work": answer},
    )
    mine = client.get(f"/cycles/{cycle}/preparation").text
    assert html.escape(answer, quote=False) in mine
    sign_in(client, "marieke")
    theirs = client.get(f"/cycles/{cycle}/preparation").text
    assert "Ik sta er goed in" not in theirs  # a draft is its author's


def test_an_answer_too_long_is_refused_next_to_its_question_with_the_form_kept(
    client: TestClient,
) -> None:
    cycle = _cycle_of(client, "daan")
    token = sign_in(client, "daan")
    response = client.post(
        f"/cycles/{cycle}/preparation",
        data={
            "csrf_token": token,
            "action": "draft",
            "answers.opening-work": "x" * 4001,
            "answers.opening-moments": "bewaard",
        },
    )
    assert response.status_code == 400
    assert 'id="f-answers-opening-work-error"' in response.text
    assert "bewaard" in response.text


def test_both_parties_answers_show_side_by_side_once_shared(client: TestClient) -> None:
    cycle = _cycle_of(client, "lisa")  # both submitted in the demo
    sign_in(client, "lisa")
    page: Any = client.get(f"/cycles/{cycle}/preparation").text
    assert "Antwoorden naast elkaar" in page
    assert "Met plezier: het werk is afwisselend" in page  # her own
    assert "Betrokken en gemotiveerd" in page  # her manager's
    session = client.get(f"/cycles/{cycle}/session").text
    assert "Antwoorden naast elkaar" in session
