"""What every read model is: a name, its tables, and how it folds a batch of events.

The runner hands a read model events in log order inside a transaction that
also moves the read model's tracking position, so a batch is applied
exactly once or not at all, even if the process is killed half-way.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol
from uuid import UUID

from projections.database import Cursor
from projections.json_text import compact_json, parse_json


class Event(Protocol):
    """What the read side asks of every stored event, whatever its aggregate."""

    @property
    def originator_id(self) -> UUID: ...
    @property
    def originator_version(self) -> int: ...
    @property
    def timestamp(self) -> datetime: ...


class ReadModel(ABC):
    name: ClassVar[str]
    # CREATE TABLE IF NOT EXISTS … statements, valid on SQLite and PostgreSQL.
    schema: ClassVar[Sequence[str]]
    tables: ClassVar[Sequence[str]]
    # Raise when the way events are folded changes without the schema changing:
    # the runner then rebuilds this read model from the log on the next start.
    revision: ClassVar[int] = 1

    @classmethod
    def fingerprint(cls) -> str:
        """Changes whenever the tables or the revision change."""
        digest = hashlib.sha256("\n".join([str(cls.revision), *cls.schema]).encode())
        return digest.hexdigest()[:16]

    @abstractmethod
    def apply(self, cursor: Cursor, batch: Batch) -> None:
        """Folds a batch of events (in log order, none seen before) into the tables."""


# Being replaced by `projections.storage`, one read model at a time.
class Documents:
    """A batch's view of a table of JSON documents: load once, change, write once.

    Table layout: `key TEXT PRIMARY KEY, owner TEXT, sort_key TEXT, doc TEXT`,
    where `owner` is what queries select by (an employee, a manager).
    """

    def __init__(self, cursor: Cursor, table: str) -> None:
        self._cursor = cursor
        self._table = table
        self._docs: dict[str, dict[str, Any] | None] = {}
        self._meta: dict[str, tuple[str, str]] = {}
        self._dirty: set[str] = set()

    def get(self, key: str) -> dict[str, Any] | None:
        if key not in self._docs:
            self._cursor.execute(
                f"SELECT owner, sort_key, doc FROM {self._table} WHERE key = ?", (key,)
            )
            row = self._cursor.fetchone()
            if row is None:
                self._docs[key] = None
            else:
                self._docs[key] = parse_json(row["doc"])
                self._meta[key] = (row["owner"], row["sort_key"])
        return self._docs[key]

    def put(
        self, key: str, doc: dict[str, Any], *, owner: str | None = None, sort_key: str = ""
    ) -> None:
        self._docs[key] = doc
        if owner is not None or key not in self._meta:
            self._meta[key] = (owner or "", sort_key)
        self._dirty.add(key)

    def touch(self, key: str) -> None:
        """Marks a document changed in place (after get())."""
        self._dirty.add(key)

    def flush(self) -> None:
        rows = []
        for key in self._dirty:
            owner, sort_key = self._meta[key]
            rows.append((key, owner, sort_key, compact_json(self._docs[key])))
        if rows:
            self._cursor.executemany(
                f"INSERT INTO {self._table} (key, owner, sort_key, doc) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, "
                "sort_key = excluded.sort_key, doc = excluded.doc",
                rows,
            )
        self._dirty.clear()


def document_table(table: str) -> list[str]:
    return [
        f"CREATE TABLE IF NOT EXISTS {table} ("
        "key TEXT PRIMARY KEY, owner TEXT NOT NULL, sort_key TEXT NOT NULL, doc TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {table}_owner ON {table} (owner, sort_key)",
    ]


class Rows:
    """Like Documents, for a table of plain columns: load a row once per batch, write it once.

    `columns` are the table's columns, the first one being its primary key.
    """

    def __init__(self, cursor: Cursor, table: str, columns: Sequence[str]) -> None:
        self._cursor = cursor
        self._table = table
        self._columns = list(columns)
        self._rows: dict[str, dict[str, Any] | None] = {}
        self._dirty: set[str] = set()

    def get(self, key: str) -> dict[str, Any] | None:
        if key not in self._rows:
            self._cursor.execute(
                f"SELECT {', '.join(self._columns)} FROM {self._table} "
                f"WHERE {self._columns[0]} = ?",
                (key,),
            )
            row = self._cursor.fetchone()
            self._rows[key] = None if row is None else {c: row[c] for c in self._columns}
        return self._rows[key]

    def put(self, key: str, row: dict[str, Any]) -> None:
        self._rows[key] = row
        self._dirty.add(key)

    def touch(self, key: str) -> None:
        self._dirty.add(key)

    def flush(self) -> None:
        keyed = [self._rows[key] for key in self._dirty]
        self._dirty.clear()
        rows = [tuple(row.get(c) for c in self._columns) for row in keyed if row is not None]
        if not rows:
            return
        first, rest = self._columns[0], self._columns[1:]
        self._cursor.executemany(
            f"INSERT INTO {self._table} ({', '.join(self._columns)}) "
            f"VALUES ({', '.join('?' for _ in self._columns)}) ON CONFLICT ({first}) DO "
            + (
                "UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in rest)
                if rest
                else "NOTHING"
            ),
            rows,
        )


def utc_iso(moment: datetime) -> str:
    """One fixed ISO form (UTC, microseconds) so that stored moments compare as text."""
    if moment.tzinfo is UTC:  # every event's timestamp: no offset to ask for
        return moment.isoformat(timespec="microseconds")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    elif moment.utcoffset():
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


class Batch:
    """Events in log order, each with what read models ask of it: its aggregate's
    id as text (how rows are keyed) and its moment in `utc_iso` form.

    Worked out here once per event, in two tight loops, rather than by each read
    model as it goes (every one of them asks). Iterating gives `(event, key, at)`.
    """

    __slots__ = ("events", "ids", "keys", "moments")

    def __init__(
        self, ids: list[int], events: Sequence[Event], keys: list[str], moments: list[str]
    ) -> None:
        self.ids, self.events, self.keys, self.moments = ids, events, keys, moments

    @classmethod
    def of(cls, ids: list[int], events: Sequence[Any]) -> Batch:
        """From events in log order and their notification ids (decoded by the library's
        mapper, which types them only as its protocol: every stored event is an `Event`)."""
        return cls(
            ids,
            events,
            _texts_of([event.originator_id for event in events]),
            [utc_iso(event.timestamp) for event in events],
        )

    def after(self, position: int) -> Batch:
        """The events this batch holds past `position` (a read model that is ahead)."""
        start = bisect_right(self.ids, position)
        if start == 0:
            return self
        return Batch(self.ids[start:], self.events[start:], self.keys[start:], self.moments[start:])

    def __iter__(self) -> Iterator[tuple[Event, str, str]]:
        return zip(self.events, self.keys, self.moments, strict=True)

    def __len__(self) -> int:
        return len(self.events)


def event_names(kind: type) -> tuple[str, str]:
    """`GrowthCycle.CardMoved` → ("GrowthCycle", "CardMoved"), worked out once per class."""
    names = _NAMES.get(kind)
    if names is None:
        aggregate, _, name = kind.__qualname__.rpartition(".")
        names = _NAMES[kind] = (aggregate, name)
    return names


_NAMES: dict[type, tuple[str, str]] = {}


def _texts_of(aggregate_ids: list[UUID]) -> list[str]:
    """str() of each id, remembered: a few thousand aggregates carry a million events."""
    known = _ID_TEXTS
    texts = []
    for aggregate_id in aggregate_ids:
        number = aggregate_id.int
        text = known.get(number)
        if text is None:
            if len(known) >= _MEMO_SIZE:
                known.clear()
            text = known[number] = str(aggregate_id)
        texts.append(text)
    return texts


_MEMO_SIZE = 20_000
_ID_TEXTS: dict[int, str] = {}
