"""The foundation's promise in a real browser: a new feed item shows up live on the page.

The whole service runs (web, polling, processing, matching, delivery) on a real SQLite file;
a real feed server on 127.0.0.1 publishes an item while Chromium has the live page open,
and the notification must appear on the page without a reload.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect, sync_playwright

from storywatch.app import Services, open_services
from storywatch.runtime import Runner
from storywatch.settings import Settings
from storywatch.store import subscriptions, users
from storywatch.store.tables import sources
from tests.support.httpserver import LocalServer, Request, Response, free_port

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class Feed:
    """An RSS feed whose items a test adds while the service polls it."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []

    def add(self, guid: str, title: str, text: str) -> None:
        self.items.append((guid, title, text))

    def __call__(self, _: Request) -> Response:
        now = format_datetime(datetime.now(UTC))
        entries = "".join(
            f"<item><guid>{g}</guid><title>{t}</title><link>https://news.example/{g}</link>"
            f"<pubDate>{now}</pubDate><description><![CDATA[{x}]]></description></item>"
            for g, t, x in self.items
        )
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Test News</title>'
            f"<link>https://news.example/</link>{entries}</channel></rss>"
        )
        return Response(200, body.encode(), {"Content-Type": "application/rss+xml"})


class Service:
    """Every role of the service on its own event loop in a thread."""

    def __init__(self, settings: Settings, feed_url: str) -> None:
        self.settings = settings
        self.feed_url = feed_url
        self.ready = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.runner: Runner | None = None
        self.thread = threading.Thread(target=asyncio.run, args=(self.main(),))

    async def main(self) -> None:
        self.loop = asyncio.get_running_loop()
        async with open_services(self.settings) as services:
            await self.prepare(services)
            self.runner = Runner(services)
            self.runner.start()
            await self.runner.wait_web_started()
            self.ready.set()
            await self.runner.stop.wait()
            await self.runner.shutdown()

    async def prepare(self, services: Services) -> None:
        now = services.clock()
        async with services.db.write() as conn:
            admin = await users.ensure_admin(conn, now)
            await conn.execute(
                sa.insert(sources).values(
                    url=self.feed_url, title="Test News", poll_interval_seconds=1,
                    next_poll_at=now, created_at=now,
                )
            )  # fmt: skip
            await subscriptions.create(conn, admin.id, now, query="Velmora", mode="every")

    def __enter__(self) -> Service:
        self.thread.start()
        assert self.ready.wait(60), "the service did not start"
        return self

    def __exit__(self, *_: Any) -> None:
        if self.runner is not None and self.loop is not None:
            self.loop.call_soon_threadsafe(self.runner.stop.set)
        self.thread.join(30)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[Service, Feed]]:
    feed = Feed()
    feed.add("old-1", "Tram line extended", "The city extended its tram line to the port.")
    with LocalServer() as server:
        server.route("/feed.xml", feed)
        settings = Settings(
            data_dir=tmp_path / "data",
            port=free_port(),
            allow_loopback=True,
            demo=True,  # the demo signs the admin in automatically
            poll_min_interval_seconds=1,
        )
        with Service(settings, server.url("/feed.xml")) as svc:
            yield svc, feed


def test_published_item_appears_live_on_the_page(service: tuple[Service, Feed]) -> None:
    svc, feed = service
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(svc.settings.public_url() + "/")
        expect(page.locator("body")).to_be_visible()
        page.wait_for_timeout(1500)  # the page opens its live stream
        title = "Velmora harbor reopens after the fire"
        feed.add(
            "new-1",
            title,
            "<p>Velmora harbor reopened to ships on Thursday, the port authority said.</p>"
            "<p>“Traffic is moving again,” said the harbor master.</p>",
        )
        # no reload: the notification arrives over the live stream
        expect(page.get_by_text(title).first).to_be_visible(timeout=45_000)
        browser.close()
