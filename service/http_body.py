"""The body of a request, read as a hostile client may send it (pages' forms, GraphQL).

The limit is counted while the body is read, so a chunked or streamed body
(which declares no length) is cut off at the limit instead of read whole.
For GraphQL, a body that is not a JSON object in UTF-8 answers 400 and a body
of another media type 415, never a server error.
"""

from __future__ import annotations

import orjson
from starlette.types import Message, Receive, Scope

JSON_TYPES = ("application/json", "application/graphql-response+json")


class BodyNotRead(Exception):
    """The body was not read whole: see the subclass for why."""


class BodyTooLarge(BodyNotRead):
    """More than the limit was sent (or declared)."""


class ClientGone(BodyNotRead):
    """The client went away before it sent the whole body."""


async def read_body(scope: Scope, receive: Receive, limit: int) -> bytes:
    """The whole body, or BodyTooLarge as soon as it passes `limit` bytes."""
    if declared_length(scope) > limit:
        raise BodyTooLarge()
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientGone()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge()
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replaying(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the body already read, then whatever comes next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 1 << 62  # not a number: as if too large
    return 0


def is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            media_type = value.decode("latin-1").split(";", 1)[0].strip().lower()
            return media_type in JSON_TYPES
    return False


def decoded(body: str | bytes) -> dict[str, object]:
    """The request as a JSON object; orjson refuses invalid UTF-8 and nesting deeper
    than it allows with a JSONDecodeError, which the view answers with 400."""
    data = orjson.loads(body)
    if not isinstance(data, dict):
        raise NotAnObject()
    return data


class NotAnObject(orjson.JSONDecodeError):
    """A body of valid JSON that is not an object (a bare string, a number, a list)."""

    def __init__(self) -> None:
        super().__init__("The request body must be a JSON object.", "", 0)
