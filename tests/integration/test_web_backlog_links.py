"""A board card linked to a backlog skill and unlinked, by the employee or the manager; the
follow-up shows how the linked skill changed since; nobody else may change a link."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from service.actor import Actor
from service.container import Services
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def _actor(client: TestClient, name: str) -> Actor:
    services = _services(client)
    person = services.app.find_person_by_email(demo_address(name))
    assert person is not None
    return services.accounts.actor_for(person.id)


def _cycle_and_card(client: TestClient, name: str) -> tuple[str, str]:
    services = _services(client)
    actor = _actor(client, name)
    assert actor.person_id is not None
    cycle_id = str(services.app.cycles_of(actor.person_id)[-1])
    doc = services.queries.cycle(actor, cycle_id)
    assert doc is not None
    assert doc["board"] is not None
    return cycle_id, doc["board"]["card_ids"][1]  # not the one the demo links


def _skill(client: TestClient, description: str) -> str:
    skills = _services(client).app.list_backlog(_actor(client, "hr"))
    return next(s["id"] for s in skills if s["description"] == description)


def test_the_employee_links_a_board_card_to_a_backlog_skill_and_the_card_shows_it(
    client: TestClient,
) -> None:
    token = sign_in(client, "sanne")
    cycle_id, card_id = _cycle_and_card(client, "sanne")
    board = client.get("/board").text
    assert f"/board/backlog-link?cycle={cycle_id}&amp;card={card_id}" in board
    form = client.get(f"/board/backlog-link?cycle={cycle_id}&card={card_id}").text
    assert 'name="backlog_skill_id"' in form
    skill = _skill(client, "Informatiebeveiliging")
    answer = client.post(
        "/board/backlog-link",
        data={"csrf_token": token, "cycle_id": cycle_id, "card_id": card_id,
              "backlog_skill_id": skill},
    )  # fmt: skip
    assert answer.status_code == 200
    assert "verwijst nu naar “Informatiebeveiliging”" in answer.text
    card = re.search(rf'id="card-{card_id}".*?</li>', answer.text, re.S)
    assert card is not None
    assert "Informatiebeveiliging" in card.group(0)
    doc = _services(client).queries.cycle(_actor(client, "sanne"), cycle_id)
    assert doc is not None
    assert doc["session"] is not None
    linked = next(c for c in doc["session"]["cards"] if c["id"] == card_id)
    assert linked["backlog_skill_id"] == skill


def test_the_manager_unlinks_a_card_from_the_employees_board(client: TestClient) -> None:
    cycle_id, card_id = _cycle_and_card(client, "sanne")
    skill = _skill(client, "Informatiebeveiliging")
    _services(client).app.link_card_to_backlog(
        _actor(client, "sanne"), cycle_id, card_id=card_id, backlog_skill_id=skill
    )
    token = sign_in(client, "marieke")
    answer = client.post(
        "/board/backlog-link",
        data={"csrf_token": token, "cycle_id": cycle_id, "card_id": card_id,
              "backlog_skill_id": ""},
    )  # fmt: skip
    assert answer.status_code == 200
    assert "verwijst niet meer naar een vaardigheid" in answer.text
    board = _services(client).queries.board_of_cycle(_actor(client, "marieke"), cycle_id)
    assert board is not None
    assert board["cards"][card_id]["backlog_skill_id"] is None


def test_a_retired_skill_is_refused_on_the_link_page_with_the_choice_kept(
    client: TestClient,
) -> None:
    cycle_id, card_id = _cycle_and_card(client, "sanne")
    skill = _skill(client, "Informatiebeveiliging")
    _services(client).app.retire_backlog_skill(_actor(client, "hr"), skill)
    token = sign_in(client, "sanne")
    answer = client.post(
        "/board/backlog-link",
        data={"csrf_token": token, "cycle_id": cycle_id, "card_id": card_id,
              "backlog_skill_id": skill},
    )  # fmt: skip
    assert answer.status_code == 400
    assert 'id="f-backlog_skill_id-error"' in answer.text


def test_nobody_else_opens_or_posts_the_link_page(client: TestClient) -> None:
    cycle_id, card_id = _cycle_and_card(client, "sanne")
    for who in ("daan", "pieter", "hr", "admin"):
        token = sign_in(client, who)
        page = client.get(f"/board/backlog-link?cycle={cycle_id}&card={card_id}")
        assert page.status_code == 403, who
        posted = client.post(
            "/board/backlog-link",
            data={"csrf_token": token, "cycle_id": cycle_id, "card_id": card_id,
                  "backlog_skill_id": ""},
        )  # fmt: skip
        assert posted.status_code == 403, who
        client.post("/sign-out", data={"csrf_token": token})


def test_the_follow_up_shows_how_a_linked_skill_changed_since_the_link(
    client: TestClient,
) -> None:
    services = _services(client)
    cycle_id, card_id = _cycle_and_card(client, "yusuf")
    skill = _skill(client, "Werken met data en AI")
    services.app.link_card_to_backlog(
        _actor(client, "yusuf"), cycle_id, card_id=card_id, backlog_skill_id=skill
    )
    hr = _actor(client, "hr")
    services.app.reword_backlog_skill(
        hr, skill, {"kind": "hard", "horizon": "future", "description": "Werken met data"}
    )
    services.app.move_backlog_skill(hr, skill, 0)
    sign_in(client, "yusuf")
    page = client.get(f"/cycles/{cycle_id}/follow-up").text
    assert "De bedrijfsbacklog sinds de groeisessie" in page
    assert "“Werken met data en AI” is nu “Werken met data”" in page
    assert "naar nummer 1 op de backlog" in page
