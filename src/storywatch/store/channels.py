"""Channel rows (where a user's notifications go), the deliveries to them, and their log.

A channel is one destination: a browser or installed web app (``webpush``; a "device"), an
e-mail address, a webhook endpoint, an ntfy topic or an Apprise URL. Every query takes the
owner's ``user_id``, so another user's channel is simply not found. The delivery log and the
dead letters are read here too: they are what a person checks when a channel misbehaves.

The workers' side of deliveries lives here as well: *claiming* due deliveries with a lease
(``lease_until``) and writing what happened. A worker that dies lets its leases run out and
another one retakes the rows. On PostgreSQL the claim skips rows another worker is claiming
at that instant (``FOR UPDATE SKIP LOCKED``); on SQLite the store has one writer, so claims
are serialised anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store.notifications import Notification, thread_filter
from storywatch.store.tables import channels, deliveries, delivery_attempts, notifications

KINDS = ("webpush", "email", "webhook", "ntfy", "apprise")


@dataclass(frozen=True, slots=True)
class Channel:
    """One destination of a user's notifications."""

    id: int
    user_id: int
    kind: str
    name: str
    config: dict[str, Any]
    secret: str | None
    enabled: bool
    fallback_channel_id: int | None
    consecutive_failures: int
    last_error: str | None
    last_success_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> Channel:
        return cls(
            id=int(row.id),
            user_id=int(row.user_id),
            kind=row.kind,
            name=row.name or "",
            config=dict(row.config or {}),
            secret=row.secret,
            enabled=bool(row.enabled),
            fallback_channel_id=row.fallback_channel_id,
            consecutive_failures=int(row.consecutive_failures or 0),
            last_error=row.last_error,
            last_success_at=row.last_success_at,
            created_at=row.created_at,
        )


async def create(
    conn: AsyncConnection,
    *,
    user_id: int,
    kind: str,
    name: str,
    config: dict[str, Any],
    now: datetime,
    secret: str | None = None,
    fallback_channel_id: int | None = None,
) -> Channel:
    row = (
        await conn.execute(
            sa.insert(channels)
            .values(
                user_id=user_id,
                kind=kind,
                name=name,
                config=config,
                secret=secret,
                fallback_channel_id=fallback_channel_id,
                created_at=now,
            )
            .returning(channels)
        )
    ).one()
    return Channel.from_row(row)


async def get(conn: AsyncConnection, user_id: int, channel_id: int) -> Channel | None:
    """The user's channel, or None (also when it belongs to someone else)."""
    stmt = sa.select(channels).where(channels.c.id == channel_id, channels.c.user_id == user_id)
    row = (await conn.execute(stmt)).first()
    return Channel.from_row(row) if row else None


async def get_any(conn: AsyncConnection, channel_id: int) -> Channel | None:
    """A channel by id whoever owns it (workers and signed unsubscribe links only)."""
    row = (await conn.execute(sa.select(channels).where(channels.c.id == channel_id))).first()
    return Channel.from_row(row) if row else None


async def list_for_user(
    conn: AsyncConnection, user_id: int, *, kind: str | None = None
) -> list[Channel]:
    stmt = sa.select(channels).where(channels.c.user_id == user_id).order_by(channels.c.id)
    if kind is not None:
        stmt = stmt.where(channels.c.kind == kind)
    return [Channel.from_row(r) for r in await conn.execute(stmt)]


async def enabled_for_users(
    conn: AsyncConnection, user_ids: Iterable[int]
) -> dict[int, list[Channel]]:
    """Every enabled channel of each user, for the outbox (one query for a whole batch)."""
    ids = sorted(set(user_ids))
    found: dict[int, list[Channel]] = {uid: [] for uid in ids}
    for chunk in _chunks(ids, 500):
        stmt = (
            sa.select(channels)
            .where(channels.c.user_id.in_(chunk), channels.c.enabled.is_(sa.true()))
            .order_by(channels.c.id)
        )
        for row in await conn.execute(stmt):
            found[int(row.user_id)].append(Channel.from_row(row))
    return found


async def update(
    conn: AsyncConnection, user_id: int, channel_id: int, **values: Any
) -> Channel | None:
    """Change a channel's name, config, enabled flag or fallback; None when not the user's."""
    allowed = {"name", "config", "enabled", "fallback_channel_id", "secret"}
    clean = {k: v for k, v in values.items() if k in allowed}
    if clean.get("enabled"):
        clean["consecutive_failures"] = 0
    stmt = (
        sa.update(channels)
        .where(channels.c.id == channel_id, channels.c.user_id == user_id)
        .values(**clean)
        .returning(channels)
    )
    row = (await conn.execute(stmt)).first()
    return Channel.from_row(row) if row else None


