"""The figures that need a running server: board latency, card moves over GraphQL, memory."""

from __future__ import annotations

import json
import shutil
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any
from uuid import uuid4

import httpx2

from bench.http_load import (
    RUNS,
    WrkFailed,
    measure_latency,
    median_latency,
    report_fallback,
    running_server,
    sign_in,
    wrk_moves,
)
from service.container import build_services
from service.settings import Settings

BENCH_EMAIL = "p1@bench.groeispurt.nl"
BENCH_PASSWORD = "bench-password-1"


def prepare_bench_user(settings: Settings) -> None:
    """Gives one generated employee a password (the generator makes no accounts)."""
    services = build_services(settings, follow_writes=False)
    try:
        person = services.app.find_person_by_email(BENCH_EMAIL)
        assert person is not None, "the generator always makes p1"
        services.accounts.set_password(person.id, BENCH_PASSWORD)
        services.projections.catch_up()
    finally:
        services.close()


def warm_up(url: str, headers: dict[str, str], body: str | None = None) -> None:
    """A second of load, not measured: every worker has served the request before
    the clock starts, as a server in use has (caches filled, connections open)."""
    measure_latency(url, headers, 4, 1.0, body=body)


BOARD_QUERY = json.dumps(
    {"query": "query Board($e: ID!) { board(employeeId: $e) { version } }", "variables": {}}
)


def measure_reads(settings: Settings, seconds: float) -> dict[str, Any]:
    """Board page (and board query over GraphQL, when the API is there) at 1 and 20 clients."""
    prepare_bench_user(settings)
    result: dict[str, Any] = {}
    with running_server(settings) as server:
        client = sign_in(server.base, BENCH_EMAIL, BENCH_PASSWORD)
        cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
        assert client.get("/board").status_code == 200
        url, headers = server.base + "/board", {"Cookie": cookie}
        warm_up(url, headers)
        for clients in (1, 20):
            result[f"page_{clients}"] = median_latency(url, headers, clients, seconds)
        result["rss_mb"] = server.peak_rss_mb()
    return result


def _active_boards(settings: Settings, count: int) -> list[tuple[str, str, list[str]]]:
    """(token, cycle id, card ids) for employees whose latest board can still move."""
    from projections.board import get_board

    services = build_services(settings, follow_writes=False)
    try:
        chosen: list[tuple[str, str, list[str]]] = []
        index = 1
        while len(chosen) < count and index < 10 * count + 50:
            person = services.app.find_person_by_email(f"p{index}@bench.groeispurt.nl")
            index += 1
            if person is None:
                continue
            board = get_board(services.database, str(person.id))
            columns = board["columns"] if board is not None else None
            if board is None or board["status"] != "active" or not columns:
                continue
            token = services.tokens.create(
                f"bench-{uuid4().hex[:8]}", "write", as_email=person.email
            )
            cards = [c for lane in columns.values() for c in lane]
            chosen.append((token, board["cycle_id"], cards))
        return chosen
    finally:
        services.close()


MOVE = (
    "mutation($c: ID!, $card: ID!, $to: Column!) { moveCard(input: "
    "{cycleId: $c, cardId: $card, toColumn: $to}) { board { version } userErrors { reason } } }"
)


def move_rate(url: str, boards: list[tuple[str, str, list[str]]], seconds: float) -> float:
    """Card moves per second, each client moving the first card of its own board."""
    if shutil.which("wrk"):
        bodies = [
            (
                f"Bearer {token}",
                _move_body(cycle, cards[0], "DOING"),
                _move_body(cycle, cards[0], "TODO"),
            )
            for token, cycle, cards in boards
        ]
        try:
            return wrk_moves(url, bodies, seconds)
        except WrkFailed as failure:
            report_fallback(failure)
    return _python_moves(url, boards, seconds)


def _move_body(cycle_id: str, card_id: str, to: str) -> str:
    return json.dumps({"query": MOVE, "variables": {"c": cycle_id, "card": card_id, "to": to}})


def _python_moves(url: str, boards: list[tuple[str, str, list[str]]], seconds: float) -> float:
    moved = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def mover(token: str, cycle_id: str, cards: list[str]) -> None:
        with httpx2.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
            n = 0
            while time.monotonic() < deadline:
                body = _move_body(cycle_id, cards[0], ("DOING", "TODO")[n % 2])
                headers = {"Content-Type": "application/json"}
                answer = client.post(url, content=body, headers=headers).json()
                n += 1
                if not answer.get("errors") and not answer["data"]["moveCard"]["userErrors"]:
                    with lock:
                        moved[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=mover, args=board) for board in boards]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return moved[0] / (time.monotonic() - started)


def measure_graphql(
    settings: Settings,
    seconds: float,
    library_rate: Callable[[float], float],
    clients: int = 4,
) -> dict[str, Any]:
    """Board query latency over GraphQL, and the end-to-end card move rate over HTTP.

    `library_rate(seconds)` measures the library's own get–append–save rate:
    it runs just before each measurement of moves, for as long, so that the
    ratio compares two rates taken side by side (this machine's speed drifts
    by a quarter between minutes).
    """
    boards = _active_boards(settings, clients)
    result: dict[str, Any] = {}
    with running_server(settings) as server:
        token = boards[0][0]
        body = json.dumps({"query": "{ board { version todo { id } doing { id } done { id } } }"})
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        warm_up(server.base + "/graphql", headers, body)
        for count in (1, 20):
            result[f"query_{count}"] = median_latency(
                server.base + "/graphql", headers, count, seconds, body=body
            )
        moves, library = [], []
        for _ in range(RUNS):
            library.append(library_rate(seconds / RUNS))
            moves.append(move_rate(server.base + "/graphql", boards, seconds / RUNS))
        result["move_rate"] = statistics.median(moves)
        result["library_rate"] = statistics.median(library)
        result["move_clients"] = len(boards)
        result["rss_mb_graphql"] = server.peak_rss_mb()
    return result
