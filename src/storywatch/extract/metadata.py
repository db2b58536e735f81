"""Title, byline, dates, language, canonical URL and lead image of a page (X1).

Sources are ranked by how often they are right on news sites: schema.org JSON-LD first, then
Open Graph / Dublin Core / Parse.ly / article meta tags, then the visible page (``<h1>``,
byline elements, ``<time>``), and only then expensive guessing (htmldate's scan of the whole
page). Everything is read from the tree before the text extractor prunes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from storywatch.extract.dates import parse_date
from storywatch.extract.hints import may_hold
from storywatch.extract.jsonld import JsonLdArticle
from storywatch.extract.marks import PageMarks, collect_marks

_WS = re.compile(r"\s+")
_BY_PREFIX = re.compile(
    r"^\s*(?:by|von|par|por|di|door|av|af|przez|autor(?:in)?:?|author:?|written by|posted by)\s+",
    re.I,
)
_BYLINE_TAIL = re.compile(
    r"\s*(?:[|,•·]\s*)?(?:updated|published|posted|aktualisiert|veröffentlicht|\d{1,2}[./]\d|"
    r"\d{1,2}\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d).*$",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"^(?:last|updated?|published|posted|follow|share|comments?|staff|admin|editor|anonymous"
    r"|unknown|null|none|home|menu|search|read|more)\b",
    re.I,
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»/]|::)(?:\s+|$)")
_BYLINE_WORDS = ("byline", "author", "writer", "autor", "auteur", "firma")
_BYLINE_CLASS = re.compile("|".join(_BYLINE_WORDS), re.I)
_NOT_BYLINE_CLASS = re.compile(r"avatar|bio|image|photo|img|comment|url|label|box|social", re.I)

_TITLE_KEYS = (
    "dc.title",
    "dc:title",
    "dcterm:title",
    "dcterms.title",
    "og:title",
    "title",
    "twitter:title",
    "parsely-title",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "og:article:author",
    "twitter:creator",
)
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "parsely-pub-date",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "article.published",
    "og:published_time",
    "cxenseparse:recs:publishtime",
)
_IMAGE_KEYS = (
    "og:image:secure_url",
    "og:image",
    "og:image:url",
    "twitter:image",
    "twitter:image:src",
)
_LANG_KEYS = ("content-language", "og:locale", "language", "dc.language", "inlanguage")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata read from one page; ``description`` helps find a dropped lead paragraph."""

    title: str | None = None
    byline: str | None = None
    published: datetime | None = None
    language: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    description: str | None = None
    site_name: str | None = None
    declares_article: bool = False  # og:type article, an article in JSON-LD, a published time


def clean_space(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def meta_values(tree: HtmlElement) -> dict[str, str]:
    """Every ``<meta>`` name/property/itemprop/http-equiv, lowercased, first value wins."""
    values: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                for part in key.lower().split():
                    values.setdefault(part, content.strip())
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = values.get(key)
        if value:
            return value
    return None


_MAX_URL_CHARS = 2048


def usable_url(url: str | None) -> str | None:
    """An absolute http(s) URL with a host, or None: pages carry broken links in metadata."""
    if not url or len(url) > _MAX_URL_CHARS or any(ch.isspace() for ch in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.hostname else None


def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    if link.startswith("//"):
        link = "https:" + link
    try:
        resolved = urljoin(base, link) if base else link
    except ValueError:
        return None
    return usable_url(resolved)


# --------------------------------------------------------------------------- title


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def site_names(values: dict[str, str], url: str | None) -> set[str]:
    """What the site calls itself: og:site_name, the web-app name, its host's main label."""
    names = {
        _squash(values[key])
        for key in ("og:site_name", "application-name", "apple-mobile-web-app-title")
        if values.get(key)
    }
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "edition")]
    if len(labels) >= 2:
        names.add(_squash(labels[-2]))
    return {name for name in names if len(name) >= 2}


def cut_site_name(title: str, names: set[str]) -> str:
    """Drop a " | Site Name" suffix or "Site Name: " prefix when the site's name is known.

    Without evidence of the site's name nothing is cut: guessing ("keep the longest part")
    cuts real headlines such as "Topic — Headline" or "Headline - Author".
    """
    if not names:
        return title
    pieces = [piece for piece in _TITLE_SEPARATORS.split(title) if piece.strip()]
    count = len(pieces)
    if count < 2:
        return title

    def is_site(piece: str) -> bool:
        # "Aktuálně.cz" for "Aktuálně.cz - Víte, co se právě děje"; "Breitbart News" for
        # breitbart.com; never a long piece that merely contains the name.
        squashed = _squash(piece)
        return bool(squashed) and any(
            squashed == name
            or (len(squashed) >= 4 and squashed in name)
            or (len(name) >= 4 and name in squashed and len(squashed) <= len(name) + 8)
            for name in names
        )

    while len(pieces) > 1 and is_site(pieces[-1]):
        pieces.pop()
    while len(pieces) > 1 and is_site(pieces[0]):
        pieces.pop(0)
    if len(pieces) == count:
        return title
    first, last = pieces[0], pieces[-1]
    return title[title.index(first) : title.rindex(last) + len(last)].strip()


def _jsonld_title(ld: JsonLdArticle, shown: str) -> str | None:
    """JSON-LD ``headline``, or its ``name`` when only the name is the title the page shows.

    Some sites (Wikipedia) put a description in ``headline`` and the title in ``name``.
    """
    if ld.headline and ld.name and ld.headline != ld.name:
        folded = shown.casefold()
        if folded.startswith(ld.name.casefold()) and ld.headline.casefold() not in folded:
            return ld.name
    return ld.headline