async def delete(conn: AsyncConnection, user_id: int, channel_id: int) -> bool:
    """Remove a channel with its pending deliveries and log; False when not the user's."""
    exists = await get(conn, user_id, channel_id)
    if exists is None:
        return False
    await _delete_ids(conn, [channel_id])
    return True


async def delete_any(conn: AsyncConnection, channel_ids: Sequence[int]) -> None:
    """Remove channels whoever owns them (a push service said the device is gone)."""
    if channel_ids:
        await _delete_ids(conn, list(channel_ids))


async def _delete_ids(conn: AsyncConnection, ids: list[int]) -> None:
    # Explicit child deletes: SQLite enforces ON DELETE CASCADE only with foreign_keys=ON,
    # which a tool opening the file by hand may not set.
    delivery_ids = sa.select(deliveries.c.id).where(deliveries.c.channel_id.in_(ids))
    await conn.execute(
        sa.delete(delivery_attempts).where(delivery_attempts.c.delivery_id.in_(delivery_ids))
    )
    await conn.execute(sa.delete(deliveries).where(deliveries.c.channel_id.in_(ids)))
    await conn.execute(
        sa.update(channels)
        .where(channels.c.fallback_channel_id.in_(ids))
        .values(fallback_channel_id=None)
    )
    await conn.execute(sa.delete(channels).where(channels.c.id.in_(ids)))


async def note_results(
    conn: AsyncConnection,
    successes: dict[int, datetime],
    failures: dict[int, tuple[int, str]],
) -> None:
    """Keep each channel's health: failures in a row and the last error, or a reset on success.

    ``failures`` maps a channel to (how many failed in this batch, the last error in words).
    A channel with both in one batch counts as healthy: it just worked.
    """
    if successes:
        await conn.execute(
            sa.update(channels)
            .where(channels.c.id == sa.bindparam("b_id"))
            .values(consecutive_failures=0, last_success_at=sa.bindparam("b_at")),
            [{"b_id": cid, "b_at": at} for cid, at in successes.items()],
        )
    failed = [(cid, n, err) for cid, (n, err) in failures.items() if cid not in successes]
    if failed:
        await conn.execute(
            sa.update(channels)
            .where(channels.c.id == sa.bindparam("b_id"))
            .values(
                consecutive_failures=channels.c.consecutive_failures + sa.bindparam("b_n"),
                last_error=sa.bindparam("b_error"),
            ),
            [{"b_id": cid, "b_n": n, "b_error": err[:2000]} for cid, n, err in failed],
        )


# ----------------------------------------------------------------------------- leases and outcomes


@dataclass(frozen=True, slots=True)
class Claimed:
    """A delivery a worker holds the lease of, with everything needed to send it."""

    delivery_id: int
    idempotency_key: str
    attempts: int
    notification: Notification
    channel: Channel


