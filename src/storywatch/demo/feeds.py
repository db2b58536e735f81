"""Render an outlet's feed, in its own format, for the articles released so far (pure).

One function per format, each written to the format's specification: RSS 2.0 with
``content:encoded``, Atom 1.0, JSON Feed 1.1, RSS 1.0 (RDF) with Dublin Core dates, and a
summary-only RSS 2.0 feed whose full text lives on the article page. Dates are the story's
simulated times (see ``DemoStory.anchor``) written in Lestria's UTC+02:00 offset, except
RSS 1.0, which uses UTC ("Z"), so that date parsing across offsets is exercised too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from storywatch.demo.markup import article_guid, article_path, body_html, latest_versions
from storywatch.demo.story import STORY_TZ, DemoArticle, DemoStory, Outlet

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rss1": "http://purl.org/rss/1.0/",
}

CONTENT_TYPES = {
    "rss20": "application/rss+xml; charset=utf-8",
    "rss20-summary": "application/rss+xml; charset=utf-8",
    "atom10": "application/atom+xml; charset=utf-8",
    "jsonfeed11": "application/feed+json; charset=utf-8",
    "rss10": "application/rdf+xml; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class RenderedFeed:
    body: bytes
    content_type: str


def released_by(story: DemoStory, elapsed_s: float) -> tuple[DemoArticle, ...]:
    """The articles visible ``elapsed_s`` story-seconds (speed 1.0) after the demo starts."""
    return tuple(a for a in story.articles if a.release_s <= elapsed_s)


def render_feed(
    story: DemoStory,
    outlet: Outlet,
    released: Iterable[DemoArticle],
    *,
    base_url: str,
    anchor: datetime,
) -> RenderedFeed:
    """The outlet's feed document listing its released articles, newest first."""
    items = latest_versions(story, released, outlet.slug)
    ctx = _Ctx(story, outlet, base_url.rstrip("/"), anchor)
    match outlet.feed_format:
        case "rss20":
            body = ctx.rss20(items, full_text=True)
        case "rss20-summary":
            body = ctx.rss20(items, full_text=False)
        case "atom10":
            body = ctx.atom10(items)
        case "jsonfeed11":
            body = ctx.jsonfeed11(items)
        case "rss10":
            body = ctx.rss10(items)
    return RenderedFeed(body, CONTENT_TYPES[outlet.feed_format])


def _rfc3339(when: datetime) -> str:
    return when.astimezone(STORY_TZ).isoformat(timespec="seconds")


def _rfc822(when: datetime) -> str:
    return format_datetime(when.astimezone(STORY_TZ))


