"""A real `groeispurt serve` on a free port with the demo loaded, and Chromium to drive it.

Without /usr/bin/chromium the browser tests are skipped with the reason
given, except on CI (`CI` set), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from service.container import build_services
from service.demo import load_demo
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
PASSWORD = "groeispurt-demo"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a server over a fresh SQLite file holding the demo organisation."""
    _need_chromium()
    database = tmp_path_factory.mktemp("browser") / "demo.db"
    services = build_services(Settings(database=str(database)), follow_writes=False)
    try:
        load_demo(services.app, accounts=services.accounts)
        services.projections.catch_up()
    finally:
        services.close()
    port = _free_port()
    log = (database.parent / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "groeispurt_cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env={
            **os.environ,
            "GROEISPURT_DATABASE": str(database),
            "GROEISPURT_SECRET_KEY": "browser-tests",
            "PYTHONPATH": str(ROOT),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_for(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server stopped while starting; see server.log")
        try:
            httpx2.get(f"{base}/sign-in", timeout=1)
            return
        except httpx2.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the server did not answer within 30 s")


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; CI must run the browser tests")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped")


@pytest.fixture(scope="session")
def browser(server: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser context (no cookies) per test, at 1280 px wide."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def sign_in(page: Page, name: str) -> None:
    """Signs a demo person in through the form, in this browser context."""
    page.context.clear_cookies()
    page.goto("/sign-in")
    page.fill("#email", f"{name}@demo.groeispurt.nl")
    page.fill("#password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/board")
