"""The poller against real local feed servers, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from email.utils import format_datetime

import pytest

from storywatch.app import Services
from storywatch.bus import INGESTED, MemoryBus
from storywatch.sources.fetch import SafeFetcher
from storywatch.sources.poller import Poller
from storywatch.store import sources as source_store
from tests.support.httpserver import LocalServer, Request, Response


def rss(items: list[tuple[str, str]], *, ttl: int | None = None, hub: str | None = None) -> bytes:
    parts = [
        '<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel><title>Local news</title><link>http://127.0.0.1/</link>",
    ]
    if ttl:
        parts.append(f"<ttl>{ttl}</ttl>")
    if hub:
        parts.append(f'<atom:link rel="hub" href="{hub}"/>')
    for guid, title in items:
        parts.append(
            f"<item><guid>{guid}</guid><title>{title}</title>"
            f"<link>http://127.0.0.1/{guid}</link><description>Teaser</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class Feed:
    """A feed whose items change when the test says, with ETag support."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = [("a1", "First"), ("a2", "Second")]
        self.version = 1
        self.extra_headers: dict[str, str] = {}

    def __call__(self, req: Request) -> Response:
        etag = f'"v{self.version}"'
        if req.headers.get("if-none-match") == etag:
            return Response(304, b"", {"ETag": etag})
        headers = {"ETag": etag, "Content-Type": "application/rss+xml", **self.extra_headers}
        return Response(200, rss(self.items), headers)


@pytest.fixture(params=["sqlite", "postgres"])
def svc(request: pytest.FixtureRequest) -> Services:
    """The store tests run on both databases."""
    name = "services" if request.param == "sqlite" else "pg_services"
    found: Services = request.getfixturevalue(name)
    return found


@pytest.fixture
async def poller(svc: Services) -> AsyncIterator[Poller]:
    fetcher = SafeFetcher(svc.settings)
    yield Poller(svc, fetcher=fetcher)
    await fetcher.aclose()


async def _add(svc: Services, url: str, **kw: object) -> int:
    async with svc.db.write() as conn:
        return (await source_store.add(conn, url, svc.clock(), **kw)).id  # type: ignore[arg-type]


async def _get(svc: Services, source_id: int) -> source_store.Source:
    async with svc.db.read() as conn:
        return await source_store.require(conn, source_id)


