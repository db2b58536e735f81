"""Channel rows (where a user's notifications go), the deliveries to them, and their log.

A channel is one destination: a browser or installed web app (``webpush``; a "device"), an
e-mail address, a webhook endpoint, an ntfy topic or an Apprise URL. Every query takes the
owner's ``user_id``, so another user's channel is simply not found. The delivery log and the
dead letters, what a person checks when a channel misbehaves, are read in
:mod:`storywatch.store.deliverylog`.

The workers' side of deliveries lives here as well: *claiming* due deliveries with a lease
(``lease_until``) and writing what happened. A worker that dies lets its leases run out and
another one retakes the rows. On PostgreSQL the claim skips rows another worker is claiming
at that instant (``FOR UPDATE SKIP LOCKED``); on SQLite the store has one writer, so claims
are serialised anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

# re-exported: the web API and the tests read the log and the dead letters through this module
from storywatch.store.notifications import (
    NOTIFICATION_FIELDS,
    Notification,
    notification_from_values,
    raw_notification_columns,
)
from storywatch.store.rawvalues import DriverStatement, RowReader, inserting, raw, time_binder
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


_HEALTHY = DriverStatement(
    lambda: (
        sa.update(channels)
        .where(channels.c.id == sa.bindparam("b_id"))
        .values(consecutive_failures=sa.literal_column("0"), last_success_at=sa.bindparam("b_at"))
    ),
    ("b_at", "b_id"),
)


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
        when = time_binder(conn.dialect.name)
        await _HEALTHY.executemany(conn, [(when(at), cid) for cid, at in successes.items()])
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
    """A delivery a worker holds the lease of, with everything needed to send it.

    ``superseded``: when claimed, its channel already had a newer push of the same story sent
    or due (see :func:`claim`); the worker records it as superseded instead of sending it.
    """

    delivery_id: int
    idempotency_key: str
    attempts: int
    notification: Notification
    channel: Channel
    superseded: bool = False


CHANNEL_FIELDS = tuple(f.name for f in fields(Channel))


def _channel_from_values(values: Sequence[Any], read: RowReader) -> Channel:
    """A Channel from the driver's values of its columns in field order (store.rawvalues)."""
    (
        id_, user_id, kind, name, config, secret, enabled, fallback_channel_id,
        consecutive_failures, last_error, last_success_at, created_at,
    ) = values  # fmt: skip
    created = read.utc(created_at)
    assert created is not None  # NOT NULL
    return Channel(
        id_, user_id, kind, name or "", dict(read.json(config) or {}), secret, bool(enabled),
        fallback_channel_id, consecutive_failures or 0, last_error, read.utc(last_success_at),
        created,
    )  # fmt: skip


def _newer_push(d: sa.FromClause, n: sa.FromClause, now: datetime) -> sa.ColumnElement[bool]:
    """True when the channel of delivery ``d`` (of notification ``n``) has a newer push of the
    same story already sent, or due now.

    Checked when a delivery is claimed, as well as when the newer one is recorded (the
    outbox's ``supersede``): a notification deferred by quiet hours may fall due together
    with a newer one of the same story, or its lease may have run out while the newer one
    went, and only the newest should go. Only alerts with a collapse key form such threads.
    One index seek per claimed row (``ix_notifications_thread``, then the deliveries of each
    newer notification), inside the claim's own statement.
    """
    n2, d2 = notifications.alias("newer_n"), deliveries.alias("newer_d")
    newer = (
        sa.select(sa.literal(1))
        .select_from(n2.join(d2, d2.c.notification_id == n2.c.id))
        .where(
            n2.c.user_id == n.c.user_id,
            n2.c.collapse_key == n.c.collapse_key,
            n2.c.id > n.c.id,
            d2.c.channel_id == d.c.channel_id,
            sa.or_(
                d2.c.status == "sent",
                sa.and_(d2.c.status == "pending", d2.c.next_attempt_at <= now),
            ),
        )
    )
    return sa.and_(n.c.kind == "alert", n.c.collapse_key.is_not(None), newer.exists())


async def claim(
    conn: AsyncConnection, *, worker_id: str, now: datetime, lease_seconds: float, limit: int
) -> list[Claimed]:
    """Lease up to ``limit`` due deliveries to ``worker_id`` and return them with their rows
    (:func:`lease`, then :func:`leased`, on one connection)."""
    ids = await lease(conn, worker_id=worker_id, now=now, lease_seconds=lease_seconds, limit=limit)
    return await leased(conn, ids, worker_id=worker_id, now=now)


