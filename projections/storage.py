"""The storage seam: what a read model's fold reads before a batch, and writes after it.

A fold is pure (`projections/*_fold.py`): it is handed the documents or rows
the batch's events concern, as stored, and gives back what changed. The
tables here load those in a few queries and write the changes with the
cursor the runner moves the read model's tracking position with
(`ProjectionRunner._apply`), so the change and the position commit together
or not at all. The SQL is one text for SQLite and PostgreSQL (see
`projections.database`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from projections.database import Cursor
from projections.json_text import compact_json, parse_json

D = TypeVar("D")
# Keys per SELECT … IN (…): well under SQLite's limit of bound parameters.
CHUNK = 500


def chunks(keys: Collection[str]) -> Iterator[list[str]]:
    ordered = sorted(keys)  # the same text for the same keys: statements are cached
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def placeholders(count: int) -> str:
    return ", ".join("?" for _ in range(count))


class DocumentTable(Generic[D]):
    """A table of JSON documents, one per key (a cycle).

    Layout: `key TEXT PRIMARY KEY, owner TEXT, sort_key TEXT, doc TEXT`, where
    `owner` is what queries select by (an employee) and `sort_key` orders them.
    """

    def __init__(self, name: str, owner: Callable[[D], tuple[str, str]]) -> None:
        self.name = name
        self._owner = owner

    @property
    def schema(self) -> list[str]:
        return [
            f"CREATE TABLE IF NOT EXISTS {self.name} ("
            "key TEXT PRIMARY KEY, owner TEXT NOT NULL, sort_key TEXT NOT NULL, doc TEXT NOT NULL)",
            f"CREATE INDEX IF NOT EXISTS {self.name}_owner ON {self.name} (owner, sort_key)",
        ]

    def load(self, cursor: Cursor, keys: Collection[str]) -> dict[str, D]:
        """The stored documents of these keys (those that exist)."""
        found: dict[str, D] = {}
        for part in chunks(keys):
            cursor.execute(
                f"SELECT key, doc FROM {self.name} WHERE key IN ({placeholders(len(part))})", part
            )
            for row in cursor.fetchall():
                found[row["key"]] = parse_json(row["doc"])
        return found

    def write(self, cursor: Cursor, docs: Mapping[str, D]) -> None:
        """Inserts or replaces these documents."""
        if not docs:
            return
        rows = [(key, *self._owner(doc), compact_json(doc)) for key, doc in docs.items()]
        cursor.executemany(
            f"INSERT INTO {self.name} (key, owner, sort_key, doc) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, "
            "sort_key = excluded.sort_key, doc = excluded.doc",
            rows,
        )


class RowTable:
    """A table of plain columns keyed by its first one: rows loaded by key, written as tuples."""

    def __init__(self, name: str, columns: Sequence[str]) -> None:
        self.name = name
        self.columns = tuple(columns)

    def load(self, cursor: Cursor, keys: Collection[str]) -> dict[str, dict[str, Any]]:
        """The stored rows of these keys, as column → value (values as the database gives them)."""
        key, found = self.columns[0], {}
        for part in chunks(keys):
            cursor.execute(
                f"SELECT {', '.join(self.columns)} FROM {self.name} "
                f"WHERE {key} IN ({placeholders(len(part))})",
                part,
            )
            for row in cursor.fetchall():
                found[row[key]] = {c: row[c] for c in self.columns}
        return found

    def upsert(self, cursor: Cursor, rows: Iterable[Sequence[object]]) -> None:
        """Inserts these rows (values in column order), replacing those with the same key."""
        values = list(rows)
        if not values:
            return
        first, rest = self.columns[0], self.columns[1:]
        on_conflict = (
            "UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in rest) if rest else "NOTHING"
        )
        cursor.executemany(
            f"INSERT INTO {self.name} ({', '.join(self.columns)}) "
            f"VALUES ({placeholders(len(self.columns))}) ON CONFLICT ({first}) DO {on_conflict}",
            values,
        )
