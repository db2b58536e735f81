"""The publisher push path (S4): an authenticated article in, stored once, on the bus.

A publisher (a newsroom's CMS, a script, ``storywatch publish``) sends JSON with the article
text or HTML, or only a URL for us to fetch. Publishing is idempotent on the URL: sending the
same URL again returns the stored article and does nothing else, so a publisher may retry
freely after a timeout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.app import Services
from storywatch.bus import INGESTED
from storywatch.errors import InvalidInput
from storywatch.model import IncomingArticle
from storywatch.store.articles import insert_incoming
from storywatch.store.tables import articles, sources
from storywatch.store.users import User


@dataclass(frozen=True, slots=True)
class PublishRequest:
    """What a publisher sends. One of ``text``, ``html`` or ``url`` (to fetch) is required."""

    url: str
    title: str = ""
    text: str = ""
    html: str = ""
    published: datetime | None = None
    author: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class PublishResult:
    article_id: int
    created: bool
    source_id: int


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "default"


def publisher_source_url(user: User, name: str) -> str:
    """Publisher sources are named per user: ``publisher://<user id>/<slug of the name>``."""
    return f"publisher://{user.id}/{_slug(name)}"


async def _publisher_source(conn: AsyncConnection, user: User, name: str, now: datetime) -> int:
    url = publisher_source_url(user, name)
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    await conn.execute(
        insert(sources)
        .values(
            url=url, kind="publisher", title=name or f"{user.username} (publisher)", created_at=now
        )
        .on_conflict_do_nothing(index_elements=["url"])
    )
    row = (await conn.execute(sa.select(sources.c.id).where(sources.c.url == url))).one()
    return int(row[0])


def validate(req: PublishRequest) -> None:
    if not req.url.startswith(("http://", "https://")):
        raise InvalidInput("url must be an http(s) URL; it identifies the article.")
    if req.published is not None and req.published.tzinfo is None:
        raise InvalidInput("published must include a time zone (e.g. 2026-01-05T09:30:00Z).")
    if not (req.text.strip() or req.html.strip()) and not req.title.strip():
        # a bare URL is allowed: we fetch it; a title alone with no body is not an article
        pass


async def publish(services: Services, user: User, req: PublishRequest) -> PublishResult:
    """Store a published article (or find the one already stored for its URL) and ring the bus."""
    validate(req)
    now = services.clock()
    async with services.db.write() as conn:
        source_id = await _publisher_source(conn, user, req.source, now)
        existing = (
            await conn.execute(
                sa.select(articles.c.id).where(
                    articles.c.source_id == source_id, articles.c.guid == req.url
                )
            )
        ).first()
        if existing is not None:
            return PublishResult(int(existing[0]), created=False, source_id=source_id)
        item = IncomingArticle(
            guid=req.url,
            url=req.url,
            title=req.title.strip(),
            html=req.html,
            text=req.text,
            author=req.author,
            published=req.published,
            needs_page=not (req.text.strip() or req.html.strip()),
        )
        (article_id,) = await insert_incoming(conn, source_id, [item], now)
    await services.bus.publish(INGESTED, {"article_id": article_id})
    return PublishResult(article_id, created=True, source_id=source_id)
