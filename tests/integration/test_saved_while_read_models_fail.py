"""A change saved while its read models cannot be written is answered as saved, never as lost.

The read models are made to refuse every write (as on a full disk, see
`failing_read_models`) while the event log still takes appends: GraphQL
mutations succeed with the changed object and a READ_MODELS_CATCHING_UP note,
a retry with the same idempotency key changes nothing, the key is never stuck,
pages show a notice that the change was saved, and the read models catch up
once they can be written again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from starlette.testclient import TestClient

from service.container import build_services
from service.ids import global_id
from service.settings import Settings
from tests.integration.failing_read_models import read_models_refused
from tests.integration.graphql_client import GraphQL, served
from tests.integration.test_web_fixtures import csrf_of, htmx
from tests.scenario import PREPARATION_ANSWERS, cycle_on_board, fixed_today, small_org
from web.app import create_app

SUBMIT = (
    "mutation($c: ID!, $a: PreparationAnswersInput!, $key: String) { submitPreparation(input: "
    "{cycleId: $c, answers: $a, idempotencyKey: $key}) { cycle { id version preparations { party version } } } }"
)
OPEN = (
    "mutation($e: ID!, $key: String) { openCycle(input: {employeeId: $e, "
    'plannedSessionOn: "2026-12-01", idempotencyKey: $key}) { cycle { id employeeId stage } } }'
)
PASSWORD = "a long enough password 1"


def _events(settings: Settings, kind: str) -> int:
    services = build_services(settings)
    try:
        end = services.projections.log_end()
        notifications = services.app.recorder.select_notifications(start=1, limit=end + 1)
        return sum(n.topic.endswith(f".{kind}") for n in notifications)
    finally:
        services.close()


def _caught_up(settings: Settings, timeout: float = 20.0) -> None:
    services = build_services(settings, follow_writes=False)
    try:
        deadline = time.monotonic() + timeout
        while set(services.projections.positions().values()) != {services.projections.log_end()}:
            assert time.monotonic() < deadline, "the read models did not catch up"
            time.sleep(0.2)
    finally:
        services.close()


def test_a_mutation_saved_while_the_read_models_fail_succeeds_and_its_retry_adds_nothing(
    store: Settings,
) -> None:
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    cycle_id = services.app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    employee = services.tokens.create("lms", "write", as_email="eva@example.nl")
    manager = services.tokens.create("hris", "write", as_email="mia@example.nl")
    services.close()
    variables = {"c": str(cycle_id), "a": PREPARATION_ANSWERS, "key": "prep-1"}
    with served(store) as base:
        api = GraphQL(base, employee)
        with read_models_refused(store):
            body = api.post(SUBMIT, variables)
            assert not body.get("errors"), body["errors"]
            answer = body["data"]["submitPreparation"]["cycle"]
            # The change, from the log.
            assert answer["preparations"] == [{"party": "EMPLOYEE", "version": 1}]
            [note] = body["extensions"]["notes"]
            assert note["code"] == "READ_MODELS_CATCHING_UP"
            assert note["path"] == ["submitPreparation"]
            again = api.post(SUBMIT, variables)
            assert not again.get("errors"), again["errors"]
            assert again["data"]["submitPreparation"]["cycle"] == answer
            assert _events(store, "PreparationSubmitted") == 1
            # A cycle opened meanwhile: its id comes from the log, not from a read model.
            colleague_cycle = GraphQL(base, manager).post(
                OPEN, {"e": str(org.colleague), "key": "open-1"}
            )
            assert not colleague_cycle.get("errors"), colleague_cycle["errors"]
            opened = colleague_cycle["data"]["openCycle"]["cycle"]
            assert opened["employeeId"] == global_id("Person", str(org.colleague))
            assert opened["stage"] == "PREPARING"
        _caught_up(store)
        # The key is not stuck: the retry is answered, from the read models now, and acts no more.
        settled = api.post(SUBMIT, variables)
        assert not settled.get("errors"), settled["errors"]
        assert "extensions" not in settled
        assert (
            settled["data"]["submitPreparation"]["cycle"]["preparations"] == answer["preparations"]
        )
        assert _events(store, "PreparationSubmitted") == 1
        reopened = GraphQL(base, manager).data(OPEN, {"e": str(org.colleague), "key": "open-1"})
        assert reopened["openCycle"]["cycle"]["id"] == opened["id"]
        assert _events(store, "Opened") == 2


@pytest.fixture
def signed_in(store: Settings) -> Iterator[tuple[TestClient, str, UUID]]:
    """An employee signed in to the pages, with three cards on her board."""
    services = build_services(store, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, _ = cycle_on_board(services.app, org)
    services.accounts.set_password(org.employee, PASSWORD)
    services.close()
    with TestClient(create_app(store), follow_redirects=True) as client:
        token = csrf_of(client.get("/sign-in").text)
        page = client.post(
            "/sign-in",
            data={"email": "eva@example.nl", "password": PASSWORD, "csrf_token": token},
        )
        assert page.status_code == 200, page.text
        yield client, csrf_of(page.text), cycle_id


def _move(client: TestClient, token: str, cycle_id: UUID, card: str, column: str) -> Any:
    board = client.get("/board").text
    version = board.split('data-version="', 1)[1].split('"', 1)[0]
    fields = {"cycle_id": str(cycle_id), "card_id": card, "column": column, "index": "0"}
    return client.post("/board/move", data={**fields, "version": version}, headers=htmx(token))


def test_a_page_saved_while_the_read_models_fail_says_the_change_was_saved(
    store: Settings, signed_in: tuple[TestClient, str, UUID]
) -> None:
    client, token, cycle_id = signed_in
    card = client.get("/board").text.split('data-card-id="', 1)[1].split('"', 1)[0]
    with read_models_refused(store):
        moved = _move(client, token, cycle_id, card, "doing")
        assert moved.status_code == 200
        assert "Je wijziging is opgeslagen" in moved.text  # the pages speak Dutch by default
        assert moved.headers["HX-Retarget"] == "body"
        assert _events(store, "CardMoved") == 1
    _caught_up(store)
    board = client.get("/board").text
    doing = board.index('data-column="doing"')
    assert card in board[doing : board.index("</ol>", doing)]
    assert _events(store, "CardMoved") == 1