def read_title(
    tree: HtmlElement, values: dict[str, str], ld: JsonLdArticle, url: str | None = None
) -> str | None:
    names = site_names(values, url)
    title_el = tree.find(".//title")
    page_title = clean_space(title_el.text_content() if title_el is not None else "")
    shown = page_title or values.get("og:title", "")
    from_ld = _jsonld_title(ld, shown) if ld.is_article else None
    for candidate in (from_ld, _first(values, _TITLE_KEYS)):
        text = clean_space(candidate)
        if text and len(text) > 2:
            return cut_site_name(text, names)
    if page_title:
        return cut_site_name(page_title, names)
    h1 = tree.find(".//h1")
    text = clean_space(h1.text_content() if h1 is not None else "")
    return text or None


# --------------------------------------------------------------------------- byline


def clean_byline(raw: str | None) -> str | None:
    text = clean_space(raw)
    if not text or text.startswith(("http://", "https://", "@")):
        return None
    text = _BY_PREFIX.sub("", text)
    text = _BYLINE_TAIL.sub("", text).strip(" |,-–—:").rstrip("0123456789 ")
    if not text or len(text) > 120 or len(text.split()) > 14 or _NOT_A_NAME.match(text):
        return None
    return text


def _byline_from_dom(marks: PageMarks) -> str | None:
    for el in marks.rel_author:
        found = clean_byline(el.text_content())
        if found:
            return found
    for el in marks.itemprop_author:
        name = el.find(".//*[@itemprop='name']")
        found = clean_byline((name if name is not None else el).text_content())
        if found:
            return found
    for value, el in marks.byline_marks:
        if (
            not may_hold(value, _BYLINE_WORDS)
            or not _BYLINE_CLASS.search(value)
            or _NOT_BYLINE_CLASS.search(value)
        ):
            continue
        found = clean_byline(el.text_content())
        # Names are short; a long "author" box is a teaser or a bio.
        if found and len(found.split()) <= 7 and any(ch.isupper() for ch in found[:2]):
            return found
    return None


def read_byline(marks: PageMarks, values: dict[str, str], ld: JsonLdArticle) -> str | None:
    if ld.authors:
        names = [n for n in (clean_byline(a) for a in ld.authors) if n]
        if names:
            return ", ".join(dict.fromkeys(names))
    found = clean_byline(_first(values, _AUTHOR_KEYS))
    return found or _byline_from_dom(marks)


# --------------------------------------------------------------------------- dates


def _published_from_dom(tree: HtmlElement, marks: PageMarks) -> datetime | None:
    for el in marks.date_published:
        value = parse_date(el.get("datetime") or el.get("content") or el.text_content())
        if value:
            return value
    for el in tree.iterfind(".//time"):
        value = parse_date(el.get("datetime") or el.text_content())
        if value:
            return value
    return None


def read_published(
    tree: HtmlElement, marks: PageMarks, values: dict[str, str], ld: JsonLdArticle
) -> datetime | None:
    for raw in (ld.published, _first(values, _PUBLISHED_KEYS)):
        value = parse_date(raw)
        if value:
            return value
    return _published_from_dom(tree, marks)


# --------------------------------------------------------------------------- language


def primary_language(tag: str | None) -> str | None:
    """``en`` from ``en-US``, ``en_GB`` or ``EN``; None for what is not a language tag."""
    if not tag:
        return None
    head = re.split(r"[-_,;\s]", tag.strip().lower(), maxsplit=1)[0]
    return head if head.isalpha() and 2 <= len(head) <= 3 else None


def read_language(tree: HtmlElement, values: dict[str, str], ld: JsonLdArticle) -> str | None:
    html = tree if tree.tag == "html" else tree.find(".//html")
    declared = html.get("lang") or html.get("xml:lang") if html is not None else None
    return (
        primary_language(declared)
        or primary_language(ld.language)
        or primary_language(_first(values, _LANG_KEYS))
    )


# --------------------------------------------------------------------------- links


def read_canonical(
    tree: HtmlElement, values: dict[str, str], ld: JsonLdArticle, url: str | None
) -> str | None:
    for link in tree.iterfind(".//link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found = _absolute(link.get("href"), url)
            if found:
                return found
    return _absolute(values.get("og:url"), url) or _absolute(ld.url, url)


def read_image(
    tree: HtmlElement, values: dict[str, str], ld: JsonLdArticle, url: str | None
) -> str | None:
    found = _absolute(_first(values, _IMAGE_KEYS), url) or _absolute(ld.image, url)
    if found:
        return found
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").lower() == "image_src":
            return _absolute(link.get("href"), url)
    return None


def read_metadata(
    tree: HtmlElement, ld: JsonLdArticle, url: str | None, marks: PageMarks | None = None
) -> PageMeta:
    """All page metadata in one pass over the ``<meta>`` tags and a few DOM lookups.

    ``marks`` (:func:`~storywatch.extract.marks.collect_marks`) are gathered here when the
    caller has not already gathered them for its other readers.
    """
    if marks is None:
        marks = collect_marks(tree)
    values = meta_values(tree)
    description = _first(values, ("og:description", "description", "twitter:description"))
    return PageMeta(
        title=read_title(tree, values, ld, url),
        byline=read_byline(marks, values, ld),
        published=read_published(tree, marks, values, ld),
        language=read_language(tree, values, ld),
        canonical_url=read_canonical(tree, values, ld, url),
        image=read_image(tree, values, ld, url),
        description=clean_space(description) or None,
        site_name=values.get("og:site_name"),
        declares_article=ld.is_article
        or values.get("og:type", "").lower().startswith("article")
        or "article:published_time" in values,
    )
