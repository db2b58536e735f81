"""The whole path in one process: demo feeds on 127.0.0.1 → poll → process → match → webhook.

Everything is real: the demo feed server, the poller's HTTP fetches, the SQLite file, the
uvicorn web server, and a webhook receiver that checks the Standard Webhooks signature.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from standardwebhooks.webhooks import Webhook

from storywatch.app import Services, open_services
from storywatch.deliver.channels.webhook import new_secret
from storywatch.demo.runner import prepare
from storywatch.demo.server import DemoFeedServer
from storywatch.demo.story import load_story
from storywatch.runtime import Runner
from storywatch.settings import Settings
from storywatch.store import users
from storywatch.store.tables import articles, channels, notifications
from tests.support.httpserver import LocalServer, Request, Response, free_port


@pytest.fixture
async def running(tmp_path: Path) -> AsyncIterator[tuple[Services, Runner, DemoFeedServer]]:
    settings = Settings(
        data_dir=tmp_path / "data",
        allow_loopback=True,
        port=free_port(),
        poll_min_interval_seconds=1,
        demo=True,
    )
    feeds = DemoFeedServer(load_story()).start()
    try:
        async with open_services(settings) as services:
            runner = Runner(services)
            yield services, runner, feeds
            await runner.shutdown()
    finally:
        feeds.stop()


async def _wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not await predicate():
            await asyncio.sleep(0.2)


async def test_demo_feeds_reach_a_signed_webhook(
    running: tuple[Services, Runner, DemoFeedServer],
) -> None:
    services, runner, feeds = running
    secret = new_secret()
    received: list[dict[str, object]] = []
    verifier = Webhook(secret)

    def hook(req: Request) -> Response:
        payload = verifier.verify(req.body.decode(), req.headers)  # raises when unsigned
        received.append({"id": req.headers["webhook-id"], "payload": payload})
        return Response(204)

    with LocalServer() as receiver:
        receiver.route("/hook", hook)
        admin_id = await prepare(
            services, feeds.feed_urls(), [o.name for o in load_story().outlets]
        )
        async with services.db.write() as conn:
            await conn.execute(
                sa.insert(channels).values(
                    user_id=admin_id,
                    kind="webhook",
                    name="receiver",
                    config={"url": receiver.url("/hook")},
                    secret=secret,
                    created_at=services.clock(),
                )
            )
        runner.start()
        await runner.wait_web_started()
        # `storywatch tail` follows the live stream in a real process, as a user would run it
        async with services.db.write() as conn:
            tail_token = await users.create_token(conn, admin_id, services.clock())
        tail = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "storywatch.cli", "tail",
            "--url", services.settings.public_url(), "--token", tail_token,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200"},
        )  # fmt: skip
        await asyncio.sleep(2)  # connected before the first article is released
        feeds.release_all()

        async def processed_all() -> bool:
            async with services.db.read() as conn:
                pending = (
                    await conn.execute(
                        sa.select(sa.func.count())
                        .select_from(articles)
                        .where(articles.c.status == "new")
                    )
                ).scalar()
                total = (
                    await conn.execute(sa.select(sa.func.count()).select_from(articles))
                ).scalar()
            # released all at once, a corrected article is seen only in its corrected form
            distinct = [a for a in load_story().articles if not a.replaces]
            return bool(total and total >= len(distinct) and pending == 0)

        await _wait_for(processed_all, timeout=120)

        async def delivered() -> bool:
            async with services.db.read() as conn:
                n = (
                    await conn.execute(sa.select(sa.func.count()).select_from(notifications))
                ).scalar()
            return bool(n) and len(received) >= 1

        await _wait_for(delivered, timeout=60)
        await asyncio.sleep(1)
        tail.terminate()
        tail_output = (await tail.communicate())[0].decode()

        # the API shows the notifications the receiver got, with why they matched
        async with services.db.write() as conn:
            token = await users.create_token(conn, admin_id, services.clock())
        base = services.settings.public_url()
        async with httpx.AsyncClient(
            base_url=base, headers={"Authorization": f"Bearer {token}"}
        ) as c:
            resp = await c.get("/api/v1/notifications")
            assert resp.status_code == 200
            listed = resp.json()
            stories = (await c.get("/api/v1/stories")).json()
    items = listed["items"] if isinstance(listed, dict) else listed
    assert items, "notifications were recorded"
    assert all(item["reasons"] for item in items)
    # the story the demo is about is one story with many articles, not many stories
    story_items = stories["items"] if isinstance(stories, dict) else stories
    biggest = max(s["article_count"] for s in story_items)
    assert biggest >= 10
    # every webhook delivery was signed and carried a notification; none arrived twice
    ids = [r["id"] for r in received]
    assert len(ids) == len(set(ids))
    first = received[0]["payload"]
    assert isinstance(first, dict)
    assert json.dumps(first)  # a JSON object
    # the terminal showed the same notifications live
    assert items[-1]["title"] in tail_output
    # fewer pushes than articles: copies and rewrites did not notify
    assert len(items) < len(load_story().articles)
