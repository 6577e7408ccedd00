"""Cursor pagination shared by every list: `first` (at most 100) and `after`."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Generic, TypeVar

import strawberry

from domain.errors import InvalidInput
from service.error_texts import PAGE_SIZE, UNKNOWN_CURSOR

MAX_PAGE = 100
DEFAULT_PAGE = 20
Node = TypeVar("Node")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo
    total_count: int


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"p:{position}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        kind, _, number = text.partition(":")
        if kind != "p":
            raise ValueError
        return int(number)
    except (ValueError, UnicodeDecodeError):
        raise InvalidInput(UNKNOWN_CURSOR, "after") from None


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE
    if not 1 <= first <= MAX_PAGE:
        raise InvalidInput(PAGE_SIZE, "first", limit=MAX_PAGE)
    return first


def paginate(items: Sequence[Node], first: int | None, after: str | None) -> Connection[Node]:
    """A page of an in-memory list (for lists that are small by nature)."""
    start, size = decode_cursor(after), page_size(first)
    chosen = items[start : start + size]
    edges = [Edge(cursor=encode_cursor(start + i + 1), node=n) for i, n in enumerate(chosen)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=start + size < len(items),
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=len(items),
    )
