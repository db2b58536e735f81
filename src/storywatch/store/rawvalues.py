"""Column values as the database driver gives them, read and written without SQLAlchemy's types.

Why: the delivery worker's claims and outcome writes touch thousands of rows a second, and
SQLAlchemy's per-value processing (a ``TypeDecorator`` call, then the dialect's own
processor, for every timestamp, JSON and boolean value) cost more CPU per Web Push than the
push's own encryption (bench/fanout.py, docs/design/fanout.md). Selecting a column through
:func:`raw` hands back the driver's value untouched, and the functions here turn it into
what :class:`~storywatch.store.tables.UTCDateTime` and ``sa.JSON`` would have returned, in
one step each.

What the drivers give: SQLite (``aiosqlite``) returns a timestamp as the text SQLAlchemy
stored (``2026-11-29 01:16:15.123456``, naive UTC), JSON as text and booleans as 0/1;
PostgreSQL (``asyncpg``) returns aware datetimes, JSON already decoded (SQLAlchemy installs
that codec on each connection) and booleans. Only the hot paths use this; everything else
keeps the typed columns.
"""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.compiler import SQLCompiler

_UNTYPED = sa.types.NullType()
T = TypeVar("T")
_Reorder = Callable[[tuple[Any, ...]], tuple[Any, ...]]


def raw(column: sa.ColumnElement[Any], name: str | None = None) -> sa.ColumnElement[Any]:
    """``column`` as the driver returns it (no result processing), labelled ``name``."""
    coerced = sa.type_coerce(column, _UNTYPED)
    return coerced.label(name or str(getattr(column, "name", "value")))


def utc(value: Any) -> datetime | None:
    """A driver's timestamp as an aware UTC datetime (what ``UTCDateTime`` returns)."""
    if value is None:
        return None
    if value.__class__ is str:
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
    return value.astimezone(UTC)  # type: ignore[no-any-return]


def from_json(value: Any, *, text: bool) -> Any:
    """A driver's JSON value decoded; ``text`` when the driver returns JSON as text (SQLite)."""
    if value is None:
        return None
    return json.loads(value) if text else value


class RowReader:
    """Converts the raw values of one batch of rows, each distinct value once.

    The rows of a claim share most of their values: the notifications of one article have
    the same times and the same reasons, so a value seen before is looked up, not parsed
    again. Converted values are immutable (datetimes, tuples), so sharing them is safe. One
    reader per batch: the memo lives as long as the batch.
    """

    def __init__(self, dialect_name: str) -> None:
        # SQLite's driver returns JSON as text; asyncpg's decodes it (SQLAlchemy's codec)
        self.text_json = dialect_name == "sqlite"
        self._times: dict[Any, datetime | None] = {}
        self._memo: dict[tuple[str, Any], Any] = {}

    def utc(self, value: Any) -> datetime | None:
        if value is None:
            return None
        found = self._times.get(value)
        if found is None:
            found = self._times[value] = utc(value)
        return found

    def json(self, value: Any) -> Any:
        return from_json(value, text=self.text_json)

    def once(self, kind: str, value: Any, convert: Callable[[Any], T]) -> T:
        """``convert(value)``, computed once per distinct ``value`` of this ``kind``.

        Only text values are remembered (asyncpg hands JSON over decoded, as lists and
        dicts, which cannot be dictionary keys); others are converted every time.
        """
        if value.__class__ is not str:
            return convert(value)
        key = (kind, value)
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        found = self._memo[key] = convert(value)
        return found


def time_binder(dialect_name: str) -> Callable[[datetime | None], Any]:
    """How to pass an aware datetime to this dialect's driver as ``UTCDateTime`` stores it.

    SQLite: naive UTC text in SQLAlchemy's storage format (``YYYY-MM-DD HH:MM:SS.ffffff``,
    which sorts and compares as the typed column's values do); PostgreSQL: the aware
    datetime itself (``timestamptz``).
    """
    text = dialect_name == "sqlite"

    def bind(value: datetime | None) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        if not text:
            return value
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

    return bind


class DriverStatement:
    """A Core statement compiled once per dialect and executed with plain tuples.

    ``conn.execute(stmt, [dict, ...])`` builds and processes every parameter of every row in
    Python (a dictionary per row, a type processor per value); here the rows are tuples of
    driver values (see :func:`time_binder`) handed to the driver's ``executemany`` as they
    are. ``keys`` names the bind parameters in the order of each tuple; a statement whose
    parameters are not exactly those is refused when first compiled, so the tests of both
    dialects catch a mismatch.
    """

    def __init__(self, build: Callable[[], sa.ClauseElement], keys: tuple[str, ...]) -> None:
        self._build = build
        self.keys = keys
        self._compiled: dict[str, tuple[str, _Reorder | None]] = {}

    def _for(self, dialect: sa.Dialect) -> tuple[str, _Reorder | None]:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self._build().compile(dialect=dialect)
            assert isinstance(compiled, SQLCompiler)
            order = list(compiled.positiontup or ())
            if sorted(order) != sorted(self.keys):
                raise RuntimeError(f"statement parameters {order} are not {list(self.keys)}")
            places = [self.keys.index(name) for name in order]
            reorder = None if places == list(range(len(places))) else operator.itemgetter(*places)
            found = self._compiled[dialect.name] = (compiled.string, reorder)
        return found

    async def executemany(self, conn: AsyncConnection, rows: Sequence[tuple[Any, ...]]) -> int:
        """Run the statement once per row; the number of rows it changed (-1: unknown)."""
        if not rows:
            return 0
        sql, reorder = self._for(conn.dialect)
        params = [reorder(r) for r in rows] if reorder is not None else list(rows)
        if conn.dialect.name == "sqlite":
            return await _sqlite_executemany(conn, sql, params)
        result = await conn.exec_driver_sql(sql, params)
        return int(result.rowcount or 0)


def inserting(table: sa.Table, columns: tuple[str, ...]) -> DriverStatement:
    """An INSERT of ``columns`` into ``table``, its rows tuples in the order of ``columns``.

    Compiled ``inline``: no ``RETURNING`` of the new ids on PostgreSQL, which nothing that
    inserts through here reads.
    """
    return DriverStatement(
        lambda: sa.insert(table).inline().values({c: sa.bindparam(f"b_{c}") for c in columns}),
        tuple(f"b_{c}" for c in columns),
    )


async def _sqlite_executemany(conn: AsyncConnection, sql: str, params: list[Any]) -> int:
    """``executemany`` on the aiosqlite connection itself, inside the caller's transaction.

    Through SQLAlchemy's aiosqlite adapter a statement is three trips to the driver's
    thread (a cursor, the execute, the cursor's close), each a hand-over between threads
    that costs more CPU than a small statement itself; here it is one. A database error is
    raised as SQLAlchemy would have raised it (``sqlalchemy.exc.IntegrityError`` and so on).
    """
    raw_conn = await conn.get_raw_connection()
    driver = raw_conn.driver_connection
    try:
        cursor = await driver.executemany(sql, params)  # type: ignore[union-attr]
    except sqlite3.Error as exc:
        raise sa.exc.DBAPIError.instance(
            sql, params, exc, sqlite3.Error, dialect=conn.dialect, ismulti=True
        ) from exc
    return int(cursor.rowcount)


__all__ = ["DriverStatement", "RowReader", "from_json", "inserting", "raw", "time_binder", "utc"]
