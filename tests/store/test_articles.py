"""Arrivals are stored once per item; a genuinely revised item is stored again as news."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.model import IncomingArticle
from storywatch.store.articles import insert_incoming, unfinished_ids
from storywatch.store.tables import articles, sources

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


async def _source(services: Services) -> int:
    async with services.db.write() as conn:
        result = await conn.execute(
            sa.insert(sources)
            .values(url="https://feeds.example/rss", created_at=T0)
            .returning(sources.c.id)
        )
        return int(result.scalar_one())


def _item(html: str, *, updated: datetime | None = None) -> IncomingArticle:
    return IncomingArticle(
        guid="urn:x:1",
        url="https://x.example/1",
        title="Fire",
        html=html,
        published=T0,
        updated=updated,
    )


async def test_same_item_twice_is_one_article(services: Services) -> None:
    sid = await _source(services)
    async with services.db.write() as conn:
        first = await insert_incoming(conn, sid, [_item("<p>a</p>")], T0)
        again = await insert_incoming(conn, sid, [_item("<p>a</p>")], T0)
        count = (await conn.execute(sa.select(sources.c.item_count))).scalar()
    assert len(first) == 1
    assert again == []
    assert count == 1
    async with services.db.read() as conn:
        assert await unfinished_ids(conn) == first


async def test_revised_item_is_stored_as_a_new_revision(services: Services) -> None:
    sid = await _source(services)
    later = T0 + timedelta(hours=5)
    async with services.db.write() as conn:
        (original,) = await insert_incoming(conn, sid, [_item("<p>a</p>", updated=T0)], T0)
        revised = await insert_incoming(
            conn, sid, [_item("<p>a</p><p>Correction: …</p>", updated=later)], later
        )
        # the same revision polled again is not stored twice
        repeat = await insert_incoming(
            conn, sid, [_item("<p>a</p><p>Correction: …</p>", updated=later)], later
        )
        # content churn without a newer date is not a revision
        churn = await insert_incoming(
            conn, sid, [_item("<p>a</p><!-- ad 42 -->", updated=T0)], later
        )
        rows = list(
            await conn.execute(sa.select(articles.c.id, articles.c.guid, articles.c.published_at))
        )
    assert len(revised) == 1
    assert repeat == []
    assert churn == []
    by_id = {r.id: r for r in rows}
    assert by_id[original].guid == "urn:x:1"
    assert by_id[revised[0]].guid.startswith("urn:x:1#")
    assert by_id[revised[0]].published_at == later
