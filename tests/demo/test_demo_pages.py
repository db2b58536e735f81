"""Article pages look like news pages: clutter around and inside the body, and metadata."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
import pytest

from storywatch.demo.pages import SHARE_LABELS, render_article_page, render_outlet_home
from storywatch.demo.story import DemoStory, load_story

BASE = "http://127.0.0.1:8765"
NOW = datetime(2030, 5, 22, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def story() -> DemoStory:
    return load_story()


@pytest.mark.parametrize("article_id", ["a01", "a06", "a14", "a19", "a22"])
def test_page_has_body_clutter_and_metadata(story: DemoStory, article_id: str) -> None:
    article = story.article(article_id)
    anchor = story.anchor(NOW)
    html = render_article_page(
        story, article, base_url=BASE, anchor=anchor, released=story.articles
    )
    doc = lxml.html.fromstring(html)
    text = doc.text_content()
    for paragraph in article.paragraphs:
        assert paragraph.text in text, paragraph
    for label in SHARE_LABELS:
        assert text.count(label) >= 2  # share bar above and below
    canonical = doc.xpath('//link[@rel="canonical"]/@href')
    assert canonical == [f"{BASE}/{article.outlet}/news/{story.original(article).slug}"]
    assert doc.xpath('//meta[@name="author"]/@content') == [article.author]
    published = doc.xpath('//meta[@property="article:published_time"]/@content')[0]
    assert datetime.fromisoformat(published) == story.published(article, anchor)
    assert doc.xpath('//p[@class="byline"]')[0].text_content() == f"By {article.author}"
    related = doc.xpath('//aside[@class="related"]//a/text()')
    assert article.title not in related
    assert related  # every outlet has more than one article
    if any(p.kind == "caption" for p in article.paragraphs):
        caption = doc.xpath("//figcaption")[0].text_content()
        assert next(p.text for p in article.paragraphs if p.kind == "caption") in caption


def test_pages_only_list_released_related_articles(story: DemoStory) -> None:
    anchor = story.anchor(NOW)
    a01 = story.article("a01")
    early = render_article_page(
        story, a01, base_url=BASE, anchor=anchor, released=story.articles[:1]
    )
    late = render_article_page(story, a01, base_url=BASE, anchor=anchor, released=story.articles)
    assert "Safety board says batteries" not in early
    assert "Safety board says batteries" in late


def test_outlet_home_links_its_feed_for_discovery(story: DemoStory) -> None:
    anchor = story.anchor(NOW)
    ledger = story.outlet("ledger")
    html = render_outlet_home(story, ledger, base_url=BASE, anchor=anchor, released=story.articles)
    doc = lxml.html.fromstring(html)
    assert doc.xpath('//link[@rel="alternate"]/@href') == [f"{BASE}/ledger/index.rdf"]
    assert doc.xpath('//link[@rel="alternate"]/@type') == ["application/rdf+xml"]
    headlines = doc.xpath('//ul[@class="headlines"]//a/text()')
    assert headlines[0] == "Lestria eight wins the Lake Orvel regatta"
    assert len(headlines) == sum(1 for a in story.articles if a.outlet == "ledger")