def _w3c_utc(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _El:
    """A minimal XML element: tags are written as given ("dc:creator"), so each format
    declares its own prefixes on its root and no global namespace registry is touched."""

    __slots__ = ("attrs", "children", "tag", "text")

    def __init__(self, tag: str, text: str | None = None, **attrs: str) -> None:
        self.tag = tag
        self.text = text
        self.attrs = attrs
        self.children: list[_El] = []

    def sub(self, tag: str, text: str | None = None, **attrs: str) -> _El:
        child = _El(tag, text, **attrs)
        self.children.append(child)
        return child

    def write(self, out: list[str], depth: int = 0) -> None:
        pad = "  " * depth
        attrs = "".join(f" {k.replace('__', ':')}={quoteattr(v)}" for k, v in self.attrs.items())
        if not self.children and self.text is None:
            out.append(f"{pad}<{self.tag}{attrs}/>")
        elif not self.children:
            out.append(f"{pad}<{self.tag}{attrs}>{xml_escape(self.text or '')}</{self.tag}>")
        else:
            out.append(f"{pad}<{self.tag}{attrs}>")
            for child in self.children:
                child.write(out, depth + 1)
            out.append(f"{pad}</{self.tag}>")


def _xml(root: _El) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>']
    root.write(out)
    return ("\n".join(out) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class _Ctx:
    story: DemoStory
    outlet: Outlet
    base: str
    anchor: datetime

    @property
    def feed_url(self) -> str:
        return self.base + self.outlet.feed_path

    @property
    def home_url(self) -> str:
        return self.base + self.outlet.home_path

    def url(self, article: DemoArticle) -> str:
        return self.base + article_path(self.story, article)

    def published(self, article: DemoArticle) -> datetime:
        return self.story.published(article, self.anchor)

    def updated(self, article: DemoArticle) -> datetime:
        return self.story.updated(article, self.anchor)

    def newest(self, items: list[DemoArticle]) -> datetime:
        return max((self.updated(a) for a in items), default=self.anchor)

    def rss20(self, items: list[DemoArticle], *, full_text: bool) -> bytes:
        ns = {"xmlns__atom": NS["atom"], "xmlns__dc": NS["dc"]}
        if full_text:
            ns["xmlns__content"] = NS["content"]
        rss = _El("rss", version="2.0", **ns)
        channel = rss.sub("channel")
        channel.sub("title", self.outlet.name)
        channel.sub("link", self.home_url)
        channel.sub("description", self.outlet.description)
        channel.sub("language", self.outlet.language)
        channel.sub("atom:link", href=self.feed_url, rel="self", type="application/rss+xml")
        channel.sub("lastBuildDate", _rfc822(self.newest(items)))
        channel.sub("generator", "Storywatch demo")
        for a in items:
            item = channel.sub("item")
            item.sub("title", a.title)
            item.sub("link", self.url(a))
            item.sub("guid", article_guid(self.story, a), isPermaLink="false")
            item.sub("pubDate", _rfc822(self.published(a)))
            item.sub("dc:creator", a.author)
            item.sub("description", a.summary)
            if full_text:
                item.sub("content:encoded", body_html(self.story, a, self.base))
        return _xml(rss)

    def atom10(self, items: list[DemoArticle]) -> bytes:
        feed = _El("feed", xmlns=NS["atom"], xml__lang=self.outlet.language)
        feed.sub("id", self.home_url)
        feed.sub("title", self.outlet.name)
        feed.sub("subtitle", self.outlet.description)
        feed.sub("updated", _rfc3339(self.newest(items)))
        feed.sub("link", rel="self", type="application/atom+xml", href=self.feed_url)
        feed.sub("link", rel="alternate", type="text/html", href=self.home_url)
        for a in items:
            entry = feed.sub("entry")
            entry.sub("id", article_guid(self.story, a))
            entry.sub("title", a.title)
            entry.sub("link", rel="alternate", type="text/html", href=self.url(a))
            entry.sub("published", _rfc3339(self.published(a)))
            entry.sub("updated", _rfc3339(self.updated(a)))
            entry.sub("author").sub("name", a.author)
            entry.sub("summary", a.summary, type="text")
            entry.sub("content", body_html(self.story, a, self.base), type="html")
        return _xml(feed)

    def jsonfeed11(self, items: list[DemoArticle]) -> bytes:
        doc = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.outlet.name,
            "home_page_url": self.home_url,
            "feed_url": self.feed_url,
            "description": self.outlet.description,
            "language": self.outlet.language,
            "items": [
                {
                    "id": article_guid(self.story, a),
                    "url": self.url(a),
                    "title": a.title,
                    "content_html": body_html(self.story, a, self.base),
                    "summary": a.summary,
                    "date_published": _rfc3339(self.published(a)),
                    "date_modified": _rfc3339(self.updated(a)),
                    "authors": [{"name": a.author}],
                    "language": self.outlet.language,
                }
                for a in items
            ],
        }
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")

    def rss10(self, items: list[DemoArticle]) -> bytes:
        root = _El(
            "rdf:RDF",
            xmlns=NS["rss1"],
            xmlns__rdf=NS["rdf"],
            xmlns__dc=NS["dc"],
            xmlns__dcterms=NS["dcterms"],
            xmlns__content=NS["content"],
        )
        channel = root.sub("channel", rdf__about=self.feed_url)
        channel.sub("title", self.outlet.name)
        channel.sub("link", self.home_url)
        channel.sub("description", self.outlet.description)
        channel.sub("dc:language", self.outlet.language)
        channel.sub("dc:date", _w3c_utc(self.newest(items)))
        seq = channel.sub("items").sub("rdf:Seq")
        for a in items:
            seq.sub("rdf:li", rdf__resource=self.url(a))
        for a in items:
            item = root.sub("item", rdf__about=self.url(a))
            item.sub("title", a.title)
            item.sub("link", self.url(a))
            item.sub("description", a.summary)
            item.sub("dc:creator", a.author)
            item.sub("dc:date", _w3c_utc(self.published(a)))
            if a.replaces is not None:
                item.sub("dcterms:modified", _w3c_utc(self.updated(a)))
            item.sub("content:encoded", body_html(self.story, a, self.base))
        return _xml(root)
