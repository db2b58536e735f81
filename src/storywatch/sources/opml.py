"""OPML 1.0/2.0 subscription lists (S6): read them safely, write them plainly.

Parsed with defusedxml, so an OPML file with entity tricks is refused rather than expanded.
Nested outlines are categories: the nearest enclosing outline's title becomes the category.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from storywatch.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str = ""
    site_url: str | None = None
    category: str | None = None


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """Every feed in an OPML document, in order, without duplicates."""
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise InvalidInput(f"The OPML file was refused: {exc.__class__.__name__}.") from exc
    except ET.ParseError as exc:
        raise InvalidInput(f"The OPML file is not well-formed XML: {exc}.") from exc
    if root.tag.lower() != "opml":
        raise InvalidInput(f"This is not an OPML file (its root element is <{root.tag}>).")
    body = root.find("body")
    if body is None:
        raise InvalidInput("The OPML file has no <body>.")
    found: dict[str, OpmlFeed] = {}

    def walk(node: ET.Element, category: str | None) -> None:
        for outline in node.findall("outline"):
            attrs = {k.lower(): v for k, v in outline.attrib.items()}
            url = (attrs.get("xmlurl") or "").strip()
            title = (attrs.get("title") or attrs.get("text") or "").strip()
            if url:
                if url not in found:
                    found[url] = OpmlFeed(
                        url=url,
                        title=title,
                        site_url=(attrs.get("htmlurl") or "").strip() or None,
                        category=category,
                    )
            else:
                walk(outline, title or category)

    walk(body, None)
    return list(found.values())


def render_opml(feeds: Iterable[OpmlFeed], *, title: str = "Storywatch sources") -> bytes:
    """An OPML 2.0 document listing ``feeds``, grouped by category when they have one."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    groups: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.category:
            parent = groups.get(feed.category) or ET.SubElement(
                body, "outline", text=feed.category, title=feed.category
            )
            groups[feed.category] = parent
        attrs = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attrs["title"] = feed.title
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    out: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return out
