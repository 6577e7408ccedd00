"""HR's audit page shows who did each thing apart from whose cycle it concerns."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


def test_the_audit_page_names_the_manager_who_approved_and_the_employee_it_concerns(
    client: TestClient,
) -> None:
    sign_in(client, "hr")
    page = client.get("/hr/audit?kind=PlanApproved").text
    assert "Gedaan door" in page
    assert "Betreft" in page
    cells = re.findall(r'<td class="by">(.*?)</td>\s*<td class="who">(.*?)</td>', page, re.S)
    rows = {(_text(by), _text(who).removesuffix(" deze cyclus")) for by, who in cells}
    # Marieke approved the POPs of people in her team: she did it, it concerns them.
    concerned = {who for by, who in rows if by == "Marieke Jansen"}
    assert concerned
    assert "Marieke Jansen" not in concerned
    assert "onbekend" not in page


def test_the_demo_loader_is_named_as_the_system_on_the_people_it_registered(
    client: TestClient,
) -> None:
    sign_in(client, "hr")
    page = client.get("/hr/audit?kind=Registered").text
    assert "Groeispurt (demo)" in page


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
