"""The outbox: notification rows, one delivery row per channel, leases, attempts, digests.

The match stage writes a notification and its deliveries in the transaction that records the
match (``deliver.outbox.record``), so a crash either loses both or neither. Workers claim and
settle deliveries through :mod:`storywatch.store.channels`.

Delivery statuses: ``pending`` (waiting or leased), ``sent``, ``dead`` (gave up; shown to the
user), ``superseded`` (a newer push for the same story replaced it before it went out),
``digest`` (held for the user's digest), ``digested`` (went out inside a digest) and
``skipped`` (its device was removed before it could go).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.deliver.policy import Attention, DigestSchedule, Recent
from storywatch.model import Reason
from storywatch.store.rawvalues import RowReader, raw
from storywatch.store.tables import (
    articles,
    channels,
    deliveries,
    notifications,
    sources,
    users,
)


@dataclass(frozen=True, slots=True)
class Notification:
    """One notification as stored."""

    id: int
    user_id: int
    kind: str
    subscription_id: int | None
    article_id: int | None
    story_id: int | None
    title: str
    body: str
    url: str | None
    reasons: tuple[Reason, ...]
    urgent: bool
    dedupe_key: str
    collapse_key: str | None
    thread_key: str | None
    held: bool
    deliver_at: datetime | None
    policy_note: str | None
    published_at: datetime | None
    arrived_at: datetime | None
    read_at: datetime | None
    created_at: datetime
    digest_id: int | None

    @classmethod
    def from_row(cls, row: Any) -> Notification:
        return cls(
            id=int(row.id),
            user_id=int(row.user_id),
            kind=row.kind,
            subscription_id=row.subscription_id,
            article_id=row.article_id,
            story_id=row.story_id,
            title=row.title,
            body=row.body or "",
            url=row.url,
            reasons=reasons_from_json(row.reasons),
            urgent=bool(row.urgent),
            dedupe_key=row.dedupe_key,
            collapse_key=row.collapse_key,
            thread_key=row.thread_key,
            held=bool(row.held),
            deliver_at=row.deliver_at,
            policy_note=row.policy_note,
            published_at=row.published_at,
            arrived_at=row.arrived_at,
            read_at=row.read_at,
            created_at=row.created_at,
            digest_id=row.digest_id,
        )


# The columns of a Notification in field order, read raw (see store.rawvalues): what a
# delivery claim selects for thousands of rows a second.
NOTIFICATION_FIELDS = tuple(f.name for f in fields(Notification))


def raw_notification_columns(table: sa.FromClause) -> list[sa.ColumnElement[Any]]:
    """``table``'s (an alias of ``notifications``) Notification columns, untyped, in order."""
    return [raw(table.c[name], f"n_{name}") for name in NOTIFICATION_FIELDS]


def notification_from_values(values: Sequence[Any], read: RowReader) -> Notification:
    """A Notification from the driver's values of :func:`raw_notification_columns`."""
    (
        id_, user_id, kind, subscription_id, article_id, story_id, title, body, url, reasons,
        urgent, dedupe_key, collapse_key, thread_key, held, deliver_at, policy_note,
        published_at, arrived_at, read_at, created_at, digest_id,
    ) = values  # fmt: skip
    created = read.utc(created_at)
    assert created is not None  # NOT NULL
    return Notification(
        id_, user_id, kind, subscription_id, article_id, story_id, title, body or "", url,
        read.once("reasons", reasons, lambda v: reasons_from_json(read.json(v))),
        bool(urgent), dedupe_key, collapse_key, thread_key, bool(held),
        read.utc(deliver_at), policy_note, read.utc(published_at), read.utc(arrived_at),
        read.utc(read_at), created, digest_id,
    )  # fmt: skip


def reasons_to_json(reasons: Iterable[Reason]) -> list[dict[str, str]]:
    return [{"kind": r.kind, "value": r.value, "detail": r.detail} for r in reasons]


