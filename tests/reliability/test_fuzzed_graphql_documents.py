"""Generated GraphQL documents against the running server: never a 500, never a leak.

hypothesis-graphql builds valid queries and mutations from `schema.graphql`
with arbitrary arguments (strings, numbers, ids, dates, enum values) and
sends them over HTTP as an employee with a write token and as a reporting
system with a read token. Every answer must be JSON with only the API's
error codes: INTERNAL would mean an exception nobody expected.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema, nodes

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import served
from tests.scenario import cycle_on_board, fixed_today, small_org

SCHEMA = (Path(__file__).resolve().parents[2] / "schema.graphql").read_text(encoding="utf-8")
ALLOWED = {"UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT"}
LEAKS = ("Traceback", "sqlite", "psycopg", "SELECT ", 'File "')
SCALARS: dict[str, Any] = {
    "Date": st.dates(date(1990, 1, 1), date(2110, 1, 1)).map(lambda d: nodes.String(d.isoformat())),
    "DateTime": st.datetimes(datetime(1990, 1, 1), datetime(2110, 1, 1)).map(
        lambda d: nodes.String(d.replace(tzinfo=UTC).isoformat())
    ),
    "JSON": st.text(max_size=20).map(nodes.String),
}
SEEN: Counter[str] = Counter()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    settings = Settings(database=str(tmp_path_factory.mktemp("fuzz") / "db"))
    services = build_services(settings, clock=fixed_today)
    org = small_org(services.app)
    cycle_on_board(services.app, org)
    tokens = {
        "employee": services.tokens.create("fuzz-e", "write", as_email="eva@example.nl"),
        "reader": services.tokens.create("fuzz-r", "read"),
    }
    services.close()
    with served(settings) as base:
        yield {"base": base, **tokens}


def _check(server: dict[str, str], token: str, document: str) -> None:
    response = httpx2.post(
        f"{server['base']}/graphql",
        json={"query": document},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert response.status_code != 500, document
    body = response.json()
    for error in body.get("errors") or []:
        code = error.get("extensions", {}).get("code")
        SEEN[code or "none"] += 1
        assert code in ALLOWED, f"{code}: {error['message']}\n{document}"
    if not body.get("errors"):
        SEEN["ok"] += 1
    text = json.dumps(body)
    assert not any(leak in text for leak in LEAKS), document


FUZZ = settings(
    max_examples=700,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(document=from_schema(SCHEMA, custom_scalars=SCALARS))
def test_generated_documents_as_an_employee_never_fail_unexpectedly(
    server: dict[str, str], document: str
) -> None:
    _check(server, server["employee"], document)


@FUZZ
@given(document=from_schema(SCHEMA, custom_scalars=SCALARS))
def test_generated_documents_as_a_reporting_system_never_fail_unexpectedly(
    server: dict[str, str], document: str
) -> None:
    _check(server, server["reader"], document)


def test_zz_report_what_the_fuzz_tried() -> None:
    print(f"fuzzed GraphQL answers by code: {dict(SEEN)} (total {sum(SEEN.values())})")
