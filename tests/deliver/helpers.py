"""Small builders for delivery tests: users, stories, articles, channels, drafts, a worker."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.deliver.channels import channel_set
from storywatch.deliver.model import CreatedNotification, NotificationDraft
from storywatch.deliver.outbox import announce, limits_from, record_many
from storywatch.deliver.worker import DeliveryWorker
from storywatch.model import Reason
from storywatch.store import channels as channel_store
from storywatch.store import users as user_store
from storywatch.store.channels import Channel
from storywatch.store.tables import articles, sources, stories, users


async def new_user(services: Services, name: str, **attention: Any) -> int:
    async with services.db.write() as conn:
        user = await user_store.create_user(conn, name, services.clock())
        if attention:
            await conn.execute(sa.update(users).where(users.c.id == user.id).values(**attention))
    return user.id


async def token_for(services: Services, user_id: int) -> str:
    async with services.db.write() as conn:
        return await user_store.create_token(conn, user_id, services.clock())


async def new_story(services: Services, title: str = "A story") -> int:
    now = services.clock()
    async with services.db.write() as conn:
        row = await conn.execute(
            sa.insert(stories)
            .values(title=title, first_seen_at=now, last_article_at=now, created_at=now)
            .returning(stories.c.id)
        )
        return int(row.scalar_one())


async def new_source(services: Services, title: str, url: str) -> int:
    async with services.db.write() as conn:
        row = await conn.execute(
            sa.insert(sources)
            .values(url=url, title=title, created_at=services.clock())
            .returning(sources.c.id)
        )
        return int(row.scalar_one())


async def new_article(
    services: Services, source_id: int, story_id: int | None, guid: str, arrived: datetime
) -> int:
    async with services.db.write() as conn:
        row = await conn.execute(
            sa.insert(articles)
            .values(
                source_id=source_id, guid=guid, title=guid, arrived_at=arrived, story_id=story_id
            )
            .returning(articles.c.id)
        )
        return int(row.scalar_one())


async def add_channel(
    services: Services,
    user_id: int,
    kind: str,
    config: dict[str, Any],
    *,
    secret: str | None = None,
    name: str = "",
    fallback: int | None = None,
) -> Channel:
    """Add a channel the way the API does: validated by its channel module."""
    kinds = await channel_set(services)
    clean, clean_secret = kinds.get(kind).validate(config, secret)
    async with services.db.write() as conn:
        return await channel_store.create(
            conn,
            user_id=user_id,
            kind=kind,
            name=name or kind,
            config=clean,
            secret=clean_secret,
            now=services.clock(),
            fallback_channel_id=fallback,
        )


def draft(
    user_id: int,
    n: int,
    *,
    story_id: int | None = None,
    article_id: int | None = None,
    urgent: bool = False,
    mode: str = "developments",
    title: str | None = None,
    published_at: datetime | None = None,
    arrived_at: datetime | None = None,
) -> NotificationDraft:
    return NotificationDraft(
        user_id=user_id,
        subscription_id=None,
        article_id=article_id,
        story_id=story_id,
        title=title or f"Development {n}",
        body=f"What is new in development {n}.",
        url=f"/stories/{story_id}" if story_id else f"/n/{n}",
        reasons=(Reason("term", "troops", "in the title"),),
        dedupe_key=f"story:{story_id}:dev:{n}" if story_id else f"item:{n}",
        collapse_key=f"story:{story_id}" if story_id else None,
        urgent=urgent,
        mode=mode,  # type: ignore[arg-type]
        published_at=published_at,
        arrived_at=arrived_at,
    )


async def record(
    services: Services, drafts: Sequence[NotificationDraft]
) -> list[CreatedNotification]:
    """Record drafts in one transaction, then announce them, as the match stage does."""
    async with services.db.write() as conn:
        created = await record_many(
            conn, drafts, services.clock(), limits=limits_from(services.settings)
        )
    await announce(services, created)
    return created


@asynccontextmanager
async def running_worker(services: Services, **kwargs: Any) -> AsyncIterator[DeliveryWorker]:
    worker = DeliveryWorker(services, **kwargs)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        yield worker
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
