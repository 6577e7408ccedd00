"""The session page follows seed 000: four cards, two hard and two soft, and three of them
chosen for the board; where the rule refuses, the page says it beside the cards."""

from __future__ import annotations

import re
from uuid import UUID

from starlette.testclient import TestClient

from service.container import build_services
from service.settings import Settings
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _open_cycle_of(settings: Settings, name: str) -> UUID:
    services = build_services(settings, follow_writes=False)
    try:
        person = services.app.find_person_by_email(demo_address(name))
        assert person is not None
        return services.app.cycles_of(person.id)[-1]
    finally:
        services.close()


def _card(i: int, kind: str, skill: str = "") -> dict[str, str]:
    prefix = f"cards.{i}."
    filled = {"as_a": "Ontwikkelaar", "i_want_to": skill, "in_order_to": "beter werk"}
    if not skill:
        filled = dict.fromkeys(filled, "")
    return {prefix + "kind": kind, **{prefix + key: value for key, value in filled.items()}}


def _session_form(client: TestClient, cycle: UUID, cards: dict[str, str]) -> str:
    """Writes each filled card at the table, then records the session from them."""
    for i in range(4):
        card = {k.split(".", 2)[2]: v for k, v in cards.items() if k.startswith(f"cards.{i}.")}
        if card.get("i_want_to"):
            page = client.get(f"/cycles/{cycle}/session").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', page)
            assert token is not None
            fields = {f"card.{k}": v for k, v in card.items()}
            client.post(
                f"/cycles/{cycle}/session/cards", data={"csrf_token": token.group(1), **fields}
            )
    page = client.get(f"/cycles/{cycle}/session").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    form = {"csrf_token": token.group(1), "held_on": "2026-12-01", "notes": ""}
    return client.post(f"/cycles/{cycle}/session", data=form).text


def test_the_session_table_offers_a_card_of_either_kind_and_counts_two_of_each(
    client: TestClient, demo_settings: Settings
) -> None:
    sign_in(client, "marieke")
    page = client.get(f"/cycles/{_open_cycle_of(demo_settings, 'daan')}/session").text
    assert 'option value="hard"' in page
    assert 'option value="soft"' in page
    assert "Kandidaat-kaartjes: 0 van 2 harde, 0 van 2 zachte" in page


def test_three_written_cards_are_refused_with_the_rule_and_nothing_is_stored(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _open_cycle_of(demo_settings, "daan")
    sign_in(client, "marieke")
    cards = {
        **_card(0, "hard", "SQL"),
        **_card(1, "hard", "Python"),
        **_card(2, "soft", "Presenteren"),
        **_card(3, "soft"),
    }
    page = _session_form(client, cycle, cards)
    assert "Schrijf vier kandidaat-kaartjes, twee harde en twee zachte vaardigheden" in page
    assert "nu zijn het er 2 harde en 1 zachte" in page
    assert "Presenteren" in page  # the cards written stay on the table
    assert "Kies samen drie" not in page  # the session was not recorded


def test_four_cards_make_the_session_and_exactly_three_go_onto_the_board(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _open_cycle_of(demo_settings, "daan")
    sign_in(client, "marieke")
    cards = {
        **_card(0, "hard", "SQL"),
        **_card(1, "hard", "Python"),
        **_card(2, "soft", "Presenteren"),
        **_card(3, "soft", "Feedback geven"),
    }
    page = _session_form(client, cycle, cards)
    assert "Kies samen drie van de vier kaartjes voor het bord" in page
    choices = re.findall(r'name="card_ids" value="([^"]+)"', page)
    assert len(choices) == 4
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    two = client.post(
        f"/cycles/{cycle}/select",
        data={"csrf_token": token.group(1), "card_ids": choices[:2]},
    ).text
    assert "Kies 3 van de vier kaartjes voor het bord (nu 2 gekozen)" in two
    three = client.post(
        f"/cycles/{cycle}/select",
        data={"csrf_token": token.group(1), "card_ids": choices[:3]},
    ).text
    assert "Kies samen drie" not in three
