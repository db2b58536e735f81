"""The delivery log and the dead letters: what a person reads when a channel misbehaves.

Each attempt to send a notification on a channel leaves a row in ``delivery_attempts``
(written by the workers, :func:`storywatch.store.channels.write_outcomes`); a delivery the
workers gave up on is ``dead``. Here they are read back in words for the channel's owner, and
a dead letter can be put back in the queue once the channel is fixed. Every query takes the
owner's ``user_id``, so another user's channel is simply not found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store.tables import channels, deliveries, delivery_attempts, notifications


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One attempt to send one notification on one channel, in words."""

    attempt_id: int
    delivery_id: int
    notification_id: int
    notification_title: str
    at: datetime
    ok: bool
    status_code: int | None
    error: str | None
    duration_ms: float
    delivery_status: str


async def delivery_log(
    conn: AsyncConnection,
    user_id: int,
    channel_id: int,
    *,
    limit: int = 50,
    before_id: int | None = None,
    failures_only: bool = False,
) -> list[LogEntry]:
    """The channel's attempts, newest first (the user's own channel only)."""
    stmt = (
        sa.select(
            delivery_attempts,
            deliveries.c.notification_id,
            deliveries.c.status.label("delivery_status"),
            notifications.c.title.label("notification_title"),
        )
        .join(deliveries, deliveries.c.id == delivery_attempts.c.delivery_id)
        .join(channels, channels.c.id == deliveries.c.channel_id)
        .join(notifications, notifications.c.id == deliveries.c.notification_id)
        .where(channels.c.id == channel_id, channels.c.user_id == user_id)
        .order_by(delivery_attempts.c.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        stmt = stmt.where(delivery_attempts.c.id < before_id)
    if failures_only:
        stmt = stmt.where(delivery_attempts.c.ok.is_(sa.false()))
    return [
        LogEntry(
            attempt_id=int(r.id),
            delivery_id=int(r.delivery_id),
            notification_id=int(r.notification_id),
            notification_title=r.notification_title,
            at=r.at,
            ok=bool(r.ok),
            status_code=r.status_code,
            error=r.error,
            duration_ms=float(r.duration_ms),
            delivery_status=r.delivery_status,
        )
        for r in await conn.execute(stmt)
    ]


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """A notification a channel gave up on, with the reason, for the user to see and retry."""

    delivery_id: int
    notification_id: int
    notification_title: str
    channel_id: int
    channel_kind: str
    channel_name: str
    attempts: int
    last_error: str | None
    created_at: datetime


async def dead_letters(
    conn: AsyncConnection, user_id: int, *, limit: int = 100, channel_id: int | None = None
) -> list[DeadLetter]:
    stmt = (
        sa.select(
            deliveries,
            notifications.c.title.label("notification_title"),
            channels.c.kind.label("channel_kind"),
            channels.c.name.label("channel_name"),
        )
        .join(channels, channels.c.id == deliveries.c.channel_id)
        .join(notifications, notifications.c.id == deliveries.c.notification_id)
        .where(channels.c.user_id == user_id, deliveries.c.status == "dead")
        .order_by(deliveries.c.id.desc())
        .limit(limit)
    )
    if channel_id is not None:
        stmt = stmt.where(deliveries.c.channel_id == channel_id)
    return [
        DeadLetter(
            delivery_id=int(r.id),
            notification_id=int(r.notification_id),
            notification_title=r.notification_title,
            channel_id=int(r.channel_id),
            channel_kind=r.channel_kind,
            channel_name=r.channel_name,
            attempts=int(r.attempts),
            last_error=r.last_error,
            created_at=r.created_at,
        )
        for r in await conn.execute(stmt)
    ]


async def retry_dead(conn: AsyncConnection, user_id: int, delivery_id: int, now: datetime) -> bool:
    """Put a dead letter back in the queue (the user fixed the channel); False if not theirs."""
    owned = (
        sa.select(deliveries.c.id)
        .join(channels, channels.c.id == deliveries.c.channel_id)
        .where(
            deliveries.c.id == delivery_id,
            channels.c.user_id == user_id,
            deliveries.c.status == "dead",
        )
    )
    if (await conn.execute(owned)).first() is None:
        return False
    await conn.execute(
        sa.update(deliveries)
        .where(deliveries.c.id == delivery_id)
        .values(status="pending", attempts=0, next_attempt_at=now, lease_until=None)
    )
    return True
