"""Source rows: what is followed, its polling schedule, its health, and its WebSub lease.

The poller claims due sources by moving their ``next_poll_at`` forward by a lease in the same
transaction that selects them (``SKIP LOCKED`` on PostgreSQL), so several ingest processes
never poll one feed twice, and a process that dies mid-poll only delays that feed by the
lease.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.errors import Conflict, NotFound
from storywatch.store.tables import articles, sources


@dataclass(frozen=True, slots=True)
class Source:
    """One row of ``sources`` as every reader of it sees it."""

    id: int
    url: str
    kind: str
    title: str
    site_url: str | None
    format: str | None
    enabled: bool
    etag: str | None
    last_modified: str | None
    next_poll_at: datetime | None
    poll_interval_seconds: int | None
    ttl_seconds: int | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int
    avg_fetch_ms: float | None
    items_per_day: float | None
    item_count: int
    hub_url: str | None
    topic_url: str | None
    websub_secret: str | None
    websub_state: str | None
    websub_lease_until: datetime | None
    websub_failures: int
    websub_retry_at: datetime | None
    websub_error: str | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> Source:
        m = row._mapping
        return cls(**{f.name: m[f.name] for f in fields(cls)})


_COLUMNS = [sources.c[f.name] for f in fields(Source)]


async def add(
    conn: AsyncConnection,
    url: str,
    now: datetime,
    *,
    title: str = "",
    site_url: str | None = None,
    kind: str = "feed",
    poll_interval_seconds: int | None = None,
) -> Source:
    """Insert a source, due at once; Conflict when its URL is already followed."""
    try:
        row = (
            await conn.execute(
                sa.insert(sources)
                .values(
                    url=url,
                    kind=kind,
                    title=title[:500],
                    site_url=site_url,
                    next_poll_at=now,
                    poll_interval_seconds=poll_interval_seconds,
                    created_at=now,
                )
                .returning(*_COLUMNS)
            )
        ).one()
    except IntegrityError as exc:
        raise Conflict(f"{url} is already a source.") from exc
    return Source.from_row(row)


async def get(conn: AsyncConnection, source_id: int) -> Source | None:
    row = (await conn.execute(sa.select(*_COLUMNS).where(sources.c.id == source_id))).first()
    return Source.from_row(row) if row else None


async def require(conn: AsyncConnection, source_id: int) -> Source:
    found = await get(conn, source_id)
    if found is None:
        raise NotFound(f"There is no source {source_id}.")
    return found


async def by_url(conn: AsyncConnection, url: str) -> Source | None:
    row = (await conn.execute(sa.select(*_COLUMNS).where(sources.c.url == url))).first()
    return Source.from_row(row) if row else None


async def list_all(conn: AsyncConnection, *, kind: str | None = None) -> list[Source]:
    stmt = sa.select(*_COLUMNS).order_by(sources.c.id)
    if kind is not None:
        stmt = stmt.where(sources.c.kind == kind)
    return [Source.from_row(r) for r in await conn.execute(stmt)]


async def delete(conn: AsyncConnection, source_id: int) -> None:
    """Remove a source and its articles (the foreign key cascades)."""
    result = await conn.execute(sa.delete(sources).where(sources.c.id == source_id))
    if not result.rowcount:
        raise NotFound(f"There is no source {source_id}.")


async def update(conn: AsyncConnection, source_id: int, values: Mapping[str, Any]) -> None:
    """Set columns of one source (the poller's and WebSub's decisions)."""
    if values:
        await conn.execute(sa.update(sources).where(sources.c.id == source_id).values(**values))


async def update_many(
    conn: AsyncConnection, changes: Sequence[tuple[int, Mapping[str, Any]]]
) -> None:
    """Many ``update`` calls at once: changes with the same columns go in one executemany
    (after a round of polls, most feeds change the same health and schedule columns)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for source_id, values in changes:
        if values:
            key = tuple(sorted(values))
            groups.setdefault(key, []).append({"_id": source_id, **values})
    for columns, rows in groups.items():
        stmt = (
            sa.update(sources)
            .where(sources.c.id == sa.bindparam("_id"))
            .values({c: sa.bindparam(c) for c in columns})
        )
        await conn.execute(stmt, rows)


async def claim_due(
    conn: AsyncConnection, now: datetime, limit: int, lease: timedelta
) -> list[Source]:
    """Take up to ``limit`` enabled feeds whose poll is due, earliest first.

    Their ``next_poll_at`` is pushed to ``now + lease`` in the same transaction so no other
    poller takes them; the returned values still carry the due time they had (for lateness).
    """
    stmt = (
        sa.select(*_COLUMNS)
        .where(
            sources.c.enabled.is_(True),
            sources.c.kind == "feed",
            sources.c.next_poll_at <= now,
        )
        .order_by(sources.c.next_poll_at)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    due = [Source.from_row(r) for r in await conn.execute(stmt)]
    if due:
        await conn.execute(
            sa.update(sources)
            .where(sources.c.id.in_([s.id for s in due]))
            .values(next_poll_at=now + lease)
        )
    return due


async def next_due_at(conn: AsyncConnection) -> datetime | None:
    """When the earliest enabled feed is due (None when there is none)."""
    stmt = sa.select(sa.func.min(sources.c.next_poll_at)).where(
        sources.c.enabled.is_(True), sources.c.kind == "feed"
    )
    value: datetime | None = (await conn.execute(stmt)).scalar()  # min() keeps UTCDateTime
    return value


async def known_guids(conn: AsyncConnection, source_id: int, guids: Sequence[str]) -> set[str]:
    """Which of ``guids`` are already stored for the source (skip them before inserting)."""
    if not guids:
        return set()
    found: set[str] = set()
    unique = list(dict.fromkeys(guids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        rows = await conn.execute(
            sa.select(articles.c.guid).where(
                articles.c.source_id == source_id, articles.c.guid.in_(chunk)
            )
        )
        found.update(r[0] for r in rows)
    return found


async def websub_due_for_renewal(conn: AsyncConnection, before: datetime) -> list[Source]:
    """Active WebSub subscriptions whose lease ends before ``before``."""
    stmt = sa.select(*_COLUMNS).where(
        sources.c.websub_state == "active",
        sources.c.websub_lease_until.is_not(None),
        sources.c.websub_lease_until <= before,
    )
    return [Source.from_row(r) for r in await conn.execute(stmt)]


async def websub_to_subscribe(conn: AsyncConnection, now: datetime) -> list[Source]:
    """Feeds that advertise a hub but have no live subscription, and whose turn has come.

    That is: never subscribed, lease expired, or a subscription that failed, was denied or
    was never verified, once its retry time (``websub_retry_at``) has passed.
    """
    retry = sa.and_(
        sources.c.websub_state.in_(("failed", "denied", "pending")),
        sources.c.websub_retry_at.is_not(None),
        sources.c.websub_retry_at <= now,
    )
    stmt = sa.select(*_COLUMNS).where(
        sources.c.enabled.is_(True),
        sources.c.hub_url.is_not(None),
        sa.or_(sources.c.websub_state.is_(None), sources.c.websub_state == "expired", retry),
    )
    return [Source.from_row(r) for r in await conn.execute(stmt)]
