"""The demo server over real HTTP: feeds, pages, conditional GET, releases over time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import feedparser
import httpx
import pytest

from storywatch.clock import ManualClock
from storywatch.demo.server import DemoFeedServer
from storywatch.demo.story import load_story

START = datetime(2030, 5, 22, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def server(clock: ManualClock) -> Iterator[DemoFeedServer]:
    with DemoFeedServer(clock=clock) as running:
        yield running


def titles(client: httpx.Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [e.title for e in feedparser.parse(response.content).entries]


def test_serves_every_feed_on_loopback(server: DemoFeedServer) -> None:
    server.release_all()
    urls = server.feed_urls()
    assert len(urls) == 5
    assert server.url.startswith("http://127.0.0.1:")
    with httpx.Client() as client:
        for url, outlet in zip(urls, server.story.outlets, strict=True):
            response = client.get(url)
            assert response.status_code == 200
            if outlet.feed_format == "jsonfeed11":
                assert response.headers["content-type"].startswith("application/feed+json")
                assert response.json()["items"]
            else:
                parsed = feedparser.parse(response.content)
                assert not parsed.bozo
                assert parsed.entries
                for entry in parsed.entries:
                    assert client.get(entry.link).status_code == 200


def test_releases_a_few_at_a_time_with_the_clock(
    server: DemoFeedServer, clock: ManualClock
) -> None:
    story = server.story
    mps, courier = server.feed_urls()[0], server.feed_urls()[1]
    with httpx.Client() as client:
        assert titles(client, mps) == [story.article("a01").title]
        assert titles(client, courier) == []
        clock.advance(15)
        assert titles(client, courier) == [story.article("a02").title]
        assert len(server.released()) == 3
        clock.advance(100)  # t = 115 s
        assert titles(client, mps)[0] == story.article("a11").title
        assert not server.finished
        clock.advance(story.duration_s)
        assert server.finished
        assert len(server.released()) == len(story.articles)


def test_speed_multiplies_the_release_rate(clock: ManualClock) -> None:
    with DemoFeedServer(clock=clock, speed=10.0) as fast:
        clock.advance(fast.story.duration_s / 10)
        assert fast.finished


def test_unreleased_pages_are_not_found_until_released(
    server: DemoFeedServer, clock: ManualClock
) -> None:
    with httpx.Client() as client:
        page = server.page_url("a22")
        assert client.get(page).status_code == 404
        assert client.get(server.url + "/nowhere").status_code == 404
        clock.advance(server.story.duration_s)
        response = client.get(page)
        assert response.status_code == 200
        assert "blames customer" in response.text


def test_conditional_get_answers_304_until_something_new(
    server: DemoFeedServer, clock: ManualClock
) -> None:
    url = server.feed_urls()[0]
    with httpx.Client() as client:
        first = client.get(url)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
        assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
        clock.advance(30)  # a04 and a05 come out, but nothing from this outlet
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304
        assert again.content == b""
        clock.advance(40)  # t = 70 s: a07 from this outlet
        changed = client.get(url, headers={"If-None-Match": etag})
        assert changed.status_code == 200
        assert changed.headers["etag"] != etag
        assert "three weeks" in changed.text
        newer = client.get(url, headers={"If-Modified-Since": modified})
        assert newer.status_code == 200


def test_pages_carry_clutter_and_body_over_http(server: DemoFeedServer) -> None:
    server.release_all()
    article = server.story.article("a10")
    with httpx.Client() as client:
        response = client.get(server.page_url(article))
        assert response.headers["content-type"].startswith("text/html")
        for line in article.clutter + tuple(p.text for p in article.paragraphs):
            assert line in response.text.replace("&#x27;", "'")
        image = client.get(server.url + "/courier/img/a10.svg")
        assert image.status_code == 200
        assert image.headers["content-type"] == "image/svg+xml"


def test_summary_only_feed_points_at_pages_with_the_full_text(server: DemoFeedServer) -> None:
    server.release_all()
    url = next(u for u in server.feed_urls() if "/coastwatch/" in u)
    with httpx.Client() as client:
        entries = feedparser.parse(client.get(url).content).entries
        entry = next(e for e in entries if e.title.startswith("Corrandel Lines blames"))
        assert "content" not in entry
        page = client.get(entry.link).text
        assert "we were deceived too" in page


async def test_usable_from_asyncio() -> None:
    server = DemoFeedServer(speed=1000.0)
    server.start()
    try:
        await asyncio.sleep(0.3)  # 300 story-seconds at speed 1000: everything is out
        async with httpx.AsyncClient() as client:
            responses = await asyncio.gather(*(client.get(u) for u in server.feed_urls()))
        assert [r.status_code for r in responses] == [200] * 5
        assert server.finished
        assert load_story().articles[-1].title in responses[-1].text
    finally:
        server.stop()
