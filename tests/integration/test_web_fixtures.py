"""Shared fixtures of the page tests: a copy of a demo database and a signed-in client.

The demo organisation is loaded once per test session into a template file;
each test gets its own copy, so tests never see each other's changes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from service.container import build_services
from service.demo import load_demo
from service.settings import Settings
from web.app import create_app

PASSWORD = "groeispurt-demo"
SESSION_COOKIE = "groeispurt_session"


def demo_address(name: str) -> str:
    return f"{name}@demo.groeispurt.nl"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    services = build_services(Settings(database=str(path)), follow_writes=False)
    try:
        load_demo(services.app, accounts=services.accounts)
        services.projections.catch_up()
    finally:
        services.close()
    return path


@pytest.fixture
def demo_settings(demo_template: Path, tmp_path: Path) -> Settings:
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(demo_template) + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / (demo_template.name + suffix))
    return Settings(database=str(tmp_path / demo_template.name), secret_key="test-secret")


@pytest.fixture
def client(demo_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_settings), follow_redirects=True) as test_client:
        yield test_client


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert found is not None, "the page has no CSRF token"
    return found.group(1)


def sign_in(client: TestClient, name: str) -> str:
    """Signs in a demo person; returns the CSRF token of their session."""
    token = csrf_of(client.get("/sign-in").text)
    response = client.post(
        "/sign-in",
        data={"email": demo_address(name), "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 200, response.text
    return csrf_of(response.text)


def replace_session_cookie(client: TestClient, value: str) -> None:
    """Puts `value` in the place of the session cookie the server set, so that it is the
    only one sent. Setting a second cookie of the same name beside it would send both,
    and which one counts would depend on the order the client's cookie jar keeps them in
    (httpx sent the one set by hand last, httpx2 sends it first)."""
    client.cookies.delete(SESSION_COOKIE)
    client.cookies.set(SESSION_COOKIE, value)
    assert [c.value for c in client.cookies.jar if c.name == SESSION_COOKIE] == [value]


def htmx(token: str) -> dict[str, str]:
    return {"HX-Request": "true", "X-CSRF-Token": token}
