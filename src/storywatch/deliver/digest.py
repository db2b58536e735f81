"""Digests: the notifications held back (digest mode, rate limits) go out as one summary.

No schedule table is needed: a user's digest is due at :func:`~.policy.digest_due` of their
oldest held notification (the next top of an hour, or their daily hour, in their time zone).
When it is due, one transaction creates a ``digest`` notification listing the held ones,
marks them as included, and writes its deliveries like any other notification, so digests
get the same retries, dead letters and log. The digest's ``dedupe_key`` names its period, so
two workers building the same digest at once produce one.
"""

from __future__ import annotations

from datetime import datetime

from storywatch.app import Services
from storywatch.deliver.model import CreatedNotification
from storywatch.deliver.outbox import announce, idempotency_key, targets_for
from storywatch.deliver.policy import (
    Ask,
    Attention,
    Limits,
    Recent,
    decide,
    digest_due,
    digest_period_key,
    schedule_name,
)
from storywatch.deliver.render import clip, digest_title
from storywatch.store import channels as channel_store
from storywatch.store import notifications as store


async def send_due_digests(
    services: Services, limits: Limits, now: datetime | None = None
) -> list[int]:
    """Build every digest that is due; returns the new digest notification ids."""
    now = now or services.clock()
    async with services.db.read() as conn:
        waiting = await store.users_with_held(conn)
        attention = await store.load_attention(conn, [uid for uid, _ in waiting])
    made: list[CreatedNotification] = []
    for user_id, oldest in waiting:
        prefs = attention.get(user_id, Attention())
        due = digest_due(oldest, prefs)
        if due > now:
            continue
        created = await build_digest(services, user_id, prefs, due, now, limits)
        if created is not None:
            made.append(created)
    await announce(services, made)
    return [c.id for c in made]


async def build_digest(
    services: Services,
    user_id: int,
    prefs: Attention,
    due: datetime,
    now: datetime,
    limits: Limits,
) -> CreatedNotification | None:
    """One user's digest for the period ending at ``due``; None if another worker made it."""
    schedule = schedule_name(prefs)
    async with services.db.write() as conn:
        items = await store.held_for_user(conn, user_id, due)
        if not items:
            return None
        title = digest_title(items, schedule)
        body = clip("; ".join(i.title for i in items), 1000)
        decision = decide(Ask(kind="digest"), prefs, Recent(), now, limits)
        dedupe_key = f"digest:{digest_period_key(due, prefs)}"
        row = {
            "user_id": user_id,
            "title": title,
            "body": body,
            "url": "/",
            "reasons": [{"kind": "digest", "value": schedule, "detail": f"{len(items)} held"}],
            "urgent": False,
            "dedupe_key": dedupe_key,
            "kind": "digest",
            "held": False,
            "deliver_at": decision.deliver_at,
            "policy_note": decision.note,
            "created_at": now,
        }
        ids = await store.insert_notifications(conn, [row])
        digest_id = ids.get((user_id, dedupe_key))
        if digest_id is None:
            return None
        await store.mark_digested(conn, [i.id for i in items], digest_id)
        enabled = (await channel_store.enabled_for_users(conn, [user_id]))[user_id]
        targets = targets_for(enabled, held=True, limits=limits)
        await store.insert_deliveries(
            conn,
            [
                {
                    "notification_id": digest_id,
                    "channel_id": c.id,
                    "idempotency_key": idempotency_key(digest_id, c.id),
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": decision.deliver_at,
                    "created_at": now,
                }
                for c in targets
            ],
        )
    return CreatedNotification(
        id=digest_id,
        user_id=user_id,
        subscription_id=None,
        article_id=None,
        story_id=None,
        title=title,
        body=body,
        url="/",
        reasons=(),
        urgent=False,
        created_at=now,
        published_at=None,
        arrived_at=None,
        collapse_key=None,
        thread_key=None,
        held=False,
        deliver_at=decision.deliver_at,
        policy_note=decision.note,
        channel_count=len(targets),
        kind="digest",
    )
