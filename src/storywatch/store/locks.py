"""Exclusive roles: at most one process in a deployment runs the story engine.

The story engine decides each article against everything before it, in memory; two engines
fed from one stream would each see half the news and split stories. So the process role
takes a lock for as long as it runs, and a second one waits as a hot standby:

- PostgreSQL: a session advisory lock held on a dedicated connection (released by the server
  if the process dies, so a standby takes over at once);
- SQLite: an ``flock`` on a file beside the database (released by the kernel likewise).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import logging
import os
from collections.abc import AsyncIterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store.database import Database

log = logging.getLogger(__name__)

RETRY_SECONDS = 2.0


def _key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for a role name."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def _try_flock(path: Path) -> int | None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


@contextlib.asynccontextmanager
async def exclusive(
    db: Database, name: str, stop: asyncio.Event, lock_dir: Path
) -> AsyncIterator[bool]:
    """Hold the lock called ``name``; yields True once held, False if ``stop`` came first."""
    if db.is_sqlite:
        path = lock_dir / f"{name}.lock"
        fd = _try_flock(path)
        while fd is None:
            log.info("another process holds %s; waiting as a standby", name)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RETRY_SECONDS)
            if stop.is_set():
                yield False
                return
            fd = _try_flock(path)
        try:
            yield True
        finally:
            os.close(fd)
        return
    async with db.engine.connect() as conn:
        key = _key(name)
        while not (
            await conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": key})
        ).scalar():
            await conn.rollback()
            log.info("another process holds %s; waiting as a standby", name)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RETRY_SECONDS)
            if stop.is_set():
                yield False
                return
        await conn.commit()
        try:
            yield True
        finally:
            with contextlib.suppress(Exception):
                await conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                await conn.commit()


async def migration_lock(conn: AsyncConnection) -> None:
    """Serialise migrations of one PostgreSQL database (two processes starting at once)."""
    if conn.dialect.name == "postgresql":
        await conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _key("migrate")})
