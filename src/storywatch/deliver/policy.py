"""The attention policy (D2) as pure functions: when, and whether, a notification interrupts.

Nothing here reads the clock, the store or the network. The outbox gathers what the policy
needs (the user's preferences, what was pushed to them in the last hour, the open threads)
into plain values, asks :func:`decide` once per notification, and writes the answer. Tests
move time by passing another ``now``; time zones and daylight-saving changes are handled by
``zoneinfo`` on aware datetimes, never by adding fixed offsets.

The rules, in the order they apply:

1. **Threads** (update in place): a story that moves again within ``coalesce_seconds`` of its
   last push continues that push's thread, so devices replace the notification (Web Push
   ``tag``, ntfy sequence id) instead of stacking another one.
2. **Digest mode**: the subscription asked for a digest, so the notification is held for the
   user's next digest.
3. **Per-user rate limit**: past ``user_per_hour`` pushes in the last hour, a non-urgent
   notification is held for the digest (the user is already getting too much).
4. **Per-story rate limit**: past ``story_per_hour`` pushes for one story in the last hour, the
   push waits until the oldest of them leaves the hour; if the story moves again meanwhile,
   the newer push supersedes the waiting one (the outbox does that), so one push goes out.
5. **Quiet hours** in the user's time zone: a non-urgent push waits for the end of them.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HOUR = timedelta(hours=1)
DigestSchedule = Literal["off", "hourly", "daily"]


@dataclass(frozen=True, slots=True)
class Attention:
    """One user's attention preferences (columns of ``users``)."""

    timezone: str = "UTC"
    quiet_start_minute: int | None = None  # minutes after local midnight
    quiet_end_minute: int | None = None
    digest: DigestSchedule = "off"
    digest_hour: int = 8

    def zone(self) -> ZoneInfo:
        """The user's zone; an unknown name falls back to UTC rather than failing a send."""
        try:
            return ZoneInfo(self.timezone or "UTC")
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    @property
    def has_quiet_hours(self) -> bool:
        return (
            self.quiet_start_minute is not None
            and self.quiet_end_minute is not None
            and self.quiet_start_minute != self.quiet_end_minute
        )


@dataclass(frozen=True, slots=True)
class Limits:
    """The policy's numbers (from settings)."""

    coalesce_seconds: float = 900
    user_per_hour: int = 30
    story_per_hour: int = 6
    fallback_after: int = 3


@dataclass(slots=True)
class Recent:
    """What one user was pushed lately; the outbox loads it and :func:`remember` updates it.

    ``pushes`` are the times of non-held notifications in the last hour, ``story_pushes`` the
    same per story, ``threads`` the newest thread of each collapse key with when it last moved.
    """

    pushes: list[datetime] = field(default_factory=list)
    story_pushes: dict[int, list[datetime]] = field(default_factory=dict)
    threads: dict[str, tuple[str, datetime]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Ask:
    """The parts of a notification the policy looks at."""

    urgent: bool = False
    mode: Literal["every", "developments", "digest"] = "developments"
    story_id: int | None = None
    collapse_key: str | None = None
    kind: Literal["alert", "digest", "test"] = "alert"


@dataclass(frozen=True, slots=True)
class Decision:
    """When to send (``deliver_at``), or ``held`` for the digest; ``note`` says why in words."""

    deliver_at: datetime
    held: bool = False
    thread_key: str | None = None
    note: str | None = None


# ----------------------------------------------------------------------------- decide


def decide(
    ask: Ask, attention: Attention, recent: Recent, now: datetime, limits: Limits
) -> Decision:
    """Apply the rules of this module's docstring to one notification."""
    thread = thread_for(ask.collapse_key, recent, now, limits)
    if ask.kind == "test":
        return Decision(deliver_at=now, thread_key=thread, note="test: sent at once")
    if ask.kind == "alert":
        if ask.mode == "digest":
            return Decision(now, True, thread, f"held for your {schedule_name(attention)} digest")
        in_hour = [t for t in recent.pushes if now - t < HOUR]
        if not ask.urgent and len(in_hour) >= limits.user_per_hour:
            return Decision(
                now,
                True,
                thread,
                f"rate limit: {len(in_hour)} pushes in the last hour; held for your "
                f"{schedule_name(attention)} digest",
            )
    deliver_at = now
    notes: list[str] = []
    if ask.kind == "alert" and ask.story_id is not None:
        story_hour = sorted(t for t in recent.story_pushes.get(ask.story_id, []) if now - t < HOUR)
        if len(story_hour) >= limits.story_per_hour:
            deliver_at = story_hour[-limits.story_per_hour] + HOUR
            notes.append(
                f"rate limit: {len(story_hour)} pushes for this story in the last hour; "
                f"waits until {_local_words(deliver_at, attention)}"
            )
    if not ask.urgent and in_quiet_hours(deliver_at, attention):
        deliver_at = quiet_hours_end(deliver_at, attention)
        notes.append(f"quiet hours until {_local_words(deliver_at, attention)}")
    elif ask.urgent and in_quiet_hours(deliver_at, attention):
        notes.append("urgent: sent during quiet hours")
    return Decision(deliver_at, False, thread, "; ".join(notes) or None)


def remember(recent: Recent, ask: Ask, decision: Decision, now: datetime) -> None:
    """Fold one decision into ``recent`` so the next notification of a batch sees it."""
    if ask.collapse_key and decision.thread_key:
        recent.threads[ask.collapse_key] = (decision.thread_key, now)
    if decision.held or ask.kind != "alert":
        return
    recent.pushes.append(decision.deliver_at)
    if ask.story_id is not None:
        recent.story_pushes.setdefault(ask.story_id, []).append(decision.deliver_at)


def thread_for(
    collapse_key: str | None, recent: Recent, now: datetime, limits: Limits
) -> str | None:
    """The thread a push joins: the open one for its collapse key, or a new one."""
    if not collapse_key:
        return None
    previous = recent.threads.get(collapse_key)
    if previous is not None and (now - previous[1]).total_seconds() <= limits.coalesce_seconds:
        return previous[0]
    return f"{collapse_key}@{now.astimezone(UTC):%Y%m%dT%H%M%S}"


def short_id(text: str, length: int = 24) -> str:
    """A stable, URL-safe id for a thread or collapse key (ntfy sequence ids, Web Push Topic)."""
    return hashlib.sha256(text.encode()).hexdigest()[:length]


# ----------------------------------------------------------------------------- quiet hours


def in_quiet_hours(at: datetime, attention: Attention) -> bool:
    """Whether ``at`` falls inside the user's quiet hours, read on their local wall clock."""
    if not attention.has_quiet_hours:
        return False
    start, end = attention.quiet_start_minute or 0, attention.quiet_end_minute or 0
    local = at.astimezone(attention.zone())
    minute = local.hour * 60 + local.minute
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


def quiet_hours_end(at: datetime, attention: Attention) -> datetime:
    """The first moment after ``at`` when the quiet hours that contain it are over (UTC).

    The end is a local wall-clock time, so it moves with daylight saving. An end that falls in
    a spring-forward gap resolves to the same wall time read with the pre-change offset (one
    hour later on the new clock), which is after the gap, never inside it.
    """
    if not in_quiet_hours(at, attention):
        return at
    zone = attention.zone()
    end = attention.quiet_end_minute or 0
    local = at.astimezone(zone)
    day = local.date()
    minute = local.hour * 60 + local.minute
    if minute >= end:  # overnight quiet hours, before midnight: they end tomorrow
        day += timedelta(days=1)
    candidate = _wall(day, end, zone)
    if candidate <= at:
        candidate = _wall(day + timedelta(days=1), end, zone)
    return candidate


def _wall(day: date, minute: int, zone: ZoneInfo) -> datetime:
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=zone)
    return local.astimezone(UTC)


