"""The attention policy with an injected clock: threads, rate limits, quiet hours, digests."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from storywatch.deliver.policy import (
    Ask,
    Attention,
    Decision,
    Limits,
    Recent,
    decide,
    digest_due,
    digest_period_key,
    in_quiet_hours,
    quiet_hours_end,
    remember,
    retry_delay,
    should_dead_letter,
    use_fallback,
)

T0 = datetime(2024, 6, 3, 12, 0, tzinfo=UTC)  # a Monday, 12:00 UTC
LIMITS = Limits(coalesce_seconds=600, user_per_hour=5, story_per_hour=2)


NO_PREFS = Attention()


def run(
    asks: list[tuple[Ask, datetime]], attention: Attention = NO_PREFS, limits: Limits = LIMITS
) -> list[Decision]:
    recent = Recent()
    out = []
    for ask, now in asks:
        decision = decide(ask, attention, recent, now, limits)
        remember(recent, ask, decision, now)
        out.append(decision)
    return out


# ----------------------------------------------------------------------------- threads


def test_a_story_moving_again_within_the_window_continues_the_thread() -> None:
    ask = Ask(story_id=1, collapse_key="story:1")
    first, second, third = run(
        [(ask, T0), (ask, T0 + timedelta(minutes=9)), (ask, T0 + timedelta(minutes=30))],
        limits=Limits(coalesce_seconds=600, user_per_hour=50, story_per_hour=50),
    )
    assert first.thread_key == second.thread_key  # 9 min later: same device notification
    assert third.thread_key != second.thread_key  # 21 min after the last move: a new one
    assert first.thread_key is not None
    assert first.thread_key.startswith("story:1@")


def test_the_window_counts_from_the_last_move_not_the_first() -> None:
    ask = Ask(story_id=1, collapse_key="story:1")
    steps = [(ask, T0 + timedelta(minutes=8 * i)) for i in range(5)]  # every 8 minutes
    decisions = run(steps, limits=Limits(coalesce_seconds=600, user_per_hour=50, story_per_hour=50))
    assert len({d.thread_key for d in decisions}) == 1


def test_different_stories_have_different_threads() -> None:
    a, b = run(
        [
            (Ask(story_id=1, collapse_key="story:1"), T0),
            (Ask(story_id=2, collapse_key="story:2"), T0),
        ]
    )
    assert a.thread_key != b.thread_key


# ----------------------------------------------------------------------------- rate limits


def test_per_story_limit_defers_the_push_until_the_hour_frees() -> None:
    ask = Ask(story_id=7, collapse_key="story:7")
    d1, d2, d3 = run(
        [(ask, T0), (ask, T0 + timedelta(minutes=10)), (ask, T0 + timedelta(minutes=20))]
    )
    assert d1.deliver_at == T0
    assert d2.deliver_at == T0 + timedelta(minutes=10)
    assert not d3.held
    assert d3.deliver_at == T0 + timedelta(hours=1)  # when the first of the two leaves the hour
    assert d3.note is not None
    assert "this story" in d3.note


def test_per_story_limit_is_per_story() -> None:
    decisions = run(
        [
            (Ask(story_id=1, collapse_key="story:1"), T0),
            (Ask(story_id=1, collapse_key="story:1"), T0),
            (Ask(story_id=2, collapse_key="story:2"), T0),
        ]
    )
    assert [d.deliver_at for d in decisions] == [T0, T0, T0]


def test_per_user_limit_holds_non_urgent_for_the_digest_and_lets_urgent_through() -> None:
    asks = [(Ask(story_id=i), T0 + timedelta(minutes=i)) for i in range(5)]
    asks.append((Ask(story_id=99), T0 + timedelta(minutes=6)))
    asks.append((Ask(story_id=100, urgent=True), T0 + timedelta(minutes=7)))
    decisions = run(asks)
    assert [d.held for d in decisions[:5]] == [False] * 5
    assert decisions[5].held
    assert decisions[5].note is not None
    assert "rate limit" in decisions[5].note
    assert not decisions[6].held


def test_user_limit_window_slides() -> None:
    asks = [(Ask(story_id=i), T0 + timedelta(minutes=i)) for i in range(5)]
    asks.append((Ask(story_id=50), T0 + timedelta(minutes=61)))  # the first push left the hour
    assert not run(asks)[-1].held


def test_digest_mode_is_held() -> None:
    (d,) = run([(Ask(mode="digest", story_id=1), T0)], attention=Attention(digest="hourly"))
    assert d.held
    assert d.note == "held for your hourly digest"


# ----------------------------------------------------------------------------- quiet hours

PARIS_NIGHT = Attention(
    timezone="Europe/Paris", quiet_start_minute=22 * 60, quiet_end_minute=7 * 60
)


def test_quiet_hours_are_read_on_the_users_clock() -> None:
    # 21:30 UTC in June is 23:30 in Paris (UTC+2): quiet. 04:30 UTC is 06:30: quiet. 05:30: not.
    assert in_quiet_hours(datetime(2024, 6, 3, 21, 30, tzinfo=UTC), PARIS_NIGHT)
    assert in_quiet_hours(datetime(2024, 6, 4, 4, 30, tzinfo=UTC), PARIS_NIGHT)
    assert not in_quiet_hours(datetime(2024, 6, 4, 5, 30, tzinfo=UTC), PARIS_NIGHT)
    assert not in_quiet_hours(datetime(2024, 6, 3, 19, 59, tzinfo=UTC), PARIS_NIGHT)


def test_a_push_in_quiet_hours_waits_for_their_end_and_urgent_breaks_through() -> None:
    night = datetime(2024, 6, 3, 21, 30, tzinfo=UTC)
    normal, urgent = run(
        [(Ask(story_id=1), night), (Ask(story_id=2, urgent=True), night)], attention=PARIS_NIGHT
    )
    assert normal.deliver_at == datetime(2024, 6, 4, 5, 0, tzinfo=UTC)  # 07:00 Paris
    assert normal.note is not None
    assert "quiet hours until 07:00 Europe/Paris" in normal.note
    assert urgent.deliver_at == night
    assert urgent.note == "urgent: sent during quiet hours"


def test_same_instant_is_quiet_in_one_zone_and_not_in_another() -> None:
    at = datetime(2024, 6, 3, 23, 0, tzinfo=UTC)
    tokyo = Attention(timezone="Asia/Tokyo", quiet_start_minute=22 * 60, quiet_end_minute=7 * 60)
    new_york = Attention(
        timezone="America/New_York", quiet_start_minute=22 * 60, quiet_end_minute=7 * 60
    )
    assert not in_quiet_hours(at, tokyo)  # 08:00 in Tokyo
    assert not in_quiet_hours(at, new_york)  # 19:00 in New York
    assert in_quiet_hours(at + timedelta(hours=4), new_york)  # 23:00 in New York
    assert in_quiet_hours(at - timedelta(hours=3), tokyo)  # 05:00 in Tokyo


def test_daytime_quiet_hours_without_wrapping_midnight() -> None:
    focus = Attention(timezone="UTC", quiet_start_minute=9 * 60, quiet_end_minute=12 * 60)
    assert in_quiet_hours(datetime(2024, 6, 3, 10, tzinfo=UTC), focus)
    assert not in_quiet_hours(datetime(2024, 6, 3, 12, tzinfo=UTC), focus)
    assert quiet_hours_end(datetime(2024, 6, 3, 10, tzinfo=UTC), focus) == datetime(
        2024, 6, 3, 12, tzinfo=UTC
    )


def test_quiet_hours_end_follows_spring_forward() -> None:
    # Europe/Paris moves from UTC+1 to UTC+2 on 2024-03-31 at 02:00 local.
    at = datetime(2024, 3, 30, 23, 0, tzinfo=UTC)  # 00:00 Paris, Sunday, quiet
    end = quiet_hours_end(at, PARIS_NIGHT)
    assert end == datetime(2024, 3, 31, 5, 0, tzinfo=UTC)  # 07:00 CEST, not 06:00 UTC
    assert end - at == timedelta(hours=6)  # the night is an hour shorter


def test_quiet_hours_end_follows_fall_back() -> None:
    # Europe/Paris moves from UTC+2 to UTC+1 on 2024-10-27 at 03:00 local.
    at = datetime(2024, 10, 26, 22, 0, tzinfo=UTC)  # 00:00 Paris, quiet
    end = quiet_hours_end(at, PARIS_NIGHT)
    assert end == datetime(2024, 10, 27, 6, 0, tzinfo=UTC)  # 07:00 CET
    assert end - at == timedelta(hours=8)  # the night is an hour longer


def test_quiet_hours_ending_inside_the_spring_gap_end_after_it() -> None:
    odd = Attention(timezone="Europe/Paris", quiet_start_minute=0, quiet_end_minute=150)  # 02:30
    at = datetime(2024, 3, 30, 23, 30, tzinfo=UTC)  # 00:30 Paris
    end = quiet_hours_end(at, odd)
    assert end > at
    assert not in_quiet_hours(end, odd)
    assert end == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)  # 03:30 CEST, right after the gap


def test_unknown_time_zone_falls_back_to_utc() -> None:
    broken = Attention(timezone="Mars/Olympus", quiet_start_minute=0, quiet_end_minute=60)
    assert in_quiet_hours(datetime(2024, 6, 3, 0, 30, tzinfo=UTC), broken)


def test_story_limit_and_quiet_hours_combine() -> None:
    limits = Limits(coalesce_seconds=600, user_per_hour=50, story_per_hour=1)
    ask = Ask(story_id=3, collapse_key="story:3")
    evening = datetime(2024, 6, 3, 19, 30, tzinfo=UTC)  # 21:30 Paris
    d1, d2 = run([(ask, evening), (ask, evening + timedelta(minutes=5))], PARIS_NIGHT, limits)
    assert d1.deliver_at == evening
    # the hour frees at 22:30 Paris, which is quiet: so it waits until 07:00
    assert d2.deliver_at == datetime(2024, 6, 4, 5, 0, tzinfo=UTC)
    assert d2.note is not None
    assert "this story" in d2.note
    assert "quiet hours" in d2.note


# ----------------------------------------------------------------------------- digests


def test_hourly_digest_is_due_at_the_next_local_hour() -> None:
    kolkata = Attention(timezone="Asia/Kolkata", digest="hourly")  # UTC+5:30
    held = datetime(2024, 6, 3, 12, 10, tzinfo=UTC)  # 17:40 local
    assert digest_due(held, kolkata) == datetime(2024, 6, 3, 12, 30, tzinfo=UTC)  # 18:00 local


def test_daily_digest_is_due_at_the_users_hour() -> None:
    ny = Attention(timezone="America/New_York", digest="daily", digest_hour=8)
    held = datetime(2024, 6, 3, 13, 0, tzinfo=UTC)  # 09:00 EDT, after today's 08:00
    assert digest_due(held, ny) == datetime(2024, 6, 4, 12, 0, tzinfo=UTC)  # 08:00 EDT tomorrow
    earlier = datetime(2024, 6, 3, 11, 0, tzinfo=UTC)  # 07:00 EDT
    assert digest_due(earlier, ny) == datetime(2024, 6, 3, 12, 0, tzinfo=UTC)


def test_daily_digest_across_dst_keeps_the_local_hour() -> None:
    ny = Attention(timezone="America/New_York", digest="daily", digest_hour=8)
    # DST starts 2024-03-10 in New York: 08:00 is 13:00 UTC the day before, 12:00 UTC after.
    before = digest_due(datetime(2024, 3, 9, 14, 0, tzinfo=UTC), ny)
    assert before == datetime(2024, 3, 10, 12, 0, tzinfo=UTC)
    assert digest_due(datetime(2024, 3, 8, 14, 0, tzinfo=UTC), ny) == datetime(
        2024, 3, 9, 13, 0, tzinfo=UTC
    )


def test_users_without_digests_get_a_daily_one_for_held_items() -> None:
    off = Attention(digest="off", digest_hour=18)
    assert digest_due(T0, off) == datetime(2024, 6, 3, 18, 0, tzinfo=UTC)
    assert digest_period_key(datetime(2024, 6, 3, 18, 0, tzinfo=UTC), off) == "daily:2024-06-03T18"


def test_digest_goes_out_after_quiet_hours() -> None:
    (d,) = run([(Ask(kind="digest"), datetime(2024, 6, 3, 23, 0, tzinfo=UTC))], PARIS_NIGHT)
    assert d.deliver_at == datetime(2024, 6, 4, 5, 0, tzinfo=UTC)


# ----------------------------------------------------------------------------- retries


def test_retry_delay_grows_exponentially_with_jitter_within_bounds() -> None:
    rng = random.Random(7)
    delays = [retry_delay(n, base=2, cap=60, rng=rng) for n in range(1, 8)]
    for n, d in enumerate(delays, start=1):
        nominal = min(60, 2 * 2 ** (n - 1))
        assert nominal / 2 <= d <= nominal
    assert delays[4] > delays[0] * 4


def test_retry_delay_jitter_spreads_a_burst() -> None:
    rng = random.Random(1)
    spread = {round(retry_delay(3, base=2, cap=60, rng=rng), 3) for _ in range(50)}
    assert len(spread) > 40


def test_retry_after_is_a_floor() -> None:
    rng = random.Random(3)
    assert retry_delay(1, base=2, cap=60, rng=rng, retry_after=120) >= 120
    assert retry_delay(1, base=2, cap=60, rng=rng, retry_after=10**9) <= 86400 + 1


@pytest.mark.parametrize(
    ("attempts", "permanent", "dead"), [(1, False, False), (8, False, True), (1, True, True)]
)
def test_dead_letter_rule(attempts: int, permanent: bool, dead: bool) -> None:
    assert should_dead_letter(attempts, 8, permanent=permanent) is dead


def test_fallback_threshold() -> None:
    assert not use_fallback(2, 3)
    assert use_fallback(3, 3)
    assert not use_fallback(10, 0)
