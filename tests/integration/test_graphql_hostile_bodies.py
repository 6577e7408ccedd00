"""What a hostile or careless client sends to /graphql answers 400, 413, 415 or a
VALIDATION error naming the input — never a server error, never read whole."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx2
import pytest

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import served
from tests.scenario import cycle_on_board, fixed_today, small_org

MOVE = (
    "mutation($c: ID!, $card: ID!, $to: Column!) { moveCard(input: "
    "{cycleId: $c, cardId: $card, toColumn: $to}) { board { version } } }"
)
PLAN_AS_OF = "query($c: ID!, $at: DateTime!) { planAsOf(cycleId: $c, at: $at) { version } }"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    settings = Settings(database=str(Path(tmp_path_factory.mktemp("hostile")) / "db"))
    services = build_services(settings, clock=fixed_today)
    org = small_org(services.app)
    cycle_id, card_ids = cycle_on_board(services.app, org)
    employee = services.tokens.create("e", "write", as_email="eva@example.nl")
    auditor = services.tokens.create("auditor", "audit")
    services.close()
    with served(settings) as base:
        yield {
            "url": base + "/graphql",
            "employee": {"authorization": f"Bearer {employee}"},
            "auditor": {"authorization": f"Bearer {auditor}"},
            "cycle": str(cycle_id),
            "card": card_ids[0],
        }


def _post(
    api: dict[str, Any], body: Any, content_type: str = "application/json"
) -> httpx2.Response:
    headers = {**api["employee"], "content-type": content_type}
    return httpx2.post(api["url"], content=body, headers=headers, timeout=30)


def _errors(response: httpx2.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200
    errors: list[dict[str, Any]] = response.json()["errors"]
    return errors


def test_an_unknown_enum_value_in_variables_is_validation_like_the_same_mistake_inline(
    api: dict[str, Any],
) -> None:
    variables = {"c": api["cycle"], "card": api["card"], "to": "SIDEWAYS"}
    in_variables = _errors(_post(api, json.dumps({"query": MOVE, "variables": variables})))
    inline = MOVE.replace("$to: Column!", "").replace("toColumn: $to", "toColumn: SIDEWAYS")
    written_inline = _errors(_post(api, json.dumps({"query": inline, "variables": variables})))
    assert [e["extensions"]["code"] for e in in_variables] == ["VALIDATION"]
    assert [e["extensions"]["code"] for e in written_inline] == ["VALIDATION"]
    assert "SIDEWAYS" in in_variables[0]["message"]
    assert in_variables[0]["extensions"]["reason"] == "request.invalid_variables"


def test_every_variable_a_type_refuses_is_named_not_only_the_first(api: dict[str, Any]) -> None:
    query = (
        "query($c: ID!, $at: DateTime!, $b: DateTime!) "
        "{ one: planAsOf(cycleId: $c, at: $at) { version } two: planAsOf(cycleId: $c, at: $b) { version } }"
    )
    variables = {"c": api["cycle"], "at": "volgende week", "b": "morgen"}
    body = json.dumps({"query": query, "variables": variables})
    response = httpx2.post(
        api["url"], content=body, headers={**api["auditor"], "content-type": "application/json"}
    )
    errors = _errors(response)
    assert [e["extensions"]["code"] for e in errors] == ["VALIDATION", "VALIDATION"]
    assert ["$at" in errors[0]["message"], "$b" in errors[1]["message"]] == [True, True]


def test_the_year_9999_is_a_moment_like_any_other_not_an_internal_error(
    api: dict[str, Any],
) -> None:
    body = json.dumps(
        {"query": PLAN_AS_OF, "variables": {"c": api["cycle"], "at": "9999-12-31T23:59:59"}}
    )
    response = httpx2.post(
        api["url"], content=body, headers={**api["auditor"], "content-type": "application/json"}
    )
    assert response.status_code == 200
    assert "errors" not in response.json()


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"query": ' + b"[" * 5000 + b"]" * 5000 + b"}", id="nested-5000-deep"),
        pytest.param(b'"{ me { id } }"', id="a-bare-string"),
        pytest.param(b"42", id="a-number"),
        pytest.param(b'{"query": "{ me { id } }\xff\xfe"}', id="invalid-utf-8"),
        pytest.param(b'{"query": ', id="cut-off"),
    ],
)
def test_a_body_that_is_not_a_json_object_answers_400(api: dict[str, Any], body: bytes) -> None:
    assert _post(api, body).status_code == 400


def test_a_body_of_another_media_type_answers_415_with_a_json_error(api: dict[str, Any]) -> None:
    response = _post(api, b"{ me { id } }", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["reason"] == "request.not_json"


def test_a_chunked_body_past_the_limit_answers_413_without_waiting_for_its_end(
    api: dict[str, Any],
) -> None:
    url = urlsplit(api["url"])
    with socket.create_connection((url.hostname, url.port), timeout=20) as connection:
        head = (
            f"POST {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        connection.sendall(head.encode())
        chunk = b" " * 8192
        for _ in range(10):  # 80 KiB, and then the body never ends
            connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        answer = connection.recv(65536).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413 ")
    assert "request.too_large" in answer


def test_an_anonymous_body_past_the_declared_limit_answers_413(api: dict[str, Any]) -> None:
    response = httpx2.post(
        api["url"],
        content=b"{" + b" " * (70 * 1024) + b"}",
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 413
