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

import httpx

from service.settings import Settings


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]

    def peak_rss_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(settings: Settings) -> Iterator[Server]:
    port = free_port()
    env = dict(os.environ, GROEISPURT_DATABASE=settings.database)
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{base}/sign-in", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield Server(base, process)
    finally:
        process.terminate()
        process.wait(timeout=30)


def sign_in(base: str, email: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=30)
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


def measure_latency(
    url: str, headers: dict[str, str], clients: int, seconds: float, body: str | None = None
) -> Latency:
    if shutil.which("wrk"):
        return _wrk(url, headers, clients, seconds, body)
    return _python_client(url, headers, clients, seconds, body)


def _wrk(
    url: str, headers: dict[str, str], clients: int, seconds: float, body: str | None
) -> Latency:
    script = WRK_SCRIPT
    if body is not None:
        escaped = body.replace("\\", "\\\\").replace('"', '\\"')
        script = f'wrk.method = "POST"\nwrk.body = "{escaped}"\n' + script
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    command = [
        "wrk",
        "-t",
        str(min(clients, 2)),
        "-c",
        str(clients),
        "-d",
        f"{max(1, round(seconds))}s",
        "-s",
        lua.name,
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    os.unlink(lua.name)
    values = dict(re.findall(r"^(P50|P95|P99|REQ|ERR) (\S+)$", output, re.MULTILINE))
    if float(values["ERR"]) > 0:
        raise RuntimeError(f"wrk saw {values['ERR']} errors on {url}")
    return Latency(
        float(values["P50"]),
        float(values["P95"]),
        float(values["P99"]),
        float(values["REQ"]) / seconds,
        "wrk",
    )


def _python_client(
    url: str, headers: dict[str, str], clients: int, seconds: float, body: str | None
) -> Latency:
    timings: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        with httpx.Client(headers=headers, timeout=30) as client:
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
