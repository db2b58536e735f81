"""The article object of a page's schema.org JSON-LD, read defensively.

News sites describe their articles for search engines in ``<script type="application/ld+json">``
blocks: headline, authors, dates, image, often the whole body. It is the most reliable
metadata on a page when present, and the shapes vary wildly (``@graph`` wrappers, lists,
authors as strings, objects or lists of either, trailing commas, HTML entities), so every
access here tolerates the wrong type and returns nothing rather than raising.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "webpage",
    "medicalwebpage",
}
_PAGE_LIKE = {"webpage", "medicalwebpage"}
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


@dataclass(frozen=True, slots=True)
class JsonLdArticle:
    """What the JSON-LD says about the article; every field may be missing."""

    headline: str | None = None
    name: str | None = None  # sometimes the title when "headline" is a description
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    image: str | None = None
    url: str | None = None
    body: str | None = None
    is_article: bool = False


_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")


def _load(raw: str) -> Any:
    raw = _WRAPPERS.sub("", raw.strip()).strip()
    if not raw:
        return None
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        try:
            return json.loads(_TRAILING_COMMA.sub(r"\1", raw), strict=False)
        except ValueError:
            return None


def _objects(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _objects(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        graph = node.get("@graph")
        if graph is not None:
            yield from _objects(graph, depth + 1)
        main = node.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _objects(main, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("@value") or value.get("name"))
    return None


def _names(value: Any) -> list[str]:
    """Author names from a string, an object, or a list of either (organisations included)."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            return [name.strip()]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given.strip()} {family.strip()}".strip()]
        return []
    if isinstance(value, list):
        return [name for item in value[:10] for name in _names(item)]
    return []


def _url(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return _url(value[0])
    if isinstance(value, dict):
        return _url(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return None


def _score(obj: dict[str, Any]) -> int:
    types = _types(obj)
    if not types & _ARTICLE_TYPES:
        return 0
    score = 1 if types & _PAGE_LIKE else 3
    score += sum(1 for key in ("headline", "datePublished", "author", "articleBody") if key in obj)
    return score


def read_jsonld(tree: HtmlElement) -> JsonLdArticle:
    """The best article-like JSON-LD object of the page (an empty value when there is none)."""
    best: dict[str, Any] | None = None
    best_score = 0
    for script in tree.iterfind(".//script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind or not script.text:
            continue
        for obj in _objects(_load(script.text)):
            score = _score(obj)
            if score > best_score:
                best, best_score = obj, score
    if best is None:
        return JsonLdArticle()
    body = best.get("articleBody") or best.get("text")
    headline, name = _text(best.get("headline")), _text(best.get("name"))
    main_page = best.get("mainEntityOfPage")
    return JsonLdArticle(
        headline=headline or name,
        name=name,
        authors=tuple(dict.fromkeys(_names(best.get("author") or best.get("creator")))),
        published=_text(best.get("datePublished")) or _text(best.get("dateCreated")),
        modified=_text(best.get("dateModified")),
        language=_text(best.get("inLanguage")),
        image=_url(best.get("image") or best.get("thumbnailUrl")),
        url=_url(best.get("url")) or _url(main_page),
        body=body.strip() if isinstance(body, str) and body.strip() else None,
        is_article=not (_types(best) <= _PAGE_LIKE),
    )
