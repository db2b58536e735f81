"""One article page in, clean text and metadata out (X1–X3).

The cascade: decode and parse defensively; read metadata and lead candidates from the intact
tree; take the main text from trafilatura; fall back to the page's JSON-LD ``articleBody`` or
our own densest-container reading when trafilatura finds too little; remove clutter by rule
and by site repetition; put back a lead paragraph the extractor dropped; decide whether what
is left is an article at all.

This is the boundary of the extract stage: :func:`extract_article` raises
:class:`~storywatch.errors.ExtractError` with a reason a person can read and never lets any
other exception out, whatever the input (X3).
"""

from __future__ import annotations

import logging
import re
from contextlib import suppress
from datetime import datetime

from lxml.html import HtmlElement

from storywatch.errors import ExtractError
from storywatch.extract.boilerplate import SiteBoilerplate, site_of
from storywatch.extract.clutter import Removed, normalise_line
from storywatch.extract.dates import parse_date
from storywatch.extract.decode import decode_html_exact
from storywatch.extract.fallback import article_score, fallback_paragraphs
from storywatch.extract.jsonld import read_jsonld
from storywatch.extract.language import detect_language
from storywatch.extract.lead import fold, restore_lead, scan_leads
from storywatch.extract.maintext import main_text
from storywatch.extract.marks import PageMarks, collect_marks
from storywatch.extract.metadata import PageMeta, read_metadata, usable_url
from storywatch.extract.parse import (
    MAX_ELEMENTS,
    binary_reason_bytes,
    looks_like_html,
    parse_html,
    trim_tree,
)
from storywatch.extract.text import clean_lines, clean_text, join_paragraphs, paragraphs
from storywatch.model import ExtractedArticle

log = logging.getLogger(__name__)

# Below this many characters of main text, trafilatura's answer is checked against our own
# fall-backs, and a page without article structure is declined as "not an article".
SHORT_TEXT_CHARS = 250
# Pages whose text is this short are never articles, whatever their structure.
MIN_TEXT_CHARS = 40
# An article score (see fallback.article_score) this high means "article-shaped page".
ARTICLE_SCORE = 20.0

_HTML_TYPES = re.compile(
    r"^\s*(?:text/html|application/xhtml\+xml|text/plain|text/xml|application/xml)", re.I
)


def _trafilatura_lines(tree: HtmlElement, url: str | None, marks: PageMarks) -> list[str]:
    """trafilatura's main text as lines (one per paragraph, heading or list item).

    Fast mode first (no comparison with readability and justext: half the cost); when it
    finds little, the full cascade runs, which on our evaluation recovers nearly all that
    fast mode loses while running on about one page in seven (see :mod:`.maintext`).
    ``tree`` is taken apart: read it before. ``marks`` were read from it.
    """
    text = main_text(tree, url, keep_tree=False, candidates=marks.prune_candidates)
    return paragraphs(text) if text else []


def _fallback_lines(tree: HtmlElement, jsonld_body: str | None, current: list[str]) -> list[str]:
    """The longest of trafilatura's answer, JSON-LD articleBody and our own reading."""
    options = [current, paragraphs(jsonld_body) if jsonld_body else [], fallback_paragraphs(tree)]
    return max(options, key=lambda lines: sum(len(line) for line in lines))


def _drop_title(lines: list[str], title: str | None) -> list[str]:
    """The headline is metadata, not body: drop it when the text opens with it."""
    if title and lines and fold(lines[0]) == fold(title):
        return lines[1:]
    return lines


def _captions(marks: PageMarks) -> list[str]:
    """Picture captions and credits on the page, read before the extractor drops them.

    They are reported in ``removed`` so a person can see they were taken out; the text
    extractor itself already leaves figures out of the body.
    """
    found: list[str] = []
    for el in marks.captions[:20]:
        text = normalise_line(el.text_content())
        if 3 <= len(text) <= 400 and not any(text in seen for seen in found):
            found.append(text)
    return found


def _removed_lines(removed: list[Removed], captions: list[str], text: str) -> tuple[str, ...]:
    lines = [item.line for item in removed]
    lines += [c for c in captions if c not in text and c not in lines]
    return tuple(lines)


_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)


def _date_by_search(tree: HtmlElement, url: str | None) -> datetime | None:
    """A date in the URL (".../2024/02/12/..."), else htmldate's scan of the page (slower)."""
    from htmldate import find_date

    match = _URL_DATE.search(url or "")
    if match:
        found_in_url = parse_date(f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}")
        if found_in_url:
            return found_in_url
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:  # a third-party heuristic must never fail the article
        log.debug("htmldate failed on %s", url, exc_info=True)
        return None
    return parse_date(found) if found else None


def _plain_text_article(
    text: str, url: str | None, boilerplate: SiteBoilerplate | None
) -> ExtractedArticle:
    cleaned, removed = clean_text(text, site=site_of(url), boilerplate=boilerplate, page=url)
    if len(cleaned) < MIN_TEXT_CHARS:
        raise ExtractError("the text is empty or too short to be an article")
    return ExtractedArticle(text=cleaned, language=detect_language(cleaned), removed=removed)