def _local_words(at: datetime, attention: Attention) -> str:
    local = at.astimezone(attention.zone())
    return f"{local:%H:%M} {attention.timezone or 'UTC'}"


# ----------------------------------------------------------------------------- digests


def schedule_name(attention: Attention) -> str:
    """The digest a held notification goes into; a user with digests off gets a daily one."""
    return "hourly" if attention.digest == "hourly" else "daily"


def digest_due(oldest_held: datetime, attention: Attention) -> datetime:
    """When the digest holding a notification held at ``oldest_held`` is due (UTC).

    Hourly: the next top of a local hour. Daily: the next ``digest_hour``:00 local time. Both
    strictly after ``oldest_held``, computed on the local wall clock so DST days work.
    """
    zone = attention.zone()
    local = oldest_held.astimezone(zone)
    if schedule_name(attention) == "hourly":
        top = local.replace(minute=0, second=0, microsecond=0)
        due = (top.astimezone(UTC) + HOUR).astimezone(UTC)
        return due if due > oldest_held else due + HOUR
    hour = min(max(attention.digest_hour, 0), 23)
    day = local.date()
    candidate = _wall(day, hour * 60, zone)
    while candidate <= oldest_held:
        day += timedelta(days=1)
        candidate = _wall(day, hour * 60, zone)
    return candidate


def digest_period_key(due: datetime, attention: Attention) -> str:
    """A name for one digest period, unique per user (``daily:2024-03-31T08``)."""
    local = due.astimezone(attention.zone())
    return f"{schedule_name(attention)}:{local:%Y-%m-%dT%H}"


# ----------------------------------------------------------------------------- retries


def retry_delay(
    attempts: int,
    *,
    base: float,
    cap: float,
    rng: random.Random,
    retry_after: float | None = None,
) -> float:
    """Seconds to wait before the next attempt, after ``attempts`` failed ones.

    Exponential (``base * 2**(attempts-1)``, at most ``cap``) with "equal jitter": a random
    point in the upper half, so a burst of failures does not retry in lockstep yet never retries
    sooner than half the nominal delay. A receiver's ``Retry-After`` is a floor we honour (up
    to a day), with the same jitter above it.
    """
    nominal = min(cap, base * (2 ** max(attempts - 1, 0)))
    delay = rng.uniform(nominal / 2, nominal)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, 86400.0) + rng.uniform(0, min(base, 1.0)))
    return delay


def should_dead_letter(attempts: int, max_attempts: int, *, permanent: bool) -> bool:
    """A send is given up after ``max_attempts`` tries, or at once when retrying cannot help."""
    return permanent or attempts >= max_attempts


def use_fallback(consecutive_failures: int, threshold: int) -> bool:
    """Whether a channel has failed often enough that its fallback should get copies too."""
    return threshold > 0 and consecutive_failures >= threshold
