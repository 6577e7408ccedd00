"""`groeispurt serve --workers 2`: two processes that behave as one server.

Every request below opens a connection of its own, so the kernel hands them
to either worker: a session made by one must be honoured by the other (one
session secret), and a move saved by one must show on the page the other
draws (one store, read models caught up before the answer).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx2
import pytest

from service.settings import Settings
from tests.reliability.server import (
    csrf_token,
    demo_board,
    free_port,
    move_on_board,
    start_server,
)
from tests.stores import clean_store

EMPLOYEE = "sanne@demo.groeispurt.nl"
PASSWORD = "groeispurt-demo"


def test_two_workers_share_sessions_and_show_each_others_moves(store: Settings) -> None:
    board = demo_board(store, EMPLOYEE)
    assert board["columns"] is not None
    cycle_id, card = board["cycle_id"], board["columns"]["todo"][0]

    port = free_port()
    server = start_server(store, port, workers=2)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx2.Client(base_url=base, timeout=10) as signing_in:
            token = csrf_token(signing_in.get("/sign-in").text)
            answer = signing_in.post(
                "/sign-in", data={"email": EMPLOYEE, "password": PASSWORD, "csrf_token": token}
            )
            assert answer.status_code == 303
            session_token = csrf_token(signing_in.get("/board").text)
            cookies = dict(signing_in.cookies)  # the session now holds its CSRF token

        def fresh_get(path: str) -> httpx2.Response:
            with httpx2.Client(base_url=base, timeout=10, cookies=cookies) as client:
                return client.get(path)

        pages = [fresh_get("/board") for _ in range(20)]
        assert [page.status_code for page in pages] == [200] * 20

        for step, column in enumerate(("doing", "done", "todo", "doing")):
            version = re.search(r'data-version="(\d+)"', fresh_get("/board").text)
            assert version is not None
            with httpx2.Client(base_url=base, timeout=10, cookies=cookies) as client:
                moved = move_on_board(
                    client, session_token, cycle_id, card, column, version.group(1)
                )
            assert moved.status_code == 200, step
            assert 'class="notice"' not in moved.text, step
            for _ in range(4):
                page = fresh_get("/board").text
                lane = page.split(f'data-column="{column}"', 1)[1].split("</ol>", 1)[0]
                assert f'data-card-id="{card}"' in lane, (step, column)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_workers_starting_together_on_an_empty_store_all_come_up(kind: str, tmp_path: Path) -> None:
    # Workers that each created the tables at the same moment failed on
    # PostgreSQL ("tuple concurrently updated"), and one failed worker stops
    # the whole server: the tables are now made once, before the workers start.
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        with clean_store(kind, folder) as settings:
            port = free_port()
            server = start_server(settings, port, workers=4)
            try:
                # A worker that fails to start stops the server within its startup:
                # give every worker time to get there, then the server must still serve.
                deadline = time.monotonic() + 30
                while len(_children(server.pid)) < 4 and time.monotonic() < deadline:
                    time.sleep(0.1)
                time.sleep(3)
                assert server.poll() is None, "a worker failed and stopped the server"
                for _ in range(8):
                    page = httpx2.get(f"http://127.0.0.1:{port}/sign-in", timeout=10)
                    assert page.status_code == 200
            finally:
                server.terminate()
                server.wait(timeout=30)


def _children(pid: int) -> list[str]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
        return children.read().split()
