"""When to poll a feed next (S2): pure functions of what the last poll saw.

The interval follows the feed's publishing rate: we aim to poll about twice per expected new
item, so a feed that publishes every ten minutes is polled every five (bounded below by
``poll_min_interval_seconds``) and a feed that publishes weekly drifts to the maximum. The
publisher's own hints are lower bounds (``<ttl>``, ``Cache-Control: max-age``, the
syndication module's update period), because polling faster than a publisher asks is
impolite and gains nothing: the content is not promised to change. ``Retry-After`` on 429 and
503 is obeyed outright. Errors back off exponentially with jitter, and every interval is
jittered a little so ten thousand feeds added at once do not stay in lockstep.

An admin can pin a source's interval (``poll_interval_seconds``); the pin wins over rate and
hints (the demo polls its own local feeds every few seconds), but not over ``Retry-After``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from storywatch.settings import Settings

MIN_PINNED_SECONDS = 1.0
RATE_WINDOW_DAYS = 30.0
RATE_SAMPLE = 20
RATE_SMOOTHING = 0.3  # weight of the newest estimate when blending with the stored one
POLLS_PER_ITEM = 2.0
NORMAL_JITTER = 0.1  # ±10 % on a healthy schedule
MAX_RETRY_AFTER = 24 * 3600.0
WEBSUB_FALLBACK_SECONDS = 3600.0  # with a live WebSub lease, polling is only a safety net

_MAX_AGE = re.compile(r"(?:^|,)\s*(s-maxage|max-age)\s*=\s*\"?(\d+)\"?", re.IGNORECASE)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - now).total_seconds(), MAX_RETRY_AFTER))


def parse_max_age(cache_control: str | None) -> int | None:
    """``max-age`` (or ``s-maxage``) from Cache-Control; None with no-store/no-cache."""
    if not cache_control:
        return None
    lowered = cache_control.lower()
    if "no-store" in lowered or "no-cache" in lowered:
        return None
    ages = [int(m.group(2)) for m in _MAX_AGE.finditer(cache_control)]
    return max(ages) if ages else None


def publishing_rate(published: Iterable[datetime], now: datetime) -> float | None:
    """Items per day from the feed's own dates (the newest ones, within a month).

    None when the feed gives no usable date (then the stored rate stands); 0 when every
    dated item is older than the window. Future dates are ignored.
    """
    past = [t for t in published if t <= now]
    if not past:
        return None
    window = RATE_WINDOW_DAYS * 86400
    recent = sorted((t for t in past if (now - t).total_seconds() <= window), reverse=True)
    recent = recent[:RATE_SAMPLE]
    if len(recent) < 2:
        return len(recent) / RATE_WINDOW_DAYS
    # span from the oldest sampled item to now: a feed that stopped publishing slows down
    span_days = max((now - recent[-1]).total_seconds() / 86400, 1 / 1440)
    return (len(recent) - 1) / span_days


def blend_rate(stored: float | None, observed: float | None) -> float | None:
    """Smooth the rate across polls so one burst or lull does not swing the schedule."""
    if observed is None:
        return stored
    if stored is None:
        return observed
    return (1 - RATE_SMOOTHING) * stored + RATE_SMOOTHING * observed


def base_interval(
    settings: Settings,
    *,
    rate_per_day: float | None,
    hints: Iterable[float | None] = (),
    pinned: float | None = None,
    websub_active: bool = False,
) -> float:
    """Seconds until the next poll of a healthy feed, before jitter."""
    if pinned is not None and pinned > 0:
        return max(MIN_PINNED_SECONDS, float(pinned))
    low = float(settings.poll_min_interval_seconds)
    high = float(settings.poll_max_interval_seconds)
    if rate_per_day is None:
        interval = float(settings.poll_default_interval_seconds)
    elif rate_per_day <= 0:
        interval = high
    else:
        interval = 86400.0 / (rate_per_day * POLLS_PER_ITEM)
    for hint in hints:
        if hint is not None and hint > 0:
            interval = max(interval, float(hint))
    if websub_active:
        interval = max(interval, WEBSUB_FALLBACK_SECONDS)
    return min(max(interval, low), high)


def backoff(settings: Settings, failures: int, base: float, rng: random.Random) -> float:
    """Delay after ``failures`` consecutive errors: doubling from the healthy interval,
    jittered over its upper half, capped at the longest interval."""
    cap = float(settings.poll_max_interval_seconds)
    start = max(MIN_PINNED_SECONDS, min(base, cap))
    delay: float = min(cap, start * 2.0 ** min(max(0, failures - 1), 40))
    spread: float = 0.5 + rng.random() * 0.5
    return delay * spread


def jittered(interval: float, rng: random.Random) -> float:
    factor: float = 1 - NORMAL_JITTER + 2 * NORMAL_JITTER * rng.random()
    return interval * factor
