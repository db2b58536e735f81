"""WebSub end to end: a real hub over HTTP, our app served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from storywatch.app import Services
from storywatch.bus import INGESTED, MemoryBus
from storywatch.sources.poller import Poller
from storywatch.sources.service import remove_source
from storywatch.sources.websub import signature_valid, websub_for
from storywatch.store import sources as source_store
from tests.sources.callback import serving
from tests.sources.hub import LocalHub
from tests.sources.test_poller import rss
from tests.support.httpserver import LocalServer, Response


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Services]:
    async with serving(tmp_path / "data") as services:
        yield services


def test_signatures() -> None:
    import hashlib
    import hmac

    body = b"<rss/>"
    for algo in ("sha1", "sha256", "sha512"):
        good = hmac.new(b"s3cret", body, getattr(hashlib, algo)).hexdigest()
        assert signature_valid("s3cret", body, f"{algo}={good}")
        assert not signature_valid("other", body, f"{algo}={good}")
        assert not signature_valid("s3cret", body + b" ", f"{algo}={good}")
    assert not signature_valid("s3cret", body, None)
    assert not signature_valid("s3cret", body, "md5=abc")
    assert not signature_valid("s3cret", body, "garbage")


async def test_discover_subscribe_verify_push_and_unsubscribe(
    served: Services, local_server: LocalServer
) -> None:
    hub = LocalHub()
    hub.mount(local_server)
    topic = local_server.url("/feed.xml")
    local_server.route(
        "/feed.xml", Response(200, rss([("p1", "Polled")], hub=local_server.url("/hub")))
    )
    assert isinstance(served.bus, MemoryBus)
    served.bus.ensure_group(INGESTED, "test")
    async with served.db.write() as conn:
        source = await source_store.add(conn, topic, served.clock())

    websub = websub_for(served)
    poller = Poller(served)
    poller.on_hub_found = websub.subscribe
    outcome = await poller.poll_source(source.id)
    assert len(outcome.new_article_ids) == 1
    assert await asyncio.to_thread(hub.verified.wait, 10)
    assert hub.requests[0]["hub.mode"] == "subscribe"
    assert hub.requests[0]["hub.callback"] == f"{served.settings.public_url()}/websub/{source.id}"
    assert hub.requests[0]["hub.topic"] == topic
    async with served.db.read() as conn:
        row = await source_store.require(conn, source.id)
    assert row.websub_state == "active"
    assert row.websub_lease_until is not None

    # a forged push is ignored; a signed one is stored and announced at once
    forged = await asyncio.to_thread(hub.publish, topic, rss([("evil", "Forged")]), forge=True)
    assert forged[0].status_code == 202
    assert forged[0].headers["x-storywatch-new-articles"] == "0"
    for algorithm in ("sha1", "sha512"):
        pushed = await asyncio.to_thread(
            hub.publish, topic, rss([(f"w-{algorithm}", "Pushed")]), algorithm=algorithm
        )
        assert pushed[0].headers["x-storywatch-new-articles"] == "1"
    seen = []
    async with asyncio.timeout(5):
        async for msg in served.bus.consume(INGESTED, "test", "t"):
            seen.append(msg.data["article_id"])
            if len(seen) == 3:
                break
    async with served.db.read() as conn:
        assert (await source_store.require(conn, source.id)).item_count == 3

    # a verification nobody asked for is refused
    bogus = await asyncio.to_thread(
        httpx.get,
        f"{served.settings.public_url()}/websub/{source.id}",
        params={"hub.mode": "subscribe", "hub.topic": "http://other/", "hub.challenge": "x"},
    )
    assert bogus.status_code == 404

    await remove_source(served, source.id)
    assert await asyncio.to_thread(hub.unsubscribed.wait, 10)
    assert hub.subscriptions == {}


async def test_leases_are_renewed_before_they_end(
    served: Services, local_server: LocalServer
) -> None:
    from datetime import timedelta

    hub = LocalHub()
    hub.mount(local_server)
    topic = local_server.url("/feed.xml")
    async with served.db.write() as conn:
        source = await source_store.add(conn, topic, served.clock())
        await source_store.update(
            conn,
            source.id,
            {
                "hub_url": local_server.url("/hub"),
                "topic_url": topic,
                "websub_state": "active",
                "websub_secret": "x",
                "websub_lease_until": served.clock() + timedelta(minutes=30),
            },
        )
    sent = await websub_for(served).upkeep()
    assert sent == 1
    assert await asyncio.to_thread(hub.verified.wait, 10)
    async with served.db.read() as conn:
        row = await source_store.require(conn, source.id)
    assert row.websub_lease_until is not None
    assert row.websub_lease_until > served.clock() + timedelta(days=1)
    assert row.websub_secret != "x"
