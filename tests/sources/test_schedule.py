"""The polling schedule rules, as pure functions."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from storywatch.settings import Settings
from storywatch.sources import schedule

NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)
S = Settings(poll_min_interval_seconds=60, poll_max_interval_seconds=6 * 3600)


def test_busy_feeds_are_polled_often_and_quiet_ones_rarely() -> None:
    every_10_min = [NOW - timedelta(minutes=10 * i) for i in range(1, 20)]
    busy = schedule.publishing_rate(every_10_min, NOW)
    assert busy is not None
    assert 120 < busy < 160
    assert schedule.base_interval(S, rate_per_day=busy) < 400
    weekly = [NOW - timedelta(days=7 * i) for i in range(1, 4)]
    quiet = schedule.publishing_rate(weekly, NOW)
    assert schedule.base_interval(S, rate_per_day=quiet) == 6 * 3600
    assert schedule.base_interval(S, rate_per_day=None) == S.poll_default_interval_seconds
    firehose = [NOW - timedelta(seconds=5 * i) for i in range(1, 20)]
    assert schedule.base_interval(S, rate_per_day=schedule.publishing_rate(firehose, NOW)) == 60


def test_publisher_hints_are_lower_bounds_and_a_pin_wins() -> None:
    assert schedule.base_interval(S, rate_per_day=1000, hints=[1800]) == 1800
    assert schedule.base_interval(S, rate_per_day=1000, hints=[None, 600]) == 600
    assert schedule.base_interval(S, rate_per_day=1000, hints=[10**9]) == 6 * 3600
    assert schedule.base_interval(S, rate_per_day=1000, hints=[1800], pinned=5) == 5
    assert schedule.base_interval(S, rate_per_day=1000, websub_active=True) == 3600


def test_retry_after_and_cache_control() -> None:
    assert schedule.parse_retry_after("120", NOW) == 120
    assert schedule.parse_retry_after("Wed, 01 May 2024 12:10:00 GMT", NOW) == 600
    assert schedule.parse_retry_after("garbage", NOW) is None
    assert schedule.parse_retry_after("999999999", NOW) == 24 * 3600
    assert schedule.parse_max_age("public, max-age=900") == 900
    assert schedule.parse_max_age("max-age=60, s-maxage=300") == 300
    assert schedule.parse_max_age("no-cache, max-age=900") is None
    assert schedule.parse_max_age(None) is None


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(1)
    delays = [schedule.backoff(S, n, 300, rng) for n in range(1, 12)]
    assert 150 <= delays[0] <= 300
    assert 600 <= delays[2] <= 1200
    assert max(delays) <= 6 * 3600
    spread = {round(schedule.backoff(S, 3, 300, rng)) for _ in range(20)}
    assert len(spread) > 10  # jittered, not lockstep


def test_rate_is_smoothed_and_future_dates_ignored() -> None:
    assert schedule.blend_rate(None, 10) == 10
    assert schedule.blend_rate(10, None) == 10
    assert schedule.blend_rate(10, 20) == 13
    future = [NOW + timedelta(days=1), NOW + timedelta(days=2)]
    assert schedule.publishing_rate(future, NOW) is None
