"""Latency (D4): from an article's publication, and from its arrival, to each send.

Two clocks matter to a reader. *Since published* includes the outlet's own delay before its
feed showed the item, which Storywatch cannot shorten but a user should see per source.
*Since arrival* is Storywatch's own work (extract, understand, cluster, match, deliver), per
channel. Both are summarised as count, median, p95 and max, grouped by source and by channel.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storywatch.store.notifications import SentTiming


@dataclass(frozen=True, slots=True)
class Spread:
    """A distribution of latencies in milliseconds."""

    count: int
    p50_ms: float | None
    p95_ms: float | None
    max_ms: float | None


@dataclass(frozen=True, slots=True)
class Group:
    """The latencies of one source or one channel."""

    key: str
    id: int | None
    name: str
    since_published: Spread
    since_arrived: Spread


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q`` quantile (0..1) by linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def spread(values: Sequence[float]) -> Spread:
    return Spread(
        count=len(values),
        p50_ms=_round(percentile(values, 0.5)),
        p95_ms=_round(percentile(values, 0.95)),
        max_ms=_round(max(values) if values else None),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _ms(later: datetime, earlier: datetime | None) -> float | None:
    if earlier is None:
        return None
    value = (later - earlier).total_seconds() * 1000.0
    return value if value >= 0 else None  # a publication time in the future is not a latency


def delay_since_published(t: SentTiming) -> float | None:
    return _ms(t.sent_at, t.published_at)


def delay_since_arrived(t: SentTiming) -> float | None:
    return _ms(t.sent_at, t.arrived_at)


def summarise(
    timings: Iterable[SentTiming],
    key: Callable[[SentTiming], tuple[str, int | None, str]],
) -> list[Group]:
    """Group timings by ``key`` (a key string, an id and a display name), busiest first."""
    published: dict[tuple[str, int | None, str], list[float]] = defaultdict(list)
    arrived: dict[tuple[str, int | None, str], list[float]] = defaultdict(list)
    seen: list[tuple[str, int | None, str]] = []
    for t in timings:
        k = key(t)
        if k not in published and k not in arrived:
            seen.append(k)
        p, a = delay_since_published(t), delay_since_arrived(t)
        published[k].extend([p] if p is not None else [])
        arrived[k].extend([a] if a is not None else [])
    groups = [
        Group(
            key=k[0],
            id=k[1],
            name=k[2],
            since_published=spread(published[k]),
            since_arrived=spread(arrived[k]),
        )
        for k in seen
    ]
    return sorted(
        groups, key=lambda g: (-max(g.since_arrived.count, g.since_published.count), g.key)
    )


def by_source(t: SentTiming) -> tuple[str, int | None, str]:
    if t.source_id is None:
        return ("none", None, "no source")
    return (f"source:{t.source_id}", t.source_id, t.source_title or f"source {t.source_id}")


def by_channel(t: SentTiming) -> tuple[str, int | None, str]:
    return (f"channel:{t.channel_id}", t.channel_id, t.channel_name or t.channel_kind)


def by_kind(t: SentTiming) -> tuple[str, int | None, str]:
    return (t.channel_kind, None, t.channel_kind)


def report(timings: Sequence[SentTiming]) -> dict[str, Any]:
    """Everything the latency endpoint shows, from one list of sent deliveries."""
    arrived = [d for d in (delay_since_arrived(t) for t in timings) if d is not None]
    published = [d for d in (delay_since_published(t) for t in timings) if d is not None]
    return {
        "overall": {"since_published": spread(published), "since_arrived": spread(arrived)},
        "by_source": summarise(timings, by_source),
        "by_channel": summarise(timings, by_channel),
        "by_kind": summarise(timings, by_kind),
    }
