"""``parse_feed``: any feed document (S1) to one :class:`ParsedFeed` value.

XML formats (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF, CDF) go through feedparser, which already
knows two decades of broken feeds: encodings and their precedence rules, undeclared
namespaces, HTML sanitising, xml:base. Its output is then normalised into our model here:
titles as plain text, dates as aware UTC datetimes, relative enclosure URLs resolved, author
names cleaned, and a stable GUID for items without one. JSON Feed is read directly
(:mod:`.jsonfeed`).

Safety: the prolog is defused first (:mod:`.xmlsafety`): feedparser alone still expands a
plain entity referenced many times. feedparser disables external entities itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

import feedparser
import feedparser.mixin

from storywatch.errors import FeedError
from storywatch.model import Enclosure, FeedEntry, ParsedFeed
from storywatch.sources.jsonfeed import looks_like_json, parse_json_feed
from storywatch.sources.text import (
    author_name,
    html_to_text,
    parse_date,
    plausible,
    stable_guid,
    struct_to_datetime,
)
from storywatch.sources.xmlsafety import defuse_entities

# Atom ids and RSS guids are compared character by character (RFC 4287 4.2.6), so they must
# never be resolved against the feed's URL: a feed that moves (301) would otherwise re-announce
# every item under new ids. feedparser resolves "id" like a link; we switch that off, once,
# for this process (nothing else here relies on it).
feedparser.mixin._FeedParserMixin.can_be_relative_uri = set(
    feedparser.mixin._FeedParserMixin.can_be_relative_uri
) - {"id"}

_HTML_PAGE = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
_CDF = re.compile(rb"<channel[\s>]", re.IGNORECASE)
# RSS syndication module: updatePeriod × updateFrequency
_PERIODS = {
    "hourly": 3600,
    "daily": 86400,
    "weekly": 604800,
    "monthly": 2592000,
    "yearly": 31536000,
}


def parse_feed(data: bytes, url: str, *, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse a feed document fetched from ``url``.

    ``headers`` are the HTTP response headers when there are any: their charset takes part
    in choosing the encoding, and ``Content-Location`` sets the base for relative URLs.
    Raises :class:`FeedError` with a readable reason when ``data`` is not a feed, and never
    any other exception. A feed that could be read despite errors comes back with
    ``malformed`` set and the reason in words.
    """
    try:
        return _parse(data, url, headers or {})
    except FeedError:
        raise
    except Exception as exc:
        raise FeedError(f"The feed could not be read: {exc.__class__.__name__}: {exc}") from exc


