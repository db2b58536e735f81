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
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import sqlalchemy as sa

_UNTYPED = sa.types.NullType()
T = TypeVar("T")


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


__all__ = ["RowReader", "from_json", "raw", "utc"]
