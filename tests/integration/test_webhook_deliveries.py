"""Webhook deliveries reach a real HTTP receiver, signed, retried, and never sent twice.

Each test runs against a receiver started by the test (`tests.webhook_receiver`),
on both stores, with a clock the test moves so that retries are due when it
says so.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from domain.errors import InvalidInput
from projections.webhooks import WebhookState
from service.actor import system_actor
from service.container import Services, build_services
from service.errors import Forbidden
from service.ids import global_id
from service.settings import Settings
from service.webhook_addresses import is_internal
from service.webhook_deliveries import Deliveries
from service.webhook_outbox import Outbox
from service.webhook_worker import WebhookWorker
from tests.scenario import ADMIN, Org, fixed_today, small_org
from tests.webhook_receiver import Receiver, signature_is_valid

TEAM_CHANGED = "Person.TeamChanged"
AUDITOR = system_actor("test")  # reads the audit trail


class Clock:
    def __init__(self) -> None:
        self.moment = time.time()

    def __call__(self) -> float:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += seconds


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    quick = replace(
        store, webhook_retry_seconds=(30.0, 60.0), webhook_disable_after=2, webhook_timeout=2.0
    )
    services = build_services(quick, clock=fixed_today)
    yield services
    services.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def org(services: Services) -> Org:
    return small_org(services.app)


def _worker(services: Services, clock: Clock) -> WebhookWorker:
    return WebhookWorker(
        Outbox(services.app, services.database, now=clock),
        Deliveries(services.app, services.database, services.settings, now=clock),
    )


def _register(services: Services, url: str, kinds: list[str] | None = None) -> tuple[UUID, str]:
    new = services.app.register_webhook(
        ADMIN, url=url, event_kinds=kinds or [TEAM_CHANGED], description="HRIS"
    )
    return new.id, new.secret


def _integrators_check() -> Callable[[str, dict[str, str], bytes], bool]:
    """The receiver's check as docs/integrators.md shows it, run as written there."""
    guide = (Path(__file__).parents[2] / "docs" / "integrators.md").read_text(encoding="utf-8")
    code = guide.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    check: Callable[[str, dict[str, str], bytes], bool] = namespace["is_genuine"]
    return check


def _deliveries(services: Services, webhook_id: UUID) -> list[dict[str, object]]:
    return services.database.query(
        "SELECT status, attempts, last_status_code, last_error, next_attempt_at "
        "FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY notification_id",
        (str(webhook_id),),
    )


def test_a_receiver_gets_a_delivery_signed_per_the_standard_webhooks_spec(
    services: Services, org: Org, receiver: Receiver
) -> None:
    clock = Clock()
    webhook_id, secret = _register(services, receiver.url)
    assert secret.startswith("whsec_")
    services.app.change_team(ADMIN, org.employee, "Data")

    assert _worker(services, clock).run_once() == 1
    [delivery] = receiver.wait_for(1)
    assert signature_is_valid(secret, delivery)
    assert _integrators_check()(secret, delivery.headers, delivery.body)
    assert delivery.headers["webhook-id"].startswith("msg_")
    assert abs(int(delivery.headers["webhook-timestamp"]) - clock()) < 2
    assert delivery.headers["content-type"] == "application/json"
    body = json.loads(delivery.body)
    assert body["type"] == TEAM_CHANGED
    data = body["data"]
    assert data["kind"] == TEAM_CHANGED
    assert data["aggregate"] == "Person"
    assert data["aggregateId"] == str(org.employee)
    assert data["subject"] == {"personId": global_id("Person", str(org.employee)), "cycleId": None}
    assert data["actor"] == {"kind": "system", "personId": None, "token": None, "system": "test"}
    assert "team" not in json.dumps(data).lower().replace("teamchanged", "")
    [row] = _deliveries(services, webhook_id)
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("delivered", 1, 204)
    # Nothing more is due: a second pass sends nothing.
    assert _worker(services, clock).run_once() == 0


