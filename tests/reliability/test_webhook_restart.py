"""A webhook delivery survives the server: killed with `kill -9` while a receiver is down,
the server starts again and delivers what was pending, and what was saved meanwhile."""

from __future__ import annotations

import json
import signal
import time

from service.container import build_services
from service.settings import Settings
from tests.reliability.server import free_port, start_server
from tests.scenario import ADMIN, small_org
from tests.webhook_receiver import Receiver, signature_is_valid

QUICK_RETRIES = {"GROEISPURT_WEBHOOK_RETRY_SECONDS": "1,1,1,1,1,1"}


def _attempts(store: Settings) -> int:
    services = build_services(store, follow_writes=False)
    try:
        rows = services.database.query("SELECT SUM(attempts) AS n FROM webhook_deliveries")
        return int(rows[0]["n"] or 0)
    finally:
        services.close()


def test_a_pending_delivery_is_sent_after_the_server_is_killed_and_started_again(
    store: Settings,
) -> None:
    receiver = Receiver()  # down for now
    services = build_services(store)
    try:
        org = small_org(services.app)
        new = services.app.register_webhook(
            ADMIN, url=receiver.url, event_kinds=["Person.TeamChanged"]
        )
    finally:
        services.close()

    server = start_server(store, free_port(), env=QUICK_RETRIES)
    try:
        services = build_services(store)  # another process saves: the server follows the log
        try:
            services.app.change_team(ADMIN, org.employee, "Before the kill")
        finally:
            services.close()
        deadline = time.monotonic() + 30
        while _attempts(store) < 1:
            assert time.monotonic() < deadline, "the server never tried to deliver"
            time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()

    services = build_services(store)  # saved while no server runs
    try:
        services.app.change_team(ADMIN, org.colleague, "While it was down")
    finally:
        services.close()
    receiver.start()
    server = start_server(store, free_port(), env=QUICK_RETRIES)
    try:
        received = receiver.wait_for(2, timeout=40)
    finally:
        server.terminate()
        server.wait()
        receiver.stop()
    assert len({r.headers["webhook-id"] for r in received}) == 2
    assert all(signature_is_valid(new.secret, r) for r in received)
    subjects = {json.loads(r.body)["data"]["aggregateId"] for r in received}
    assert subjects == {str(org.employee), str(org.colleague)}