async def test_new_items_are_stored_announced_and_not_repeated(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    feed = Feed()
    local_server.route("/feed.xml", feed)
    assert isinstance(svc.bus, MemoryBus)
    svc.bus.ensure_group(INGESTED, "test")
    source_id = await _add(svc, local_server.url("/feed.xml"))

    first = await poller.poll_source(source_id)
    assert first.ok
    assert len(first.new_article_ids) == 2
    announced = []
    async for msg in svc.bus.consume(INGESTED, "test", "t"):
        announced.append(msg.data["article_id"])
        if len(announced) == 2:
            break
    assert announced == list(first.new_article_ids)
    row = await _get(svc, source_id)
    assert row.title == "Local news"
    assert row.etag == '"v1"'
    assert row.item_count == 2
    assert row.last_success_at is not None
    assert row.consecutive_failures == 0
    assert row.format == "rss20"

    second = await poller.poll_source(source_id)
    assert second.not_modified
    assert second.new_article_ids == ()
    assert local_server.requests[-1].headers["if-none-match"] == '"v1"'

    feed.items.insert(0, ("a3", "Third"))
    feed.version = 2
    third = await poller.poll_source(source_id)
    assert len(third.new_article_ids) == 1
    assert (await _get(svc, source_id)).item_count == 3


async def test_errors_are_recorded_in_words_and_backed_off(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    local_server.route("/broken", Response(500, b"oops"))
    local_server.route("/html", Response(200, b"<html><body>hi</body></html>"))
    broken = await _add(svc, local_server.url("/broken"))
    html = await _add(svc, local_server.url("/html"))
    before = svc.clock()
    outcome = await poller.poll_source(broken)
    assert not outcome.ok
    assert outcome.error == "The server answered HTTP 500."
    await poller.poll_source(broken)
    row = await _get(svc, broken)
    assert row.consecutive_failures == 2
    assert row.last_error == "The server answered HTTP 500."
    assert row.next_poll_at is not None
    assert row.next_poll_at > before + timedelta(seconds=60)
    not_feed = await poller.poll_source(html)
    assert not_feed.error is not None
    assert "HTML page" in not_feed.error


async def test_retry_after_is_obeyed_on_429(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    local_server.route("/slowdown", Response(429, b"", {"Retry-After": "7200"}))
    source_id = await _add(svc, local_server.url("/slowdown"))
    started = svc.clock()
    outcome = await poller.poll_source(source_id)
    assert outcome.error is not None
    assert "7200 s" in outcome.error
    assert outcome.next_poll_at is not None
    assert outcome.next_poll_at >= started + timedelta(seconds=7200)


async def test_when_a_date_retry_after_and_ttl_bound_the_schedule(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    local_server.route("/ttl", Response(200, rss([("x", "X")], ttl=120)))
    source_id = await _add(svc, local_server.url("/ttl"))
    outcome = await poller.poll_source(source_id)
    assert outcome.next_poll_at is not None
    wait = (outcome.next_poll_at - svc.clock()).total_seconds()
    assert wait >= 120 * 60 * 0.85
    when = svc.clock() + timedelta(hours=3)
    local_server.route("/busy", Response(503, b"", {"Retry-After": format_datetime(when, True)}))
    busy = await _add(svc, local_server.url("/busy"))
    out = await poller.poll_source(busy)
    assert out.next_poll_at is not None
    assert out.next_poll_at >= when - timedelta(seconds=2)


async def test_permanent_redirect_updates_the_stored_url(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    local_server.route("/old", Response(301, b"", {"Location": "/new"}))
    local_server.route("/new", Feed())
    source_id = await _add(svc, local_server.url("/old"))
    outcome = await poller.poll_source(source_id)
    assert outcome.moved_to == local_server.url("/new")
    assert (await _get(svc, source_id)).url == local_server.url("/new")


async def test_gone_feed_stops_being_polled(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    local_server.route("/gone", Response(410, b""))
    source_id = await _add(svc, local_server.url("/gone"))
    await poller.poll_source(source_id)
    row = await _get(svc, source_id)
    assert not row.enabled
    assert "gone" in (row.last_error or "")


async def test_run_polls_due_feeds_and_a_pinned_interval(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    feeds = [Feed() for _ in range(5)]
    ids = []
    for n, feed in enumerate(feeds):
        feed.items = [(f"f{n}-1", "One")]
        local_server.route(f"/f{n}", feed)
        ids.append(await _add(svc, local_server.url(f"/f{n}"), poll_interval_seconds=1))
    stop = asyncio.Event()
    task = asyncio.create_task(poller.run(stop))
    try:
        async with asyncio.timeout(20):
            # every feed polled once, and re-polled on its 1 s pin (a 304)
            while poller.stats.polls < 5 or poller.stats.not_modified < 1:
                await asyncio.sleep(0.05)
            feeds[0].items.insert(0, ("f0-2", "Two"))
            feeds[0].version = 2
            while True:
                if (await _get(svc, ids[0])).item_count == 2:
                    break
                await asyncio.sleep(0.05)
    finally:
        stop.set()
        await task
    assert poller.stats.errors == 0
    assert poller.stats.not_modified >= 1
    for source_id in ids:
        assert (await _get(svc, source_id)).last_success_at is not None


async def test_per_host_limit_holds(svc: Services, local_server: LocalServer) -> None:
    import threading
    import time

    active = 0
    peak = 0
    lock = threading.Lock()

    def slow(_: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.2)
        with lock:
            active -= 1
        return Response(200, rss([("x", "X")]))

    local_server.route("*", slow)
    fetcher = SafeFetcher(svc.settings)
    poller = Poller(svc, fetcher=fetcher)
    ids = [await _add(svc, local_server.url(f"/h{n}")) for n in range(6)]
    await asyncio.gather(*(poller.poll_source(i) for i in ids))
    await fetcher.aclose()
    assert peak == svc.settings.poll_per_host_concurrency


async def test_a_bomb_or_a_private_redirect_is_an_error_on_that_feed_only(
    svc: Services, poller: Poller, local_server: LocalServer
) -> None:
    import gzip

    bomb = gzip.compress(b"<rss>" + b" " * 30_000_000, 9)
    local_server.route("/bomb", Response(200, bomb, {"Content-Encoding": "gzip"}))
    local_server.route("/sneaky", Response(302, b"", {"Location": "http://169.254.169.254/"}))
    local_server.route("/fine", Feed())
    bomb_id = await _add(svc, local_server.url("/bomb"))
    sneaky_id = await _add(svc, local_server.url("/sneaky"))
    fine_id = await _add(svc, local_server.url("/fine"))
    outcomes = await asyncio.gather(*(poller.poll_source(i) for i in (bomb_id, sneaky_id, fine_id)))
    assert "after decompression" in (outcomes[0].error or "")
    assert "link-local" in (outcomes[1].error or "")
    assert outcomes[2].ok
    assert len(outcomes[2].new_article_ids) == 2
    assert "limit of" in ((await _get(svc, bomb_id)).last_error or "")