async def lease(
    conn: AsyncConnection, *, worker_id: str, now: datetime, lease_seconds: float, limit: int
) -> list[int]:
    """Lease up to ``limit`` due deliveries, oldest due first, to ``worker_id``: their ids.

    One UPDATE, skipping rows another worker is claiming at that instant on PostgreSQL. The
    only part of a claim that must hold the write lock: a worker reads the rows with
    :func:`leased` after committing, so on SQLite the other writers (another delivery
    process, the match stage's outbox) wait for the lease alone.
    """
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
    expires = now + timedelta(seconds=lease_seconds)
    stmt = (
        sa.update(deliveries)
        .where(deliveries.c.id.in_(due.scalar_subquery()))
        .values(lease_until=expires, leased_by=worker_id)
        .returning(deliveries.c.id)
    )
    return [r[0] for r in await conn.execute(stmt)]


async def leased(
    conn: AsyncConnection, ids: Sequence[int], *, worker_id: str, now: datetime
) -> list[Claimed]:
    """The deliveries ``ids`` that ``worker_id`` holds, with everything needed to send them.

    One SELECT whatever the count, joined to each delivery's notification and channel, with
    the newer-push check as a column. Its columns come back untyped and are converted here
    (store.rawvalues): through SQLAlchemy's types they cost about as much CPU as the send
    itself. A delivery deleted since it was leased (its channel was removed) is not returned.
    """
    if not ids:
        return []
    d, n, c = deliveries.alias("d"), notifications.alias("n"), channels.alias("c")
    rows = await conn.execute(
        sa.select(
            raw(d.c.id, "d_id"),
            raw(d.c.idempotency_key, "d_key"),
            raw(d.c.attempts, "d_attempts"),
            raw(_newer_push(d, n, now), "d_stale"),
            *raw_notification_columns(n),
            *[raw(c.c[name], f"c_{name}") for name in CHANNEL_FIELDS],
        )
        .select_from(d.join(n, n.c.id == d.c.notification_id).join(c, c.c.id == d.c.channel_id))
        .where(d.c.id.in_(list(ids)), d.c.leased_by == worker_id)
        .order_by(d.c.next_attempt_at, d.c.id)
    )
    read = RowReader(conn.dialect.name)
    first_channel = 4 + len(NOTIFICATION_FIELDS)
    claimed: list[Claimed] = []
    for r in rows:
        claimed.append(
            Claimed(
                delivery_id=r[0],
                idempotency_key=r[1],
                attempts=r[2],
                notification=notification_from_values(r[4:first_channel], read),
                channel=_channel_from_values(r[first_channel:], read),
                superseded=bool(r[3]),
            )
        )
    return claimed


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


_SETTLE = DriverStatement(
    lambda: (
        sa.update(deliveries)
        .where(
            deliveries.c.id == sa.bindparam("b_id"), deliveries.c.leased_by == sa.bindparam("b_w")
        )
        .values(
            status=sa.bindparam("b_status"),
            attempts=sa.bindparam("b_attempts"),
            next_attempt_at=sa.bindparam("b_next"),
            last_error=sa.bindparam("b_error"),
            sent_at=sa.bindparam("b_sent"),
            lease_until=sa.null(),
            leased_by=sa.null(),
        )
    ),
    ("b_status", "b_attempts", "b_next", "b_error", "b_sent", "b_id", "b_w"),
)
_LOG_ATTEMPT = inserting(
    delivery_attempts, ("delivery_id", "at", "ok", "status_code", "error", "duration_ms")
)


async def write_outcomes(conn: AsyncConnection, worker_id: str, outcomes: Sequence[Outcome]) -> int:
    """Write a batch of outcomes: each delivery's new state, and one attempt row per send.

    A row is only updated while this worker still holds its lease; if the lease ran out and
    another worker retook the delivery, that worker's outcome wins (the send may then have
    happened twice, which the idempotency key lets a receiver recognise). Two driver-level
    ``executemany`` calls with plain tuples (store.rawvalues): this runs for every send.
    Returns how many delivery rows changed, or -1 when the driver cannot count the rows of
    an ``executemany`` (asyncpg, for more than one outcome).
    """
    if not outcomes:
        return 0
    when = time_binder(conn.dialect.name)
    settled: list[tuple[Any, ...]] = []
    attempts: list[tuple[Any, ...]] = []
    for o in outcomes:
        at = when(o.at)
        if o.ok:
            next_at = at if o.next_attempt_at is o.at else when(o.next_attempt_at)
            settled.append((o.status, o.attempts, next_at, None, at, o.delivery_id, worker_id))
        else:
            next_at = when(o.next_attempt_at)
            error = o.error or None
            settled.append((o.status, o.attempts, next_at, error, None, o.delivery_id, worker_id))
        if o.attempted:
            error = o.error[:2000] if o.error else None
            attempts.append((o.delivery_id, at, o.ok, o.status_code, error, o.duration_ms))
    changed = await _SETTLE.executemany(conn, settled)
    await _LOG_ATTEMPT.executemany(conn, attempts)
    return changed


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


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
