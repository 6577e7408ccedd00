"""One queue for every writer of a SQLite file, across threads and processes.

SQLite lets one writer in at a time. A writer that finds the file locked by
another process waits in SQLite's busy handler, which sleeps in growing steps
and checks again, so with several server workers writers slept while the file
was free. An exclusive `flock` on a file beside the database queues writers in
the kernel instead, which wakes the next one the moment the lock is released;
the thread lock in front of it keeps the threads of one process in line
without a system call each.

The kernel drops a dead process's `flock`, so a crash never leaves the file
locked. Writers that do not take this lock (another program) are still safe:
SQLite's own locking and busy handler stay in place behind it.
"""

from __future__ import annotations

import fcntl
import os
import threading
from types import TracebackType


class ProcessWriterLock:
    """A drop-in for `threading.Lock` (acquire, release, `with`) that also holds
    an exclusive `flock` on `path` while held. Without a path (an in-memory
    database has no other process) it is the thread lock alone."""

    def __init__(self, path: str | None) -> None:
        self._inner = threading.Lock()
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600) if path is not None else -1

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        """`timeout` bounds the wait for this process's threads; the wait for another
        process is as long as its write transaction (the kernel has no timeout)."""
        if not self._inner.acquire(blocking, timeout):
            return False
        if self._fd < 0:
            return True
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._inner.release()
            return False
        except BaseException:
            self._inner.release()
            raise
        return True

    def release(self) -> None:
        try:
            if self._fd >= 0:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._inner.release()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()

    def close(self) -> None:
        """Idempotent: the pool that owns the lock may be closed twice (close, then GC)."""
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)
