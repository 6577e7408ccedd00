"""Connections of every list that can grow: `first` (1–100) and `after`, keyset cursors.

A cursor is the sort key of the row it stands at ((name, id) of a person,
the sequence of an audit entry), as opaque text: the next page is the rows
after that key (`projections.keyset`), so rows added between two pages make
none repeat or go missing. A cursor names its list, so one list's cursor is
refused by another; anything that is not a cursor this API gave out (too
long, not base64, not its list's) is VALIDATION, never INTERNAL.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Generic, TypeVar

import orjson
import strawberry

from domain.errors import InvalidInput
from projections.keyset import Key, Page
from service.error_texts import PAGE_SIZE, UNKNOWN_CURSOR

MAX_PAGE = 100
DEFAULT_PAGE = 20
# A person's name (at most 200 characters, 4 bytes each in UTF-8) and id fit well.
LONGEST_CURSOR = 2048
LARGEST_NUMBER = 2**63 - 1  # what the stores' BIGINT holds
Node = TypeVar("Node")
Row = TypeVar("Row")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None = strawberry.field(
        description="Where this page ends: ask for the page `after` it. Null on an empty page."
    )


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="How many there are, on all pages together.")


def encode_cursor(kind: str, key: Key) -> str:
    return base64.urlsafe_b64encode(orjson.dumps([kind, *key])).decode("ascii")


def decode_cursor(kind: str, cursor: str | None, shape: tuple[type, ...]) -> Key | None:
    """The sort key a cursor of list `kind` stands at (None: from the start); its parts
    must be of the types in `shape`."""
    if cursor is None:
        return None
    refused = InvalidInput(UNKNOWN_CURSOR, "after")
    if len(cursor) > LONGEST_CURSOR:
        raise refused
    try:
        value = orjson.loads(base64.b64decode(cursor.encode("ascii"), b"-_", validate=True))
    except (binascii.Error, UnicodeError, ValueError):  # orjson.JSONDecodeError too
        raise refused from None
    if not isinstance(value, list) or len(value) != len(shape) + 1 or value[0] != kind:
        raise refused
    key = tuple(value[1:])
    for part, wanted in zip(key, shape, strict=True):
        # `type(…) is`, not isinstance: true and false are no whole numbers here.
        if type(part) is not wanted or (isinstance(part, int) and not 0 <= part <= LARGEST_NUMBER):
            raise refused
    return key


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE
    if not 1 <= first <= MAX_PAGE:
        raise InvalidInput(PAGE_SIZE, "first", limit=MAX_PAGE)
    return first


def connection(
    page: Page[Row],
    node: Callable[[Row], Node],
    cursor: Callable[[Row], str],
) -> Connection[Node]:
    """A connection of one page of rows: each row's node, and its cursor."""
    edges = [Edge(cursor=cursor(row), node=node(row)) for row in page.rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=page.total,
    )
