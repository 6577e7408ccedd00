"""Load over real HTTP: a real server process, a real client, latency percentiles.

The server is `groeispurt serve` in a process of its own. Latency is measured
with wrk (C, so the client costs the 2 cores little) when it is installed,
else with a small Python client; the table says which.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

import httpx2

from service.settings import Settings

# One server process per core, as in production: reads scale with processes.
WORKERS = os.cpu_count() or 1


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: IO[str]

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            try:
                httpx2.get(f"{self.base}/sign-in", timeout=1)
                return
            except httpx2.TransportError:
                time.sleep(0.2)
        raise ServerFailed(f"the server at {self.base} did not answer", self.log_tail())

    def log_tail(self, lines: int = 30) -> str:
        self.log.flush()
        self.log.seek(0)
        return "\n".join(self.log.read().splitlines()[-lines:])

    def peak_rss_mb(self) -> float:
        """Peak resident memory of the server: its own plus every worker's, summed."""
        return sum(_peak_rss_mb(pid) for pid in [self.process.pid, *self._workers()])

    def _workers(self) -> list[int]:
        path = f"/proc/{self.process.pid}/task/{self.process.pid}/children"
        with open(path, encoding="ascii") as children:
            return [int(pid) for pid in children.read().split()]


class ServerFailed(RuntimeError):
    def __init__(self, what: str, detail: str) -> None:
        super().__init__(f"{what}:\n{detail}")


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(settings: Settings, workers: int = WORKERS) -> Iterator[Server]:
    """`groeispurt serve` on a free port; its log is kept so that a failure can say why."""
    with tempfile.TemporaryFile("w+") as log:
        server = _start(settings, workers, log)
        try:
            yield server
        except Exception as error:
            if not isinstance(error, ServerFailed):
                error.add_note(f"the server's log:\n{server.log_tail()}")
            raise
        finally:
            server.process.terminate()
            server.process.wait(timeout=30)


def _start(settings: Settings, workers: int, log: IO[str], attempts: int = 3) -> Server:
    """Starts the server; one that exits at once (its port taken between choosing
    and binding it) is started again on another port."""
    env = dict(os.environ, GROEISPURT_DATABASE=settings.database)
    for attempt in range(1, attempts + 1):
        port = free_port()
        command = [sys.executable, "-m", "groeispurt_cli", "serve", "--port", str(port)]
        process = subprocess.Popen(
            [*command, "--workers", str(workers)], env=env, stdout=log, stderr=log
        )
        server = Server(f"http://127.0.0.1:{port}", process, log)
        try:
            server.wait_until_ready()
            return server
        except ServerFailed:
            exited = process.poll() is not None
            process.terminate()
            process.wait(timeout=30)
            if not exited or attempt == attempts:
                raise
    raise AssertionError("unreachable")


def sign_in(base: str, email: str, password: str) -> httpx2.Client:
    client = httpx2.Client(base_url=base, follow_redirects=False, timeout=30)
    page = client.get("/sign-in").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    data = {"email": email, "password": password, "csrf_token": token.group(1) if token else ""}
    response = client.post("/sign-in", data=data)
    if response.status_code != 303 and response.status_code != 302:
        raise RuntimeError(f"sign-in failed: {response.status_code}")
    return client


