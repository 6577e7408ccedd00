"""The team page's show & tells and the manager's own board, and announcing a show & tell on
the follow-up tab, over HTTP with the demo organisation (Marieke shows her whole board;
Sanne announced a show & tell of the card she shows)."""

from __future__ import annotations

import re
from datetime import timedelta

from starlette.testclient import TestClient

from service.container import Services
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def _person(client: TestClient, name: str) -> str:
    found = _services(client).app.find_person_by_email(demo_address(name))
    assert found is not None
    return str(found.id)


def _sannes_cycle(client: TestClient) -> str:
    return str(_services(client).app.cycles_of(_person(client, "sanne"))[-1])  # type: ignore[arg-type]


def _section(page: str, title_id: str) -> str:
    return page.split(f'id="{title_id}"', 1)[1].split("</section>", 1)[0]


def test_a_colleague_sees_the_show_and_tell_with_only_the_skill_shown_to_the_team(
    client: TestClient,
) -> None:
    sign_in(client, "lotte")
    listed = _section(client.get("/team").text, "show-and-tells-title")
    assert "Sanne de Boer" in listed
    assert "groeien in gesprekstechnieken aan de balie" in listed  # the card Sanne shows
    assert "zaaksysteem" not in listed  # her other cards stay hers
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d"><strong>\d{1,2} \w+ \d{4}</strong>', listed)


def test_the_manager_sees_her_reports_show_and_tell_and_another_team_does_not(
    client: TestClient,
) -> None:
    sign_in(client, "marieke")
    assert "Sanne de Boer" in _section(client.get("/team").text, "show-and-tells-title")
    sign_in(client, "pieter")
    page = client.get("/team").text
    assert "Sanne de Boer" not in page
    assert "Er is in je team geen show &amp; tell aangekondigd." in page


def test_a_report_sees_the_managers_own_board_on_the_team_page_and_opens_it(
    client: TestClient,
) -> None:
    sign_in(client, "sanne")
    shown = _section(client.get("/team").text, "managers-board-title")
    assert "Het bord van Marieke Jansen" in shown
    assert shown.count("<li>") == 3  # her whole board
    board = client.get(f"/board?employee={_person(client, 'marieke')}")
    assert board.status_code == 200
    assert "Alleen de kaartjes die aan het team getoond worden." in board.text
    assert "/cycles/" not in board.text.split("<main", 1)[1]  # her cycle is not Sanne's to open
    assert "Toon aan team" not in board.text  # nothing to move or show on someone else's board


def test_someone_outside_the_team_cannot_open_the_managers_board(client: TestClient) -> None:
    sign_in(client, "pieter")
    assert client.get(f"/board?employee={_person(client, 'marieke')}").status_code == 403


def test_a_manager_hides_her_whole_board_and_shows_it_again(client: TestClient) -> None:
    token = sign_in(client, "marieke")
    page = client.get("/board").text
    cycle = re.search(r'name="cycle_id" value="([0-9a-f-]{36})"', page)
    assert cycle is not None
    hidden = client.post(
        "/board/visibility-all",
        data={"csrf_token": token, "cycle_id": cycle.group(1), "visible": "false"},
    )
    assert "getoond aan team" not in hidden.text.split('id="board"', 1)[1]
    sign_in(client, "sanne")
    assert 'id="managers-board-title"' not in client.get("/team").text
    token = sign_in(client, "marieke")
    client.post(
        "/board/visibility-all",
        data={"csrf_token": token, "cycle_id": cycle.group(1), "visible": "true"},
    )
    sign_in(client, "lotte")
    assert 'id="managers-board-title"' in client.get("/team").text


def test_a_show_and_tell_in_the_past_is_refused_next_to_the_date_with_it_kept(
    client: TestClient,
) -> None:
    token = sign_in(client, "sanne")
    cycle = _sannes_cycle(client)
    past = (_services(client).app.today() - timedelta(days=3)).isoformat()
    answer = client.post(f"/cycles/{cycle}/show-and-tell", data={"csrf_token": token, "on": past})
    assert answer.status_code == 400
    assert 'id="f-on-error"' in answer.text
    assert "Plan de show &amp; tell voor vandaag of later" in answer.text
    assert f'value="{past}"' in answer.text


def test_either_party_moves_the_show_and_tell_and_calls_it_off(client: TestClient) -> None:
    token = sign_in(client, "marieke")
    cycle = _sannes_cycle(client)
    later = (_services(client).app.today() + timedelta(days=40)).isoformat()
    moved = client.post(f"/cycles/{cycle}/show-and-tell", data={"csrf_token": token, "on": later})
    assert moved.status_code == 200
    assert f'value="{later}"' in moved.text
    assert "Aangekondigd aan het team voor" in moved.text
    token = sign_in(client, "sanne")
    called_off = client.post(
        f"/cycles/{cycle}/show-and-tell", data={"csrf_token": token, "on": "", "call_off": "yes"}
    )
    assert "Aangekondigd aan het team" not in called_off.text
    sign_in(client, "lotte")
    assert "Sanne de Boer" not in _section(client.get("/team").text, "show-and-tells-title")


def test_a_colleague_cannot_announce_someone_elses_show_and_tell(client: TestClient) -> None:
    token = sign_in(client, "lotte")
    answer = client.post(
        f"/cycles/{_sannes_cycle(client)}/show-and-tell",
        data={"csrf_token": token, "on": "2099-01-01"},
    )
    assert answer.status_code == 403


def test_days_are_written_as_each_language_writes_them(client: TestClient) -> None:
    token = sign_in(client, "lotte")
    day = _services(client).app.today() + timedelta(days=12)
    dutch = _section(client.get("/team").text, "show-and-tells-title")
    assert f"<strong>{day.day} " in dutch
    client.post("/language", data={"csrf_token": token, "lang": "en", "back": "/team"})
    english = _section(client.get("/team").text, "show-and-tells-title")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    assert f"<strong>{day.day} {months[day.month - 1]} {day.year}</strong>" in english