def _parse(data: bytes, url: str, headers: Mapping[str, str]) -> ParsedFeed:
    if not isinstance(data, bytes | bytearray):
        raise FeedError("A feed must be given as bytes.")
    if not data.strip():
        raise FeedError("The document is empty.")
    lower = {k.lower(): v for k, v in headers.items()}
    if looks_like_json(data):
        return parse_json_feed(bytes(data), url)
    defused = defuse_entities(bytes(data))
    base = url
    if lower.get("content-location"):
        located = urljoin(url, lower["content-location"].strip())
        base = located if located.startswith(("http://", "https://")) else url
    response_headers = {**lower, "content-location": base}
    # No Content-Type is read as a document without HTTP context: decoded from its own
    # declaration, default UTF-8, as feedparser does for a file (not as "not XML").
    response_headers.setdefault("content-type", "application/xml")
    result = feedparser.parse(
        defused.data,
        response_headers=response_headers,
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    version = str(result.get("version") or "")
    entries_raw = list(result.get("entries") or [])
    feed_raw = result.get("feed") or {}
    if not version and _CDF.search(bytes(data[:4096])) and feed_raw.get("title"):
        version = "cdf"  # Microsoft's Channel Definition Format: old, but still a channel
    if not version and not entries_raw:
        raise FeedError(_why_not_a_feed(bytes(data), result))
    reasons: list[str] = []
    if defused.reason:
        reasons.append(defused.reason)
    if result.get("bozo"):
        reasons.append(_bozo_reason(result.get("bozo_exception")))
    language = _str(feed_raw.get("language")) or None
    entries = tuple(_entry(e, base, language) for e in entries_raw)
    hubs, self_url = _feed_links(feed_raw, base)
    return ParsedFeed(
        url=url,
        format=version or "unknown",
        title=_text_of(feed_raw, "title"),
        link=_str(feed_raw.get("link")) or None,
        language=language,
        hubs=hubs,
        self_url=self_url,
        ttl_seconds=_ttl(feed_raw),
        entries=entries,
        malformed=bool(reasons),
        malformed_reason="; ".join(reasons) or None,
    )


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _text_of(obj: Mapping[str, Any], key: str) -> str:
    """A text construct as plain text, whatever type the feed declared for it."""
    return html_to_text(_str(obj.get(key)))


def _why_not_a_feed(data: bytes, result: Any) -> str:
    head = data[:2048]
    if _HTML_PAGE.search(head):
        return "This is an HTML page, not a feed (try adding the site: its feeds are found)."
    if looks_like_json(data):
        return "This is JSON but not a JSON Feed."
    exc = result.get("bozo_exception")
    if exc is not None:
        return f"This is not a feed we can read: {_bozo_reason(exc)}."
    return "This document is not RSS, Atom, RDF or JSON Feed."


def _bozo_reason(exc: Any) -> str:
    if exc is None:
        return "the document is not well-formed"
    name = exc.__class__.__name__
    message = str(exc) or name
    if name == "CharacterEncodingOverride":
        return f"declared encoding was wrong ({message})"
    if name == "CharacterEncodingUnknown":
        return f"unknown character encoding ({message})"
    if name == "NonXMLContentType":
        return f"served with a non-XML content type ({message})"
    return f"not well-formed XML ({message})"


def _ttl(feed: Mapping[str, Any]) -> int | None:
    raw = _str(feed.get("ttl"))
    if raw.isdigit() and int(raw) > 0:
        return min(int(raw), 7 * 24 * 60) * 60
    period = _PERIODS.get(_str(feed.get("sy_updateperiod")).lower())
    if period:
        freq = _str(feed.get("sy_updatefrequency"))
        times = int(freq) if freq.isdigit() and int(freq) > 0 else 1
        return max(60, period // times)
    return None


def _feed_links(feed: Mapping[str, Any], base: str) -> tuple[tuple[str, ...], str | None]:
    hubs: list[str] = []
    self_url: str | None = None
    for link in feed.get("links") or []:
        href = _str(link.get("href"))
        if not href:
            continue
        rel = _str(link.get("rel")).lower()
        if rel == "hub" and urljoin(base, href) not in hubs:
            hubs.append(urljoin(base, href))
        elif rel == "self" and self_url is None:
            self_url = urljoin(base, href)
    return tuple(hubs), self_url


def _entry(raw: Mapping[str, Any], base: str, feed_language: str | None) -> FeedEntry:
    title = _text_of(raw, "title")
    link = _alternate(raw) or _str(raw.get("link")) or None
    guid = _str(raw.get("id"))
    if link is None and raw.get("guidislink") and guid.startswith(("http://", "https://")):
        link = guid
    summary = _str(raw.get("summary"))
    content = _content(raw)
    if content and content == summary:
        summary = ""
    published = plausible(
        parse_date(_str(raw.get("published"))) or struct_to_datetime(raw.get("published_parsed"))
    )
    updated = plausible(
        parse_date(_str(raw.get("updated"))) or struct_to_datetime(raw.get("updated_parsed"))
    )
    language = _str(raw.get("language")) or None
    detail = raw.get("title_detail") or raw.get("summary_detail")
    if isinstance(detail, Mapping):
        language = language or _str(detail.get("language")) or None
        base = _str(detail.get("base")) or base  # the item's own xml:base
    return FeedEntry(
        guid=guid[:2048] or stable_guid(link, title, summary or content),
        url=link,
        title=title,
        summary_html=summary,
        content_html=content,
        published=published,
        updated=updated,
        authors=_authors(raw),
        categories=_categories(raw),
        enclosures=_enclosures(raw, base),
        language=language or feed_language,
    )


def _alternate(raw: Mapping[str, Any]) -> str | None:
    """The item's page: the first rel="alternate" link (feedparser may pick an enclosure)."""
    for link in raw.get("links") or []:
        if isinstance(link, Mapping) and _str(link.get("rel")) in ("alternate", ""):
            href = _str(link.get("href"))
            if href:
                return href
    return None


def _content(raw: Mapping[str, Any]) -> str:
    parts = raw.get("content") or []
    html_parts = [p for p in parts if "html" in _str(p.get("type"))]
    chosen = html_parts or parts
    return "\n".join(_str(p.get("value")) for p in chosen if _str(p.get("value")))


def _authors(raw: Mapping[str, Any]) -> tuple[str, ...]:
    names: list[str] = []
    for person in raw.get("authors") or []:
        if not isinstance(person, Mapping):
            continue
        name = author_name(_str(person.get("name")) or _str(person.get("email")))
        if name and name not in names:
            names.append(name)
    # feedparser splits "desk@example.com (Jane Doe)" badly; its flat "author" is the raw text
    single = author_name(_str(raw.get("author")))
    if len(names) <= 1 and single:
        return (single,)
    return tuple(names)


def _categories(raw: Mapping[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    for tag in raw.get("tags") or []:
        if not isinstance(tag, Mapping):
            continue
        term = html_to_text(_str(tag.get("term")) or _str(tag.get("label")))
        if term and term not in found:
            found.append(term)
    return tuple(found)


def _enclosures(raw: Mapping[str, Any], base: str) -> tuple[Enclosure, ...]:
    found: dict[str, Enclosure] = {}
    candidates = list(raw.get("enclosures") or []) + [
        {"href": m.get("url"), "type": m.get("type"), "length": m.get("filesize")}
        for m in raw.get("media_content") or []
        if isinstance(m, Mapping)
    ]
    for enc in candidates:
        href = _str(enc.get("href"))
        if not href:
            continue
        absolute = urljoin(base, href)
        if absolute in found:
            continue
        length = _str(enc.get("length"))
        found[absolute] = Enclosure(
            url=absolute,
            type=_str(enc.get("type")) or None,
            length=int(length) if length.isdigit() else None,
        )
    return tuple(found.values())
