"""The outbox (D3): notifications are written with the match that caused them, then announced.

:func:`record` runs *inside the caller's transaction*: the match stage opens
``services.db.write()``, records its match and calls ``record`` for each notification, and
both commit together or not at all. ``record`` applies the attention policy
(:mod:`storywatch.deliver.policy`) and writes one delivery row per enabled channel of the
user, each with its own idempotency key. After the commit, :func:`announce` rings the bus:
``NOTIFIED`` wakes delivery workers, ``LIVE`` reaches the SSE listeners on every web node.
A lost bus message costs latency only: workers also poll the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch import bus
from storywatch.app import Services
from storywatch.deliver.model import CreatedNotification, NotificationDraft
from storywatch.deliver.policy import (
    Ask,
    Attention,
    Decision,
    Limits,
    decide,
    remember,
    use_fallback,
)
from storywatch.settings import Settings
from storywatch.store import channels as channel_store
from storywatch.store import notifications as store
from storywatch.store.channels import Channel


def limits_from(settings: Settings) -> Limits:
    """The policy's numbers as the operator set them."""
    return Limits(
        coalesce_seconds=settings.delivery_coalesce_seconds,
        user_per_hour=settings.delivery_user_per_hour,
        story_per_hour=settings.delivery_story_per_hour,
        fallback_after=settings.delivery_fallback_after,
    )


def idempotency_key(notification_id: int, channel_id: int) -> str:
    """The key a receiver sees on every attempt of one notification on one channel."""
    return f"n{notification_id}.c{channel_id}"


async def record(
    conn: AsyncConnection,
    draft: NotificationDraft,
    now: datetime,
    *,
    limits: Limits | None = None,
) -> CreatedNotification | None:
    """Write one notification and its deliveries in the caller's transaction.

    Returns None when the user already has a notification with this ``dedupe_key``. Pass
    ``limits=limits_from(services.settings)`` to use the operator's settings; the defaults
    equal the settings' defaults.
    """
    created = await record_many(conn, [draft], now, limits=limits)
    return created[0] if created else None


async def record_many(
    conn: AsyncConnection,
    drafts: Sequence[NotificationDraft],
    now: datetime,
    *,
    limits: Limits | None = None,
) -> list[CreatedNotification]:
    """:func:`record` for many drafts at once: a constant number of queries per batch.

    Drafts already recorded (same user and ``dedupe_key``, in the store or earlier in the
    batch) are skipped; the store's unique index decides, so racing writers agree. The policy
    sees the batch in order, so the fifth draft for one story in a batch is rate-limited just
    as it would be across five calls.
    """
    limits = limits or Limits()
    if not drafts:
        return []
    user_ids = {d.user_id for d in drafts}
    attention = await store.load_attention(conn, user_ids)
    recent = await store.load_recent(conn, user_ids, now, limits.coalesce_seconds)
    channels = await channel_store.enabled_for_users(conn, user_ids)

    planned: list[tuple[NotificationDraft, Decision]] = []
    rows: list[dict[str, Any]] = []
    # Repeats within the batch are dropped here; repeats of stored ones by the unique index
    # (a reprocessed article re-sends its drafts, and they must not count twice).
    seen: set[tuple[int, str]] = set()
    for draft in drafts:
        key = (draft.user_id, draft.dedupe_key)
        if key in seen:
            continue
        seen.add(key)
        ask = Ask(
            urgent=draft.urgent,
            mode=draft.mode,
            story_id=draft.story_id,
            collapse_key=draft.collapse_key,
        )
        decision = decide(
            ask, attention.get(draft.user_id, Attention()), recent[draft.user_id], now, limits
        )
        remember(recent[draft.user_id], ask, decision, now)
        planned.append((draft, decision))
        rows.append(_row(draft, decision, now))

    ids = await store.insert_notifications(conn, rows)
    created: list[CreatedNotification] = []
    replaced: list[dict[str, Any]] = []
    delivery_rows: list[dict[str, Any]] = []
    for draft, decision in planned:
        nid = ids.get((draft.user_id, draft.dedupe_key))
        if nid is None:  # a concurrent writer recorded it first
            continue
        targets = targets_for(channels.get(draft.user_id, []), held=decision.held, limits=limits)
        for channel in targets:
            delivery_rows.append(
                {
                    "notification_id": nid,
                    "channel_id": channel.id,
                    "idempotency_key": idempotency_key(nid, channel.id),
                    "status": "digest" if decision.held else "pending",
                    "attempts": 0,
                    "next_attempt_at": decision.deliver_at,
                    "created_at": now,
                }
            )
        if draft.collapse_key and not decision.held:
            replaced.append(
                {
                    "user_id": draft.user_id,
                    "collapse_key": draft.collapse_key,
                    "newer_id": nid,
                    "deliver_at": decision.deliver_at,
                }
            )
        created.append(_created(nid, draft, decision, now, len(targets)))
    await store.insert_deliveries(conn, delivery_rows)
    await store.supersede(conn, replaced, now)  # after: older ones of this batch count too
    return created