def _extract(
    html: str, url: str | None, boilerplate: SiteBoilerplate | None, utf8: bytes | None = None
) -> ExtractedArticle:
    url = usable_url(url)  # a malformed page URL must cost the links, not the article
    if not looks_like_html(html):
        parse_html(html)  # refuses binary junk with a clear reason
        return _plain_text_article(html, url, boilerplate)
    # The readers' walk counts the elements, so the parser need not (trimmed trees are
    # walked again).
    tree = parse_html(html, utf8, bounded=False)
    marks = collect_marks(tree)
    if marks.elements > MAX_ELEMENTS:
        trim_tree(tree, MAX_ELEMENTS)
        marks = collect_marks(tree)
    ld = read_jsonld(tree)
    meta: PageMeta = read_metadata(tree, ld, url, marks)
    leads = scan_leads(tree, meta.description, meta.title, marks)
    captions = _captions(marks)
    published = meta.published or _date_by_search(tree, url)

    # trafilatura takes the tree apart (a copy would cost every page); the few pages whose
    # text is short get a fresh parse for our own reading of their structure.
    lines = _trafilatura_lines(tree, url, marks)
    whole: HtmlElement | None = None
    if sum(len(line) for line in lines) < SHORT_TEXT_CHARS:
        whole = parse_html(html, utf8)
        lines = _fallback_lines(whole, ld.body, lines)
    site = site_of(meta.canonical_url or url)
    kept, removed = clean_lines(
        lines, site=site, boilerplate=boilerplate, page=meta.canonical_url or url
    )
    kept = restore_lead(_drop_title(kept, meta.title), leads)
    text = join_paragraphs(kept)
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError("no article text found on the page")
    if (
        len(text) < SHORT_TEXT_CHARS
        and not meta.declares_article
        and article_score(whole if whole is not None else parse_html(html, utf8)) < ARTICLE_SCORE
    ):
        raise ExtractError(
            f"the page does not look like an article (only {len(text)} characters of text "
            "and no article structure)"
        )
    return ExtractedArticle(
        text=text,
        title=meta.title,
        byline=meta.byline,
        published=published,
        language=meta.language or detect_language(text),
        canonical_url=meta.canonical_url,
        image=meta.image,
        removed=_removed_lines(removed, captions, text),
    )


def extract_article(
    html: str, url: str | None = None, *, boilerplate: SiteBoilerplate | None = None
) -> ExtractedArticle:
    """Clean text and metadata of an article page.

    ``url`` resolves relative links and names the site for ``boilerplate``, the optional
    per-site model of repeated lines (pass the same :class:`SiteBoilerplate` for every page
    so it can learn). Plain text (no HTML tags) is accepted and cleaned as text.

    Raises :class:`ExtractError` for pages that are empty, binary, unparseable, or not
    articles; never any other exception.
    """
    if isinstance(html, bytes | bytearray):  # tolerated: the caller meant the bytes variant
        return extract_article_bytes(bytes(html), url, boilerplate=boilerplate)
    return _at_the_boundary(html, url, boilerplate)


def _at_the_boundary(
    html: str, url: str | None, boilerplate: SiteBoilerplate | None, utf8: bytes | None = None
) -> ExtractedArticle:
    """:func:`_extract`, letting no exception but :class:`ExtractError` out."""
    try:
        return _extract(html, url, boilerplate, utf8)
    except ExtractError:
        raise
    except RecursionError as err:
        raise ExtractError("the page is nested too deeply to read") from err
    except Exception as err:  # the stage boundary: one bad page must not stop a batch
        log.warning("extraction failed on %s", url, exc_info=True)
        raise ExtractError(f"extraction failed ({type(err).__name__}: {err})") from err


# A page short enough to send trafilatura through its whole cascade, justext included.
_WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><p>"
    + "A short paragraph that stands for an article. " * 3
    + "</p></article></body></html>"
)


def warm_up() -> None:
    """Set up, once, what the extractors otherwise set up on the first page that needs it.

    trafilatura builds justext's stop-word list for every language the first time its full
    cascade meets a short page: 0.2–0.5 s of CPU in one go. A worker that calls this when it
    starts pays that up front rather than on some article's clock, and a benchmark that
    calls it measures pages rather than start-up.
    """
    with suppress(ExtractError):  # were the page declined, what it loaded stays loaded
        extract_article(_WARM_UP_PAGE, "https://example.org/warm-up")


def extract_article_bytes(
    data: bytes,
    url: str | None = None,
    content_type: str | None = None,
    *,
    boilerplate: SiteBoilerplate | None = None,
) -> ExtractedArticle:
    """:func:`extract_article` for raw page bytes, as the fetch layer receives them.

    The encoding comes from the BOM, the HTTP ``content_type`` charset or the page's
    ``<meta charset>``, checked against the bytes (see :mod:`storywatch.extract.decode`).
    A ``content_type`` that is clearly not a document (an image, a PDF) is refused.
    """
    if not data:
        raise ExtractError("the page is empty")
    if content_type and not _HTML_TYPES.match(content_type):
        raise ExtractError(f"not an HTML page (Content-Type: {content_type.split(';')[0].strip()})")
    reason = binary_reason_bytes(data)
    if reason:
        raise ExtractError(reason)
    try:
        data = bytes(data)
        text, _encoding, exact = decode_html_exact(data, content_type)
    except Exception as err:  # decoding must degrade, never crash the batch
        raise ExtractError(f"the page could not be decoded ({type(err).__name__})") from err
    # Pages that are strict UTF-8 (most) reach the parser as their own bytes.
    return _at_the_boundary(text, url, boilerplate, data if exact else None)
