"""The timeline across cycles, the last retrospective and the POP's versions over HTTP.

In the demo Noah Vermeulen (team ICT, managed by Pieter Claes) has a
completed cycle whose POP was rewritten once, and a new cycle after it.
Every kind of person who may sign in tries the new pages: the employee,
their manager and HR read them; a teammate, another manager, an
administrator, a former manager after a handover and a coach do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.testclient import TestClient

from service.actor import Actor
from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import demo_address, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


@dataclass(frozen=True)
class Noah:
    person_id: str
    first: str  # the completed cycle, POP in two versions
    second: str  # the new one, preparing


def _services(client: TestClient) -> Any:
    return client.app.state.services  # type: ignore[attr-defined]


def _actor(client: TestClient, name: str) -> Actor:
    services = _services(client)
    person = services.app.find_person_by_email(demo_address(name))
    actor: Actor = services.accounts.actor_for(person.id)
    return actor


def _noah(client: TestClient) -> Noah:
    services = _services(client)
    noah = services.app.find_person_by_email(demo_address("noah"))
    lines = services.queries.timeline(_actor(client, "hr"), noah.id).cycles
    first, second = (line.cycle["cycle_id"] for line in lines)
    return Noah(str(noah.id), first, second)


READERS = ("noah", "pieter", "hr")
# A teammate of Noah, a manager of another team, an administrator, someone else.
OTHERS = ("emma", "marieke", "admin", "sanne")


@pytest.mark.parametrize("who", READERS + OTHERS)
def test_the_timeline_is_for_the_employee_their_manager_and_hr_only(
    client: TestClient, who: str
) -> None:
    noah = _noah(client)
    sign_in(client, who)
    response = client.get(f"/timeline?employee={noah.person_id}")
    if who in READERS:
        assert response.status_code == 200
        assert "Groeispurt 1" in response.text
        assert "Groeispurt 2" in response.text
        assert "De cursus gaf direct resultaat in het werk." in response.text
    else:
        assert response.status_code == 403
        assert "Groeispurt 1" not in response.text
        assert "De cursus gaf" not in response.text


def test_an_employee_reads_their_own_timeline_at_its_short_address(client: TestClient) -> None:
    noah = _noah(client)
    sign_in(client, "noah")
    page = client.get("/timeline").text
    assert "Mijn tijdlijn" in page
    # One lane per cycle, oldest first; each moment a station of an ordered list.
    assert page.index(f'href="/cycles/{noah.first}"') < page.index(f'href="/cycles/{noah.second}"')
    lanes = re.findall(r'<ol class="plain rail">(.*?)</ol>\s*(?:<section|</li>)', page, re.S)
    assert len(lanes) == 2
    first = lanes[0]
    for station in ("Sessie gehouden", "Kaarten op het bord", "POP-versie 1", "POP-versie 2"):
        assert station in first
    assert "Noah Vermeulen keurde versie 1 goed" in first
    assert "Pieter Claes keurde versie 2 goed" in first
    assert "1 toegevoegd, 1 verwijderd, 2 gewijzigd" in first
    assert "Terugblik" in first
    assert f'href="/cycles/{noah.first}/pop#pop-v2"' in first


def test_a_person_without_cycles_sees_an_empty_timeline(client: TestClient) -> None:
    sign_in(client, "pieter")  # Marieke runs a cycle of her own in the demo
    page = client.get("/timeline")
    assert page.status_code == 200
    assert "Nog geen groeispurt." in page.text


def test_a_former_manager_loses_the_timeline_when_hr_hands_the_employee_over(
    client: TestClient,
) -> None:
    noah = _noah(client)
    services = _services(client)
    marieke = services.app.find_person_by_email(demo_address("marieke"))
    services.app.change_manager(_actor(client, "hr"), noah.person_id, marieke.id)
    sign_in(client, "pieter")
    assert client.get(f"/timeline?employee={noah.person_id}").status_code == 403
    assert client.get(f"/cycles/{noah.first}/pop/compare?a=1&b=2").status_code == 403
    sign_in(client, "marieke")
    page = client.get(f"/timeline?employee={noah.person_id}")
    assert page.status_code == 200
    # The cycle Pieter led is the new manager's to read too, his approvals his own.
    assert "Pieter Claes keurde versie 2 goed" in page.text


def test_a_coach_leads_the_cycle_but_sees_no_timeline_of_it(client: TestClient) -> None:
    services = _services(client)
    hr = _actor(client, "hr")
    top = services.app.register_person(
        hr, name="Tara Top", email="tara@demo.groeispurt.nl", function="Directeur",
        team="Directie", start_date="2015-01-01",
    )  # fmt: skip
    marieke = services.app.find_person_by_email(demo_address("marieke"))
    cycle = services.app.open_cycle(
        hr, employee_id=top, planned_session_on="2027-01-05", coach_id=marieke.id
    )
    sign_in(client, "marieke")
    page = client.get(f"/cycles/{cycle}")
    assert page.status_code == 200
    assert "/timeline" not in page.text
    assert client.get(f"/timeline?employee={top}").status_code == 403


@pytest.mark.parametrize(("who", "link"), [("noah", "/timeline"), ("pieter", "?employee=")])
def test_the_cycle_page_links_to_the_timeline(client: TestClient, who: str, link: str) -> None:
    noah = _noah(client)
    sign_in(client, who)
    page = client.get(f"/cycles/{noah.first}").text
    found = re.search(r'href="(/timeline[^"]*)">Tijdlijn van alle groeispurten', page)
    assert found is not None
    assert link in found.group(1)


def test_hr_finds_the_timeline_on_the_person_page_and_an_administrator_does_not(
    client: TestClient,
) -> None:
    noah = _noah(client)
    sign_in(client, "hr")
    assert (
        f'href="/timeline?employee={noah.person_id}"'
        in client.get(f"/hr/people/{noah.person_id}").text
    )
    sign_in(client, "admin")
    page = client.get(f"/hr/people/{noah.person_id}")
    assert page.status_code == 200
    assert "/timeline" not in page.text


def test_a_manager_finds_each_reports_timeline_on_my_team(client: TestClient) -> None:
    noah = _noah(client)
    sign_in(client, "pieter")
    assert f'href="/timeline?employee={noah.person_id}"' in client.get("/team").text


def test_the_next_cycle_recalls_what_was_said_at_the_last_follow_up(client: TestClient) -> None:
    noah = _noah(client)
    for who in READERS:
        sign_in(client, who)
        for tab in ("", "/preparation"):
            page = client.get(f"/cycles/{noah.second}{tab}").text
            assert "Vorige keer" in page, (who, tab)
            assert "De cursus gaf direct resultaat in het werk." in page
            assert "Meer tijd vrijmaken om te oefenen." in page
    assert "Vorige keer" not in client.get(f"/cycles/{noah.first}").text


def test_every_earlier_pop_version_is_readable_in_full(client: TestClient) -> None:
    noah = _noah(client)
    sign_in(client, "noah")
    page = client.get(f"/cycles/{noah.first}/pop").text
    earlier = page[page.index('id="pop-v1"') :]
    assert "Cursus Python en SQL" in earlier  # the activity version 2 replaced
    assert "Opleidingsbudget tot 1.000 euro" in earlier
    assert "Toepassing besproken met de leidinggevende" in earlier
    assert "Noah Vermeulen" in earlier  # who approved version 1
    # What each version changed is said in the page's language.
    assert "1 toegevoegd, 1 verwijderd, 2 gewijzigd" in page


@pytest.mark.parametrize("who", READERS + OTHERS)
def test_two_pop_versions_side_by_side_for_those_who_read_the_cycle(
    client: TestClient, who: str
) -> None:
    noah = _noah(client)
    sign_in(client, who)
    response = client.get(f"/cycles/{noah.first}/pop/compare?a=1&b=2")
    if who not in READERS:
        assert response.status_code == 403
        assert "Cursus Python en SQL" not in response.text
        return
    assert response.status_code == 200
    page = response.text
    table = page[page.index('<table class="compare">') : page.index("</table>")]
    assert re.search(r"− verwijderd</span>\s*<del class=\"item\">\s*Cursus Python en SQL", table)
    assert re.search(r"\+ toegevoegd</span>\s*<ins class=\"item\">\s*Vakboek over python", table)
    assert "± gewijzigd" in table
    assert "<del>Opleidingsbudget tot 1.000 euro</del>" in table
    assert "<ins>Opleidingsbudget tot 500 euro</ins>" in table
    assert "niet in versie 2" in table  # the empty side says so to a screen reader
    assert "Soort: boek · Leervorm: informeel" in table


def test_the_older_version_stands_on_the_left_whichever_order_was_chosen(
    client: TestClient,
) -> None:
    noah = _noah(client)
    sign_in(client, "noah")
    page = client.get(f"/cycles/{noah.first}/pop/compare?a=2&b=1").text
    head = page[page.index('<table class="compare">') : page.index("</thead>")]
    assert head.index("Versie 1") < head.index("Versie 2")
    assert re.search(r'<option value="2" selected>Versie 2</option>', page)


@pytest.mark.parametrize(
    ("query", "field", "said"),
    [
        ("a=2&b=2", "b", "Versie 2 is twee keer gekozen"),
        ("a=1&b=9", "b", "Dit POP heeft geen versie 9."),
        ("a=een&b=2", "a", "Dit moet een geheel getal zijn."),
    ],
)
def test_a_bad_choice_of_versions_is_said_next_to_its_field_and_kept(
    client: TestClient, query: str, field: str, said: str
) -> None:
    noah = _noah(client)
    sign_in(client, "noah")
    response = client.get(f"/cycles/{noah.first}/pop/compare?{query}")
    assert response.status_code == 400
    error = re.search(rf'<p class="error" id="f-{field}-error">([^<]*)</p>', response.text)
    assert error is not None
    assert said in error.group(1)
    assert f'id="f-{field}" name="{field}" aria-invalid="true"' in response.text
    assert '<table class="compare">' not in response.text


def test_the_new_pages_speak_english_when_asked(client: TestClient) -> None:
    noah = _noah(client)
    token = sign_in(client, "noah")
    client.post("/language", data={"lang": "en", "csrf_token": token, "back": "/timeline"})
    timeline = client.get("/timeline").text
    assert "My timeline" in timeline
    assert "POP version 2" in timeline
    assert "1 added, 1 removed, 2 changed" in timeline
    compare = client.get(f"/cycles/{noah.first}/pop/compare?a=1&b=2").text
    assert "Compare two versions" in compare
    assert "− removed" in compare
    assert "Last time" in client.get(f"/cycles/{noah.second}").text
    # Texts filled in by the shared macros too: the plan's words and what a version changed.
    pop = client.get(f"/cycles/{noah.first}/pop").text
    assert "Against version 1: 1 added, 1 removed, 2 changed" in pop
    assert '<span class="tag">book</span>' in pop
    for dutch in ("toegevoegd", ">boek<", ">informeel<", ">tijd<"):
        assert dutch not in pop, dutch
        assert dutch not in compare, dutch


def test_switching_the_language_stays_on_the_same_persons_timeline(client: TestClient) -> None:
    noah = _noah(client)
    token = sign_in(client, "hr")
    address = f"/timeline?employee={noah.person_id}"
    page = client.get(address).text
    assert f'name="back" value="{address}"' in page
    switched = client.post("/language", data={"lang": "en", "csrf_token": token, "back": address})
    assert "Timeline of Noah Vermeulen" in switched.text
