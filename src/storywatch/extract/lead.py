"""Recover the lead paragraph (standfirst, teaser, dek) when the extractor drops it.

News pages set the lead apart from the body (``<p class="teaser-text">``, ``<div
class="article-abstract">``), and extractors tuned against teaser boxes often throw it away
with them. The lead is usually the densest sentence of the story, so losing it costs both
text quality and the story's first facts.

Teaser boxes for *other* stories look exactly like leads, so a candidate must also sit where
a lead sits: after the headline and before the first paragraph of the extracted body, in
document order. It must be distinct on the page (a class used once, not a list of teasers),
must not wrap the headline, byline or pictures, and is dropped if a clutter rule objects.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from storywatch.extract.clutter import classify_line
from storywatch.extract.marks import PageMarks

_WS = re.compile(r"\s+")
_LEAD_CLASS = re.compile(
    r"(?:^|[-_\s])(?:lead|lede|leadin|teaser(?:-?text)?|intro|introduction|standfirst|abstract|summary"
    r"|subtitle|subheadline|sub-headline|subline|dek|deck|excerpt|description|sapo|chapeau|chapo"
    r"|entradilla|bajada|copete|vorspann|einleitung|kicker-text|article-lead|summary-text)(?:$|[-_\s])",
    re.I,
)
_NOT_LEAD = re.compile(
    r"related|list|card|item|nav|menu|footer|comment|author|meta|caption|image", re.I
)
_MIN_CHARS = 40
_MAX_CHARS = 700
_PROBE = 60


def _text(el: HtmlElement) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def fold(text: str) -> str:
    """Text folded for comparison: lowercase words, no punctuation, single spaces."""
    return _WS.sub(" ", re.sub(r"[^\w\s]", " ", text.casefold())).strip()


def _is_container(el: HtmlElement) -> bool:
    """A wrapper holding the headline, byline or pictures is a header, not a lead."""
    return any(True for _ in el.iter("h1", "figure", "img", "time", "ul", "ol", "table", "video"))


@dataclass(frozen=True, slots=True)
class Lead:
    text: str
    position: int
    described: bool  # repeats the page's meta description


@dataclass(slots=True)
class LeadScan:
    """Lead candidates and where paragraphs sit, read from the intact tree."""

    candidates: list[Lead] = field(default_factory=list)
    headline_position: int = -1
    positions: dict[str, int] = field(default_factory=dict)

    def position_of(self, line: str) -> int | None:
        return self.positions.get(fold(line)[:_PROBE])


def _candidate(el: HtmlElement, title_key: str, described: str) -> Lead | None:
    marker = el.get("class") or ""
    if marker and not _LEAD_CLASS.search(marker) and el.get("itemprop") != "description":
        return None
    if _NOT_LEAD.search(marker) or _is_container(el):
        return None
    text = _text(el)
    if not _MIN_CHARS <= len(text) <= _MAX_CHARS or classify_line(text) is not None:
        return None
    key = fold(text)
    if title_key and title_key in key:
        return None
    links = sum(len(_text(a)) for a in el.iterfind(".//a"))
    if links > 0.2 * len(text):
        return None
    is_described = bool(described) and len(described) >= 30 and key.startswith(described[:60])
    return Lead(text, -1, is_described)


def scan_leads(
    tree: HtmlElement,
    description: str | None,
    title: str | None,
    marks: PageMarks,
) -> LeadScan:
    """Lead candidates, the headline and paragraph positions, read from the intact tree.

    ``marks`` are the page's class values (:func:`~storywatch.extract.marks.collect_marks`,
    gathered once for all readers). Positions are only computed when there is a candidate
    (most pages have none); they come from one XPath union, which returns nodes in document
    order.
    """
    described = fold(description)[:80] if description else ""
    title_key = fold(title) if title else ""
    scan = LeadScan()
    uses = Counter(value for value, _ in marks.lead_classes)
    marked = [
        el for value, el in marks.lead_classes if uses[value] == 1 and _LEAD_CLASS.search(value)
    ]
    marked += marks.description_only
    found = {el: lead for el in marked if (lead := _candidate(el, title_key, described))}
    if not found:
        return scan
    marked_xpath = " | ".join(tree.getroottree().getpath(el) for el in found)
    for position, el in enumerate(tree.xpath(f"//p | //h1 | {marked_xpath}")):
        if el in found:
            lead = found[el]
            scan.candidates.append(Lead(lead.text, position, lead.described))
        if el.tag == "h1" and scan.headline_position < 0:
            scan.headline_position = position
        elif el.tag == "p":
            key = fold(el.text_content())[:_PROBE]
            if len(key) >= 20:
                scan.positions.setdefault(key, position)
    return scan


def restore_lead(lines: list[str], scan: LeadScan) -> list[str]:
    """Put the lead back in front of the body when the extractor dropped it.

    The chosen lead must sit between the headline and the body's first paragraph (when
    those positions are known); one that repeats the meta description is preferred.
    """
    if not lines or not scan.candidates:
        return lines
    body_start = next(
        (p for p in (scan.position_of(line) for line in lines) if p is not None), None
    )
    placed = [
        lead
        for lead in scan.candidates
        if lead.position > scan.headline_position
        and (lead.position < body_start if body_start is not None else lead.described)
    ]
    if not placed:
        return lines
    lead = sorted(placed, key=lambda item: (not item.described, item.position))[0]
    folded = fold(" ".join(lines))
    probe = fold(lead.text)[:120]
    return lines if probe in folded else [lead.text, *lines]
