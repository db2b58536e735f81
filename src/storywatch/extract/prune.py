"""trafilatura's regular-expression prune queries as Python walks selecting the same elements.

Before extracting, trafilatura deletes infinite-scroll containers, Elementor share bars and
(except on forum threads) comment containers, each chosen by an XPath query. Two of the three
test ``id`` and ``class`` with EXSLT regular expressions (``re:test``), which libxml2 runs
by calling back into Python for every candidate element; and each query is a walk that
builds a node set per step. On our evaluation pages the three cost about 2 ms a page, a
tenth of an extraction. One walk over the candidate tags in Python, reading ``id`` and
``class`` once per element and testing them with the same regular expressions, selects the
same elements in the same order for about a fifth of that (measured page by page on all
1,120 evaluation pages: same elements, same order); the readers' marks walk can gather its
candidates (:func:`candidates`) so that it needs no walk of its own.

The same holds for what trafilatura's ``basic_cleaning`` deletes first (scripts, styles,
asides, footers, cookie banners) before measuring the page's text (html2txt) and before
justext: :func:`basic_cleaning` and :func:`page_text_chars`.

The walks are only right for the queries they were written from, so they run only when
trafilatura's queries read exactly as they did in 2.3.1 (whitespace aside); otherwise the
queries run as trafilatura wrote them. ``tests/extract/test_prune.py`` checks the walks
against the queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from copy import copy

from lxml import etree
from lxml.html import HtmlElement

from storywatch.extract.hints import may_hold

try:  # trafilatura 2.3's queries; without them maintext uses trafilatura's plain calls
    from trafilatura.baseline import _spaced_text, html2txt
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.settings import BASIC_CLEAN_XPATH
    from trafilatura.xml import delete_element
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    QUERIES = True
except ImportError:  # pragma: no cover - depends on the installed trafilatura
    QUERIES = False

# The queries the walk reproduces, as trafilatura 2.3.1 writes them (runs of whitespace as
# one space).
_SCROLL_QUERY = (
    ".//*[self::div or self::section or self::aside][ re:test(@id, "
    "'mvp-post-add-(?:box|wrap)|infinite-?scroll') or re:test(@class, "
    "'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ not(.//h1) or re:test(@id, "
    "'mvp-post-add-(?:box|wrap)') or re:test(@class, 'mvp-post-add-(?:box|wrap)')]"
)
_SHARE_QUERY = (
    ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]"
)
_COMMENTS_QUERY = (
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ "
    "re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
    "'^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol or self::ul) or "
    "re:test(@id, '^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, "
    "'^[Cc]omment(?!ary)|(?:article|post)-comments')]"
)
_COOKIE_RE = (
    "cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie|"
    "consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr"
)
# html2txt's deletions: a few tags, footer <div>s, cookie banners (by class or id).
_BASIC_CLEAN_QUERY = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|"
    f".//style|.//svg|.//template|.//*[re:test(@class, '{_COOKIE_RE}', 'i') or "
    f"re:test(@id, '{_COOKIE_RE}', 'i')]"
)

# The same regular expressions (lxml's re:test is re.search on the attribute's value).
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_SCROLL_ANYWAY = re.compile(r"mvp-post-add-(?:box|wrap)")  # pruned even holding an <h1>
_COMMENTS_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")  # the ids <ol>/<ul> need
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")
# What every match of the comment expressions holds: cheap tests first ("omment" for the class)
_COMMENTS_ID_STARTS = ("comment", "Comment", "comol", "disqus_thread", "dsq-comments")
_COOKIE = re.compile(_COOKIE_RE, re.I)  # lxml's re:test with the "i" flag
_COOKIE_WORDS = ("cookie", "consent", "borlabs", "cmplz", "onetrust", "moove")  # one in each

_SCROLL_TAGS = frozenset(("div", "section", "aside"))
_COMMENTS_TAGS = frozenset(("div", "list", "section", "details", "ol", "ul"))
_LISTS = frozenset(("ol", "ul"))
CANDIDATE_TAGS = _SCROLL_TAGS | _COMMENTS_TAGS
_CANDIDATE_TAGS = tuple(sorted(CANDIDATE_TAGS))
# Tags html2txt's query deletes by the tag alone, whatever they hold.
BASIC_CLEAN_TAGS = frozenset(
    ("aside", "fencedframe", "footer", "script", "style", "svg", "template")
)


def _normalised(query: object) -> str:
    return " ".join(str(getattr(query, "path", "")).split())


def _walk_matches_queries() -> bool:
    if not QUERIES:  # pragma: no cover - depends on the installed trafilatura
        return False
    return (
        [_normalised(q) for q in RAW_TREE_PRUNE_XPATH] == [_SCROLL_QUERY, _SHARE_QUERY]
        and [_normalised(q) for q in REMOVE_COMMENTS_AND_LISTS_XPATH] == [_COMMENTS_QUERY]
        and _normalised(BASIC_CLEAN_XPATH) == _BASIC_CLEAN_QUERY
    )


WALK = _walk_matches_queries()


Candidate = tuple[HtmlElement, str | None, str | None]  # an element, its id and its class


def candidates(tree: HtmlElement) -> Iterator[Candidate]:
    """The elements below ``tree`` the prune queries may select: a candidate tag with an id
    or a class (:func:`~storywatch.extract.marks.collect_marks` gathers the same list in
    its walk)."""
    for el in tree.iterdescendants(_CANDIDATE_TAGS):
        ident = el.get("id")
        css = el.get("class")
        if ident is not None or css is not None:
            yield el, ident, css


def _scroll(value: str | None, pattern: re.Pattern[str]) -> bool:
    """``pattern`` (either scroll expression) found in ``value``; both need one of the two
    literals, a cheaper test that almost every value fails."""
    return (
        value is not None
        and ("infinite" in value or "mvp-post-add-" in value)
        and pattern.search(value) is not None
    )


def selected(
    tree: HtmlElement, *, comments: bool, among: Iterable[Candidate] | None = None
) -> tuple[list[HtmlElement], list[HtmlElement], list[HtmlElement]]:
    """What the scroll, share-bar and (if ``comments``) comment queries select, in order.

    ``among`` is :func:`candidates` of ``tree``, if already gathered. All three lists come
    from the intact tree; trafilatura runs each query after deleting what the one before
    selected, and the only difference is that here an element inside a deleted container
    can be listed too (the queries test nothing that deleting a container changes
    elsewhere). Deleting it then touches the deleted container only.
    """
    scroll: list[HtmlElement] = []
    share: list[HtmlElement] = []
    found: list[HtmlElement] = []
    for el, ident, css in candidates(tree) if among is None else among:
        tag = el.tag
        if tag in _SCROLL_TAGS:
            if (_scroll(ident, _SCROLL) or _scroll(css, _SCROLL)) and (
                el.find(".//h1") is None
                or _scroll(ident, _SCROLL_ANYWAY)
                or _scroll(css, _SCROLL_ANYWAY)
            ):
                scroll.append(el)
            if css is not None and "elementor-share-buttons" in css:
                share.append(el)
        if comments and tag in _COMMENTS_TAGS:
            # A list needs the narrower id (whose matches all match the wider one).
            by_id = _COMMENTS_LIST_ID if tag in _LISTS else _COMMENTS_ID
            by_class = css is not None and "omment" in css and _COMMENTS_CLASS.search(css)
            if by_class or (
                ident is not None and ident.startswith(_COMMENTS_ID_STARTS) and by_id.search(ident)
            ):
                found.append(el)
    return scroll, share, found


def _delete_all(elements: list[HtmlElement]) -> None:
    for el in elements:
        delete_element(el)  # trafilatura's own deletion: the tail text is kept


def prune_raw(
    tree: HtmlElement,
    *,
    comments: bool,
    walk: bool | None = None,
    among: Iterable[Candidate] | None = None,
) -> None:
    """Delete what trafilatura prunes from the raw page before extracting (in place).

    ``comments=False`` keeps comment containers (on a forum thread they hold the posts).
    ``among`` is :func:`candidates` of ``tree``, if already gathered. ``walk=False`` runs
    trafilatura's own queries (the tests compare the two).
    """
    if walk if walk is not None else WALK:
        for found in selected(tree, comments=comments, among=among):
            _delete_all(found)
        return
    prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    if comments:
        prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)


def class_first(el: HtmlElement) -> bool:
    """Whether the page wrote ``class`` before ``id`` (an XPath union of the two keeps that
    order)."""
    first: str = next(name for name in el.attrib if name in ("class", "id"))
    return first == "class"


def basic_clean_selected(tree: HtmlElement) -> list[HtmlElement]:
    """What html2txt's query (trafilatura's ``BASIC_CLEAN_XPATH``) selects below ``tree``."""
    found: list[HtmlElement] = []
    for el in tree.iterdescendants(etree.Element):
        tag = el.tag
        if tag in BASIC_CLEAN_TAGS:
            found.append(el)
            continue
        css = el.get("class")
        ident = el.get("id")
        if css is None and ident is None:
            continue
        if tag == "div":
            # contains(@class|@id, 'footer') reads the first of the two the page wrote
            first = css if ident is None else ident
            if css is not None and ident is not None and class_first(el):
                first = css
            if first is not None and "footer" in first:
                found.append(el)
                continue
        cookie = (css is not None and may_hold(css, _COOKIE_WORDS) and _COOKIE.search(css)) or (
            ident is not None and may_hold(ident, _COOKIE_WORDS) and _COOKIE.search(ident)
        )
        if cookie:
            found.append(el)
    return found


def basic_cleaning(tree: HtmlElement, *, walk: bool | None = None) -> HtmlElement:
    """trafilatura's ``basic_cleaning`` (what html2txt and justext delete first), in place."""
    if walk if walk is not None else WALK:
        _delete_all(basic_clean_selected(tree))
        return tree
    _delete_all(BASIC_CLEAN_XPATH(tree))
    return tree


def page_text_chars(tree: HtmlElement, *, walk: bool | None = None) -> int:
    """``len(html2txt(tree))``: the length of trafilatura's plain text of the page.

    html2txt copies the whole page, deletes what its query selects below ``<body>`` and
    reads the text with block elements spaced; here only ``<body>`` is copied and the query
    is the walk.
    """
    if not (walk if walk is not None else WALK):
        return len(html2txt(tree))
    body = tree.find(".//body")
    return len(_spaced_text(basic_cleaning(copy(body if body is not None else tree), walk=True)))
