"""Links a server or page points at: WebSub hubs in ``Link`` headers, feeds in HTML pages.

Both are how a publisher tells us where to go next: a hub to subscribe to (WebSub 4, the
``Link: <…>; rel="hub"`` header takes precedence over the feed's own ``atom:link``), or the
feeds of a site (``<link rel="alternate" type="application/rss+xml" href="…">``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

_LINK_VALUE = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]*)*)")
_PARAM = re.compile(r";\s*([A-Za-z*]+)\s*=\s*(\"[^\"]*\"|[^;,\s]*)")

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",
    "application/rdf+xml": "rdf",
    "application/xml": "xml",
    "text/xml": "xml",
}


def parse_link_header(values: Iterable[str], base: str) -> list[tuple[str, set[str]]]:
    """Every (absolute URL, set of rel values) in one or more ``Link`` header values."""
    found: list[tuple[str, set[str]]] = []
    for value in values:
        for match in _LINK_VALUE.finditer(value):
            rels: set[str] = set()
            for name, raw in _PARAM.findall(match.group(2)):
                if name.lower() == "rel":
                    rels.update(raw.strip('"').lower().split())
            found.append((urljoin(base, match.group(1).strip()), rels))
    return found


def header_links(values: Iterable[str], base: str) -> tuple[tuple[str, ...], str | None]:
    """(hub URLs, self URL) advertised in ``Link`` headers."""
    hubs: list[str] = []
    self_url: str | None = None
    for url, rels in parse_link_header(values, base):
        if "hub" in rels and url not in hubs:
            hubs.append(url)
        if "self" in rels and self_url is None:
            self_url = url
    return tuple(hubs), self_url


@dataclass(frozen=True, slots=True)
class FeedLink:
    url: str
    kind: str
    title: str


class _AlternateFinder(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[FeedLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            href = dict(attrs).get("href")
            if href:
                self.base = urljoin(self.base, href.strip())
            return
        if tag not in ("link", "a"):
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        rels = values.get("rel", "").lower().split()
        kind = FEED_TYPES.get(values.get("type", "").split(";")[0].strip().lower())
        href = values.get("href", "").strip()
        if "alternate" in rels and kind and href:
            url = urljoin(self.base, href)
            if all(link.url != url for link in self.links):
                self.links.append(FeedLink(url, kind, values.get("title", "").strip()))


def feed_links_in_html(html: str, base: str) -> list[FeedLink]:
    """The feeds a page announces with ``rel="alternate"``, in page order, absolute."""
    finder = _AlternateFinder(base)
    try:
        finder.feed(html)
        finder.close()
    except (AssertionError, ValueError):  # HTMLParser on hostile markup
        pass
    return finder.links
