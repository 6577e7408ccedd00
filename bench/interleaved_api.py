"""Two checkouts of Groeispurt served side by side, the board query and a card move
asked of each in turn: `python -m bench.interleaved_api BEFORE_ROOT AFTER_ROOT [ROUNDS]`.

Each side serves its own code (its root first on PYTHONPATH) on a fresh SQLite
file with one board of three cards. Asking both in turn puts the same noise on
both, so the ratio of the medians says what a change of the API costs even on a
busy machine. A side whose schema has `MoveCardPayload` is asked the payload
shape of `moveCard`, an older one the board itself.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx2

BOARD = (
    "query($e: ID!) { board(employeeId: $e) { version status "
    "todo { id iWantTo column enteredColumnAt } doing { id iWantTo column enteredColumnAt } "
    "done { id } } }"
)
MOVE = (
    "mutation($c: ID!, $card: ID!, $to: Column!) { moveCard(input: "
    "{cycleId: $c, cardId: $card, toColumn: $to}) { %s } }"
)
BOARD_ANSWER = "version doing { id }"
WARM_UP = 20


def serve_one(root: str) -> None:
    """The child: a board on a fresh file, served until stdin closes."""
    from bench.http_load import running_server
    from service.container import build_services
    from service.settings import Settings
    from tests.scenario import cycle_on_board, small_org

    os.environ["GROEISPURT_DATABASE"] = str(Path(tempfile.mkdtemp()) / "side.db")
    settings = Settings.from_environment()
    services = build_services(settings)
    org = small_org(services.app)
    cycle, cards = cycle_on_board(services.app, org)
    token = services.tokens.create("interleaved", "write", as_email="eva@example.nl")
    services.projections.catch_up()
    services.close()
    payloads = "MoveCardPayload" in (Path(root) / "schema.graphql").read_text(encoding="utf-8")
    with running_server(settings, workers=1) as server:
        side: dict[str, Any] = {
            "base": server.base,
            "token": token,
            "cycle": str(cycle),
            "card": cards[0],
        }
        side |= {"employee": str(org.employee), "payloads": payloads}
        print(json.dumps(side), flush=True)
        sys.stdin.read()


def _start(root: str) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    env = dict(os.environ, PYTHONPATH=root)
    command = [sys.executable, "-m", "bench.interleaved_api", "--serve", root]
    child = subprocess.Popen(
        command, cwd=root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    return child, json.loads(child.stdout.readline())


def _timed(client: httpx2.Client, query: str, variables: dict[str, str]) -> float:
    started = time.perf_counter()
    answer = client.post("/graphql", json={"query": query, "variables": variables}).json()
    took = time.perf_counter() - started
    assert not answer.get("errors"), answer
    return took


def compare(before: str, after: str, rounds: int) -> dict[str, tuple[float, float]]:
    """The median ms of each figure, (before, after)."""
    sides = {"before": _start(before), "after": _start(after)}
    times: dict[tuple[str, str], list[float]] = {}
    try:
        clients = {
            name: httpx2.Client(
                base_url=s["base"], headers={"Authorization": f"Bearer {s['token']}"}
            )
            for name, (_, s) in sides.items()
        }
        for round_ in range(WARM_UP + rounds):
            for name, (_, s) in sides.items():
                move = MOVE % (f"board {{ {BOARD_ANSWER} }}" if s["payloads"] else BOARD_ANSWER)
                to = ("DOING", "TODO")[round_ % 2]
                board = _timed(clients[name], BOARD, {"e": s["employee"]})
                moved = _timed(clients[name], move, {"c": s["cycle"], "card": s["card"], "to": to})
                if round_ >= WARM_UP:
                    times.setdefault((name, "board query"), []).append(board)
                    times.setdefault((name, "card move"), []).append(moved)
    finally:
        for child, _ in sides.values():
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=60)
    return {
        figure: (
            statistics.median(times[("before", figure)]) * 1000,
            statistics.median(times[("after", figure)]) * 1000,
        )
        for figure in ("board query", "card move")
    }


def main() -> None:
    if sys.argv[1] == "--serve":
        serve_one(sys.argv[2])
        return
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    for figure, (before, after) in compare(sys.argv[1], sys.argv[2], rounds).items():
        print(
            f"{figure}: median {before:.2f} ms before, {after:.2f} ms after ({after / before:.2f}×)"
        )


if __name__ == "__main__":
    main()
