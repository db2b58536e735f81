"""What the pages read besides stories: the live feed, channels, the delivery log, sources.

Read-only and scoped to the signed-in user (sources are shared by everyone). Shaped as plain
dicts for the templates; the JSON API for the same data belongs to the delivery and sources
packages.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store.tables import channels, deliveries, notifications, sources, subscriptions
from storywatch.web.api.common import reasons_out
from storywatch.web.ui.words import delivery_status, reasons_line


def notification_href(story_id: int | None, url: str | None) -> str:
    return f"/stories/{story_id}" if story_id else (url or "#")


async def recent_notifications(
    conn: AsyncConnection, user_id: int, limit: int = 100
) -> list[dict[str, Any]]:
    rows = (
        await conn.execute(
            sa.select(notifications, subscriptions.c.name.label("sub_name"))
            .outerjoin(subscriptions, subscriptions.c.id == notifications.c.subscription_id)
            .where(notifications.c.user_id == user_id)
            .order_by(notifications.c.id.desc())
            .limit(limit)
        )
    ).all()
    return [
        {
            "id": int(r.id),
            "title": r.title,
            "body": r.body,
            "href": notification_href(r.story_id, r.url),
            "urgent": bool(r.urgent),
            "created_at": r.created_at,
            "story_id": r.story_id,
            "subscription_id": r.subscription_id,
            "subscription_name": r.sub_name,
            "reasons": reasons_line(reasons_out(r.reasons)),
        }
        for r in rows
    ]


async def subscription_names(conn: AsyncConnection, user_id: int) -> dict[int, str]:
    """``{subscription id: what the person calls it}``, for notifications arriving live."""
    rows = await conn.execute(
        sa.select(subscriptions.c.id, subscriptions.c.name, subscriptions.c.query).where(
            subscriptions.c.user_id == user_id
        )
    )
    return {int(r.id): r.name or r.query for r in rows}


async def follows(conn: AsyncConnection, user_id: int) -> dict[str, int]:
    """What this user follows in one click, as ``{"kind:target": subscription id}``.

    Follow buttons show their state with it (and unfollow in one click), so a second click
    never makes a second, identical subscription. Targets are compared case-insensitively.
    """
    rows = await conn.execute(
        sa.select(subscriptions.c.id, subscriptions.c.kind, subscriptions.c.target).where(
            subscriptions.c.user_id == user_id,
            subscriptions.c.kind != "query",
            subscriptions.c.target.is_not(None),
        )
    )
    return {follow_key(r.kind, r.target): int(r.id) for r in rows}


def follow_key(kind: str, target: object) -> str:
    return f"{kind}:{' '.join(str(target).casefold().split())}"


async def followed_story_ids(conn: AsyncConnection, user_id: int) -> set[int]:
    """The stories this user follows (for the "Following" mark on the stories list)."""
    keys = await follows(conn, user_id)
    return {int(k[6:]) for k in keys if k.startswith("story:") and k[6:].isdigit()}


def channel_target(kind: str, config: dict[str, Any]) -> str:
    """What a person recognises a channel by, without leaking credentials."""
    if kind == "webpush":
        endpoint = str(config.get("endpoint", ""))
        host = urlsplit(endpoint).hostname or ""
        return f"Push service {host}" if host else ""
    if kind == "email":
        return str(config.get("address") or config.get("to") or "")
    if kind == "webhook":
        return str(config.get("url", ""))
    if kind == "ntfy":
        server = str(config.get("server", "")).rstrip("/")
        return f"{server}/{config.get('topic', '')}" if server else str(config.get("topic", ""))
    if kind == "apprise":
        scheme = str(config.get("scheme") or "")
        return f"Apprise {scheme}://…" if scheme else "Apprise"
    return ""


async def user_channels(conn: AsyncConnection, user_id: int) -> list[dict[str, Any]]:
    rows = (
        await conn.execute(
            sa.select(channels).where(channels.c.user_id == user_id).order_by(channels.c.id)
        )
    ).all()
    return [
        {
            "id": int(r.id),
            "kind": r.kind,
            "name": r.name,
            "enabled": bool(r.enabled),
            "target": channel_target(r.kind, dict(r.config or {})),
            "consecutive_failures": int(r.consecutive_failures or 0),
            "last_error": r.last_error,
            "last_success_at": r.last_success_at,
            "created_at": r.created_at,
        }
        for r in rows
    ]


async def delivery_log(
    conn: AsyncConnection, user_id: int, *, failures_only: bool = False, limit: int = 100
) -> list[dict[str, Any]]:
    stmt = (
        sa.select(
            deliveries,
            channels.c.name.label("ch_name"),
            channels.c.kind.label("ch_kind"),
            notifications.c.title.label("n_title"),
        )
        .join(channels, channels.c.id == deliveries.c.channel_id)
        .join(notifications, notifications.c.id == deliveries.c.notification_id)
        .where(channels.c.user_id == user_id)
        .order_by(deliveries.c.id.desc())
        .limit(limit)
    )
    if failures_only:
        stmt = stmt.where(
            sa.or_(deliveries.c.status == "dead", deliveries.c.last_error.is_not(None))
        )
    rows = (await conn.execute(stmt)).all()
    return [
        {
            "at": r.sent_at or r.created_at,
            "channel": r.ch_name or r.ch_kind,
            "title": r.n_title,
            "status": r.status,
            "state": delivery_status(r.status, int(r.attempts), r.last_error),
            "attempts": int(r.attempts),
            "error": r.last_error,
        }
        for r in rows
    ]


def health(row: Any) -> tuple[str, str]:
    """A source's health as a word for the badge (pure)."""
    if not row.enabled:
        return "off", "off"
    if row.consecutive_failures:
        return "failing", "failing"
    if row.last_success_at is None:
        return "new", "waiting"
    return "ok", "healthy"


async def all_sources(conn: AsyncConnection) -> list[dict[str, Any]]:
    rows = (await conn.execute(sa.select(sources).order_by(sources.c.title, sources.c.id))).all()
    out = []
    for r in rows:
        state, label = health(r)
        out.append({**r._mapping, "health": state, "health_label": label})
    return out
