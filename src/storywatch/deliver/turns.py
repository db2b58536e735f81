"""Taking turns on SQLite's one write lock across delivery processes.

SQLite lets one writer in at a time. A second process that finds the lock taken does not
queue: SQLite's busy handler sleeps and retries (1, 2, 5, 10 … up to 100 ms a nap), so with
two delivery processes each writing claims and outcomes dozens of times a second, most of
the wall-clock went to naps taken after the lock was already free, and two processes
delivered fewer pushes per second than one (bench/fanout.py --part push). Delivery writers
therefore queue on a lock file next to the database first (``flock``: the kernel wakes the
next waiter the moment the lock is released), and only then open their transaction.

Only delivery workers take this lock; every other writer (the match stage recording
notifications) still meets SQLite's own lock, so nothing can deadlock on it. On PostgreSQL,
which has row locks, there is nothing to do.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store import Database


class WriteTurns:
    """``async with turns.write() as conn``: ``db.write()``, after this process's turn."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = asyncio.Lock()
        self._fd: int | None = None
        path = db.engine.url.database if db.is_sqlite else None
        if path and path != ":memory:":
            self._fd = os.open(Path(path).with_suffix(".delivery-lock"), os.O_RDWR | os.O_CREAT)

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        if self._fd is None:
            async with self.db.write() as conn:
                yield conn
            return
        fd = self._fd
        async with self._lock:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
            try:
                async with self.db.write() as conn:
                    yield conn
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
