"""An overdue follow-up is seen by everyone it concerns: the employee on their board and
cycle, and HR on a page of every overdue follow-up by team; nobody else reads that page."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def test_hr_sees_every_overdue_follow_up_by_team_with_how_long_it_is_overdue(
    client: TestClient,
) -> None:
    sign_in(client, "hr")
    page = client.get("/hr/follow-ups")
    assert page.status_code == 200
    assert "Opvolgingen" in page.text
    row = re.search(r"Jeroen Willems</a></td>\s*<td>([^<]+)</td>\s*<td>[^<]+</td>\s*"
                    r'<td><span class="tag tag--late">(\d+) dagen</span>', page.text)  # fmt: skip
    assert row is not None, page.text
    assert row.group(1) == "Marieke Jansen"
    assert int(row.group(2)) > 0
    english = client.post(
        "/language",
        data={"lang": "en", "back": "/hr/follow-ups", "csrf_token": pages.csrf_of(page.text)},
    )
    assert "Overdue: 1" in english.text
    assert re.search(r'tag--late">\d+ days<', english.text)


@pytest.mark.parametrize("who", ["marieke", "sanne", "admin"])
def test_no_one_but_hr_reads_the_follow_ups_page(client: TestClient, who: str) -> None:
    sign_in(client, who) if who != "admin" else _sign_in_admin(client)
    assert client.get("/hr/follow-ups").status_code == 403


def test_the_employee_sees_their_overdue_follow_up_on_the_board_and_the_cycle(
    client: TestClient,
) -> None:
    sign_in(client, "jeroen")
    board = client.get("/board").text
    notice = re.search(r"De opvolging stond gepland op [^,]+, (\d+) dagen geleden", board)
    assert notice is not None
    cycle = re.search(r'href="(/cycles/[^"/]+)/follow-up">Naar de opvolging', board)
    assert cycle is not None
    assert f"{notice.group(1)} dagen geleden" in client.get(cycle.group(1)).text


def test_an_employee_whose_follow_up_is_not_due_sees_no_notice(client: TestClient) -> None:
    sign_in(client, "yusuf")  # a follow-up scheduled, not yet due
    assert "De opvolging stond gepland op" not in client.get("/board").text


def _sign_in_admin(client: TestClient) -> None:
    token = pages.csrf_of(client.get("/sign-in").text)
    client.post(
        "/sign-in",
        data={"email": "admin@demo.groeispurt.nl", "password": pages.PASSWORD, "csrf_token": token},
    )
