"""Article rows: arrival from any source, the process stage's results, and reads for pages."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.model import IncomingArticle
from storywatch.store.tables import articles, sources


def content_hash(text: str) -> str:
    """A digest of the whitespace-normalised, case-folded text: equal for exact copies."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode()).hexdigest()


def revision_of(item: IncomingArticle) -> str:
    """A digest of what the source sent for an item; a change means the item was revised."""
    raw = "\x1f".join((item.title, item.html, item.text, item.summary))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


async def insert_incoming(
    conn: AsyncConnection, source_id: int, items: Sequence[IncomingArticle], now: datetime
) -> list[int]:
    """Store new arrivals for a source; returns the ids of rows that were new.

    An item whose ``(source_id, guid)`` is already stored is skipped, so polling the same
    feed twice, or a publisher retrying a POST, stores one article. The exception is a
    revised item: when the source marks it updated and its content differs from every
    stored revision, it is stored again (guid ``<guid>#<revision>``), so a correction reaches
    the story as news instead of being silently dropped.
    """
    if not items:
        return []
    dialect = conn.dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    new_ids: list[int] = []
    for item in items:
        revision = revision_of(item)
        guid = item.guid[:2000]
        if item.updated is not None:
            found = await _revision_guid(conn, source_id, guid, revision, item.updated)
            if found is None:
                continue
            guid = found
        stmt = (
            insert(articles)
            .values(
                source_id=source_id,
                guid=guid,
                url=item.url,
                title=item.title[:1000],
                author=item.author,
                published_at=item.updated if guid != item.guid[:2000] else item.published,
                arrived_at=now,
                status="new",
                language=item.language,
                needs_page=item.needs_page,
                summary_html=item.summary,
                raw_html=item.html,
                text=item.text,
                categories=list(item.categories) or None,
                revision=revision,
            )
            .on_conflict_do_nothing(index_elements=["source_id", "guid"])
            .returning(articles.c.id)
        )
        row = (await conn.execute(stmt)).first()
        if row is not None:
            new_ids.append(int(row[0]))
    if new_ids:
        await conn.execute(
            sa.update(sources)
            .where(sources.c.id == source_id)
            .values(item_count=sources.c.item_count + len(new_ids))
        )
    return new_ids


async def _revision_guid(
    conn: AsyncConnection, source_id: int, guid: str, revision: str, updated: datetime
) -> str | None:
    """The guid to store a possibly revised item under, or None when there is nothing new.

    A revision counts only when its content is new *and* its ``updated`` time is later than
    every stored revision: feeds whose markup churns on each request (ad tokens, counters)
    without a newer date must not look like a stream of corrections.
    """
    stored = list(
        await conn.execute(
            sa.select(articles.c.revision, articles.c.published_at, articles.c.arrived_at).where(
                articles.c.source_id == source_id,
                # the guid itself and "<guid>#<revision>": a range the unique index serves
                articles.c.guid >= guid,
                articles.c.guid < guid + "#\uffff",
            )
        )
    )
    if not stored:
        return guid
    if any(r.revision == revision for r in stored):
        return None
    latest = max((r.published_at or r.arrived_at) for r in stored)
    if updated <= latest:
        return None
    return f"{guid}#{revision}"


async def get(conn: AsyncConnection, article_id: int) -> sa.Row[Any] | None:
    """One article row with its source's title, or None."""
    stmt = (
        sa.select(
            articles, sources.c.title.label("source_title"), sources.c.url.label("source_url")
        )
        .join(sources, sources.c.id == articles.c.source_id)
        .where(articles.c.id == article_id)
    )
    return (await conn.execute(stmt)).first()


async def unfinished_ids(conn: AsyncConnection, limit: int = 10_000) -> list[int]:
    """Articles that arrived but were not processed (a restart resumes them)."""
    stmt = (
        sa.select(articles.c.id)
        .where(articles.c.status == "new")
        .order_by(articles.c.id)
        .limit(limit)
    )
    return [int(r[0]) for r in await conn.execute(stmt)]