@dataclass
class Latency:
    p50: float
    p95: float
    p99: float
    rate: float
    tool: str


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("P50 %f\\nP95 %f\\nP99 %f\\nREQ %d\\nERR %d\\n",
    latency:percentile(50)/1000, latency:percentile(95)/1000, latency:percentile(99)/1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
"""


RUNS = 3


def median_latency(
    url: str, headers: dict[str, str], clients: int, seconds: float, body: str | None = None
) -> Latency:
    """`seconds` of load split into RUNS measurements, each figure their median: one
    burst from a neighbour on this shared machine moves a single run's p99, not this."""
    runs = [measure_latency(url, headers, clients, seconds / RUNS, body) for _ in range(RUNS)]
    return Latency(
        statistics.median(r.p50 for r in runs),
        statistics.median(r.p95 for r in runs),
        statistics.median(r.p99 for r in runs),
        statistics.median(r.rate for r in runs),
        runs[0].tool,
    )


def measure_latency(
    url: str, headers: dict[str, str], clients: int, seconds: float, body: str | None = None
) -> Latency:
    if shutil.which("wrk"):
        try:
            return _wrk(url, headers, clients, seconds, body)
        except WrkFailed as failure:
            report_fallback(failure)
    return _python_client(url, headers, clients, seconds, body)


class WrkFailed(RuntimeError):
    """wrk stopped before measuring; the Python client measures instead."""


def report_fallback(failure: WrkFailed) -> None:
    print(f"{failure}; measuring with the Python client instead", file=sys.stderr)


def _wrk(
    url: str, headers: dict[str, str], clients: int, seconds: float, body: str | None
) -> Latency:
    script = WRK_SCRIPT
    if body is not None:
        escaped = body.replace("\\", "\\\\").replace('"', '\\"')
        script = f'wrk.method = "POST"\nwrk.body = "{escaped}"\n' + script
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    duration = max(1, round(seconds))  # wrk takes whole seconds
    command = [
        "wrk",
        "-t",
        str(min(clients, 2)),
        "-c",
        str(clients),
        "-d",
        f"{duration}s",
        "-s",
        lua.name,
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = _run_wrk([*command, url], lua.name)
    values = dict(re.findall(r"^(P50|P95|P99|REQ|ERR) (\S+)$", output, re.MULTILINE))
    if float(values["ERR"]) > 0:
        raise RuntimeError(f"wrk saw {values['ERR']} errors on {url}")
    return Latency(
        float(values["P50"]),
        float(values["P95"]),
        float(values["P99"]),
        float(values["REQ"]) / duration,
        "wrk",
    )


MOVES_SCRIPT = """
local boards = {%s}
local threads, next_board = {}, 1
function setup(thread)
  thread:set("board", next_board)
  next_board = next_board + 1
  table.insert(threads, thread)
end
function init(args)
  mine = boards[board]
  sent, failed = 0, 0
end
function request()
  sent = sent + 1
  local headers = {["Authorization"] = mine[1], ["Content-Type"] = "application/json"}
  return wrk.format("POST", nil, headers, mine[2 + sent %% 2])
end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true)
     or not string.find(body, '"userErrors":[]', 1, true) then failed = failed + 1 end
end
done = function(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do failures = failures + thread:get("failed") end
  io.write(string.format("REQ %%d\\nFAILED %%d\\n", summary.requests, failures))
end
"""


def wrk_moves(url: str, boards: list[tuple[str, str, str]], seconds: float) -> float:
    """Successful requests per second, one wrk thread and connection per board.

    `boards`: (Authorization header, body moving the card there, body moving it
    back). Each connection alternates its two bodies, so every request is a
    real move; a request answered with GraphQL errors or user errors does not count.
    """

    def lua(text: str) -> str:
        return "[==[" + text + "]==]"

    rows = ", ".join("{" + ", ".join(lua(part) for part in board) + "}" for board in boards)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(MOVES_SCRIPT % rows)
    count = len(boards)
    command = ["wrk", "-t", str(count), "-c", str(count), "-d", f"{max(1, round(seconds))}s"]
    output = _run_wrk([*command, "-s", script.name, url], script.name)
    values = dict(re.findall(r"^(REQ|FAILED) (\d+)$", output, re.MULTILINE))
    return (int(values["REQ"]) - int(values["FAILED"])) / max(1, round(seconds))


def _run_wrk(command: list[str], script: str) -> str:
    try:
        finished = subprocess.run(command, capture_output=True, text=True)
    finally:
        os.unlink(script)
    if finished.returncode != 0:
        raise WrkFailed(f"wrk stopped with code {finished.returncode}: {finished.stderr.strip()}")
    return finished.stdout


def _python_client(
    url: str, headers: dict[str, str], clients: int, seconds: float, body: str | None
) -> Latency:
    timings: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        with httpx2.Client(headers=headers, timeout=30) as client:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                response = client.post(url, content=body) if body else client.get(url)
                response.raise_for_status()
                with lock:
                    timings.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    q = statistics.quantiles(timings, n=100)
    return Latency(q[49], q[94], q[98], len(timings) / seconds, "python")
