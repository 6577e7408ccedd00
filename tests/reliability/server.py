"""A real `groeispurt serve` process for reliability tests, and signed-in clients."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2

from projections.board import Board, get_board
from service.container import build_services
from service.demo import load_demo
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    settings: Settings, port: int, workers: int = 1, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """`env`: more settings for the server, beside the database."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "groeispurt_cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env={
            **os.environ,
            **(env or {}),
            "GROEISPURT_DATABASE": settings.database,
            "PYTHONPATH": str(ROOT),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx2.get(f"http://127.0.0.1:{port}/sign-in", timeout=1)
            return process
        except httpx2.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start within 60 s")


def signed_in(
    base: str, email: str, password: str = "groeispurt-demo"
) -> tuple[httpx2.Client, str]:
    """A client with a session cookie, and the session's CSRF token."""
    client = httpx2.Client(base_url=base, timeout=10)
    token = csrf_token(client.get("/sign-in").text)
    response = client.post(
        "/sign-in", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code in (302, 303), response.status_code
    return client, csrf_token(client.get("/board").text)


def csrf_token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page) or re.search(
        r'"X-CSRF-Token": ?"([^"]+)"', page
    )
    assert found, "no CSRF token on the page"
    return found.group(1)


def move_on_board(
    client: httpx2.Client, csrf: str, cycle_id: str, card: str, column: str, version: object
) -> httpx2.Response:
    """Drags a card as the board page does (htmx POST with the board's version)."""
    return client.post(
        "/board/move",
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
        data={
            "cycle_id": cycle_id,
            "card_id": card,
            "column": column,
            "index": "0",
            "version": str(version),
        },
    )


def demo_board(settings: Settings, email: str = "sanne@demo.groeispurt.nl") -> Board:
    """Loads the demo organisation into the store and returns that employee's board."""
    services = build_services(settings)
    try:
        load_demo(services.app, accounts=services.accounts)
        employee = services.app.find_person_by_email(email)
        assert employee is not None
        board = get_board(services.database, str(employee.id))
        assert board is not None
        return board
    finally:
        services.close()
