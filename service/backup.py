"""Backup and restore: the whole event log as JSON Lines, streamed in batches.

One line per stored event, in log order:

    {"id": 17, "originator_id": "…", "originator_version": 3,
     "topic": "domain.growth_cycle:GrowthCycle.CardMoved", "encoding": "utf-8", "state": "{…}"}

`state` is the stored event's bytes exactly as the transcoder wrote them:
UTF-8 text when they are (plain JSON), base64 otherwise (compressed or
encrypted stores), with `encoding` saying which, so a restore writes back the
very same bytes. Snapshots are not exported: they are derived from the events
and the repository does without them. After the events come the accounts and
API tokens (their hashes), one line each: see `service.backup_accounts`.

Memory stays bounded by the batch size on both sides: the export pages
through the log, the import reads the file twice (once to check every line,
once to write), never holding more than a batch of events.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Notification, StoredEvent
from eventsourcing.utils import resolve_topic

from domain.errors import Refusal
from service import backup_texts as texts

BATCH = 1000
Progress = Callable[[int], Any]
KEYS = ("id", "originator_id", "originator_version", "topic", "encoding", "state")
ROW_KEYS = {"table", "row"}  # an account or token line, see service.backup_accounts


class BackupError(Refusal):
    """An export or import that cannot go on; the message says why and what to do."""

    category = "BACKUP"


def to_line(notification: Notification) -> str:
    try:
        state, encoding = notification.state.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        state, encoding = base64.b64encode(notification.state).decode("ascii"), "base64"
    record = {
        "id": notification.id,
        "originator_id": str(notification.originator_id),
        "originator_version": notification.originator_version,
        "topic": notification.topic,
        "encoding": encoding,
        "state": state,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def export_events(app: Application[Any], out: TextIO, progress: Progress = lambda n: None) -> int:
    """Writes every event up to the log's current end; returns how many were written.

    The end is fixed when the export starts, so events saved meanwhile are
    left for the next backup instead of making this one a moving target.
    """
    end = app.recorder.max_notification_id() or 0
    start, written = 1, 0
    while start <= end:
        batch = app.recorder.select_notifications(start=start, limit=BATCH, stop=end)
        if not batch:
            break
        out.write("".join(to_line(n) for n in batch))
        written += len(batch)
        progress(len(batch))
        start = batch[-1].id + 1
    return written


def export_to_file(
    app: Application[Any],
    path: Path,
    progress: Progress = lambda n: None,
    after: Iterable[str] = (),
) -> int:
    """Exports into `path` through a temporary file, so a failed export leaves no half file.

    `after`: lines to write after the events (accounts and tokens, `service.backup_accounts`).
    """
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            written = export_events(app, out, progress)
            out.writelines(after)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return written


def log_end(app: Application[Any]) -> int:
    return int(app.recorder.max_notification_id() or 0)


class _Checker:
    """Turns lines into stored events, refusing anything a restore could not replay."""

    def __init__(self, app: Application[Any], *, decode: bool) -> None:
        self.app = app
        self.decode = decode
        self.last_id = 0
        self.versions: dict[UUID, int] = {}  # per aggregate: the last version seen
        self.topics: set[str] = set()

    def parse(self, number: int, line: str) -> StoredEvent | None:
        """The line's stored event; None for an account or token line (not an event)."""
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise BackupError(texts.NOT_JSON, line=number, detail=error.msg) from None
        if isinstance(record, dict) and set(record) == ROW_KEYS:
            return None
        if not isinstance(record, dict) or set(record) != set(KEYS):
            raise BackupError(texts.WRONG_KEYS, line=number, keys=", ".join(KEYS))
        notification_id, version = record["id"], record["originator_version"]
        for name, value in (("id", notification_id), ("originator_version", version)):
            if type(value) is not int or value < 1:
                raise BackupError(texts.NOT_FROM_ONE, line=number, name=name)
        if notification_id <= self.last_id:
            raise BackupError(
                texts.ID_OUT_OF_ORDER, line=number, id=notification_id, previous=self.last_id
            )
        try:
            originator_id = UUID(str(record["originator_id"]))
        except ValueError:
            raise BackupError(texts.NOT_A_UUID, line=number) from None
        if version <= self.versions.get(originator_id, 0):
            raise BackupError(
                texts.VERSION_OUT_OF_ORDER,
                line=number,
                version=version,
                originator_id=str(originator_id),
            )
        topic = record["topic"]
        if not isinstance(topic, str) or not topic:
            raise BackupError(texts.TOPIC_NOT_TEXT, line=number)
        stored = StoredEvent(originator_id, version, topic, _state(number, record))
        if topic not in self.topics:
            try:
                resolve_topic(topic)
            except Exception:
                raise BackupError(texts.UNKNOWN_EVENT_TYPE, line=number, topic=topic) from None
            self.topics.add(topic)
        try:
            if self.decode:
                self.app.mapper.to_domain_event(stored)
        except Exception as error:
            raise BackupError(texts.UNREADABLE_STATE, line=number, detail=str(error)) from None
        self.last_id = notification_id
        self.versions[originator_id] = version
        return stored


def _state(number: int, record: dict[str, Any]) -> bytes:
    state, encoding = record["state"], record["encoding"]
    if not isinstance(state, str):
        raise BackupError(texts.STATE_NOT_TEXT, line=number)
    if encoding == "utf-8":
        return state.encode("utf-8")
    if encoding == "base64":
        try:
            return base64.b64decode(state, validate=True)
        except binascii.Error:
            raise BackupError(texts.STATE_NOT_BASE64, line=number) from None
    raise BackupError(texts.UNKNOWN_ENCODING, line=number)


def read_events(app: Application[Any], path: Path, *, decode: bool = True) -> Iterator[StoredEvent]:
    """The file's events in order, each line checked; raises BackupError naming the line.

    `decode`: also turn each event into its domain event, as the read models will.
    """
    checker = _Checker(app, decode=decode)
    try:
        with path.open(encoding="utf-8", newline="\n") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    stored = checker.parse(number, line)
                    if stored is not None:
                        yield stored
    except UnicodeDecodeError:
        raise BackupError(texts.NOT_UTF8, path=str(path)) from None
    except OSError as error:
        raise BackupError(
            texts.UNREADABLE_FILE, path=str(path), reason=str(error.strerror)
        ) from None


def check_file(app: Application[Any], path: Path, progress: Progress = lambda n: None) -> int:
    """Checks every line before anything is written; returns the number of events."""
    count = 0
    for _ in read_events(app, path, decode=True):
        count += 1
        if count % BATCH == 0:
            progress(BATCH)
    progress(count % BATCH)
    return count


def import_events(app: Application[Any], path: Path, progress: Progress = lambda n: None) -> int:
    """Writes the file's events, in their order, into an empty store; returns how many.

    Call `check_file` first: the lines are checked again here (all but
    decoding the state), but a bad line found only now would stop the import
    half-way.
    """
    if log_end(app):
        raise BackupError(texts.STORE_NOT_EMPTY)
    written = 0
    batch: list[StoredEvent] = []
    for stored in read_events(app, path, decode=False):
        batch.append(stored)
        if len(batch) == BATCH:
            written += _insert(app, batch, written)
            progress(len(batch))
            batch = []
    if batch:
        written += _insert(app, batch, written)
        progress(len(batch))
    return written


def _insert(app: Application[Any], batch: list[StoredEvent], written: int) -> int:
    try:
        app.recorder.insert_events(batch)
    except Exception as error:
        raise BackupError(texts.WRITING_STOPPED, written=written, detail=str(error)) from error
    return len(batch)
