"""The session tab at the table (seed 000): the employee and the manager write the four
candidate cards together, a change made meanwhile by the other is never lost, the manager
records the session from them, and the session report is approved by both (seed 001)."""

from __future__ import annotations

import re
from uuid import UUID

from starlette.testclient import TestClient

from service.container import build_services
from service.settings import Settings
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def _cycle_of(settings: Settings, name: str) -> UUID:
    services = build_services(settings, follow_writes=False)
    try:
        person = services.app.find_person_by_email(demo_address(name))
        assert person is not None
        return services.app.cycles_of(person.id)[-1]
    finally:
        services.close()


def _token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def _card(kind: str, skill: str, **more: str) -> dict[str, str]:
    card = {"kind": kind, "as_a": "Ontwikkelaar", "i_want_to": skill, "in_order_to": "beter werk"}
    return {f"card.{k}": v for k, v in {**card, **more}.items()}


def _save(client: TestClient, cycle: UUID, fields: dict[str, str]) -> str:
    page = client.get(f"/cycles/{cycle}/session").text
    return client.post(
        f"/cycles/{cycle}/session/cards", data={"csrf_token": _token(page), **fields}
    ).text


def _versions(page: str) -> dict[str, str]:
    """Each candidate card's id with the version its remove form carries."""
    return dict(
        re.findall(
            r'name="card_id" value="([^"]+)">\s*<input type="hidden" name="version" value="(\d+)"',
            page,
        )
    )


