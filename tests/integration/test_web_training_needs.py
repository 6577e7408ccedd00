"""HR's training-needs page over HTTP, on SQLite and PostgreSQL: last month's figures as a
chart, the month they are for, why numbers are missing — and unchanged by today's approval."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date

import pytest
from babel.dates import format_date
from starlette.testclient import TestClient

from projections.training_needs import closed_month
from service.container import build_services
from service.settings import Settings
from tests.integration.test_web_fixtures import csrf_of
from tests.integration.training_needs_org import (
    PASSWORD,
    NeedsOrg,
    build_needs_org,
    last_month,
    recorded_at,
)
from tests.scenario import ADMIN
from web.app import create_app


@pytest.fixture
def org(store: Settings) -> NeedsOrg:
    services = build_services(store)
    org = build_needs_org(services)
    with recorded_at(last_month()):
        english = org.hire("Staf", "HR-adviseur", "Erin English", language="en")
        services.app.grant_role(ADMIN, english, "hr")
    services.accounts.set_password(english, PASSWORD)
    services.accounts.set_password(org.people["Sales"][0], PASSWORD)
    services.close()
    return org


@pytest.fixture
def client(store: Settings, org: NeedsOrg) -> Iterator[TestClient]:
    with TestClient(create_app(store), follow_redirects=True) as test_client:
        yield test_client


def sign_in(client: TestClient, email: str) -> None:
    token = csrf_of(client.get("/sign-in").text)
    data = {"email": email, "password": PASSWORD, "csrf_token": token}
    assert client.post("/sign-in", data=data).status_code == 200


def section(page: str) -> str:
    """The report itself, without the layout around it (which holds per-session tokens)."""
    return page[page.index('<section class="panel"') : page.index("</section>")]


def last_month_name(language: str) -> str:
    return format_date(last_month().date().replace(day=1), "LLLL y", locale=language)


def test_hr_sees_last_months_needs_as_a_chart_with_the_month_and_why_numbers_are_missing(
    client: TestClient,
) -> None:
    sign_in(client, "hanna@needs.example.nl")
    page = client.get("/hr/training-needs?group_by=team")
    assert page.status_code == 200
    text = page.text
    assert f"Cijfers over {last_month_name('nl')}" in text
    next_update = format_date(closed_month(date.today())["next_update"], "d MMMM y", locale="nl")
    assert f"telt mee vanaf {next_update}" in text
    widths = [float(w) for w in re.findall(r'<rect class="bar--hard"[^>]*width="([\d.]+)"', text)]
    assert sum(1 for w in widths if w > 12) >= 3  # Sales, Support, other (the legend is 12)
    assert "Waarom sommige getallen ontbreken" in text
    assert "verborgen" in section(text)  # Sales' agreed POPs: 5 of 6
    assert "Elk getal telt minstens 5 mensen." in text
    assert " style=" not in text  # the CSP allows no inline style
    for secret in ("Strategy", "Board", "Director"):
        assert secret not in text


def test_the_page_speaks_english_to_an_english_reader(client: TestClient) -> None:
    sign_in(client, "erin.english@needs.example.nl")
    text = client.get("/hr/training-needs?group_by=skill").text
    assert f"Figures for {last_month_name('en')}" in text
    assert "Why some numbers are missing" in text
    assert "Every number counts at least 5 people." in text
    assert ">SQL<" in text
    assert "Contract law" not in text


def test_the_chart_the_table_and_the_csv_show_the_same_numbers(client: TestClient) -> None:
    sign_in(client, "hanna@needs.example.nl")
    page = client.get("/hr/training-needs?group_by=function").text
    drawn = [int(n) for n in re.findall(r'class="chart-value"[^>]*>(\d+)<', page)]
    download = client.get("/hr/training-needs.csv?group_by=function").text
    rows = list(csv.DictReader(io.StringIO(download)))
    charted = [r for r in rows if r["kind"] in ("hard", "soft")]
    assert sorted(drawn) == sorted(int(r["people"]) for r in charted if r["people"])
    assert {r["period_end"] for r in rows} == {closed_month(date.today())["end"].isoformat()}
    assert any(r["people_agreed"] == "" for r in rows)  # hidden is an empty cell, not a guess


def test_approving_one_pop_today_leaves_every_number_on_the_page_as_it_was(
    client: TestClient, org: NeedsOrg
) -> None:
    sign_in(client, "hanna@needs.example.nl")
    groupings = ("team", "function", "skill")
    before = {g: section(client.get(f"/hr/training-needs?group_by={g}").text) for g in groupings}
    # Through the running app's own services, as the manager and employee would.
    services = client.app.state.services  # type: ignore[attr-defined]
    NeedsOrg(services, org.hr, org.manager, org.waiting).agree(org.waiting)
    for group_by, shown in before.items():
        assert section(client.get(f"/hr/training-needs?group_by={group_by}").text) == shown


def test_an_employee_gets_neither_the_page_nor_the_csv(client: TestClient, org: NeedsOrg) -> None:
    sign_in(client, "sales.adviseur.0@needs.example.nl")
    assert client.get("/hr/training-needs").status_code == 403
    assert client.get("/hr/training-needs.csv").status_code == 403
