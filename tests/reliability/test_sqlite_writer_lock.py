"""The SQLite writer lock queues writers of different processes, and a crash never leaves it held."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Any

from projections.sqlite_writer_lock import ProcessWriterLock


def _hold_then_release(path: str, held: Any, log: str) -> None:
    lock = ProcessWriterLock(path)
    with lock:
        held.set()
        # The parent is now blocked on the lock; what we write before releasing
        # must be there when it gets in.
        multiprocessing.Event().wait(0.3)
        Path(log).write_text("released")


def _take_and_die(path: str, held: Any) -> None:
    ProcessWriterLock(path).acquire()
    held.set()
    os._exit(1)


def test_a_writer_in_another_process_waits_until_the_holder_releases(tmp_path: Path) -> None:
    path, log = str(tmp_path / "events.db.writer-lock"), str(tmp_path / "log")
    held = multiprocessing.Event()
    child = multiprocessing.Process(target=_hold_then_release, args=(path, held, log))
    child.start()
    assert held.wait(30)
    lock = ProcessWriterLock(path)
    with lock:
        assert Path(log).read_text() == "released"
    child.join(30)
    lock.close()


def test_a_process_that_dies_holding_the_lock_does_not_block_the_next_writer(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "events.db.writer-lock")
    held = multiprocessing.Event()
    child = multiprocessing.Process(target=_take_and_die, args=(path, held))
    child.start()
    assert held.wait(30)
    child.join(30)
    lock = ProcessWriterLock(path)
    assert lock.acquire(blocking=False)
    lock.release()
    lock.close()


def test_a_writer_that_will_not_wait_is_told_the_lock_is_taken(tmp_path: Path) -> None:
    path = str(tmp_path / "events.db.writer-lock")
    first, second = ProcessWriterLock(path), ProcessWriterLock(path)
    assert first.acquire()
    assert not second.acquire(blocking=False)
    first.release()
    assert second.acquire(blocking=False)
    second.release()
    first.close()
    second.close()


def test_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    lock = ProcessWriterLock(str(tmp_path / "events.db.writer-lock"))
    assert lock.acquire()
    assert not lock.acquire(blocking=False)
    lock.release()
    assert lock.acquire(blocking=False)
    lock.release()
    lock.close()
