"""The web layer's door to the matcher: check a query, preview it over past articles.

The query language and the preview belong to the matching package; this module adapts
whatever shape their results take (objects or dicts) to the API's models, so the API stays
stable while they evolve.
"""

from __future__ import annotations

import importlib
import inspect
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from storywatch.app import Services
from storywatch.errors import ConfigError
from storywatch.web.api.common import ReasonOut, reasons_out


class PreviewItem(BaseModel):
    article_id: int
    title: str
    url: str | None
    source: str
    published_at: datetime | None
    story_id: int | None
    reasons: list[ReasonOut]


class PreviewOut(BaseModel):
    query: str
    days: int
    total: int = Field(description="Articles matched in the window (items may be fewer).")
    items: list[PreviewItem]


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def check_query(text: str) -> None:
    """Raise :class:`storywatch.errors.QueryError` when ``text`` does not parse."""
    parse = getattr(_module("storywatch.match"), "parse_query", None) or getattr(
        _module("storywatch.match.parse"), "parse_query", None
    )
    if parse is None:
        raise ConfigError("The query language is not available in this build.")
    parse(text)


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _item(raw: Any) -> PreviewItem:
    published = _get(raw, "published_at", "published", "arrived_at")
    story = _get(raw, "story_id")
    return PreviewItem(
        article_id=int(_get(raw, "article_id", "id") or 0),
        title=str(_get(raw, "title") or ""),
        url=_get(raw, "url"),
        source=str(_get(raw, "source", "source_title", "outlet") or ""),
        published_at=published if isinstance(published, datetime) else None,
        story_id=int(story) if story is not None else None,
        reasons=reasons_out(_get(raw, "reasons", "why")),
    )


async def run_preview(
    services: Services, query: str, *, days: int, limit: int, user_id: int
) -> PreviewOut:
    """What ``query`` would have matched over the last ``days`` days."""
    module = _module("storywatch.service.preview")
    preview = getattr(module, "preview", None)
    if preview is None:
        raise ConfigError("Preview is not available in this build.")
    result = preview(services, query, days=days, limit=limit, user_id=user_id)
    if inspect.isawaitable(result):
        result = await result
    raw_items = _get(result, "items", "matches")
    if raw_items is None:
        raw_items = result if isinstance(result, list | tuple) else []
    items = [_item(r) for r in raw_items][:limit]
    total = _get(result, "total", "count")
    return PreviewOut(
        query=query,
        days=days,
        total=int(total) if total is not None else len(items),
        items=items,
    )
