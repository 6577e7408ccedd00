"""Sign-in attempts are counted by the connection's address, not by what a header claims.

A real uvicorn, started with the options `groeispurt serve` uses: uvicorn's own
default believes X-Forwarded-For from 127.0.0.1, so an attacker on the machine
(or behind a proxy nobody configured) could name a fresh address for every guess.
"""

from __future__ import annotations

import argparse
import re
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

import httpx2

from groeispurt_cli.serve import server_options
from service.container import build_services
from service.settings import Settings
from service.sign_in_throttle import key
from tests.integration.graphql_client import served as served_on_a_free_port


def served(settings: Settings) -> AbstractContextManager[str]:
    """Served with the options `groeispurt serve` gives uvicorn (proxy headers included)."""
    return served_on_a_free_port(
        settings,
        lambda port: server_options(argparse.Namespace(host="127.0.0.1", port=port), settings),
    )


def guess_with_forged_addresses(base: str) -> None:
    with httpx2.Client(base_url=base, timeout=30) as browser:
        page = browser.get("/sign-in").text
        found = re.search(r'name="csrf-token" content="([^"]+)"', page)
        assert found is not None
        for n in range(3):
            response = browser.post(
                "/sign-in",
                data={"email": "x@example.nl", "password": "a wrong guess", "csrf_token": found[1]},
                headers={"X-Forwarded-For": f"198.51.100.{n}"},
            )
            assert response.status_code == 401


def counted_keys(settings: Settings) -> dict[str, int]:
    services = build_services(settings)
    try:
        rows = services.database.query("SELECT key, attempts FROM sign_in_attempts")
    finally:
        services.close()
    return {row["key"]: row["attempts"] for row in rows}


def test_an_attacker_cannot_name_a_fresh_address_for_every_guess(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "g.db"), secret_key="test-secret")
    with served(settings) as base:
        guess_with_forged_addresses(base)
    counted = counted_keys(settings)
    assert counted[key("address", "127.0.0.1")] == 3
    assert key("address", "198.51.100.0") not in counted


def test_behind_a_trusted_proxy_its_forwarded_address_is_counted(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "g.db"), secret_key="test-secret")
    settings = replace(settings, trusted_proxies=("127.0.0.1",))
    with served(settings) as base:
        guess_with_forged_addresses(base)
    counted = counted_keys(settings)
    assert key("address", "127.0.0.1") not in counted
    assert all(counted[key("address", f"198.51.100.{n}")] == 1 for n in range(3))


def test_the_trusted_proxies_come_from_the_environment() -> None:
    assert Settings.from_environment({}).trusted_proxies == ()
    env = {"GROEISPURT_TRUSTED_PROXIES": "10.0.0.5, 10.0.0.6"}
    assert Settings.from_environment(env).trusted_proxies == ("10.0.0.5", "10.0.0.6")
