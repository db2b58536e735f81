"""Devices: browsers and installed web apps that receive Web Push.

The page asks the browser for a push subscription with the server's public VAPID key
(``GET /api/v1/push/key``) and posts it here; it becomes a ``webpush`` channel. Registering
the same browser again updates its keys instead of adding a second device, so a phone never
gets the same development twice because it subscribed twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from storywatch.deliver.channels import channel_set
from storywatch.errors import NotFound
from storywatch.store import channels as channel_store
from storywatch.store.channels import Channel
from storywatch.web.api.common import ERROR_RESPONSES, IdPath
from storywatch.web.deps import ServicesDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["devices"], responses=ERROR_RESPONSES)


class PushKeyOut(BaseModel):
    public_key: str = Field(
        description="The VAPID public key (base64url) to pass to pushManager.subscribe as "
        "applicationServerKey."
    )


class SubscriptionKeys(BaseModel):
    p256dh: str
    auth: str


class DeviceIn(BaseModel):
    """A browser's ``PushSubscription.toJSON()``, optionally with a name for the device."""

    model_config = ConfigDict(extra="ignore")

    endpoint: str = Field(max_length=2048)
    expirationTime: float | None = None
    keys: SubscriptionKeys
    name: str | None = Field(None, max_length=200)


class DeviceOut(BaseModel):
    id: int
    name: str
    push_service: str = Field(description="The push service's host (which browser vendor).")
    enabled: bool
    last_success_at: datetime | None
    last_error: str | None
    created_at: datetime


def device_out(channel: Channel) -> DeviceOut:
    return DeviceOut(
        id=channel.id,
        name=channel.name,
        push_service=urlsplit(str(channel.config.get("endpoint", ""))).hostname or "",
        enabled=channel.enabled,
        last_success_at=channel.last_success_at,
        last_error=channel.last_error,
        created_at=channel.created_at,
    )


@router.get("/push/key", response_model=PushKeyOut)
async def push_key(services: ServicesDep, _user: UserDep) -> PushKeyOut:
    """The server's public VAPID key (generated on first run and kept)."""
    kinds = await channel_set(services)
    return PushKeyOut(public_key=kinds.keys.application_server_key)


@router.get("/devices", response_model=list[DeviceOut])
async def list_devices(services: ServicesDep, user: UserDep) -> list[DeviceOut]:
    async with services.db.read() as conn:
        found = await channel_store.list_for_user(conn, user.id, kind="webpush")
    return [device_out(c) for c in found if not c.config.get("gone")]


@router.post("/devices", response_model=DeviceOut, status_code=201)
async def add_device(
    body: DeviceIn, request: Request, response: Response, services: ServicesDep, user: UserDep
) -> DeviceOut:
    """Register this browser for Web Push (idempotent per endpoint: 200 when known)."""
    kinds = await channel_set(services)
    raw: dict[str, Any] = body.model_dump(exclude={"name"})
    agent = request.headers.get("user-agent", "")
    if agent:
        raw["user_agent"] = _short_agent(agent)
    config, _ = kinds.get("webpush").validate(raw, None)
    name = body.name or raw.get("user_agent") or "browser"
    async with services.db.write() as conn:
        for existing in await channel_store.list_for_user(conn, user.id, kind="webpush"):
            if existing.config.get("endpoint") == config["endpoint"]:
                updated = await channel_store.update(
                    conn, user.id, existing.id, config=config, enabled=True, name=name
                )
                assert updated is not None
                response.status_code = 200
                return device_out(updated)
        channel = await channel_store.create(
            conn,
            user_id=user.id,
            kind="webpush",
            name=name,
            config=config,
            now=services.clock(),
        )
    return device_out(channel)


@router.delete("/devices/{device_id}", status_code=204)
async def remove_device(device_id: IdPath, services: ServicesDep, user: UserDep) -> Response:
    async with services.db.write() as conn:
        channel = await channel_store.get(conn, user.id, device_id)
        if channel is None or channel.kind != "webpush":
            raise NotFound(f"No device {device_id}.")
        await channel_store.delete(conn, user.id, device_id)
    return Response(status_code=204)


def _short_agent(agent: str) -> str:
    """ "Firefox on Android" from a User-Agent string, good enough to tell devices apart."""
    browser = next(
        (b for b in ("Edg", "Firefox", "Chrome", "Safari") if b in agent), "Browser"
    ).replace("Edg", "Edge")
    system = next(
        (s for s in ("Android", "iPhone", "iPad", "Windows", "Mac OS", "Linux") if s in agent), ""
    ).replace("Mac OS", "macOS")
    return f"{browser} on {system}" if system else browser
