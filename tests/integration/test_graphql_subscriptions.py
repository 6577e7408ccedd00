"""Subscriptions over a real WebSocket on both stores: a change made through another server
process arrives, access is checked at subscribe and for every message, sockets are guarded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from uuid import UUID

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from service import change_hub
from service.container import build_services
from service.graphql import websocket
from service.ids import bare_key
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.integration.subscription_client import BOARD, CYCLE, PROTOCOL, socket, ws_url
from tests.reliability.server import csrf_token, free_port, start_server
from tests.scenario import ADMIN, cycle_on_board, fixed_today, small_org

MOVE = (
    "mutation($c: ID!, $card: ID!, $to: Column!) { moveCard(input: "
    "{cycleId: $c, cardId: $card, toColumn: $to}) { board { version } } }"
)


@dataclass
class Org:
    settings: Settings
    cycle: UUID
    cards: list[str]
    employee: str  # tokens, each acting for that person
    manager: str
    colleague: str
    stranger: str  # another team's manager
    hr: str
    reports: str  # a reports-only token
    employee_id: UUID


@pytest.fixture
def org(store: Settings) -> Iterator[Org]:
    services = build_services(store, clock=fixed_today)
    try:
        app = services.app
        people = small_org(app)
        cycle, cards = cycle_on_board(app, people)
        app.register_person(
            ADMIN, name="Otto Other", email="otto@example.nl", function="Lead", team="Data",
            start_date="2016-01-01",
        )  # fmt: skip
        hr = app.register_person(
            ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staff",
            start_date="2015-01-01",
        )  # fmt: skip
        app.grant_role(ADMIN, hr, "hr")
        services.accounts.set_password(people.employee, "a long demo password")
        made = services.tokens.create

        def token(name: str, email: str) -> str:
            return made(name, "write", as_email=email)

        yield Org(
            settings=store,
            cycle=cycle,
            cards=cards,
            employee=token("eva", "eva@example.nl"),
            manager=token("mia", "mia@example.nl"),
            colleague=token("cas", "cas@example.nl"),
            stranger=token("otto", "otto@example.nl"),
            hr=token("hanna", "hr@example.nl"),
            reports=made("reports", "read"),
            employee_id=people.employee,
        )
    finally:
        services.close()


def test_a_subscription_receives_a_move_made_through_another_server_process(org: Org) -> None:
    ports = free_port(), free_port()
    servers = [start_server(org.settings, port) for port in ports]
    try:
        first, second = (f"http://127.0.0.1:{port}" for port in ports)
        with socket(first, org.employee) as live:
            live.subscribe(BOARD, {"c": str(org.cycle)})
            now = live.data()["boardChanged"]
            assert now["doing"] == []
            moved = GraphQL(second, org.employee).data(
                MOVE, {"c": str(org.cycle), "card": org.cards[0], "to": "DOING"}
            )
            board = live.data(timeout=15)["boardChanged"]
            assert board["version"] == moved["moveCard"]["board"]["version"]
            assert [bare_key(c["id"]) for c in board["doing"]] == [org.cards[0]]
            # A subscriber that queries now reads the new state on this server too.
            again = GraphQL(first, org.employee).data("{ board { version } }")
            assert again["board"]["version"] == board["version"]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def test_a_subscriber_without_access_is_refused(org: Org) -> None:
    with served(org.settings) as base:
        for token in (org.stranger, org.reports):
            for document in (BOARD, CYCLE):
                with socket(base, token) as live:
                    live.subscribe(document, {"c": str(org.cycle)})
                    refused = live.receive()
                    assert refused["type"] == "error", refused
                    assert refused["payload"][0]["extensions"]["code"] == "FORBIDDEN"
        # A colleague sees the board as a team-mate does: nothing shown to the team yet.
        with socket(base, org.colleague) as live:
            live.subscribe(BOARD, {"c": str(org.cycle)})
            assert live.data() == {"boardChanged": None}
            live.subscribe(CYCLE, {"c": str(org.cycle)})
            assert live.receive()["payload"][0]["extensions"]["code"] == "FORBIDDEN"
        # HR audits: the cycle, and its board.
        with socket(base, org.hr) as live:
            live.subscribe(CYCLE, {"c": str(org.cycle)})
            assert live.data()["cycleChanged"]["stage"] == "ON_BOARD"


def test_nobody_signed_in_is_closed_at_connection_init(org: Org) -> None:
    with served(org.settings) as base:
        for headers in ({}, {"Authorization": "Bearer gst_not-a-token"}):
            with connect(ws_url(base), subprotocols=[PROTOCOL], additional_headers=headers) as ws:
                ws.send('{"type": "connection_init"}')
                with pytest.raises(ConnectionClosed) as closed:
                    ws.recv(timeout=10)
                assert closed.value.rcvd is not None
                assert closed.value.rcvd.code == 4403
        # A token in the payload, for clients that cannot set headers, is enough.
        with socket(base, init={"authorization": f"Bearer {org.employee}"}) as live:
            live.subscribe(BOARD, {"c": str(org.cycle)})
            assert live.data()["boardChanged"]["version"] >= 1


def test_the_former_managers_subscription_stops_after_a_handover(org: Org) -> None:
    with served(org.settings) as base, socket(base, org.manager) as live:
        live.subscribe(CYCLE, {"c": str(org.cycle)})
        assert live.data()["cycleChanged"]["stage"] == "ON_BOARD"
        # HR gives the employee another manager, through the API.
        hr = GraphQL(base, org.hr)
        nina = hr.data(
            'mutation { registerPerson(input: {name: "Nina New", email: "nina@example.nl", '
            'function: "Lead", team: "Web", startDate: "2018-01-01"}) { person { id } } }'
        )["registerPerson"]["person"]["id"]
        hr.data(
            "mutation($p: ID!, $m: ID) { changePerson(input: {personId: $p, managerId: $m}) "
            "{ person { id } } }",
            {"p": str(org.employee_id), "m": nina},
        )
        ended = live.receive(timeout=15)
        assert ended["type"] == "next", ended
        assert ended["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert live.receive()["type"] == "complete"


def test_a_cookie_from_a_page_of_another_origin_cannot_open_a_socket(org: Org) -> None:
    import httpx2

    with served(org.settings) as base:
        client = httpx2.Client(base_url=base, timeout=10)
        token = csrf_token(client.get("/sign-in").text)
        client.post(
            "/sign-in",
            data={
                "email": "eva@example.nl",
                "password": "a long demo password",
                "csrf_token": token,
            },
        )
        cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
        elsewhere = {"Cookie": cookie, "Origin": "https://evil.example"}
        with pytest.raises(InvalidStatus) as refused, socket(base, headers=elsewhere):
            pass
        assert refused.value.response.status_code == 403
        # The board page's own origin may: the page subscribes with its cookie.
        with socket(base, headers={"Cookie": cookie, "Origin": base}) as live:
            live.subscribe(BOARD, {"c": str(org.cycle)})
            assert live.data()["boardChanged"]["version"] >= 1


def test_a_socket_serves_only_subscriptions_and_only_so_many(
    org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(change_hub, "MAX_PER_CALLER", 3)
    with served(org.settings) as base:
        with socket(base, org.employee) as live:
            live.subscribe("{ me { name } }")
            answer = live.receive()
            assert answer["type"] == "error"
            assert answer["payload"][0]["extensions"]["code"] == "VALIDATION"
            for _ in range(3):
                live.subscribe(BOARD, {"c": str(org.cycle)})
                live.data()
            live.subscribe(BOARD, {"c": str(org.cycle)})
            fourth = live.receive()
            assert fourth["payload"][0]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS"
        with socket(base, org.manager) as live:
            for _ in range(websocket.MAX_PER_CONNECTION):
                live.subscribe(CYCLE, {"c": str(org.cycle)})
            live.subscribe(CYCLE, {"c": str(org.cycle)})
            messages = [live.receive() for _ in range(websocket.MAX_PER_CONNECTION + 1)]
            assert any(m["type"] == "error" for m in messages)


def test_a_socket_without_a_subscription_is_closed_after_a_while(
    org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(websocket.SubscriptionsOnly, "idle_seconds", 0.5)
    with served(org.settings) as base, socket(base, org.employee) as live:
        with pytest.raises(ConnectionClosed) as closed:
            live.receive(timeout=10)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1000
