"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read directly.

feedparser does not read JSON Feed. The format is small enough that a direct reading is
clearer than an adapter: items become the same :class:`FeedEntry` values as RSS and Atom
items, HTML is sanitised the same way, and relative URLs are resolved against the feed URL.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

import nh3

from storywatch.errors import FeedError
from storywatch.model import Enclosure, FeedEntry, ParsedFeed
from storywatch.sources.text import author_name, html_to_text, parse_date, plausible, stable_guid

VERSION_PREFIX = "https://jsonfeed.org/version/"


def looks_like_json(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _url(value: Any, base: str) -> str | None:
    text = _str(value)
    if not text:
        return None
    return urljoin(base, text)


def _authors(obj: dict[str, Any]) -> tuple[str, ...]:
    raw = obj.get("authors")
    people = raw if isinstance(raw, list) else []
    if isinstance(obj.get("author"), dict):  # JSON Feed 1.0
        people = [obj["author"], *people]
    names: list[str] = []
    for person in people:
        if isinstance(person, dict):
            name = author_name(_str(person.get("name")) or _str(person.get("url")))
            if name and name not in names:
                names.append(name)
    return tuple(names)


def _enclosures(item: dict[str, Any], base: str) -> tuple[Enclosure, ...]:
    found: list[Enclosure] = []
    attachments = item.get("attachments")
    for att in attachments if isinstance(attachments, list) else []:
        if not isinstance(att, dict):
            continue
        url = _url(att.get("url"), base)
        if not url:
            continue
        size = att.get("size_in_bytes")
        found.append(
            Enclosure(
                url=url,
                type=_str(att.get("mime_type")) or None,
                length=int(size) if isinstance(size, int | float) and size >= 0 else None,
            )
        )
    return tuple(found)


def _entry(item: dict[str, Any], base: str, feed_language: str | None) -> FeedEntry:
    url = _url(item.get("url"), base) or _url(item.get("external_url"), base)
    content_html = _str(item.get("content_html"))
    content_text = _str(item.get("content_text"))
    if not content_html and content_text:
        paragraphs = [p.strip() for p in content_text.split("\n\n") if p.strip()]
        content_html = "".join(f"<p>{nh3.clean_text(p)}</p>" for p in paragraphs)
    summary = _str(item.get("summary"))
    title = html_to_text(_str(item.get("title")))
    raw_id = item.get("id")
    guid = str(raw_id).strip() if isinstance(raw_id, str | int) and str(raw_id).strip() else ""
    tags = item.get("tags")
    return FeedEntry(
        guid=guid or stable_guid(url, title, content_text or content_html),
        url=url,
        title=title,
        summary_html=nh3.clean_text(summary) if summary else "",
        content_html=nh3.clean(content_html, url_schemes={"http", "https", "mailto"})
        if content_html
        else "",
        published=plausible(parse_date(_str(item.get("date_published")))),
        updated=plausible(parse_date(_str(item.get("date_modified")))),
        authors=_authors(item),
        categories=tuple(t.strip() for t in tags if isinstance(t, str) and t.strip())
        if isinstance(tags, list)
        else (),
        enclosures=_enclosures(item, base),
        language=_str(item.get("language")) or feed_language,
    )


def parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    """Read a JSON Feed document; FeedError when it is not JSON or not a JSON Feed."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise FeedError(f"The document looks like JSON but does not parse: {exc}.") from exc
    if not isinstance(doc, dict):
        raise FeedError("The JSON document is not an object, so it is not a JSON Feed.")
    version = _str(doc.get("version"))
    items = doc.get("items")
    if not version.startswith(VERSION_PREFIX) and not isinstance(items, list):
        raise FeedError("The JSON document is not a JSON Feed (no version and no items).")
    malformed: list[str] = []
    if not version.startswith(VERSION_PREFIX):
        malformed.append("the version field is missing or unknown")
    if not isinstance(items, list):
        malformed.append("the items field is missing")
        items = []
    fmt = "json10" if version.endswith("/1") else "json11"
    base = _url(doc.get("feed_url"), url) or url
    language = _str(doc.get("language")) or None
    entries: list[FeedEntry] = []
    skipped = 0
    for item in items:
        if isinstance(item, dict):
            entries.append(_entry(item, base, language))
        else:
            skipped += 1
    if skipped:
        malformed.append(f"{skipped} item(s) were not objects")
    hubs = doc.get("hubs")
    hub_urls = tuple(
        u
        for h in (hubs if isinstance(hubs, list) else [])
        if isinstance(h, dict) and (u := _url(h.get("url"), base))
    )
    return ParsedFeed(
        url=url,
        format=fmt,
        title=html_to_text(_str(doc.get("title"))),
        link=_url(doc.get("home_page_url"), base),
        language=language,
        hubs=hub_urls,
        self_url=_url(doc.get("feed_url"), url),
        entries=tuple(entries),
        malformed=bool(malformed),
        malformed_reason="; ".join(malformed) or None,
    )
