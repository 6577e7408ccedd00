"""The board and the cycle pages over HTTP: full pages, htmx fragments, moves and forms."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import htmx, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _board_fields(page: str) -> dict[str, str]:
    board = re.search(r'data-cycle-id="([^"]+)" data-version="(\d+)"', page)
    cards = re.findall(r'data-card-id="([^"]+)"', page)
    assert board is not None
    return {"cycle_id": board.group(1), "version": board.group(2), "card_id": cards[0]}


def _lane(page: str, column: str) -> str:
    start = page.index(f'data-column="{column}"')
    return page[start : page.index("</ol>", start)]


def test_the_board_is_a_full_page_and_a_fragment_for_htmx(client: TestClient) -> None:
    token = sign_in(client, "sanne")
    full = client.get("/board")
    fragment = client.get("/board", headers=htmx(token))
    assert "<html" in full.text
    assert fragment.text.lstrip().startswith('<section id="board"')
    assert "<html" not in fragment.text


def test_a_card_moved_with_htmx_stays_moved_after_a_reload(client: TestClient) -> None:
    token = sign_in(client, "sanne")
    fields = _board_fields(client.get("/board").text)
    card = re.findall(r'data-card-id="([^"]+)"', _lane(client.get("/board").text, "todo"))[0]
    moved = client.post(
        "/board/move",
        data={**fields, "card_id": card, "column": "done", "index": "0"},
        headers=htmx(token),
    )
    assert moved.status_code == 200
    assert card in _lane(moved.text, "done")
    assert card in _lane(client.get("/board").text, "done")


def test_a_move_on_an_outdated_board_shows_the_current_board_and_a_message(
    client: TestClient,
) -> None:
    token = sign_in(client, "sanne")
    fields = _board_fields(client.get("/board").text)
    card = re.findall(r'data-card-id="([^"]+)"', _lane(client.get("/board").text, "todo"))[0]
    client.post(
        "/board/move",
        data={**fields, "card_id": card, "column": "done", "index": "0"},
        headers=htmx(token),
    )
    stale = client.post(
        "/board/move",
        data={**fields, "card_id": card, "column": "todo", "index": "0"},
        headers=htmx(token),
    )
    assert stale.status_code == 200
    assert 'class="notice"' in stale.text
    assert card in _lane(stale.text, "done")


def test_a_card_moves_with_a_plain_form_too(client: TestClient) -> None:
    token = sign_in(client, "sanne")
    fields = _board_fields(client.get("/board").text)
    card = re.findall(r'data-card-id="([^"]+)"', _lane(client.get("/board").text, "todo"))[0]
    page = client.post(
        "/board/move",
        data={**fields, "card_id": card, "column": "doing", "index": "1", "csrf_token": token},
    )
    assert card in _lane(page.text, "doing")


def test_a_manager_sees_a_reports_board_without_move_buttons(client: TestClient) -> None:
    sign_in(client, "marieke")
    sanne = client.app.state.services.app.find_person_by_email("sanne@demo.groeispurt.nl")  # type: ignore[attr-defined]
    page = client.get(f"/board?employee={sanne.id}")
    assert page.status_code == 200
    assert "data-card-id" in page.text
    assert 'class="move"' not in page.text


def _lotte_cycle(client: TestClient) -> str:
    app = client.app.state.services.app  # type: ignore[attr-defined]
    lotte = app.find_person_by_email("lotte@demo.groeispurt.nl")
    return str(app.cycles_of(lotte.id)[-1])


def test_a_goal_without_a_measure_is_refused_next_to_the_field(client: TestClient) -> None:
    token = sign_in(client, "marieke")
    cycle = _lotte_cycle(client)
    response = client.post(
        f"/cycles/{cycle}/pop",
        data={
            "csrf_token": token,
            "goals.0.description": "Beter <b>plannen</b>",
            "goals.0.measure": "",
            "goals.0.deadline": "2099-05-01",
        },
    )
    assert response.status_code == 400
    assert 'id="f-goals-0-measure-error"' in response.text
    assert "Beter &lt;b&gt;plannen&lt;/b&gt;" in response.text  # kept, and escaped


def test_both_parties_approving_the_same_version_makes_the_pop_count(client: TestClient) -> None:
    token = sign_in(client, "marieke")
    cycle = _lotte_cycle(client)
    page = client.post(f"/cycles/{cycle}/approve", data={"csrf_token": token, "version": "1"})
    assert 'id="approved-by-both"' in page.text


def test_every_cycle_tab_is_a_page_and_a_fragment(client: TestClient) -> None:
    token = sign_in(client, "lotte")
    cycle = _lotte_cycle(client)
    for tab in ("", "/preparation", "/session", "/pop", "/follow-up"):
        full = client.get(f"/cycles/{cycle}{tab}")
        fragment = client.get(f"/cycles/{cycle}{tab}", headers=htmx(token))
        assert full.status_code == fragment.status_code == 200
        assert "<html" in full.text
        assert fragment.text.lstrip().startswith('<section id="tab"')


def test_someone_elses_cycle_is_not_shown(client: TestClient) -> None:
    sign_in(client, "sanne")
    response = client.get(f"/cycles/{_lotte_cycle(client)}")
    assert response.status_code == 403
    assert "Lotte" not in response.text


def test_a_preparation_draft_keeps_what_was_typed(client: TestClient) -> None:
    token = sign_in(client, "daan")
    app = client.app.state.services.app  # type: ignore[attr-defined]
    daan = app.find_person_by_email("daan@demo.groeispurt.nl")
    cycle = app.cycles_of(daan.id)[-1]
    client.post(
        f"/cycles/{cycle}/preparation",
        data={"csrf_token": token, "action": "draft", "hard.growth.0.skill": "Excel <script>"},
    )
    page = client.get(f"/cycles/{cycle}/preparation")
    assert "Excel &lt;script&gt;" in page.text
