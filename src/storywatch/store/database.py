"""The database handle: one async engine per role, SQLite and PostgreSQL behind one interface.

SQLite allows one writer at a time. Rather than let concurrent writers collide and retry, the
store keeps a separate single-connection writer engine whose transactions begin with
``BEGIN IMMEDIATE`` and are serialised by an asyncio lock in this process; readers use a pool
of their own and never block on writers (WAL mode). Other processes on the same file wait on
``busy_timeout``. PostgreSQL uses one pooled engine for both and row locks (``SKIP LOCKED``)
where workers compete.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
)


def _sqlite_engine(url: str, *, writer: bool) -> AsyncEngine:
    engine = create_async_engine(
        url,
        connect_args={"isolation_level": None, "check_same_thread": False},
        pool_size=1 if writer else 8,
        max_overflow=0 if writer else 8,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


class Database:
    """Async access to the store: ``read()`` for queries, ``write()`` for one transaction.

    Every function in the ``store`` package takes the ``AsyncConnection`` these yield, so a
    caller composes several writes (a match and its notifications) into one transaction.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = sa.engine.make_url(url).get_backend_name()
        if self.dialect == "sqlite":
            path = sa.engine.make_url(url).database
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._reader = _sqlite_engine(url, writer=False)
            self._writer = _sqlite_engine(url, writer=True)
        else:
            self._reader = create_async_engine(
                url, pool_size=10, max_overflow=20, pool_pre_ping=True
            )
            self._writer = self._reader
        self._write_lock = asyncio.Lock() if self.dialect == "sqlite" else None

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def engine(self) -> AsyncEngine:
        """The engine writes go through (the only one on PostgreSQL)."""
        return self._writer

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        async with self._reader.connect() as conn:
            yield conn

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        """One transaction; committed when the block ends, rolled back if it raises."""
        if self._write_lock is None:
            async with self._writer.begin() as conn:
                yield conn
            return
        async with self._write_lock, self._writer.begin() as conn:
            yield conn

    async def dispose(self) -> None:
        await self._reader.dispose()
        if self._writer is not self._reader:
            await self._writer.dispose()


def null_pool_engine(url: str) -> AsyncEngine:
    """An engine without pooling, for one-off tools (migrations, CLI scripts)."""
    return create_async_engine(url, poolclass=NullPool)
