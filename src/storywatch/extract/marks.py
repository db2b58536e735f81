"""The attribute marks the metadata, lead and caption readers look for, gathered in one walk.

Those readers each asked libxml2 for a few element sets ("every ``class`` of a ``<p>``,
``<div>`` …", "every element with ``rel="author"``", "``itemprop="datePublished"``" …):
eight XPath queries, each a walk over every node of the page, and an attribute test such
as ``//*[@rel='author']`` costs libxml2 as much as one walk over the elements in Python. One
Python walk that reads ``class``, ``id``, ``rel`` and ``itemprop`` once per element replaces
them all. Every list keeps document order, and for an element with both a ``class`` and an
``id`` the order the page wrote them in, which is what the XPath unions returned, so the
readers see exactly what they saw before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from storywatch.extract.prune import CANDIDATE_TAGS, Candidate, class_first

# Tags whose class (and for some, id) may mark a lead, a byline or a caption.
_LEAD_TAGS = frozenset(("p", "div", "h2", "span", "section"))
_BYLINE_CLASS_TAGS = frozenset(("span", "div", "p", "a", "address", "li"))
_BYLINE_ID_TAGS = frozenset(("span", "div", "p", "a", "address"))
_CAPTION_CLASS_TAGS = frozenset(("p", "div", "span", "small"))
# Tags whose id is read: byline marks, and the containers trafilatura's first prune tests.
_ID_TAGS = _BYLINE_ID_TAGS | CANDIDATE_TAGS


@dataclass(slots=True)
class PageMarks:
    """Marked elements and their marks, each list in document order."""

    # class values of <p>, <div>, <h2>, <span> and <section> (lead candidates)
    lead_classes: list[tuple[str, HtmlElement]] = field(default_factory=list)
    # class values of span/div/p/a/address/li and id values of span/div/p/a/address
    byline_marks: list[tuple[str, HtmlElement]] = field(default_factory=list)
    # <figcaption>, and p/div/span/small whose class names a caption or credit
    captions: list[HtmlElement] = field(default_factory=list)
    rel_author: list[HtmlElement] = field(default_factory=list)
    itemprop_author: list[HtmlElement] = field(default_factory=list)
    # itemprop="datePublished" below the root element (the old query searched from it)
    date_published: list[HtmlElement] = field(default_factory=list)
    # itemprop="description" without a class attribute
    description_only: list[HtmlElement] = field(default_factory=list)
    # below the root element, the containers trafilatura's first prune may delete (see
    # .prune.candidates): read here so that prune needs no walk of its own
    prune_candidates: list[Candidate] = field(default_factory=list)
    elements: int = 0  # every element of the document, as XPath's count(//*)


def collect_marks(tree: HtmlElement) -> PageMarks:
    """Walk every element of the page once and sort out the marks."""
    marks = PageMarks()
    lead_classes = marks.lead_classes
    byline_marks = marks.byline_marks
    captions = marks.captions
    # "//…" searches the whole document: a page with a second <html> has elements beside
    # the root element, which the XPath queries saw and so must this walk.
    prune_candidates = marks.prune_candidates
    elements = 0
    for top in (tree, *tree.itersiblings(etree.Element)):
        below_tree = top is tree
        for el in top.iter(etree.Element):
            elements += 1
            tag = el.tag
            css = el.get("class")
            ident = el.get("id") if tag in _ID_TAGS else None
            if css is not None:  # about half of the elements of a page
                if tag in _LEAD_TAGS:
                    lead_classes.append((css, el))
                if tag in _CAPTION_CLASS_TAGS and ("caption" in css or "credit" in css):
                    captions.append(el)
                if tag in _BYLINE_CLASS_TAGS:
                    if ident is None or tag not in _BYLINE_ID_TAGS:
                        byline_marks.append((css, el))
                    elif class_first(el):
                        # Both: in the order the page wrote them, as an XPath union returns.
                        byline_marks += ((css, el), (ident, el))
                    else:
                        byline_marks += ((ident, el), (css, el))
            elif ident is not None and tag in _BYLINE_ID_TAGS:
                byline_marks.append((ident, el))
            if (
                tag in CANDIDATE_TAGS
                and (css is not None or ident is not None)
                and below_tree
                and el is not tree
            ):
                prune_candidates.append((el, ident, css))
            if tag == "figcaption":
                captions.append(el)
            if el.get("rel") == "author":
                marks.rel_author.append(el)
            prop = el.get("itemprop")
            if prop is not None:
                if prop == "author":
                    marks.itemprop_author.append(el)
                elif prop == "datePublished" and below_tree and el is not tree:
                    marks.date_published.append(el)
                elif prop == "description" and css is None:
                    marks.description_only.append(el)
    marks.elements = elements
    return marks
