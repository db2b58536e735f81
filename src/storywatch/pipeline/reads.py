"""What the process stage reads: article rows to prepare, and the stored window to restore.

Rows are read for many articles at once (:class:`RowReader`): each article in the window
asks for its row, and the asks of one event-loop turn share one query, so a backlog costs
one read per batch, not one per article.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.pipeline.persist import entity_from_json, statement_from_row
from storywatch.store.tables import articles, sources, statements
from storywatch.stories import StoryDoc

CHUNK = 500


def published_of(row: Any) -> datetime:
    """The article's time on the story timeline: its own date, never later than its arrival."""
    arrived: datetime = row.arrived_at
    published: datetime | None = row.published_at
    return min(published, arrived) if published is not None else arrived


class RowReader:
    """Article rows (with their source's title and URL) by id, read in shared queries."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._waiting: dict[int, list[asyncio.Future[Any]]] = {}
        self._loading: asyncio.Task[None] | None = None

    async def get(self, article_id: int) -> Any | None:
        """The row of ``article_id``, or None when there is no such article."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(article_id, []).append(future)
        if self._loading is None or self._loading.done():
            self._loading = asyncio.create_task(self._load())
        return await future

    async def _load(self) -> None:
        await asyncio.sleep(0)  # let the other asks of this turn join the query
        while self._waiting:
            waiting, self._waiting = self._waiting, {}
            try:
                rows = await self._read(list(waiting))
            except Exception as exc:
                for futures in waiting.values():
                    for future in futures:
                        if not future.done():
                            future.set_exception(exc)
                continue
            for article_id, futures in waiting.items():
                for future in futures:
                    if not future.done():
                        future.set_result(rows.get(article_id))

    async def _read(self, ids: list[int]) -> dict[int, Any]:
        found: dict[int, Any] = {}
        async with self.services.db.read() as conn:
            for start in range(0, len(ids), CHUNK):
                stmt = (
                    sa.select(
                        articles,
                        sources.c.title.label("source_title"),
                        sources.c.url.label("source_url"),
                    )
                    .join(sources, sources.c.id == articles.c.source_id)
                    .where(articles.c.id.in_(ids[start : start + CHUNK]))
                )
                found.update((int(row.id), row) for row in await conn.execute(stmt))
        return found


async def stored_window(services: Services, since: datetime) -> list[tuple[StoryDoc, int]]:
    """The processed articles that arrived since ``since``, as the engine saw them, in order.

    Each comes with its story id, for :meth:`~storywatch.stories.StoryEngine.replay`.
    """
    stmt = (
        sa.select(
            articles.c.id,
            articles.c.url,
            articles.c.canonical_url,
            articles.c.title,
            articles.c.text,
            articles.c.published_at,
            articles.c.arrived_at,
            articles.c.entities,
            articles.c.key_sentences,
            articles.c.story_id,
            sources.c.title.label("source_title"),
        )
        .join(sources, sources.c.id == articles.c.source_id)
        .where(
            articles.c.status == "processed",
            articles.c.story_id.is_not(None),
            articles.c.arrived_at >= since,
        )
        .order_by(articles.c.id)
    )
    async with services.db.read() as conn:
        rows = list(await conn.execute(stmt))
        said: dict[int, list[Any]] = {}
        if rows:
            st_rows = await conn.execute(
                sa.select(statements)
                .where(statements.c.article_id >= rows[0].id)
                .order_by(statements.c.article_id, statements.c.position)
            )
            for st in st_rows:
                said.setdefault(int(st.article_id), []).append(st)
    items: list[tuple[StoryDoc, int]] = []
    for row in rows:
        doc = StoryDoc(
            article_id=int(row.id),
            source=row.source_title,
            url=row.canonical_url or row.url,  # as processing passed it
            title=row.title,
            text=row.text,
            published=published_of(row),
            entities=tuple(entity_from_json(e) for e in row.entities or ()),
            statements=tuple(statement_from_row(s) for s in said.get(int(row.id), ())),
            key_sentences=tuple(row.key_sentences or ()),
        )
        items.append((doc, int(row.story_id)))
    return items
