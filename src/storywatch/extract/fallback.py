"""Our own reading of a page's structure: a fall-back extractor and an "is it an article?" test.

trafilatura is the core extractor, but it returns nothing on some real pages (text in
``<div>`` soup with no paragraph tags, bodies hidden behind unusual markup) and will happily
return a menu for a page that is not an article at all. Both questions are answered here
from the same evidence: blocks of running text, the element that holds most of them, and
how much of that text is links.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from lxml.html import HtmlElement

_WS = re.compile(r"\s+")
_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "header",
    "iframe",
    "textarea",
}
_BOILER_MARK = re.compile(
    r"comment|footer|sidebar|menu|nav|related|share|social|promo|advert|banner|cookie|consent"
    r"|newsletter|subscribe|breadcrumb|teaser-list|widget|popup|modal|outbrain|taboola",
    re.I,
)
_BLOCK_TAGS = ("p", "pre", "blockquote", "li", "h2", "h3", "h4", "td", "div", "section", "span")
_MIN_BLOCK_CHARS = 25


def _text(el: HtmlElement) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _hidden(el: HtmlElement) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (
        "display:none" in style
        or "visibility:hidden" in style
        or el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
    )


def _excluded(el: HtmlElement) -> bool:
    """Inside navigation, footers, hidden or boilerplate-marked containers."""
    node: HtmlElement | None = el
    depth = 0
    while node is not None and depth < 12:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS or _hidden(node):
            return True
        marker = f"{node.get('class', '')} {node.get('id', '')}"
        if marker.strip() and _BOILER_MARK.search(marker) and tag not in ("body", "html"):
            return True
        node = node.getparent()
        depth += 1
    return False


def _link_chars(el: HtmlElement) -> int:
    return sum(len(_text(a)) for a in el.iterfind(".//a"))


def _own_text(el: HtmlElement) -> str:
    """Text directly in an element (not in child blocks): what a <div> with <br>s holds."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in (
            "br",
            "a",
            "b",
            "i",
            "em",
            "strong",
            "span",
            "u",
        ):
            parts.append(child.text_content() if child.tag != "br" else " ")
        parts.append(child.tail or "")
    return _WS.sub(" ", "".join(parts)).strip()


def text_blocks(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Paragraph-like blocks of running text, in document order, outside page chrome."""
    blocks: list[tuple[HtmlElement, str]] = []
    body = tree.find(".//body")
    root = body if body is not None else tree
    for el in root.iter(*_BLOCK_TAGS):
        text = _own_text(el) if el.tag in ("div", "section", "span", "td") else _text(el)
        if len(text) < _MIN_BLOCK_CHARS or _excluded(el):
            continue
        links = _link_chars(el) if el.tag not in ("div", "section", "span", "td") else 0
        if links > 0.5 * len(text):
            continue
        blocks.append((el, text))
    return blocks


def article_score(tree: HtmlElement) -> float:
    """Evidence that a page is an article: long blocks of prose count, short ones do not.

    Each block beyond 140 characters adds the square root of its excess, so one long
    paragraph counts, many menu items do not. A score over 20 reads as an article.
    """
    score = 0.0
    for el, text in text_blocks(tree):
        if el.tag in ("li", "td", "h2", "h3", "h4"):
            continue
        if len(text) > 140:
            score += math.sqrt(len(text) - 140)
    return score


def fallback_paragraphs(tree: HtmlElement) -> list[str]:
    """The paragraphs of the container that holds the most running text.

    Blocks are grouped by parent; the parent with most text wins, and blocks of its close
    relatives (siblings of the winner under the same grandparent) are kept when long.
    """
    blocks = [(el, text) for el, text in text_blocks(tree) if el.tag not in ("li", "td")]
    if not blocks:
        return []
    weight: dict[HtmlElement, int] = defaultdict(int)
    for el, text in blocks:
        parent = el.getparent()
        if parent is not None:
            weight[parent] += len(text)
    if not weight:
        return []
    best = max(weight, key=lambda el: weight[el])
    grand = best.getparent()
    kept: list[str] = []
    seen: set[str] = set()
    for el, text in blocks:
        parent = el.getparent()
        close = parent is best or (
            grand is not None
            and parent is not None
            and parent.getparent() is grand
            and len(text) > 80
        )
        if close and text not in seen:
            seen.add(text)
            kept.append(text)
    return kept
