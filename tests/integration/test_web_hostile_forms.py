"""A form posted as a hostile client may send it is refused without being read whole."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import served
from tests.scenario import fixed_today, small_org
from web.security import MAX_FORM_BYTES


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(database=str(Path(tmp_path_factory.mktemp("forms")) / "db"))
    services = build_services(settings, clock=fixed_today)
    small_org(services.app)
    services.close()
    with served(settings) as url:
        yield url


def test_a_chunked_form_past_the_limit_is_refused_without_waiting_for_its_end(base: str) -> None:
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=20) as connection:
        head = (
            f"POST /sign-in HTTP/1.1\r\nHost: {url.netloc}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            "Transfer-Encoding: chunked\r\n\r\n"
        )
        connection.sendall(head.encode())
        chunk = b"a" * 8192
        for _ in range(MAX_FORM_BYTES // len(chunk) + 2):  # past the limit; never ends
            connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        answer = connection.recv(65536).decode("latin-1")
    assert answer.startswith("HTTP/1.1 403 ")