def targets_for(channels: Sequence[Channel], *, held: bool, limits: Limits) -> list[Channel]:
    """The channels one notification goes to.

    Every enabled channel, except that a channel set to ``digest_only`` gets digests and not
    single alerts; a channel failing ``fallback_after`` times in a row also sends a copy to
    its fallback channel (when that one is enabled), so a dead main channel does not go silent.
    """
    by_id = {c.id: c for c in channels}
    chosen: dict[int, Channel] = {}
    for channel in channels:
        if channel.config.get("digest_only") and not held:
            continue
        chosen.setdefault(channel.id, channel)
        fallback = by_id.get(channel.fallback_channel_id or -1)
        if (
            fallback is not None
            and not held
            and use_fallback(channel.consecutive_failures, limits.fallback_after)
        ):
            chosen.setdefault(fallback.id, fallback)
    return list(chosen.values())


def _row(draft: NotificationDraft, decision: Decision, now: datetime) -> dict[str, Any]:
    return {
        "user_id": draft.user_id,
        "subscription_id": draft.subscription_id,
        "article_id": draft.article_id,
        "story_id": draft.story_id,
        "title": draft.title[:500],
        "body": draft.body,
        "url": draft.url,
        "reasons": store.reasons_to_json(draft.reasons),
        "urgent": draft.urgent,
        "dedupe_key": draft.dedupe_key[:300],
        "collapse_key": draft.collapse_key[:200] if draft.collapse_key else None,
        "published_at": draft.published_at,
        "arrived_at": draft.arrived_at,
        "kind": "alert",
        "thread_key": decision.thread_key,
        "held": decision.held,
        "deliver_at": decision.deliver_at,
        "policy_note": decision.note,
        "created_at": now,
    }


def _created(
    nid: int, draft: NotificationDraft, decision: Decision, now: datetime, channel_count: int
) -> CreatedNotification:
    return CreatedNotification(
        id=nid,
        user_id=draft.user_id,
        subscription_id=draft.subscription_id,
        article_id=draft.article_id,
        story_id=draft.story_id,
        title=draft.title[:500],
        body=draft.body,
        url=draft.url,
        reasons=draft.reasons,
        urgent=draft.urgent,
        created_at=now,
        published_at=draft.published_at,
        arrived_at=draft.arrived_at,
        collapse_key=draft.collapse_key,
        thread_key=decision.thread_key,
        held=decision.held,
        deliver_at=decision.deliver_at,
        policy_note=decision.note,
        channel_count=channel_count,
    )


LIVE_BATCH = 200  # notifications per LIVE message: one bus message per article, not per user


async def announce(services: Services, created: Sequence[CreatedNotification]) -> None:
    """After the commit: wake delivery workers and tell live listeners on every web node.

    The ``LIVE`` messages carry the notifications as JSON, so web nodes fan them out to their
    SSE connections without reading the store; they go in batches
    (``{"notifications": [{"user_id", "notification_id", "notification"}, ...]}``) because an
    article matching many users would otherwise cost every web node one bus message, and its
    decoding, per user.
    """
    if not created:
        return
    await services.bus.publish(bus.NOTIFIED, {"notification_ids": [c.id for c in created]})
    live = [
        {
            "user_id": c.user_id,
            "notification_id": c.id,
            "notification": c.out().model_dump(mode="json"),
        }
        for c in created
        if c.kind != "test"
    ]
    for start in range(0, len(live), LIVE_BATCH):
        await services.bus.publish(bus.LIVE, {"notifications": live[start : start + LIVE_BATCH]})
