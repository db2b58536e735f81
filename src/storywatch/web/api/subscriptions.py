"""Subscriptions: queries and follows, each the user's own; preview before saving.

Every change is announced on the bus (``subscriptions.changed``) so every matcher process
updates its index without a restart.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from storywatch.app import Services
from storywatch.bus import SUBSCRIPTIONS_CHANGED
from storywatch.errors import InvalidInput, NotFound
from storywatch.store import subscriptions as sub_store
from storywatch.store.stories import get_story
from storywatch.store.subscriptions import Subscription, follow_query
from storywatch.web.api.common import ERROR_RESPONSES, IdPath
from storywatch.web.api.matching import PreviewOut, check_query, run_preview
from storywatch.web.deps import ServicesDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["subscriptions"], responses=ERROR_RESPONSES)

Kind = Literal["query", "story", "person", "org", "place", "source"]
Mode = Literal["every", "developments", "digest"]


class SubscriptionIn(BaseModel):
    name: str = Field("", max_length=200)
    kind: Kind = Field("query", description="query, or what is followed")
    query: str | None = Field(
        None, max_length=2000, description="The query (kind=query). Built for follows."
    )
    target: str | None = Field(
        None,
        max_length=300,
        description="For a follow: story id, person/org/place name, or source id.",
    )
    mode: Mode = Field("developments", description="every article, developments only, digest")
    urgent: bool = Field(False, description="Breaks through quiet hours.")
    enabled: bool = True


class SubscriptionPatch(BaseModel):
    name: str | None = Field(None, max_length=200)
    query: str | None = Field(None, min_length=1, max_length=2000)
    mode: Mode | None = None
    urgent: bool | None = None
    enabled: bool | None = None


class SubscriptionOut(BaseModel):
    id: int
    name: str
    kind: str
    query: str
    target: str | None
    mode: str
    urgent: bool
    enabled: bool
    created_at: datetime
    notification_count: int
    last_notified_at: datetime | None


class SubscriptionPage(BaseModel):
    items: list[SubscriptionOut]
    total: int
    offset: int
    limit: int


class PreviewIn(BaseModel):
    query: str = Field(min_length=1, max_length=2000)
    days: int = Field(7, ge=1, le=90)
    limit: int = Field(20, ge=1, le=100)


def sub_out(s: Subscription) -> SubscriptionOut:
    return SubscriptionOut.model_validate(s, from_attributes=True)


def resolve_query(body: SubscriptionIn) -> tuple[str, str | None]:
    """The query to store and the follow target, from what the client sent (pure)."""
    if body.kind == "query":
        if not body.query or not body.query.strip():
            raise InvalidInput("query: write what to match, e.g. Iraq AND troops.")
        return body.query.strip(), None
    target = (body.target or "").strip()
    if not target:
        raise InvalidInput(f"target: say which {body.kind} to follow.")
    if body.kind == "story" and not target.isdigit():
        raise InvalidInput("target: a story is followed by its id.")
    return (body.query or "").strip() or follow_query(body.kind, target), target


async def announce(services: Services, sub_id: int) -> None:
    await services.bus.publish(SUBSCRIPTIONS_CHANGED, {"subscription_id": sub_id})


@router.get("/subscriptions", response_model=SubscriptionPage)
async def list_subscriptions(
    services: ServicesDep,
    user: UserDep,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> SubscriptionPage:
    """Your subscriptions, newest first."""
    async with services.db.read() as conn:
        rows, total = await sub_store.list_for_user(conn, user.id, offset=offset, limit=limit)
    return SubscriptionPage(
        items=[sub_out(s) for s in rows], total=total, offset=offset, limit=limit
    )


@router.post("/subscriptions", response_model=SubscriptionOut, status_code=201)
async def create_subscription(
    body: SubscriptionIn, services: ServicesDep, user: UserDep
) -> SubscriptionOut:
    """Subscribe to a query, or follow a story, person, organisation, place or source."""
    query, target = resolve_query(body)
    check_query(query)
    name = body.name.strip() or (target if body.kind not in {"query", "story"} else "") or ""
    if body.kind == "story" and target is not None:
        async with services.db.read() as conn:
            story = await get_story(conn, int(target))
        if story is None:
            raise NotFound("No such story.")
        name = name or story.title
    async with services.db.write() as conn:
        created = await sub_store.create(
            conn,
            user.id,
            services.clock(),
            query=query,
            name=name[:200],
            kind=body.kind,
            target=target,
            mode=body.mode,
            urgent=body.urgent,
            enabled=body.enabled,
        )
    await announce(services, created.id)
    return sub_out(created)


@router.post("/subscriptions/preview", response_model=PreviewOut)
async def preview_subscription(body: PreviewIn, services: ServicesDep, user: UserDep) -> PreviewOut:
    """What a query would have matched over the last `days` days (nothing is saved)."""
    check_query(body.query)
    return await run_preview(
        services, body.query, days=body.days, limit=body.limit, user_id=user.id
    )


@router.get("/subscriptions/{sub_id}", response_model=SubscriptionOut)
async def get_subscription(sub_id: IdPath, services: ServicesDep, user: UserDep) -> SubscriptionOut:
    async with services.db.read() as conn:
        found = await sub_store.get(conn, user.id, sub_id)
    if found is None:
        raise NotFound("No such subscription.")
    return sub_out(found)


@router.patch("/subscriptions/{sub_id}", response_model=SubscriptionOut)
async def update_subscription(
    sub_id: IdPath, body: SubscriptionPatch, services: ServicesDep, user: UserDep
) -> SubscriptionOut:
    """Change a subscription's name, query, mode, urgency, or pause it."""
    values = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    if "query" in values:
        values["query"] = str(values["query"]).strip()
        check_query(str(values["query"]))
    if "name" in values:
        values["name"] = str(values["name"]).strip()
    async with services.db.write() as conn:
        updated = await sub_store.update(conn, user.id, sub_id, **values)
    if updated is None:
        raise NotFound("No such subscription.")
    await announce(services, sub_id)
    return sub_out(updated)


@router.delete("/subscriptions/{sub_id}", status_code=204)
async def delete_subscription(sub_id: IdPath, services: ServicesDep, user: UserDep) -> Response:
    async with services.db.write() as conn:
        if not await sub_store.delete(conn, user.id, sub_id):
            raise NotFound("No such subscription.")
    await announce(services, sub_id)
    return Response(status_code=204)
