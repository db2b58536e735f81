"""Each outlet's feed is a real document of its format carrying the right items at a time."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import feedparser
import pytest

from storywatch.demo.feeds import released_by, render_feed
from storywatch.demo.markup import article_guid
from storywatch.demo.story import DemoArticle, DemoStory, load_story

BASE = "http://127.0.0.1:8765"
NOW = datetime(2030, 5, 22, 9, 30, tzinfo=UTC)
FEEDPARSER_VERSION = {
    "mps": "rss20",
    "courier": "atom10",
    "ledger": "rss10",
    "coastwatch": "rss20",
}


@pytest.fixture(scope="module")
def story() -> DemoStory:
    return load_story()


def expected_titles(story: DemoStory, outlet: str, elapsed: float) -> list[str]:
    """Newest first, corrected versions in place of their originals."""
    latest: dict[str, DemoArticle] = {}
    for a in released_by(story, elapsed):
        if a.outlet == outlet:
            latest[story.original(a).id] = a
    return [a.title for a in sorted(latest.values(), key=lambda a: a.simulated, reverse=True)]


@pytest.mark.parametrize("slug", ["mps", "courier", "ledger", "coastwatch"])
@pytest.mark.parametrize("elapsed", [0, 40, 120, 1000])
def test_xml_feeds_parse_with_feedparser(story: DemoStory, slug: str, elapsed: float) -> None:
    outlet = story.outlet(slug)
    anchor = story.anchor(NOW)
    feed = render_feed(story, outlet, released_by(story, elapsed), base_url=BASE, anchor=anchor)
    parsed = feedparser.parse(feed.body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == FEEDPARSER_VERSION[slug]
    assert parsed.feed.title == outlet.name
    assert [e.title for e in parsed.entries] == expected_titles(story, slug, elapsed)
    for entry in parsed.entries:
        assert entry.link.startswith(f"{BASE}/{slug}/news/")
        assert entry.get("author")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        assert when is not None
        assert datetime(*when[:6]).replace(tzinfo=UTC) < NOW


def test_full_text_feeds_carry_the_body_and_the_summary_feed_does_not(story: DemoStory) -> None:
    anchor = story.anchor(NOW)
    everything = story.articles
    a01 = story.article("a01")
    mps = feedparser.parse(
        render_feed(story, story.outlet("mps"), everything, base_url=BASE, anchor=anchor).body
    )
    first = next(e for e in mps.entries if e.title == a01.title)
    assert "Our crews have been fighting it ever since" in first.content[0].value
    assert "Get the Meridian Morning Briefing" in first.content[0].value  # clutter in feeds too
    cw = feedparser.parse(
        render_feed(
            story, story.outlet("coastwatch"), everything, base_url=BASE, anchor=anchor
        ).body
    )
    for entry in cw.entries:
        assert "content" not in entry
        assert len(entry.summary) < 400


def test_json_feed_is_json_feed_1_1(story: DemoStory) -> None:
    outlet = story.outlet("harborline")
    anchor = story.anchor(NOW)
    feed = render_feed(story, outlet, released_by(story, 120), base_url=BASE, anchor=anchor)
    assert feed.content_type.startswith("application/feed+json")
    doc = json.loads(feed.body)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["feed_url"] == f"{BASE}/harborline/feed.json"
    assert [i["title"] for i in doc["items"]] == expected_titles(story, "harborline", 120)
    for item in doc["items"]:
        assert item["id"].startswith("urn:uuid:")
        assert item["content_html"].startswith("<figure")
        published = datetime.fromisoformat(item["date_published"])
        assert published.utcoffset() is not None
        assert published < NOW


def test_correction_keeps_the_guid_and_moves_updated(story: DemoStory) -> None:
    anchor = story.anchor(NOW)
    courier = story.outlet("courier")
    before = feedparser.parse(
        render_feed(story, courier, released_by(story, 100), base_url=BASE, anchor=anchor).body
    )
    after = feedparser.parse(
        render_feed(story, courier, released_by(story, 135), base_url=BASE, anchor=anchor).body
    )
    guid = article_guid(story, story.article("a05"))
    assert guid == article_guid(story, story.article("a14"))
    old = next(e for e in before.entries if e.id == guid)
    new = next(e for e in after.entries if e.id == guid)
    assert sum(1 for e in after.entries if e.id == guid) == 1
    assert old.link == new.link
    assert old.published == new.published
    assert new.updated_parsed > old.updated_parsed
    assert "Correction, Tuesday" in new.content[0].value
    assert "Correction" not in old.content[0].value


def test_guids_do_not_depend_on_the_server_address(story: DemoStory) -> None:
    anchor = story.anchor(NOW)
    mps = story.outlet("mps")
    one = feedparser.parse(
        render_feed(story, mps, story.articles, base_url=BASE, anchor=anchor).body
    )
    two = feedparser.parse(
        render_feed(story, mps, story.articles, base_url="http://127.0.0.1:1", anchor=anchor).body
    )
    assert [e.id for e in one.entries] == [e.id for e in two.entries]
    assert [e.link for e in one.entries] != [e.link for e in two.entries]
