"""Recover the lead paragraph (standfirst, teaser, dek) when the extractor drops it.

News pages set the lead apart from the body (``<p class="teaser-text">``, ``<div
class="article-abstract">``), and extractors tuned against teaser boxes often throw it away
with them. The lead is usually the densest sentence of the story, so losing it costs both
text quality and the story's first facts. A candidate must be distinct on the page (a class
used once, not a list of teasers) and either repeat the page's meta description or sit in
the article's own container.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml.html import HtmlElement

_WS = re.compile(r"\s+")
_LEAD_CLASS = re.compile(
    r"(?:^|[-_\s])(?:lead|lede|leadin|teaser(?:-?text)?|intro|introduction|standfirst|abstract|summary"
    r"|subtitle|subheadline|sub-headline|subline|dek|deck|excerpt|description|sapo|chapeau|chapo"
    r"|entradilla|bajada|copete|vorspann|einleitung|kicker-text|article-lead|summary-text)(?:$|[-_\s])",
    re.I,
)
_NOT_LEAD = re.compile(r"related|list|card|item|nav|menu|footer|comment|author|meta|caption|image", re.I)
_CONTAINER = re.compile(r"article|story|content|post|entry|main|body|text|detail|header|head", re.I)
_MIN_CHARS = 40
_MAX_CHARS = 700


def _text(el: HtmlElement) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _key(text: str) -> str:
    return _WS.sub(" ", re.sub(r"[^\w\s]", " ", text.casefold())).strip()


def _in_article(el: HtmlElement) -> bool:
    node = el.getparent()
    depth = 0
    while node is not None and depth < 6:
        if node.tag in ("article", "main"):
            return True
        if node.tag in ("aside", "nav", "footer"):
            return False
        marker = f"{node.get('class', '')} {node.get('id', '')}"
        if node.get("itemprop") == "articleBody" or (marker.strip() and _CONTAINER.search(marker)):
            return True
        node = node.getparent()
        depth += 1
    return False


def lead_candidates(tree: HtmlElement, description: str | None) -> list[str]:
    """Texts that look like the page's lead, best first (read before extraction prunes)."""
    described = _key(description)[:80] if description else ""
    found: list[tuple[int, str]] = []
    classes: Counter[str] = Counter()
    elements: list[HtmlElement] = []
    for el in tree.iter("p", "div", "h2", "span", "section"):
        marker = el.get("class") or ""
        if marker:
            classes[marker] += 1
        if (marker and _LEAD_CLASS.search(marker)) or el.get("itemprop") == "description":
            elements.append(el)
    for el in elements:
        marker = el.get("class") or ""
        if _NOT_LEAD.search(marker) or (marker and classes[marker] > 1):
            continue
        text = _text(el)
        if not _MIN_CHARS <= len(text) <= _MAX_CHARS:
            continue
        links = sum(len(_text(a)) for a in el.iterfind(".//a"))
        if links > 0.2 * len(text):
            continue
        if described and len(described) >= 30 and _key(text).startswith(described[:60]):
            found.append((0, text))
        elif _in_article(el):
            found.append((1, text))
    found.sort(key=lambda item: item[0])
    return [text for _, text in found]


def contains(haystack_key: str, text: str) -> bool:
    """Whether a paragraph's words already appear in extracted text (folded for comparison)."""
    key = _key(text)
    probe = key[:120]
    return bool(probe) and probe in haystack_key


def fold(text: str) -> str:
    return _key(text)
