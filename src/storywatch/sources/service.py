"""The sources application API: what the CLI, the web API and the demo call.

Adding a URL finds the feed behind it: a feed URL is taken as is, a web page is searched for
``<link rel="alternate">`` feeds (S1 discovery), and the first one that parses is followed.
Health is given in words a person can read on the sources page or in ``sources list``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from storywatch.app import Services
from storywatch.errors import Conflict, FeedError, FetchError, InvalidInput
from storywatch.sources.feeds import parse_feed
from storywatch.sources.fetch import SafeFetcher, shared_fetcher
from storywatch.sources.links import feed_links_in_html
from storywatch.sources.opml import OpmlFeed, parse_opml, render_opml
from storywatch.store import sources as source_store
from storywatch.store.sources import Source

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A source with its health summarised in words (``status`` is ok|failing|disabled|new)."""

    source: Source
    status: str
    summary: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[str, ...]
    existing: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]


def _span(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit}"
    return f"{seconds:.0f} s"


def _ago(then: datetime | None, now: datetime) -> str:
    if then is None:
        return "never"
    return f"{_span(max(0.0, (now - then).total_seconds()))} ago"


def _ago_to(when: datetime, now: datetime) -> str:
    return _span(max(0.0, (when - now).total_seconds()))


def health(source: Source, now: datetime) -> SourceHealth:
    """The source's state in one line of words."""
    parts: list[str] = []
    if not source.enabled:
        status = "disabled"
        parts.append("Disabled" + (f": {source.last_error}" if source.last_error else ""))
    elif source.consecutive_failures:
        status = "failing"
        times = source.consecutive_failures
        parts.append(
            f"Failing {times} time{'s' if times > 1 else ''} in a row: {source.last_error}"
        )
        parts.append(f"last success {_ago(source.last_success_at, now)}")
    elif source.last_success_at is None:
        status = "new"
        parts.append("Not polled yet")
    else:
        status = "ok"
        parts.append(f"OK, last success {_ago(source.last_success_at, now)}")
    if source.items_per_day is not None:
        parts.append(f"{source.items_per_day:.1f} items/day")
    if source.avg_fetch_ms is not None:
        parts.append(f"average fetch {source.avg_fetch_ms:.0f} ms")
    if source.poll_interval_seconds:
        parts.append(f"polled every {source.poll_interval_seconds} s (pinned)")
    if source.websub_state == "active":
        parts.append("WebSub push active")
    elif source.websub_error and source.websub_state in ("failed", "denied", "pending"):
        again = ""
        if source.websub_retry_at is not None and source.websub_retry_at > now:
            again = f", asking again in {_ago_to(source.websub_retry_at, now)}"
        parts.append(f"WebSub not active ({source.websub_error.rstrip('.')}{again})")
    if source.enabled and source.next_poll_at is not None and source.next_poll_at > now:
        parts.append(f"next poll in {(source.next_poll_at - now).total_seconds():.0f} s")
    return SourceHealth(source, status, "; ".join(parts))


def normalise_url(url: str) -> str:
    text = url.strip()
    if not text:
        raise InvalidInput("Give the URL of a feed or of a site.")
    bare_host = "://" not in text and "." not in text.split("/")[0]
    if any(ch.isspace() for ch in text) or bare_host:
        raise InvalidInput(
            f"{url!r} is not a web address; give one like https://example.com/feed.xml"
        )
    if "://" not in text:
        text = "https://" + text
    if not text.lower().startswith(("http://", "https://")):
        raise InvalidInput(f"Only http and https URLs can be followed, not {url!r}.")
    return text


async def discover(fetcher: SafeFetcher, url: str, max_bytes: int) -> tuple[str, str]:
    """(feed URL, feed title) for a feed URL or a page that announces feeds."""
    result = (await fetcher.fetch(url, max_bytes=max_bytes)).raise_for_status()
    try:
        feed = parse_feed(result.body, result.url, headers=result.headers)
        return result.permanent_redirect or url, feed.title
    except FeedError as not_feed:
        candidates = feed_links_in_html(result.text, result.url)
        if not candidates:
            raise InvalidInput(
                f"No feed found at {url}: {not_feed.message} The page names no feed "
                '(<link rel="alternate">).'
            ) from not_feed
    problems: list[str] = []
    for link in candidates[:5]:
        try:
            found = (await fetcher.fetch(link.url, max_bytes=max_bytes)).raise_for_status()
            feed = parse_feed(found.body, found.url, headers=found.headers)
            return found.permanent_redirect or link.url, feed.title or link.title
        except (FetchError, FeedError) as exc:
            problems.append(f"{link.url}: {exc.message}")
    raise InvalidInput(f"The feeds {url} names could not be read: " + "; ".join(problems))


