"""A session cookie older than its twelve hours counts as signed out."""

from __future__ import annotations

import base64
import json
import time

import itsdangerous
from starlette.testclient import TestClient

from tests.integration import test_web_fixtures as pages
from tests.integration.test_web_fixtures import replace_session_cookie, sign_in

demo_template, demo_settings, client = pages.demo_template, pages.demo_settings, pages.client


class SignedLongAgo(itsdangerous.TimestampSigner):
    def get_timestamp(self) -> int:
        return int(time.time()) - 13 * 60 * 60


def test_an_expired_session_cookie_counts_as_signed_out(client: TestClient) -> None:
    sign_in(client, "sanne")
    assert client.get("/board").url.path == "/board"
    session = client.cookies.get("groeispurt_session")
    assert session is not None
    payload = itsdangerous.TimestampSigner("test-secret").unsign(session)
    contents = json.loads(base64.b64decode(payload))
    old = SignedLongAgo("test-secret").sign(base64.b64encode(json.dumps(contents).encode()))
    replace_session_cookie(client, old.decode())
    assert client.get("/board").url.path == "/sign-in"