async def claim(
    conn: AsyncConnection, *, worker_id: str, now: datetime, lease_seconds: float, limit: int
) -> list[Claimed]:
    """Lease up to ``limit`` due deliveries to ``worker_id`` and return them with their rows."""
    due = (
        sa.select(deliveries.c.id)
        .where(
            deliveries.c.status == "pending",
            deliveries.c.next_attempt_at <= now,
            sa.or_(deliveries.c.lease_until.is_(None), deliveries.c.lease_until < now),
        )
        .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    lease = now + timedelta(seconds=lease_seconds)
    stmt = (
        sa.update(deliveries)
        .where(deliveries.c.id.in_(due.scalar_subquery()))
        .values(lease_until=lease, leased_by=worker_id)
        .returning(deliveries.c.id)
    )
    ids = [int(r[0]) for r in await conn.execute(stmt)]
    if not ids:
        return []
    n, c = notifications.alias("n"), channels.alias("c")
    rows = await conn.execute(
        sa.select(
            deliveries.c.id.label("d_id"),
            deliveries.c.idempotency_key.label("d_key"),
            deliveries.c.attempts.label("d_attempts"),
            *[col.label(f"n_{col.name}") for col in n.c],
            *[col.label(f"c_{col.name}") for col in c.c],
        )
        .join(n, n.c.id == deliveries.c.notification_id)
        .join(c, c.c.id == deliveries.c.channel_id)
        .where(deliveries.c.id.in_(ids))
        .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
    )
    claimed: list[Claimed] = []
    for r in rows:
        m = r._mapping
        nrow = _Prefixed(m, "n_")
        crow = _Prefixed(m, "c_")
        claimed.append(
            Claimed(
                delivery_id=int(m["d_id"]),
                idempotency_key=m["d_key"],
                attempts=int(m["d_attempts"]),
                notification=Notification.from_row(nrow),
                channel=Channel.from_row(crow),
            )
        )
    return claimed


class _Prefixed:
    """Attribute access to the ``prefix``-named columns of a joined row."""

    def __init__(self, mapping: Any, prefix: str) -> None:
        self._m = mapping
        self._p = prefix

    def __getattr__(self, name: str) -> Any:
        return self._m[self._p + name]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one claimed delivery, ready to be written."""

    delivery_id: int
    channel_id: int
    at: datetime
    ok: bool
    status: str  # sent | pending (retry later) | dead | superseded
    attempts: int
    next_attempt_at: datetime
    status_code: int | None
    error: str | None
    duration_ms: float
    attempted: bool = True  # False when nothing was sent (e.g. superseded at claim time)


async def write_outcomes(conn: AsyncConnection, worker_id: str, outcomes: Sequence[Outcome]) -> int:
    """Write a batch of outcomes: each delivery's new state, and one attempt row per send.

    A row is only updated while this worker still holds its lease; if the lease ran out and
    another worker retook the delivery, that worker's outcome wins (the send may then have
    happened twice, which the idempotency key lets a receiver recognise).
    """
    if not outcomes:
        return 0
    stmt = (
        sa.update(deliveries)
        .where(deliveries.c.id == sa.bindparam("b_id"), deliveries.c.leased_by == worker_id)
        .values(
            status=sa.bindparam("b_status"),
            attempts=sa.bindparam("b_attempts"),
            next_attempt_at=sa.bindparam("b_next"),
            last_error=sa.bindparam("b_error"),
            sent_at=sa.bindparam("b_sent"),
            lease_until=None,
            leased_by=None,
        )
    )
    result = await conn.execute(
        stmt,
        [
            {
                "b_id": o.delivery_id,
                "b_status": o.status,
                "b_attempts": o.attempts,
                "b_next": o.next_attempt_at,
                "b_error": (o.error or None) if not o.ok else None,
                "b_sent": o.at if o.ok else None,
            }
            for o in outcomes
        ],
    )
    attempts = [
        {
            "delivery_id": o.delivery_id,
            "at": o.at,
            "ok": o.ok,
            "status_code": o.status_code,
            "error": o.error[:2000] if o.error else None,
            "duration_ms": o.duration_ms,
        }
        for o in outcomes
        if o.attempted
    ]
    if attempts:
        await conn.execute(sa.insert(delivery_attempts), attempts)
    return int(result.rowcount or 0)


async def newer_in_thread(
    conn: AsyncConnection, claimed: Sequence[Claimed], now: datetime
) -> set[int]:
    """Claimed deliveries whose channel already has a newer push for the same story.

    Checked at send time as well as at record time: a notification deferred by quiet hours
    may fall due together with a newer one of the same story, and only the newest should go
    (a newer one that was already sent, or is due now, makes the older one stale).
    """
    keyed = [c for c in claimed if c.notification.collapse_key and c.notification.kind == "alert"]
    if not keyed:
        return set()
    pairs = {
        (c.notification.user_id, c.notification.collapse_key)
        for c in keyed
        if c.notification.collapse_key is not None
    }
    lowest = min(c.notification.id for c in keyed)
    stmt = (
        sa.select(
            deliveries.c.channel_id,
            notifications.c.collapse_key,
            sa.func.max(notifications.c.id).label("newest"),
        )
        .join(deliveries, deliveries.c.notification_id == notifications.c.id)
        .where(
            thread_filter(pairs),
            notifications.c.id > lowest,
            sa.or_(
                deliveries.c.status == "sent",
                sa.and_(deliveries.c.status == "pending", deliveries.c.next_attempt_at <= now),
            ),
        )
        .group_by(deliveries.c.channel_id, notifications.c.collapse_key)
    )
    newest = {(int(r.channel_id), r.collapse_key): int(r.newest) for r in await conn.execute(stmt)}
    return {
        c.delivery_id
        for c in keyed
        if newest.get((c.channel.id, c.notification.collapse_key), 0) > c.notification.id
    }


async def release(conn: AsyncConnection, worker_id: str) -> int:
    """Give back every lease a stopping worker still holds, so others need not wait it out."""
    result = await conn.execute(
        sa.update(deliveries)
        .where(deliveries.c.leased_by == worker_id, deliveries.c.status == "pending")
        .values(lease_until=None, leased_by=None)
    )
    return int(result.rowcount or 0)


async def next_due_at(conn: AsyncConnection) -> datetime | None:
    """When the earliest pending delivery is due (a worker sleeps until then)."""
    stmt = sa.select(sa.func.min(deliveries.c.next_attempt_at)).where(
        deliveries.c.status == "pending"
    )
    value = (await conn.execute(stmt)).scalar()
    return value if isinstance(value, datetime) else None


# ----------------------------------------------------------------------------- what people read


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


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