def test_a_receiver_that_is_down_gets_retries_and_the_delivery_when_it_comes_back(
    services: Services, org: Org
) -> None:
    clock = Clock()
    receiver = Receiver()  # not started: its port refuses connections
    webhook_id, secret = _register(services, receiver.url)
    services.app.change_team(ADMIN, org.employee, "Data")
    worker = _worker(services, clock)

    assert worker.run_once() == 1
    [row] = _deliveries(services, webhook_id)
    assert (row["status"], row["attempts"]) == ("retrying", 1)
    assert "could not be sent" in str(row["last_error"])
    waited = float(str(row["next_attempt_at"])) - clock()
    assert 30 * 0.8 <= waited <= 30 * 1.2  # the first wait, with its jitter
    assert worker.run_once() == 0  # not due yet

    receiver.start()
    try:
        clock.advance(40)
        assert worker.run_once() == 1
        [delivery] = receiver.wait_for(1)
        assert signature_is_valid(secret, delivery)
        [row] = _deliveries(services, webhook_id)
        assert (row["status"], row["attempts"], row["last_error"]) == ("delivered", 2, None)
        attempts = services.database.query(
            "SELECT attempt, status_code, error FROM webhook_attempts ORDER BY attempt"
        )
        assert [(a["attempt"], a["status_code"]) for a in attempts] == [(1, None), (2, 204)]
    finally:
        receiver.stop()


def test_an_endpoint_whose_deliveries_keep_failing_is_disabled_and_says_why(
    services: Services, org: Org, receiver: Receiver
) -> None:
    clock = Clock()
    receiver.status = 500
    webhook_id, _ = _register(services, receiver.url)
    worker = _worker(services, clock)
    services.app.change_team(ADMIN, org.employee, "Data")
    services.app.change_team(ADMIN, org.colleague, "Data")
    for _ in range(3):  # three attempts each (two retries), then each has failed for good
        worker.run_once()
        clock.advance(100)
    assert [r["status"] for r in _deliveries(services, webhook_id)] == ["failed", "failed"]
    assert len(receiver.received) == 6
    [endpoint] = services.queries.webhooks(ADMIN)
    assert endpoint["state"] == WebhookState.DISABLED_AFTER_FAILURES
    assert endpoint["disabled_reason"] == (
        "Disabled by Groeispurt: 2 deliveries in a row failed, each after 3 attempts."
    )
    # Disabled: a new event is not enqueued for it, and nothing is sent.
    services.app.change_team(ADMIN, org.manager, "Data")
    assert worker.run_once() == 0
    assert len(_deliveries(services, webhook_id)) == 2
    # The audit trail says Groeispurt did it.
    trail = services.queries.audit(AUDITOR, kinds=["Disabled"]).rows
    assert [row.actor["label"] for row in trail] == ["Groeispurt (webhook deliveries)"]


def test_one_delivery_that_succeeds_keeps_an_endpoint_enabled(
    services: Services, org: Org, receiver: Receiver
) -> None:
    clock = Clock()
    webhook_id, _ = _register(services, receiver.url)
    worker = _worker(services, clock)
    receiver.status = 500
    services.app.change_team(ADMIN, org.employee, "Data")
    for _ in range(3):
        worker.run_once()
        clock.advance(100)
    receiver.status = 200
    services.app.change_team(ADMIN, org.colleague, "Data")
    worker.run_once()
    receiver.status = 500
    services.app.change_team(ADMIN, org.manager, "Data")
    for _ in range(3):
        worker.run_once()
        clock.advance(100)
    statuses = [r["status"] for r in _deliveries(services, webhook_id)]
    assert statuses == ["failed", "delivered", "failed"]
    [endpoint] = services.queries.webhooks(ADMIN)
    assert endpoint["state"] == WebhookState.ENABLED


def test_two_workers_never_send_the_same_attempt_twice(
    services: Services, org: Org, receiver: Receiver
) -> None:
    clock = Clock()
    _register(services, receiver.url, ["Person.TeamChanged", "Person.FunctionChanged"])
    for i in range(10):
        services.app.change_team(ADMIN, org.employee, f"Team {i}")
        services.app.change_function(ADMIN, org.colleague, f"Function {i}")
    workers = [_worker(services, clock) for _ in range(4)]
    start = threading.Barrier(len(workers))

    def run(worker: WebhookWorker) -> None:
        start.wait()
        worker.run_once()

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    received = receiver.wait_for(20)
    time.sleep(0.2)
    ids = [r.headers["webhook-id"] for r in receiver.received]
    assert len(ids) == 20
    assert len(set(ids)) == 20
    rows = services.database.query("SELECT attempts, status FROM webhook_deliveries")
    assert {(r["attempts"], r["status"]) for r in rows} == {(1, "delivered")}
    assert len(received) == 20


