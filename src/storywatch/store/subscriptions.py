"""Subscription rows: every query here is scoped to one user, so another user's id is absent.

A follow (a story, a person, an organisation, a place, a source) is stored as a query the
matcher understands (``story:12``, ``person:"Mark Esper"``) with ``kind`` and ``target``
saying what was followed, so the page can show "Following story 12" rather than the query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store.tables import notifications, subscriptions

KINDS = ("query", "story", "person", "org", "place", "source")
MODES = ("every", "developments", "digest")


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    user_id: int
    name: str
    kind: str
    query: str
    target: str | None
    mode: str
    urgent: bool
    enabled: bool
    created_at: datetime
    notification_count: int = 0
    last_notified_at: datetime | None = None


def _from_row(row: Any) -> Subscription:
    mapping = row._mapping
    return Subscription(
        id=int(row.id),
        user_id=int(row.user_id),
        name=row.name,
        kind=row.kind,
        query=row.query,
        target=row.target,
        mode=row.mode,
        urgent=bool(row.urgent),
        enabled=bool(row.enabled),
        created_at=row.created_at,
        notification_count=int(mapping.get("n_count") or 0),
        last_notified_at=mapping.get("n_last"),
    )


def follow_query(kind: str, target: str, label: str = "") -> str:
    """The query that follows ``target`` of ``kind`` (a story id, an entity name, a source)."""
    if kind == "story":
        return f"story:{int(target)}"
    if kind == "source":
        return f"source:{int(target)}" if target.isdigit() else f'source:"{target}"'
    name = (label or target).replace('"', "")
    return f'{kind}:"{name}"'


def _select() -> sa.Select[Any]:
    counts = (
        sa.select(
            notifications.c.subscription_id.label("sid"),
            sa.func.count().label("n_count"),
            sa.func.max(notifications.c.created_at).label("n_last"),
        )
        .group_by(notifications.c.subscription_id)
        .subquery()
    )
    return sa.select(subscriptions, counts.c.n_count, counts.c.n_last).outerjoin(
        counts, counts.c.sid == subscriptions.c.id
    )


async def list_for_user(
    conn: AsyncConnection, user_id: int, *, offset: int = 0, limit: int = 100
) -> tuple[list[Subscription], int]:
    """A page of the user's subscriptions, newest first, and how many they have in all."""
    rows = (
        await conn.execute(
            _select()
            .where(subscriptions.c.user_id == user_id)
            .order_by(subscriptions.c.id.desc())
            .offset(offset)
            .limit(limit)
        )
    ).all()
    total = (
        await conn.execute(sa.select(sa.func.count()).where(subscriptions.c.user_id == user_id))
    ).scalar_one()
    return [_from_row(r) for r in rows], int(total)


async def get(conn: AsyncConnection, user_id: int, sub_id: int) -> Subscription | None:
    row = (
        await conn.execute(
            _select().where(subscriptions.c.id == sub_id, subscriptions.c.user_id == user_id)
        )
    ).first()
    return _from_row(row) if row else None


async def find_follow(
    conn: AsyncConnection, user_id: int, kind: str, target: str
) -> Subscription | None:
    row = (
        await conn.execute(
            _select().where(
                subscriptions.c.user_id == user_id,
                subscriptions.c.kind == kind,
                subscriptions.c.target == target,
            )
        )
    ).first()
    return _from_row(row) if row else None


async def create(
    conn: AsyncConnection,
    user_id: int,
    now: datetime,
    *,
    query: str,
    name: str = "",
    kind: str = "query",
    target: str | None = None,
    mode: str = "developments",
    urgent: bool = False,
    enabled: bool = True,
) -> Subscription:
    result = await conn.execute(
        sa.insert(subscriptions)
        .values(
            user_id=user_id,
            name=name,
            kind=kind,
            query=query,
            target=target,
            mode=mode,
            urgent=urgent,
            enabled=enabled,
            created_at=now,
        )
        .returning(subscriptions.c.id)
    )
    sub_id = int(result.scalar_one())
    created = await get(conn, user_id, sub_id)
    assert created is not None
    return created


async def update(
    conn: AsyncConnection, user_id: int, sub_id: int, **values: Any
) -> Subscription | None:
    """Change the named columns of one of the user's subscriptions; None when not theirs."""
    if values:
        result = await conn.execute(
            sa.update(subscriptions)
            .where(subscriptions.c.id == sub_id, subscriptions.c.user_id == user_id)
            .values(**values)
        )
        if not result.rowcount:
            return None
    return await get(conn, user_id, sub_id)


async def delete(conn: AsyncConnection, user_id: int, sub_id: int) -> bool:
    result = await conn.execute(
        sa.delete(subscriptions).where(
            subscriptions.c.id == sub_id, subscriptions.c.user_id == user_id
        )
    )
    return bool(result.rowcount)
