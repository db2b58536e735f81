"""Notifications: the user's feed (newest first), read marks, delivery state and latency.

Pages are cursor-based (``before`` = the smallest id of the previous page) because the feed
grows at the top while someone reads it; an offset would shift under them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from storywatch.deliver import latency
from storywatch.deliver.model import NotificationOut
from storywatch.errors import NotFound
from storywatch.store import notifications as store
from storywatch.web.api.common import ERROR_RESPONSES, MAX_ID, IdPath
from storywatch.web.deps import ServicesDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["notifications"], responses=ERROR_RESPONSES)


class NotificationPage(BaseModel):
    items: list[NotificationOut]
    next_before: int | None = Field(
        description="Pass as ?before= for the next (older) page; null on the last page."
    )


class DeliveryOut(BaseModel):
    delivery_id: int
    channel_id: int
    channel_kind: str
    channel_name: str
    status: str = Field(
        description="pending, sent, dead, superseded (a newer push replaced it), digest (held "
        "for the digest), digested, skipped"
    )
    attempts: int
    next_attempt_at: datetime | None
    sent_at: datetime | None
    last_error: str | None
    since_published_ms: float | None
    since_arrived_ms: float | None


class NotificationDetail(NotificationOut):
    held: bool
    deliver_at: datetime | None
    policy_note: str | None = Field(description="Why it was delayed or held, in words.")
    deliveries: list[DeliveryOut]


class ReadIn(BaseModel):
    ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] | None = Field(
        None, max_length=1000, description="Notifications to mark read; null = all."
    )


class ReadOut(BaseModel):
    marked: int


class SpreadOut(BaseModel):
    count: int
    p50_ms: float | None
    p95_ms: float | None
    max_ms: float | None


class LatencyGroupOut(BaseModel):
    key: str
    id: int | None
    name: str
    since_published: SpreadOut
    since_arrived: SpreadOut


class LatencyOverall(BaseModel):
    since_published: SpreadOut
    since_arrived: SpreadOut


class LatencyOut(BaseModel):
    days: int
    overall: LatencyOverall
    by_source: list[LatencyGroupOut]
    by_channel: list[LatencyGroupOut]
    by_kind: list[LatencyGroupOut]


@router.get("/notifications", response_model=NotificationPage)
async def list_notifications(
    services: ServicesDep,
    user: UserDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only notifications older than this id.")
    ] = None,
    unread: Annotated[bool, Query(description="Only unread ones.")] = False,
) -> NotificationPage:
    """Your notifications, newest first."""
    async with services.db.read() as conn:
        found = await store.list_for_user(
            conn, user.id, limit=limit + 1, before_id=before, unread_only=unread
        )
    page = found[:limit]
    return NotificationPage(
        items=[NotificationOut.from_stored(n) for n in page],
        next_before=page[-1].id if len(found) > limit else None,
    )


@router.post("/notifications/read", response_model=ReadOut)
async def mark_read(body: ReadIn, services: ServicesDep, user: UserDep) -> ReadOut:
    """Mark some (or all) of your notifications read."""
    async with services.db.write() as conn:
        marked = await store.mark_read(conn, user.id, services.clock(), body.ids)
    return ReadOut(marked=marked)


@router.get("/notifications/latency", response_model=LatencyOut)
async def delivery_latency(
    services: ServicesDep, user: UserDep, days: Annotated[int, Query(ge=1, le=90)] = 7
) -> LatencyOut:
    """How fast your notifications reached you: from publication and from arrival to each
    send, per source and per channel (count, median, p95, max in milliseconds)."""
    since = services.clock() - timedelta(days=days)
    async with services.db.read() as conn:
        timings = await store.sent_timings(conn, user.id, since)
    data: dict[str, Any] = latency.report(timings)
    return LatencyOut.model_validate({"days": days, **_plain(data)})


def _plain(value: Any) -> Any:
    """Dataclasses of the latency module as plain dicts for the response model."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__slots__") and hasattr(value, "__dataclass_fields__"):
        return {f: _plain(getattr(value, f)) for f in value.__dataclass_fields__}
    return value


@router.get("/notifications/{notification_id}", response_model=NotificationDetail)
async def get_notification(
    notification_id: IdPath, services: ServicesDep, user: UserDep
) -> NotificationDetail:
    """One notification with where it stands on each channel and how long each send took."""
    async with services.db.read() as conn:
        n = await store.get_for_user(conn, user.id, notification_id)
        if n is None:
            raise NotFound(f"No notification {notification_id}.")
        states = await store.deliveries_of(conn, notification_id)
    base = NotificationOut.from_stored(n).model_dump()
    return NotificationDetail(
        **base,
        held=n.held,
        deliver_at=n.deliver_at,
        policy_note=n.policy_note,
        deliveries=[
            DeliveryOut(
                delivery_id=s.delivery_id,
                channel_id=s.channel_id,
                channel_kind=s.channel_kind,
                channel_name=s.channel_name,
                status=s.status,
                attempts=s.attempts,
                next_attempt_at=s.next_attempt_at if s.status == "pending" else None,
                sent_at=s.sent_at,
                last_error=s.last_error,
                since_published_ms=_ms(s.sent_at, n.published_at),
                since_arrived_ms=_ms(s.sent_at, n.arrived_at),
            )
            for s in states
        ],
    )


@router.post("/notifications/{notification_id}/read", status_code=204)
async def mark_one_read(notification_id: IdPath, services: ServicesDep, user: UserDep) -> Response:
    async with services.db.write() as conn:
        if await store.get_for_user(conn, user.id, notification_id) is None:
            raise NotFound(f"No notification {notification_id}.")
        await store.mark_read(conn, user.id, services.clock(), [notification_id])
    return Response(status_code=204)


def _ms(later: datetime | None, earlier: datetime | None) -> float | None:
    if later is None or earlier is None:
        return None
    return round((later - earlier).total_seconds() * 1000.0, 1)