def test_an_endpoint_hears_only_of_its_kinds_and_of_events_after_it_was_registered(
    services: Services, org: Org, receiver: Receiver
) -> None:
    clock = Clock()
    services.app.change_team(ADMIN, org.employee, "Before")
    _register(services, receiver.url)
    services.app.change_function(ADMIN, org.employee, "Not subscribed")
    services.app.change_team(ADMIN, org.employee, "After")
    worker = _worker(services, clock)
    assert worker.run_once() == 1
    [delivery] = receiver.wait_for(1)
    assert json.loads(delivery.body)["type"] == TEAM_CHANGED


def test_a_disabled_endpoint_gets_its_pending_deliveries_once_it_is_enabled_again(
    services: Services, org: Org, receiver: Receiver
) -> None:
    clock = Clock()
    webhook_id, _ = _register(services, receiver.url)
    services.app.change_team(ADMIN, org.employee, "Data")
    worker = _worker(services, clock)
    worker.outbox.enqueue()
    services.app.disable_webhook(ADMIN, webhook_id, "Maintenance")
    services.app.change_team(ADMIN, org.colleague, "Data")  # while disabled: not for it
    assert worker.run_once() == 0
    [endpoint] = services.queries.webhooks(ADMIN)
    assert (endpoint["state"], endpoint["disabled_reason"]) == ("disabled", "Maintenance")
    services.app.enable_webhook(ADMIN, webhook_id)
    assert worker.run_once() == 1
    [delivery] = receiver.wait_for(1)
    assert json.loads(delivery.body)["data"]["aggregateId"] == str(org.employee)


def test_the_secret_never_appears_in_the_events_the_audit_trail_or_the_read_models(
    services: Services, receiver: Receiver
) -> None:
    webhook_id, secret = _register(services, receiver.url)
    services.app.change_webhook(ADMIN, webhook_id, description="HRIS, renamed")
    services.app.disable_webhook(ADMIN, webhook_id, "for a moment")
    services.app.enable_webhook(ADMIN, webhook_id)
    trail = [named.row for named in services.queries.audit(AUDITOR).rows]
    kinds = [row.kind for row in trail if row.aggregate_id == str(webhook_id)]
    assert kinds == ["Registered", "Changed", "Disabled", "Enabled"]
    assert trail[-4].changes["url"] == receiver.url
    assert secret not in json.dumps([row.changes for row in trail])
    events = services.app.events.get(webhook_id)
    assert secret not in repr([vars(event) for event in events])
    assert secret not in json.dumps(services.queries.webhooks(ADMIN))
    key = secret.removeprefix("whsec_")
    for table in ("stored_events", "rm_webhook_endpoints", "rm_audit"):
        if services.database.dialect == "postgres" and table == "stored_events":
            continue  # its events are checked above, through the library
        rows = services.database.query(f"SELECT * FROM {table}")
        assert key not in repr(rows)


def test_only_an_administrator_manages_webhooks(services: Services, org: Org) -> None:
    for actor in (org.as_employee, org.as_manager):
        with pytest.raises(Forbidden):
            services.app.register_webhook(
                actor, url="https://example.org/h", event_kinds=[TEAM_CHANGED]
            )
        with pytest.raises(Forbidden):
            services.queries.webhooks(actor)


def test_a_private_address_is_refused_in_production_unless_the_setting_allows_it(
    store: Settings, receiver: Receiver
) -> None:
    production = replace(store, environment="production", secret_key="x")
    services = build_services(production, clock=fixed_today)
    try:
        for url in (receiver.url, "http://10.0.0.5/h", "http://localhost:8080/h", "http://[::1]/h"):
            with pytest.raises(InvalidInput) as refused:
                services.app.register_webhook(ADMIN, url=url, event_kinds=[TEAM_CHANGED])
            assert refused.value.field == "url"
        # A name is resolved before each delivery: this machine's own name is refused.
        host = socket.gethostname()
        if not is_internal(str(socket.getaddrinfo(host, None)[0][4][0])):
            pytest.skip(f"{host} does not resolve to an internal address here")
        new = services.app.register_webhook(
            ADMIN, url=f"http://{host}:{receiver.port}/h", event_kinds=[TEAM_CHANGED]
        )
        services.app.change_team(ADMIN, small_org(services.app).employee, "Data")
        assert _worker(services, Clock()).run_once() == 1
        [row] = _deliveries(services, new.id)
        assert "resolves to an internal address" in str(row["last_error"])
        assert receiver.received == []
    finally:
        services.close()
    allowed = build_services(replace(production, webhooks_allow_private=True), clock=fixed_today)
    try:
        assert allowed.app.register_webhook(ADMIN, url=receiver.url, event_kinds=[TEAM_CHANGED])
    finally:
        allowed.close()