def _wake_poller(services: Services) -> None:
    poller = services.extras.get("poller")
    wake = getattr(poller, "wake", None)
    if callable(wake):
        wake()


async def add_source(
    services: Services,
    url: str,
    *,
    title: str | None = None,
    poll_interval_seconds: int | None = None,
    discover_feed: bool = True,
) -> Source:
    """Follow a feed (or the feed a site announces); Conflict when it is followed already."""
    target = normalise_url(url)
    found_title = ""
    if discover_feed:
        target, found_title = await discover(
            shared_fetcher(services), target, services.settings.max_feed_bytes
        )
    async with services.db.write() as conn:
        source = await source_store.add(
            conn,
            target,
            services.clock(),
            title=title or found_title,
            poll_interval_seconds=poll_interval_seconds,
        )
    _wake_poller(services)
    return source


async def remove_source(services: Services, source_id: int) -> None:
    """Stop following a source: unsubscribe from its hub, then delete it and its articles."""
    async with services.db.read() as conn:
        source = await source_store.require(conn, source_id)
    if source.hub_url and source.websub_state in ("active", "pending"):
        from storywatch.sources.websub import websub_for

        problem = await websub_for(services).unsubscribe(source)
        if problem:
            log.info("unsubscribing source %s: %s", source_id, problem)
    async with services.db.write() as conn:
        await source_store.delete(conn, source_id)


async def set_poll_interval(services: Services, source_id: int, seconds: int | None) -> Source:
    """Pin (or, with None, unpin) how often a source is polled; due at once."""
    if seconds is not None and seconds < 1:
        raise InvalidInput("A pinned interval is at least 1 second.")
    async with services.db.write() as conn:
        await source_store.require(conn, source_id)
        await source_store.update(
            conn,
            source_id,
            {"poll_interval_seconds": seconds, "next_poll_at": services.clock()},
        )
        source = await source_store.require(conn, source_id)
    _wake_poller(services)
    return source


async def set_enabled(services: Services, source_id: int, enabled: bool) -> Source:
    values: dict[str, object] = {"enabled": enabled}
    if enabled:
        values.update(next_poll_at=services.clock(), consecutive_failures=0)
    async with services.db.write() as conn:
        await source_store.require(conn, source_id)
        await source_store.update(conn, source_id, values)
        source = await source_store.require(conn, source_id)
    _wake_poller(services)
    return source


async def list_sources(services: Services) -> list[SourceHealth]:
    async with services.db.read() as conn:
        rows = await source_store.list_all(conn)
    now = services.clock()
    return [health(s, now) for s in rows]


async def import_opml(
    services: Services, data: bytes, progress: Progress | None = None
) -> ImportReport:
    """Follow every feed of an OPML file. Feeds are not fetched here (the poller will):
    importing a thousand feeds takes seconds, and a dead feed shows up in its health."""
    feeds = parse_opml(data)
    added: list[str] = []
    existing: list[str] = []
    failed: list[tuple[str, str]] = []
    for n, feed in enumerate(feeds, start=1):
        try:
            url = normalise_url(feed.url)
            async with services.db.write() as conn:
                await source_store.add(
                    conn, url, services.clock(), title=feed.title, site_url=feed.site_url
                )
            added.append(url)
        except Conflict:
            existing.append(feed.url)
        except InvalidInput as exc:
            failed.append((feed.url, exc.message))
        if progress is not None:
            progress(n, len(feeds), feed.url)
    _wake_poller(services)
    return ImportReport(tuple(added), tuple(existing), tuple(failed))


async def export_opml(services: Services) -> bytes:
    async with services.db.read() as conn:
        rows = await source_store.list_all(conn, kind="feed")
    return render_opml(OpmlFeed(url=s.url, title=s.title, site_url=s.site_url) for s in rows)
