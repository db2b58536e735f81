"""A lost doorbell costs latency, never data: the process stage sweeps up what it missed.

A publish can be lost (Redis unreachable for longer than a publish retries, or a process
killed between its commit and its publish); the article is stored ``new`` all the same, and
the running process stage finds it once it has waited a minute.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from storywatch.app import Services, open_services
from storywatch.bus import MemoryBus
from storywatch.clock import ManualClock
from storywatch.pipeline import process as process_module
from storywatch.pipeline.process import STALE_SECONDS, ProcessStage
from storywatch.service.publish import PublishRequest, publish
from storywatch.settings import Settings
from storywatch.store import users
from storywatch.store.tables import articles

START = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


async def _status(services: Services, article_id: int) -> str:
    async with services.db.read() as conn:
        found = await conn.execute(sa.select(articles.c.status).where(articles.c.id == article_id))
        return str(found.scalar_one())


async def test_an_article_whose_doorbell_was_lost_is_swept_up(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(process_module, "SWEEP_SECONDS", 0.1)
    clock = ManualClock(START)
    async with open_services(settings, clock=clock) as services:
        async with services.db.write() as conn:
            admin = await users.ensure_admin(conn, clock())
        stage = ProcessStage(services)
        stop = asyncio.Event()
        running = asyncio.create_task(stage.run(stop))
        try:
            async with asyncio.timeout(30):
                await stage.listening.wait()  # started (workers up), the backlog read
            nobody_listens = dataclasses.replace(services, bus=MemoryBus())
            result = await publish(
                nobody_listens,
                admin,
                PublishRequest(
                    url="https://news.example/velmora",
                    title="Velmora harbor reopens",
                    text="The harbor of Velmora reopened on Thursday, the port authority said.",
                ),
            )
            await asyncio.sleep(0.5)
            assert await _status(services, result.article_id) == "new"  # not stale yet
            assert await stage.stale() == []

            clock.advance(STALE_SECONDS + 1)
            assert await stage.stale() == [result.article_id]
            async with asyncio.timeout(10):
                while await _status(services, result.article_id) != "processed":
                    await asyncio.sleep(0.05)
            assert await stage.stale() == []
        finally:
            stop.set()
            async with asyncio.timeout(10):
                await running
