"""What one poll means for its source: read → decide → write, with the decision pure here.

:func:`decide` takes the source as stored, what the fetch and the parse produced, and the
time, and returns a :class:`PollDecision`: the column values to store (schedule, health,
validators, WebSub hints) and the new items. The poller does the I/O on both sides, so
every rule about schedules and health is tested without a server or a database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from storywatch.model import IncomingArticle, ParsedFeed
from storywatch.settings import Settings
from storywatch.sources import schedule
from storywatch.sources.entries import entry_to_incoming
from storywatch.sources.fetch import FetchResult
from storywatch.sources.links import header_links
from storywatch.store.sources import Source

AVG_SMOOTHING = 0.2
THROTTLED = frozenset({429, 503})


@dataclass(frozen=True, slots=True)
class PollDecision:
    """The outcome of one poll before it is written: columns, new items, words."""

    values: dict[str, Any]
    items: tuple[IncomingArticle, ...] = ()
    ok: bool = True
    error: str | None = None
    moved_to: str | None = None
    hub_found: bool = False
    next_poll_at: datetime | None = None
    notes: tuple[str, ...] = field(default=())


def _health_success(source: Source, now: datetime, elapsed_ms: float) -> dict[str, Any]:
    avg = source.avg_fetch_ms
    return {
        "last_polled_at": now,
        "last_success_at": now,
        "last_error": None,
        "last_error_at": None,
        "consecutive_failures": 0,
        "avg_fetch_ms": elapsed_ms
        if avg is None
        else (1 - AVG_SMOOTHING) * avg + AVG_SMOOTHING * elapsed_ms,
    }


def _healthy_interval(
    settings: Settings, source: Source, rate: float | None, hints: list[float | None]
) -> float:
    return schedule.base_interval(
        settings,
        rate_per_day=rate,
        hints=hints,
        pinned=source.poll_interval_seconds,
        websub_active=source.websub_state == "active",
    )


def failure(
    settings: Settings,
    source: Source,
    now: datetime,
    rng: random.Random,
    message: str,
    *,
    retry_after: float | None = None,
    elapsed_ms: float | None = None,
    disable: bool = False,
) -> PollDecision:
    """An error: recorded in words, the next poll backed off (or as the server asked)."""
    failures = source.consecutive_failures + 1
    base = _healthy_interval(settings, source, source.items_per_day, [source.ttl_seconds])
    delay = schedule.backoff(settings, failures, base, rng)
    if retry_after is not None:
        delay = max(delay, retry_after)
    next_at = now + timedelta(seconds=delay)
    values: dict[str, Any] = {
        "last_polled_at": now,
        "last_error": message[:2000],
        "last_error_at": now,
        "consecutive_failures": failures,
        "next_poll_at": next_at,
    }
    if elapsed_ms is not None and source.avg_fetch_ms is not None:
        values["avg_fetch_ms"] = (
            1 - AVG_SMOOTHING
        ) * source.avg_fetch_ms + AVG_SMOOTHING * elapsed_ms
    if disable:
        values["enabled"] = False
    return PollDecision(values=values, ok=False, error=message, next_poll_at=next_at)


def http_failure(
    settings: Settings, source: Source, now: datetime, rng: random.Random, result: FetchResult
) -> PollDecision:
    """A non-2xx, non-304 answer, in words; 410 stops polling; 429/503 obey Retry-After."""
    status = result.status
    retry_after = None
    if status in THROTTLED:
        retry_after = schedule.parse_retry_after(result.headers.get("retry-after"), now)
    if status == 410:
        message = "The feed is gone (HTTP 410); polling stopped. Remove it or enable it again."
    elif status == 429:
        message = "The server asked us to slow down (HTTP 429)."
    elif status == 503:
        message = "The server is unavailable (HTTP 503)."
    elif status == 404:
        message = "The feed was not found (HTTP 404)."
    elif status in (401, 403):
        message = f"The server refused access to the feed (HTTP {status})."
    else:
        message = f"The server answered HTTP {status}."
    if retry_after:
        message += f" It asked us to wait {retry_after:.0f} s."
    return failure(
        settings,
        source,
        now,
        rng,
        message,
        retry_after=retry_after,
        elapsed_ms=result.elapsed_ms,
        disable=status == 410,
    )


def _hints(source: Source, result: FetchResult, feed: ParsedFeed | None) -> list[float | None]:
    ttl = feed.ttl_seconds if feed is not None else source.ttl_seconds
    return [ttl, schedule.parse_max_age(result.headers.get("cache-control"))]


def not_modified(
    settings: Settings, source: Source, now: datetime, rng: random.Random, result: FetchResult
) -> PollDecision:
    """A 304: nothing new; keep the rate, refresh health and validators."""
    values = _health_success(source, now, result.elapsed_ms)
    interval = _healthy_interval(
        settings, source, source.items_per_day, _hints(source, result, None)
    )
    next_at = now + timedelta(seconds=schedule.jittered(interval, rng))
    values["next_poll_at"] = next_at
    if result.etag:
        values["etag"] = result.etag[:500]
    if result.last_modified:
        values["last_modified"] = result.last_modified[:100]
    if result.permanent_redirect:
        values["url"] = result.permanent_redirect
    return PollDecision(values=values, next_poll_at=next_at, moved_to=result.permanent_redirect)


def ordered_items(feed: ParsedFeed) -> tuple[IncomingArticle, ...]:
    """Oldest first, so article ids follow publication order within a poll."""
    items = [entry_to_incoming(e, feed) for e in reversed(feed.entries)]
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.guid not in seen:
            seen.add(item.guid)
            unique.append(item)
    dated = all(i.published is not None for i in unique)
    if dated:
        unique.sort(key=lambda i: i.published)  # type: ignore[arg-type, return-value]
    return tuple(unique)


def fetched(
    settings: Settings,
    source: Source,
    now: datetime,
    rng: random.Random,
    result: FetchResult,
    feed: ParsedFeed,
) -> PollDecision:
    """A 200 with a feed: health, rate, schedule, validators, metadata, hubs, items."""
    values = _health_success(source, now, result.elapsed_ms)
    dates = [e.published or e.updated for e in feed.entries]
    observed = schedule.publishing_rate([d for d in dates if d is not None], now)
    rate = schedule.blend_rate(source.items_per_day, observed)
    values["items_per_day"] = rate
    interval = _healthy_interval(settings, source, rate, _hints(source, result, feed))
    next_at = now + timedelta(seconds=schedule.jittered(interval, rng))
    values["next_poll_at"] = next_at
    values["etag"] = (result.etag or "")[:500] or None
    values["last_modified"] = (result.last_modified or "")[:100] or None
    values["ttl_seconds"] = feed.ttl_seconds
    values["format"] = feed.format[:16]
    if feed.title and feed.title != source.title:
        values["title"] = feed.title[:500]
    if feed.link and not source.site_url:
        values["site_url"] = feed.link[:2048]
    notes: list[str] = []
    if feed.malformed:
        notes.append(f"The feed is not well-formed, but was read: {feed.malformed_reason}.")
    link_hubs, link_self = header_links(result.headers.get_list("link"), result.url)
    hubs = link_hubs or feed.hubs
    hub_found = False
    if settings.websub_enabled and hubs and hubs[0] != source.hub_url:
        values["hub_url"] = hubs[0][:2048]
        values["topic_url"] = (link_self or feed.self_url or result.url)[:2048]
        values["websub_state"] = None
        hub_found = True
    if result.permanent_redirect:
        values["url"] = result.permanent_redirect
    return PollDecision(
        values=values,
        items=ordered_items(feed),
        next_poll_at=next_at,
        moved_to=result.permanent_redirect,
        hub_found=hub_found,
        notes=tuple(notes),
    )