def reasons_from_json(value: Any) -> tuple[Reason, ...]:
    if not value:
        return ()
    return tuple(
        Reason(
            kind=str(r.get("kind", "")), value=str(r.get("value", "")), detail=r.get("detail", "")
        )
        for r in value
        if isinstance(r, dict)
    )


def thread_filter(pairs: Iterable[tuple[int, str]]) -> sa.ColumnElement[bool]:
    """Notifications of the given (user_id, collapse_key) threads, as an index seek.

    The row-value IN alone makes SQLite scan the whole index; the two plain INs in front let
    it seek on ``ix_notifications_thread``, and the row-value IN then drops cross pairs.
    """
    ordered = sorted(set(pairs))
    return sa.and_(
        notifications.c.user_id.in_(sorted({u for u, _ in ordered})),
        notifications.c.collapse_key.in_(sorted({k for _, k in ordered})),
        sa.tuple_(notifications.c.user_id, notifications.c.collapse_key).in_(ordered),
    )


def _insert(conn: AsyncConnection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


# ----------------------------------------------------------------------------- outbox writes


async def load_attention(conn: AsyncConnection, user_ids: Iterable[int]) -> dict[int, Attention]:
    """Each user's attention preferences (time zone, quiet hours, digest)."""
    found: dict[int, Attention] = {}
    for chunk in _chunks(sorted(set(user_ids))):
        stmt = sa.select(
            users.c.id,
            users.c.timezone,
            users.c.quiet_start_minute,
            users.c.quiet_end_minute,
            users.c.digest,
            users.c.digest_hour,
        ).where(users.c.id.in_(chunk))
        for r in await conn.execute(stmt):
            digest: DigestSchedule = (
                "hourly" if r.digest == "hourly" else "daily" if r.digest == "daily" else "off"
            )
            found[int(r.id)] = Attention(
                timezone=r.timezone or "UTC",
                quiet_start_minute=r.quiet_start_minute,
                quiet_end_minute=r.quiet_end_minute,
                digest=digest,
                digest_hour=int(r.digest_hour if r.digest_hour is not None else 8),
            )
    return found


async def load_recent(
    conn: AsyncConnection, user_ids: Iterable[int], now: datetime, coalesce_seconds: float
) -> dict[int, Recent]:
    """What each user was pushed in the last hour, and their threads still open."""
    ids = sorted(set(user_ids))
    recent: dict[int, Recent] = {uid: Recent() for uid in ids}
    hour_ago = now - timedelta(hours=1)
    window = now - timedelta(seconds=coalesce_seconds)
    for chunk in _chunks(ids):
        pushed = sa.select(
            notifications.c.user_id, notifications.c.story_id, notifications.c.deliver_at
        ).where(
            notifications.c.user_id.in_(chunk),
            # a push is deferred a day at most (quiet hours), so this bounds the index range
            notifications.c.created_at > now - timedelta(hours=25),
            notifications.c.kind == "alert",
            notifications.c.held.is_(sa.false()),
            notifications.c.deliver_at > hour_ago,
        )
        for r in await conn.execute(pushed):
            rec = recent[int(r.user_id)]
            rec.pushes.append(r.deliver_at)
            if r.story_id is not None:
                rec.story_pushes.setdefault(int(r.story_id), []).append(r.deliver_at)
        threads = (
            sa.select(
                notifications.c.user_id,
                notifications.c.collapse_key,
                notifications.c.thread_key,
                notifications.c.created_at,
            )
            .where(
                notifications.c.user_id.in_(chunk),
                notifications.c.collapse_key.is_not(None),
                notifications.c.thread_key.is_not(None),
                notifications.c.created_at >= window,
            )
            .order_by(notifications.c.created_at, notifications.c.id)
        )
        for t in await conn.execute(threads):
            recent[int(t.user_id)].threads[t.collapse_key] = (t.thread_key, t.created_at)
    return recent


async def insert_notifications(
    conn: AsyncConnection, rows: Sequence[dict[str, Any]]
) -> dict[tuple[int, str], int]:
    """Insert notification rows; returns the new ids by (user_id, dedupe_key).

    A row whose (user_id, dedupe_key) exists is skipped by the unique index and is missing
    from the answer: that is the "one notification per development per user" rule holding
    even when two match workers race.
    """
    created: dict[tuple[int, str], int] = {}
    if not rows:
        return created
    stmt = (
        _insert(conn)(notifications)
        .on_conflict_do_nothing(index_elements=["user_id", "dedupe_key"])
        .returning(notifications.c.id, notifications.c.user_id, notifications.c.dedupe_key)
    )
    # executemany with RETURNING: SQLAlchemy batches it into multi-row statements compiled
    # once ("insertmanyvalues"), twenty times cheaper than building a VALUES list per call
    for r in await conn.execute(stmt, list(rows)):
        created[(int(r.user_id), r.dedupe_key)] = int(r.id)
    return created


async def supersede(
    conn: AsyncConnection, replaced: Sequence[dict[str, Any]], now: datetime
) -> int:
    """Mark unsent deliveries of older notifications of the same thread as superseded.

    Each item: ``user_id``, ``collapse_key``, ``newer_id``, ``deliver_at``. An older delivery
    is replaced when it is not in flight and the newer one goes out no later than it would (or
    goes out right now), so a device gets the latest state of a story once instead of every
    intermediate one.
    """
    if not replaced:
        return 0
    changed = 0
    immediate = [r for r in replaced if r["deliver_at"] <= now]
    if immediate:
        # the common case in one statement: every older unsent push of these threads goes
        newest: dict[tuple[int, str], int] = {}
        for r in immediate:
            key = (r["user_id"], r["collapse_key"])
            newest[key] = max(newest.get(key, 0), r["newer_id"])
        threads = sorted(newest)
        for start in range(0, len(threads), 500):  # PostgreSQL chokes on huge row-value lists
            chunk = threads[start : start + 500]
            older_ids = sa.select(notifications.c.id).where(
                thread_filter(chunk), notifications.c.id.not_in(sorted(newest[t] for t in chunk))
            )
            result = await conn.execute(
                sa.update(deliveries)
                .where(
                    deliveries.c.notification_id.in_(older_ids.scalar_subquery()),
                    deliveries.c.status == "pending",
                    sa.or_(deliveries.c.lease_until.is_(None), deliveries.c.lease_until < now),
                )
                .values(
                    status="superseded",
                    last_error="replaced by a newer notification for the same story",
                    lease_until=None,
                )
            )
            changed += int(result.rowcount or 0)
    deferred = [r for r in replaced if r["deliver_at"] > now]
    if not deferred:
        return changed
    older = sa.select(notifications.c.id).where(
        notifications.c.user_id == sa.bindparam("b_user"),
        notifications.c.collapse_key == sa.bindparam("b_key"),
        notifications.c.id < sa.bindparam("b_newer"),
    )
    stmt = (
        sa.update(deliveries)
        .where(
            deliveries.c.notification_id.in_(older.scalar_subquery()),
            deliveries.c.status == "pending",
            sa.or_(deliveries.c.lease_until.is_(None), deliveries.c.lease_until < now),
            deliveries.c.next_attempt_at >= sa.bindparam("b_at"),
        )
        .values(status="superseded", last_error=sa.bindparam("b_note"), lease_until=None)
    )
    params = [
        {
            "b_user": r["user_id"],
            "b_key": r["collapse_key"],
            "b_newer": r["newer_id"],
            "b_at": r["deliver_at"],
            "b_note": f"replaced by the newer notification {r['newer_id']} for the same story",
        }
        for r in deferred
    ]
    result = await conn.execute(stmt, params)
    return changed + int(result.rowcount or 0)


async def insert_deliveries(
    conn: AsyncConnection, rows: Sequence[dict[str, Any]], *, ignore_existing: bool = False
) -> None:
    """Insert delivery rows (one per notification and channel, keyed by ``idempotency_key``)."""
    if not rows:
        return
    if ignore_existing:
        stmt = _insert(conn)(deliveries).on_conflict_do_nothing(index_elements=["idempotency_key"])
        await conn.execute(stmt, list(rows))
        return
    await conn.execute(sa.insert(deliveries), list(rows))


# ----------------------------------------------------------------------------- reads


async def get_for_user(
    conn: AsyncConnection, user_id: int, notification_id: int
) -> Notification | None:
    stmt = sa.select(notifications).where(
        notifications.c.id == notification_id, notifications.c.user_id == user_id
    )
    row = (await conn.execute(stmt)).first()
    return Notification.from_row(row) if row else None


async def get_many(conn: AsyncConnection, ids: Sequence[int]) -> list[Notification]:
    found: list[Notification] = []
    for chunk in _chunks(sorted(set(ids))):
        stmt = sa.select(notifications).where(notifications.c.id.in_(chunk))
        found.extend(Notification.from_row(r) for r in await conn.execute(stmt))
    return sorted(found, key=lambda n: n.id)


async def list_for_user(
    conn: AsyncConnection,
    user_id: int,
    *,
    limit: int = 50,
    before_id: int | None = None,
    unread_only: bool = False,
) -> list[Notification]:
    """The user's notifications (alerts and digests, not channel tests), newest first."""
    stmt = (
        sa.select(notifications)
        .where(notifications.c.user_id == user_id, notifications.c.kind != "test")
        .order_by(notifications.c.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        stmt = stmt.where(notifications.c.id < before_id)
    if unread_only:
        stmt = stmt.where(notifications.c.read_at.is_(None))
    return [Notification.from_row(r) for r in await conn.execute(stmt)]


async def after_id(
    conn: AsyncConnection, user_id: int, last_id: int, *, limit: int = 500
) -> list[Notification]:
    """The user's notifications with an id above ``last_id``, oldest first (SSE replay)."""
    stmt = (
        sa.select(notifications)
        .where(
            notifications.c.user_id == user_id,
            notifications.c.id > last_id,
            notifications.c.kind != "test",
        )
        .order_by(notifications.c.id)
        .limit(limit)
    )
    return [Notification.from_row(r) for r in await conn.execute(stmt)]


async def mark_read(
    conn: AsyncConnection, user_id: int, now: datetime, ids: Sequence[int] | None = None
) -> int:
    """Mark the given notifications (or all of them) read; returns how many changed."""
    stmt = (
        sa.update(notifications)
        .where(notifications.c.user_id == user_id, notifications.c.read_at.is_(None))
        .values(read_at=now)
    )
    if ids is not None:
        stmt = stmt.where(notifications.c.id.in_(list(ids)))
    return int((await conn.execute(stmt)).rowcount or 0)


@dataclass(frozen=True, slots=True)
class DeliveryState:
    """Where one notification stands on one channel, with its latency when sent."""

    delivery_id: int
    channel_id: int
    channel_kind: str
    channel_name: str
    status: str
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str | None


async def deliveries_of(conn: AsyncConnection, notification_id: int) -> list[DeliveryState]:
    stmt = (
        sa.select(deliveries, channels.c.kind, channels.c.name)
        .join(channels, channels.c.id == deliveries.c.channel_id)
        .where(deliveries.c.notification_id == notification_id)
        .order_by(deliveries.c.id)
    )
    return [
        DeliveryState(
            delivery_id=int(r.id),
            channel_id=int(r.channel_id),
            channel_kind=r.kind,
            channel_name=r.name,
            status=r.status,
            attempts=int(r.attempts),
            next_attempt_at=r.next_attempt_at,
            sent_at=r.sent_at,
            last_error=r.last_error,
        )
        for r in await conn.execute(stmt)
    ]


# ----------------------------------------------------------------------------- digests


async def users_with_held(conn: AsyncConnection) -> list[tuple[int, datetime]]:
    """Each user with notifications held for a digest, and when the oldest was held."""
    stmt = (
        sa.select(notifications.c.user_id, sa.func.min(notifications.c.created_at))
        .where(
            notifications.c.held.is_(sa.true()),
            notifications.c.digest_id.is_(None),
            notifications.c.kind == "alert",
        )
        .group_by(notifications.c.user_id)
    )
    found: list[tuple[int, datetime]] = []
    for r in await conn.execute(stmt):
        oldest = r[1]
        if isinstance(oldest, str):
            oldest = datetime.fromisoformat(oldest)
        found.append((int(r[0]), _aware(oldest)))
    return found


async def held_for_user(conn: AsyncConnection, user_id: int, until: datetime) -> list[Notification]:
    stmt = (
        sa.select(notifications)
        .where(
            notifications.c.user_id == user_id,
            notifications.c.held.is_(sa.true()),
            notifications.c.digest_id.is_(None),
            notifications.c.kind == "alert",
            notifications.c.created_at <= until,
        )
        .order_by(notifications.c.id)
    )
    return [Notification.from_row(r) for r in await conn.execute(stmt)]


async def mark_digested(conn: AsyncConnection, ids: Sequence[int], digest_id: int) -> None:
    for chunk in _chunks(list(ids)):
        await conn.execute(
            sa.update(notifications)
            .where(notifications.c.id.in_(chunk))
            .values(digest_id=digest_id)
        )
        await conn.execute(
            sa.update(deliveries)
            .where(deliveries.c.notification_id.in_(chunk), deliveries.c.status == "digest")
            .values(status="digested", last_error=f"sent in digest {digest_id}")
        )


async def digest_items(conn: AsyncConnection, digest_id: int) -> list[Notification]:
    stmt = (
        sa.select(notifications)
        .where(notifications.c.digest_id == digest_id)
        .order_by(notifications.c.id)
    )
    return [Notification.from_row(r) for r in await conn.execute(stmt)]


# ----------------------------------------------------------------------------- latency (D4)


@dataclass(frozen=True, slots=True)
class SentTiming:
    """One sent delivery with the times latency is measured from."""

    channel_id: int
    channel_kind: str
    channel_name: str
    source_id: int | None
    source_title: str | None
    sent_at: datetime
    published_at: datetime | None
    arrived_at: datetime | None


async def sent_timings(
    conn: AsyncConnection, user_id: int | None, since: datetime, *, limit: int = 20_000
) -> list[SentTiming]:
    """Sent alert deliveries since ``since`` (one user's, or everyone's for ``None``)."""
    stmt = (
        sa.select(
            deliveries.c.channel_id,
            deliveries.c.sent_at,
            channels.c.kind,
            channels.c.name,
            notifications.c.published_at,
            notifications.c.arrived_at,
            articles.c.source_id,
            sources.c.title.label("source_title"),
        )
        .join(notifications, notifications.c.id == deliveries.c.notification_id)
        .join(channels, channels.c.id == deliveries.c.channel_id)
        .outerjoin(articles, articles.c.id == notifications.c.article_id)
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .where(
            deliveries.c.status == "sent",
            deliveries.c.sent_at >= since,
            notifications.c.kind == "alert",
        )
        .order_by(deliveries.c.id.desc())
        .limit(limit)
    )
    if user_id is not None:
        stmt = stmt.where(notifications.c.user_id == user_id)
    return [
        SentTiming(
            channel_id=int(r.channel_id),
            channel_kind=r.kind,
            channel_name=r.name,
            source_id=r.source_id,
            source_title=r.source_title,
            sent_at=r.sent_at,
            published_at=r.published_at,
            arrived_at=r.arrived_at,
        )
        for r in await conn.execute(stmt)
    ]


# ----------------------------------------------------------------------------- helpers


def _aware(value: datetime) -> datetime:
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _chunks(items: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
