"""Text to an lxml tree, refusing what is not HTML and bounding what is too big (X3).

lxml's HTML parser recovers from almost any tag soup, so the failures worth guarding
against are elsewhere: binary files served as ``text/html`` (images, PDFs, gzip bodies that
were never decompressed), NUL and control characters that lxml rejects outright, an XML
declaration inside a ``str`` (lxml refuses it), and pages so large that extraction would
stall a worker. Each becomes an :class:`~storywatch.errors.ExtractError` with a reason a
person can read, never a stray library exception.
"""

from __future__ import annotations

import re
import threading

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    document_fromstring,
)

from storywatch.errors import ExtractError

# Pages beyond this many characters lose their scripts and styles, then are cut (at a tag
# boundary) before parsing: the article is at the top of real pages (the largest page of the
# trafilatura evaluation is 1.6 MB, mostly scripts), and a 50 MB page of comments must not
# cost a worker seconds of CPU.
MAX_HTML_CHARS = 1_500_000
# Trees beyond this many elements keep only their first elements (the largest real page we
# measured has about 10,000).
MAX_ELEMENTS = 20_000

_BULKY = re.compile(r"<(script|style|svg)\b(?![^>]*ld\+json)[^>]*>.*?</\1\s*>", re.I | re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = tuple(
    bytes([code]) for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_MARKUP = re.compile(
    r"<\s*(?:html|head|body|div|p|article|meta|title|span|a|br|table|h[1-6])\b", re.I
)
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF media file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed bytes"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed bytes"),
)

_LOCAL = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread: lxml parsers must not be shared between threads.

    Every element is an ``HtmlElement`` through lxml's C-level default class lookup, not
    ``lxml.html``'s per-tag lookup: that one is a Python method called each time lxml makes
    a Python object for a node, and trafilatura walks the tree often enough for those calls
    to be 4% of the instructions of an extraction. The only difference is that
    ``<form>``, ``<input>``, ``<select>``, ``<textarea>`` and ``<label>`` do not get
    lxml.html's form-handling subclasses, which neither we nor the extractors use. Copies
    of the tree keep this parser, so trafilatura's copies benefit too.
    """
    parser: etree.HTMLParser | None = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            remove_comments=True,
            remove_pis=True,
            default_doctype=False,
            encoding="utf-8",
        )
        parser.set_element_class_lookup(
            etree.ElementDefaultClassLookup(
                element=HtmlElement,
                comment=HtmlComment,
                pi=HtmlProcessingInstruction,
                entity=HtmlEntity,
            )
        )
        _LOCAL.parser = parser
    return parser


def binary_reason_bytes(data: bytes) -> str | None:
    """Why raw bytes are not a page (an image, a PDF, compressed data), or None."""
    head = data[:16].lstrip()
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return f"the body is {what}, not HTML"
    return None


def _binary_reason(text: str) -> str | None:
    # Text decoded from bytes as latin-1 keeps each byte as one code point.
    reason = binary_reason_bytes(text[:16].encode("latin-1", errors="ignore"))
    if reason:
        return reason
    sample = text[:4096]
    if not sample:
        return None
    junk = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if junk > 0.1 * len(sample):
        return f"the body looks binary ({junk} of the first {len(sample)} characters are not text)"
    return None


def sanitise_markup(html: str) -> str:
    """Remove what lxml cannot take (control characters, XML declaration) and bound size."""
    if len(html) > MAX_HTML_CHARS:
        html = _BULKY.sub("", html)
    if len(html) > MAX_HTML_CHARS:
        cut = html.rfind("<", 0, MAX_HTML_CHARS)
        html = html[: cut if cut > MAX_HTML_CHARS // 2 else MAX_HTML_CHARS]
    html = _XML_DECL.sub("", html, count=1)
    return _CONTROL.sub(" ", html)


def markup_bytes(html: str, utf8: bytes | None = None) -> bytes:
    """:func:`sanitise_markup` as UTF-8, the form the parser reads fastest.

    Given a ``str``, lxml hands libxml2 the string's internal buffer (Latin-1, UTF-16 or
    UTF-32) to convert; UTF-8 bytes are read as they are, and a control character in UTF-8
    is always its own byte, so a few ``memchr`` scans replace a regex over every character
    (most pages have none). Lone surrogates, which UTF-8 cannot carry, become "?".
    ``utf8``, when given, is ``html`` encoded as UTF-8 already (the page's own bytes, when
    they decoded as strict UTF-8), which saves encoding it again.
    """
    if len(html) > MAX_HTML_CHARS:
        return sanitise_markup(html).encode("utf-8", errors="replace")
    if utf8 is not None and not _XML_DECL.match(html):
        data = utf8
    else:
        html = _XML_DECL.sub("", html, count=1)
        data = html.encode("utf-8", errors="replace")
    if any(byte in data for byte in _CONTROL_BYTES):
        data = _CONTROL.sub(" ", html).encode("utf-8", errors="replace")
    return data


def parse_html(html: str, utf8: bytes | None = None, *, bounded: bool = True) -> HtmlElement:
    """Parse a page into an lxml tree, or raise :class:`ExtractError` saying why not.

    ``utf8``, when given, must be ``html`` encoded as UTF-8 (see :func:`markup_bytes`).
    ``bounded=False`` leaves counting the elements (and :func:`trim_tree` beyond
    :data:`MAX_ELEMENTS`) to a caller that walks every element anyway.
    """
    if not html or not html.strip():
        raise ExtractError("the page is empty")
    reason = _binary_reason(html)
    if reason:
        raise ExtractError(reason)
    try:
        tree = document_fromstring(markup_bytes(html, utf8), parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as err:
        raise ExtractError(f"the page could not be parsed as HTML: {err}") from err
    if tree is None:
        raise ExtractError("the page could not be parsed as HTML")
    if bounded and tree.xpath("count(//*)") > MAX_ELEMENTS:
        trim_tree(tree, MAX_ELEMENTS)
    return tree


def trim_tree(tree: HtmlElement, limit: int) -> None:
    """Keep the first ``limit`` elements in document order and drop everything after them."""
    cut: HtmlElement | None = None
    for count, el in enumerate(tree.iter(), start=1):
        if count > limit:
            cut = el
            break
    if cut is None:
        return
    node = cut
    while node is not None and node is not tree:
        parent = node.getparent()
        if parent is None:
            break
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent
    parent = cut.getparent()
    if parent is not None:
        cut.tail = None
        parent.remove(cut)


def looks_like_html(text: str) -> bool:
    """Whether text carries HTML tags at all (a publisher may send plain text instead)."""
    return bool(_MARKUP.search(text[:20_000]))
