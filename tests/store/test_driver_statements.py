"""Driver-level statements (store.rawvalues) inside the store's transactions, on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from storywatch.app import Services
from storywatch.store.rawvalues import DriverStatement, time_binder
from storywatch.store.tables import sources

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)

_ADD = DriverStatement(
    lambda: sa.insert(sources).values(url=sa.bindparam("b_url"), created_at=sa.bindparam("b_at")),
    ("b_url", "b_at"),
)
_RENAME = DriverStatement(
    lambda: (
        sa.update(sources)
        .where(sources.c.url == sa.bindparam("b_url"))
        .values(title=sa.bindparam("b_title"))
    ),
    ("b_title", "b_url"),
)


async def test_rows_written_with_driver_values_read_back_typed(services: Services) -> None:
    when = time_binder(services.db.dialect)
    async with services.db.write() as conn:
        added = await _ADD.executemany(
            conn, [("https://a.example/rss", when(T0)), ("https://b.example/rss", when(T0))]
        )
        renamed = await _RENAME.executemany(
            conn, [("A", "https://a.example/rss"), ("none", "https://missing.example/rss")]
        )
    assert (added, renamed) == (2, 1)  # rows changed, summed over the rows given
    async with services.db.read() as conn:
        rows = (
            await conn.execute(
                sa.select(sources.c.url, sources.c.title, sources.c.created_at).order_by(
                    sources.c.url
                )
            )
        ).all()
    assert [(r.url, r.title, r.created_at) for r in rows] == [
        ("https://a.example/rss", "A", T0),
        ("https://b.example/rss", "", T0),
    ]


async def test_a_refused_row_raises_sqlalchemys_error_and_rolls_the_transaction_back(
    services: Services,
) -> None:
    when = time_binder(services.db.dialect)

    async def twice() -> None:
        async with services.db.write() as conn:
            await _ADD.executemany(conn, [("https://c.example/rss", when(T0))])
            await _ADD.executemany(conn, [("https://c.example/rss", when(T0))])  # unique url

    with pytest.raises(sa.exc.IntegrityError):
        await twice()
    async with services.db.read() as conn:
        left = (await conn.execute(sa.select(sa.func.count()).select_from(sources))).scalar_one()
    assert left == 0  # the first row went with the failed transaction