def test_the_employee_sees_both_preparations_and_starts_a_card_from_her_own(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _cycle_of(demo_settings, "lisa")  # prepared, two cards written at the table
    sign_in(client, "lisa")
    page = client.get(f"/cycles/{cycle}/session").text
    assert "Wat jullie allebei voorbereidden (vraag 4)" in page
    assert "Kandidaat-kaartjes: 1 van 2 harde, 1 van 2 zachte" in page
    prefilled = client.get(f"/cycles/{cycle}/session?from=hard.0").text
    assert 'value="Python en SQL"' in prefilled
    assert "betere rapportages bouwen" in prefilled  # 4b, why → in order to
    assert 'value="Ontwikkelaar"' in prefilled  # her function → as a


def test_a_card_can_start_from_a_backlog_skill_or_an_inspiration_card(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _cycle_of(demo_settings, "lisa")
    sign_in(client, "lisa")
    page = client.get(f"/cycles/{cycle}/session").text
    assert "Begin bij een vaardigheid uit de bedrijfsbacklog of een inspiratiekaartje" in page
    starts = re.findall(
        r'session\?start=(backlog|card)%3A([0-9a-f-]+)#card-form">([^<]+)</a>', page
    )
    backlog = next(s for s in starts if s[0] == "backlog")
    card = next(s for s in starts if s[0] == "card")
    from_backlog = client.get(f"/cycles/{cycle}/session?start=backlog:{backlog[1]}").text
    assert f'value="{backlog[2]}"' in from_backlog  # the skill → I want to
    assert f'name="card.backlog_skill_id" value="{backlog[1]}"' in from_backlog
    from_card = client.get(f"/cycles/{cycle}/session?start=card:{card[1]}").text
    assert f'value="{card[2]}"' in from_card
    assert 'name="card.backlog_skill_id" value=""' in from_card  # a card is not on the backlog
    unknown = client.get(f"/cycles/{cycle}/session?start=card:nonsense").text
    assert 'name="card.backlog_skill_id" value=""' in unknown


def test_both_parties_write_the_cards_and_the_manager_records_the_session_from_them(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _cycle_of(demo_settings, "lisa")
    sign_in(client, "lisa")
    page = _save(client, cycle, _card("hard", "Testen"))
    assert "Kandidaat-kaartjes: 2 van 2 harde, 1 van 2 zachte" in page
    refused = _save(client, cycle, _card("hard", "Deployen"))
    assert "er zijn al 2 kaartjes voor harde vaardigheden" in refused
    assert 'value="Deployen"' in refused  # what was typed is kept
    sign_in(client, "pieter")
    page = client.get(f"/cycles/{cycle}/session").text
    early = client.post(
        f"/cycles/{cycle}/session",
        data={"csrf_token": _token(page), "held_on": "2026-12-01", "notes": ""},
    ).text
    assert "nu zijn het er 2 harde en 1 zachte" in early
    _save(client, cycle, _card("soft", "Feedback geven"))
    page = client.get(f"/cycles/{cycle}/session").text
    held = client.post(
        f"/cycles/{cycle}/session",
        data={"csrf_token": _token(page), "held_on": "2026-12-01", "notes": "Goed gesprek"},
    ).text
    assert "Kies samen drie van de vier kaartjes voor het bord" in held
    assert len(re.findall(r'name="card_ids" value="([^"]+)"', held)) == 4


def test_a_card_changed_meanwhile_by_the_other_party_is_not_overwritten(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _cycle_of(demo_settings, "lisa")
    sign_in(client, "lisa")
    page = client.get(f"/cycles/{cycle}/session").text
    card_id, version = next(iter(_versions(page).items()))
    mine = {"card_id": card_id, "version": version, **_card("hard", "Python, echt goed")}
    first = _save(client, cycle, mine)
    assert "Python, echt goed" in first
    stale = _save(client, cycle, {**mine, **_card("hard", "Python en nog meer")})
    assert "Iemand anders wijzigde dit kaartje intussen (het staat nu op versie 2)" in stale
    assert 'value="Python, echt goed"' in stale  # the card as it is now, in the form
    assert "Python en nog meer" in stale  # beside what was typed
    assert 'name="version" value="2"' in stale


def test_a_removed_card_is_gone_and_hr_reads_the_table_without_forms(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _cycle_of(demo_settings, "lisa")
    sign_in(client, "pieter")
    page = client.get(f"/cycles/{cycle}/session").text
    card_id, version = next(iter(_versions(page).items()))
    after = client.post(
        f"/cycles/{cycle}/session/cards/remove",
        data={"csrf_token": _token(page), "card_id": card_id, "version": version},
    ).text
    assert "Verwijderd." in after
    assert card_id not in after
    sign_in(client, "hr")
    read = client.get(f"/cycles/{cycle}/session").text
    assert "Kandidaat-kaartjes: 0 van 2 harde, 1 van 2 zachte" in read
    assert 'action="/cycles/' + str(cycle) + '/session/cards"' not in read


def test_the_session_report_counts_once_both_approved_the_same_version(
    client: TestClient, demo_settings: Settings
) -> None:
    cycle = _cycle_of(demo_settings, "emma")  # session held: the report waits for her
    sign_in(client, "emma")
    page = client.get(f"/cycles/{cycle}/session").text
    assert "Verslag van de groeisessie" in page
    assert "Keur versie 1 van het verslag goed" in page
    revised = client.post(
        f"/cycles/{cycle}/report", data={"csrf_token": _token(page), "text": "Aangevuld verslag."}
    ).text
    assert "Versie 2" in revised
    assert "Keur versie 2 van het verslag goed" in revised
    approved = client.post(
        f"/cycles/{cycle}/report/approve",
        data={"csrf_token": _token(revised), "report_version": "2"},
    ).text
    assert "report-agreed" not in approved  # the manager's approval was of version 1
    stale = client.post(
        f"/cycles/{cycle}/report/approve",
        data={"csrf_token": _token(revised), "report_version": "1"},
    ).text
    assert "Versie 1 is vervangen door versie 2" in stale
    overview = client.get(f"/cycles/{cycle}").text
    assert "versie 2 wacht op goedkeuring" in overview


def test_the_overview_shows_an_agreed_report(client: TestClient, demo_settings: Settings) -> None:
    sign_in(client, "sanne")
    cycle = _cycle_of(demo_settings, "sanne")
    overview = client.get(f"/cycles/{cycle}").text
    assert re.search(r'id="report-step">✓ Sessieverslag door beiden goedgekeurd', overview)
    session = client.get(f"/cycles/{cycle}/session").text
    assert 'id="report-agreed"' in session
