"""Pages by keyset: the rows after a sort key, not after a count of rows.

A page asks for the rows whose sort key comes after the last one it gave
(`WHERE (name, person_id) > (?, ?) … LIMIT n + 1`), so rows added or removed
meanwhile neither repeat nor go missing, as they would after an offset.
Reading one row more than the page says whether another page follows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
# A sort key as a cursor holds it: texts and whole numbers, compared in order.
Key = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    rows: list[T]
    has_next: bool
    total: int  # rows in all, on every page


def page_of(rows: Sequence[T], limit: int, total: int) -> Page[T]:
    """A page from up to `limit + 1` rows read after the cursor's key."""
    return Page(rows=list(rows[:limit]), has_next=len(rows) > limit, total=total)


def page_after(
    items: Sequence[T], key: Callable[[T], Key], after: Key | None, limit: int
) -> Page[T]:
    """A page of a list already in memory, in ascending order of `key`."""
    following = [item for item in items if after is None or key(item) > after]
    return page_of(following[: limit + 1], limit, len(items))
