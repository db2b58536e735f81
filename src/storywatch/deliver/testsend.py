""" "Send a test": one real notification on one channel, sent now, logged like any other.

The test is a ``test`` notification (kept out of the feed and the live stream) with a single
delivery, leased to this request so no worker races it. It is sent inline so the person who
pressed the button sees the result at once; if it failed, the usual retries and dead letter
follow, and the attempt is in the channel's delivery log either way.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.deliver import send
from storywatch.deliver.channels import channel_set
from storywatch.deliver.outbox import idempotency_key
from storywatch.errors import NotFound
from storywatch.store import channels as channel_store
from storywatch.store import notifications as store
from storywatch.store.channels import Claimed, Outcome
from storywatch.store.tables import deliveries, notifications

TITLE = "Test notification from Storywatch"
BODY = "If you can read this, notifications reach you on this channel."


async def send_test(services: Services, user_id: int, channel_id: int) -> tuple[int, Outcome]:
    """Send a test on the user's channel; returns (delivery id, what happened)."""
    kinds = await channel_set(services)
    worker = f"test:{secrets.token_hex(4)}"
    now = services.clock()
    async with services.db.write() as conn:
        channel = await channel_store.get(conn, user_id, channel_id)
        if channel is None:
            raise NotFound(f"No channel {channel_id}.")
        nid = (
            await conn.execute(
                sa.insert(notifications)
                .values(
                    user_id=user_id,
                    title=TITLE,
                    body=BODY,
                    url="/",
                    reasons=[{"kind": "test", "value": channel.kind, "detail": ""}],
                    dedupe_key=f"test:{channel_id}:{secrets.token_hex(8)}",
                    kind="test",
                    deliver_at=now,
                    created_at=now,
                )
                .returning(notifications.c.id)
            )
        ).scalar_one()
        did = (
            await conn.execute(
                sa.insert(deliveries)
                .values(
                    notification_id=nid,
                    channel_id=channel_id,
                    idempotency_key=idempotency_key(nid, channel_id),
                    status="pending",
                    next_attempt_at=now,
                    lease_until=now + timedelta(seconds=services.settings.delivery_lease_seconds),
                    leased_by=worker,
                    created_at=now,
                )
                .returning(deliveries.c.id)
            )
        ).scalar_one()
        notification = await store.get_for_user(conn, user_id, int(nid))
    assert notification is not None
    item = Claimed(int(did), idempotency_key(nid, channel_id), 0, notification, channel)
    result = await send.attempt(item, kinds, services.settings, services.clock, services.rng)
    async with services.db.write() as conn:
        await send.write(conn, worker, [result])
    return int(did), result.outcome
