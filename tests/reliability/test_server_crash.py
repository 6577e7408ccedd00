"""The server killed with `kill -9` while card moves are in flight: nothing committed is lost.

Each round starts a real server, lets three signed-in clients move their own
card (so every accepted move is a real change), kills the server at a random
moment, and restarts it. Afterwards every acknowledged move is in the log,
at most the moves in flight at a kill landed without an answer, the board
replays, and every read model equals a rebuild from the log.
"""

from __future__ import annotations

import random
import re
import signal
import threading
import time
from pathlib import Path
from uuid import UUID

import httpx2

from service.container import build_services
from service.settings import Settings
from tests.integration.test_projection_rebuild import dump
from tests.reliability.server import (
    demo_board,
    free_port,
    move_on_board,
    signed_in,
    start_server,
)
from tests.scenario import load_cycle

EMPLOYEE = "sanne@demo.groeispurt.nl"
ROUNDS = 5
COLUMNS = ("todo", "doing", "done")


def test_killing_the_server_mid_request_loses_no_acknowledged_move(
    store: Settings, tmp_path: Path
) -> None:
    board = demo_board(store, EMPLOYEE)
    columns = board["columns"]
    assert columns is not None
    cycle_id, card_ids = board["cycle_id"], list(columns["todo"] + columns["doing"])

    rng = random.Random(11)
    acknowledged = attempted = 0
    for _ in range(ROUNDS):
        port = free_port()
        server = start_server(store, port)
        clients = [signed_in(f"http://127.0.0.1:{port}", EMPLOYEE) for _ in card_ids]
        round_ = Round()
        threads = [
            threading.Thread(target=round_.mover, args=(client, token, card, cycle_id, rng))
            for (client, token), card in zip(clients, card_ids, strict=True)
        ]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(0.3, 1.5))
        server.send_signal(signal.SIGKILL)
        server.wait()
        round_.stop.set()
        for thread in threads:
            thread.join(timeout=20)
        acknowledged += round_.acknowledged
        attempted += round_.sent

    # Restart once more: the server finishes what the dead one left in the read models.
    port = free_port()
    server = start_server(store, port)
    server.terminate()
    server.wait()

    services = build_services(store)
    try:
        moves = [
            e for e in services.app.events.get(_uuid(cycle_id)) if type(e).__name__ == "CardMoved"
        ]
        in_flight_at_kills = len(card_ids) * ROUNDS
        print(
            f"{ROUNDS} kills, {attempted} moves sent, {acknowledged} acknowledged, "
            f"{len(moves)} stored: 0 acknowledged moves lost"
        )
        assert acknowledged > 0
        assert acknowledged <= len(moves) <= acknowledged + in_flight_at_kills
        replayed = load_cycle(services.app, _uuid(cycle_id)).board
        assert replayed is not None
        assert sorted(c for column in replayed.values() for c in column) == sorted(
            columns["todo"] + columns["doing"] + columns["done"]
        )
        incremental = dump(services.database, services.projections)
        services.projections.rebuild()
        assert dump(services.database, services.projections) == incremental
    finally:
        services.close()


class Round:
    """One server's life: clients moving their own card until the server dies."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.sent = 0
        self.acknowledged = 0

    def mover(
        self, client: httpx2.Client, token: str, card: str, cycle_id: str, rng: random.Random
    ) -> None:
        column = _column_of(client.get("/board").text, card)
        while not self.stop.is_set():
            target = rng.choice([c for c in COLUMNS if c != column])
            version = _version(client)
            if version is None:
                return
            with self.lock:
                self.sent += 1
            try:
                response = move_on_board(client, token, cycle_id, card, target, version)
            except httpx2.TransportError:
                return  # the server died under this request
            if response.status_code == 200 and 'class="notice"' not in response.text:
                column = target
                with self.lock:
                    self.acknowledged += 1


def _version(client: httpx2.Client) -> int | None:
    try:
        page = client.get("/board", headers={"HX-Request": "true"}).text
    except httpx2.TransportError:
        return None
    found = re.search(r'data-version="(\d+)"', page)
    return int(found.group(1)) if found else None


def _column_of(page: str, card: str) -> str:
    for column in COLUMNS:
        lane = page.split(f'data-column="{column}"', 1)[1].split("</ol>", 1)[0]
        if f'data-card-id="{card}"' in lane:
            return column
    raise AssertionError("card not on the board")


def _uuid(value: str) -> UUID:
    return UUID(value)
