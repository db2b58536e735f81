"""Channels: where a user's notifications go; add, change, test, read the log, dead letters.

Every route is scoped to the signed-in user: another user's channel id is "not found". A
channel's credentials (an Apprise URL, an ntfy token) are never shown again after they are
set; a webhook's signing secret is shown to its owner, who needs it to verify signatures.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from storywatch.deliver.channels import channel_set
from storywatch.deliver.channels.email import check_unsubscribe
from storywatch.deliver.testsend import send_test
from storywatch.errors import InvalidInput, NotFound
from storywatch.store import channels as channel_store
from storywatch.store import deliverylog as delivery_log_store
from storywatch.store.channels import Channel
from storywatch.web.api.common import ERROR_RESPONSES, MAX_ID, IdPath
from storywatch.web.deps import ServicesDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["channels"], responses=ERROR_RESPONSES)

Kind = Literal["webpush", "email", "webhook", "ntfy", "apprise"]


class ChannelIn(BaseModel):
    kind: Kind
    name: str = Field("", max_length=200)
    config: dict[str, Any] = Field(
        default_factory=dict,
        description="email: {to}; webhook: {url}; ntfy: {server, topic, priority?}; "
        "webpush: a PushSubscription (prefer POST /api/v1/devices); apprise: {} with the URL "
        "in secret. Any kind: digest_only (true: digests only, no single alerts).",
    )
    secret: str | None = Field(
        None,
        max_length=2000,
        description="webhook: signing secret (whsec_…; generated when omitted); ntfy: access "
        "token; apprise: the Apprise URL.",
    )
    fallback_channel_id: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description="Another of your channels that also gets notifications while this one "
        "keeps failing.",
    )


class ChannelPatch(BaseModel):
    name: str | None = Field(None, max_length=200)
    enabled: bool | None = None
    fallback_channel_id: int | None = Field(None, ge=1, le=MAX_ID)
    digest_only: bool | None = None


class ChannelOut(BaseModel):
    id: int
    kind: str
    name: str
    description: str = Field(description="The destination in words, without secrets.")
    enabled: bool
    digest_only: bool
    fallback_channel_id: int | None
    consecutive_failures: int
    last_error: str | None
    last_success_at: datetime | None
    created_at: datetime
    signing_secret: str | None = Field(None, description="webhooks only: verifies signatures.")


class TestOut(BaseModel):
    ok: bool
    delivery_id: int
    status: str = Field(description="sent, pending (will be retried) or dead")
    status_code: int | None
    error: str | None
    duration_ms: float


class LogEntryOut(BaseModel):
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


class DeadLetterOut(BaseModel):
    delivery_id: int
    notification_id: int
    notification_title: str
    channel_id: int
    channel_kind: str
    channel_name: str
    attempts: int
    last_error: str | None
    created_at: datetime


def channel_out(channel: Channel, description: str) -> ChannelOut:
    return ChannelOut(
        id=channel.id,
        kind=channel.kind,
        name=channel.name,
        description=description,
        enabled=channel.enabled,
        digest_only=bool(channel.config.get("digest_only")),
        fallback_channel_id=channel.fallback_channel_id,
        consecutive_failures=channel.consecutive_failures,
        last_error=channel.last_error,
        last_success_at=channel.last_success_at,
        created_at=channel.created_at,
        signing_secret=channel.secret if channel.kind == "webhook" else None,
    )


async def _describe(services: Any, channel: Channel) -> ChannelOut:
    kinds = await channel_set(services)
    return channel_out(channel, kinds.get(channel.kind).describe(channel))


async def _check_fallback(conn: Any, user_id: int, fallback: int | None, own: int | None) -> None:
    if fallback is None:
        return
    if fallback == own:
        raise InvalidInput("A channel cannot be its own fallback.")
    if await channel_store.get(conn, user_id, fallback) is None:
        raise InvalidInput(f"fallback_channel_id: you have no channel {fallback}.")


@router.get("/channels", response_model=list[ChannelOut])
async def list_channels(services: ServicesDep, user: UserDep) -> list[ChannelOut]:
    """Your channels (devices included), oldest first."""
    async with services.db.read() as conn:
        found = await channel_store.list_for_user(conn, user.id)
    return [await _describe(services, c) for c in found if not c.config.get("gone")]


@router.post("/channels", response_model=ChannelOut, status_code=201)
async def add_channel(body: ChannelIn, services: ServicesDep, user: UserDep) -> ChannelOut:
    """Add a channel. Send a test right after (POST /channels/{id}/test) to check it works."""
    kinds = await channel_set(services)
    config, secret = kinds.get(body.kind).validate(body.config, body.secret)
    async with services.db.write() as conn:
        await _check_fallback(conn, user.id, body.fallback_channel_id, None)
        channel = await channel_store.create(
            conn,
            user_id=user.id,
            kind=body.kind,
            name=body.name or body.kind,
            config=config,
            secret=secret,
            now=services.clock(),
            fallback_channel_id=body.fallback_channel_id,
        )
    return await _describe(services, channel)


@router.get("/channels/dead-letters", response_model=list[DeadLetterOut])
async def dead_letters(
    services: ServicesDep,
    user: UserDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    channel_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> list[DeadLetterOut]:
    """Notifications a channel gave up on, newest first, with the reason."""
    async with services.db.read() as conn:
        found = await delivery_log_store.dead_letters(
            conn, user.id, limit=limit, channel_id=channel_id
        )
    return [_dl(d) for d in found]


def _dl(d: delivery_log_store.DeadLetter) -> DeadLetterOut:
    return DeadLetterOut(
        delivery_id=d.delivery_id,
        notification_id=d.notification_id,
        notification_title=d.notification_title,
        channel_id=d.channel_id,
        channel_kind=d.channel_kind,
        channel_name=d.channel_name,
        attempts=d.attempts,
        last_error=d.last_error,
        created_at=d.created_at,
    )


@router.post("/channels/dead-letters/{delivery_id}/retry", status_code=204)
async def retry_dead_letter(delivery_id: IdPath, services: ServicesDep, user: UserDep) -> Response:
    """Queue a dead letter again (after fixing the channel)."""
    async with services.db.write() as conn:
        if not await delivery_log_store.retry_dead(conn, user.id, delivery_id, services.clock()):
            raise NotFound(f"No dead letter {delivery_id}.")
    return Response(status_code=204)


async def _own(services: Any, user_id: int, channel_id: int) -> Channel:
    async with services.db.read() as conn:
        channel = await channel_store.get(conn, user_id, channel_id)
    if channel is None:
        raise NotFound(f"No channel {channel_id}.")
    return channel


@router.get("/channels/{channel_id}", response_model=ChannelOut)
async def get_channel(channel_id: IdPath, services: ServicesDep, user: UserDep) -> ChannelOut:
    return await _describe(services, await _own(services, user.id, channel_id))


@router.patch("/channels/{channel_id}", response_model=ChannelOut)
async def change_channel(
    channel_id: IdPath, body: ChannelPatch, services: ServicesDep, user: UserDep
) -> ChannelOut:
    """Rename, switch on or off (switching on resets the failure count), set the fallback."""
    current = await _own(services, user.id, channel_id)
    values: dict[str, Any] = body.model_dump(exclude_unset=True)
    digest_only = values.pop("digest_only", None)
    if digest_only is not None:
        values["config"] = {**current.config, "digest_only": digest_only}
    async with services.db.write() as conn:
        if "fallback_channel_id" in values:
            await _check_fallback(conn, user.id, values["fallback_channel_id"], channel_id)
        changed = await channel_store.update(conn, user.id, channel_id, **values)
    assert changed is not None
    return await _describe(services, changed)


@router.delete("/channels/{channel_id}", status_code=204)
async def remove_channel(channel_id: IdPath, services: ServicesDep, user: UserDep) -> Response:
    async with services.db.write() as conn:
        if not await channel_store.delete(conn, user.id, channel_id):
            raise NotFound(f"No channel {channel_id}.")
    return Response(status_code=204)


@router.post("/channels/{channel_id}/test", response_model=TestOut)
async def test_channel(channel_id: IdPath, services: ServicesDep, user: UserDep) -> TestOut:
    """Send a test notification now and say what happened (it is also in the log)."""
    delivery_id, outcome = await send_test(services, user.id, channel_id)
    return TestOut(
        ok=outcome.ok,
        delivery_id=delivery_id,
        status=outcome.status,
        status_code=outcome.status_code,
        error=outcome.error,
        duration_ms=round(outcome.duration_ms, 1),
    )


@router.get("/channels/{channel_id}/log", response_model=list[LogEntryOut])
async def channel_log(
    channel_id: IdPath,
    services: ServicesDep,
    user: UserDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    before: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="attempt id to page back from")
    ] = None,
    failures: bool = False,
) -> list[LogEntryOut]:
    """Every attempt on this channel, newest first: when, how long, and what the receiver said."""
    await _own(services, user.id, channel_id)
    async with services.db.read() as conn:
        entries = await delivery_log_store.delivery_log(
            conn, user.id, channel_id, limit=limit, before_id=before, failures_only=failures
        )
    return [
        LogEntryOut(
            attempt_id=e.attempt_id,
            delivery_id=e.delivery_id,
            notification_id=e.notification_id,
            notification_title=e.notification_title,
            at=e.at,
            ok=e.ok,
            status_code=e.status_code,
            error=e.error,
            duration_ms=round(e.duration_ms, 1),
            delivery_status=e.delivery_status,
        )
        for e in entries
    ]


# ----------------------------------------------------------------------------- unsubscribe

_PAGE = (
    "<!doctype html><html><head><meta charset=utf-8><title>Unsubscribe</title></head>"
    '<body style="font-family:sans-serif;max-width:36em;margin:3em auto">{}</body></html>'
)


@router.get(
    "/channels/{channel_id}/unsubscribe", response_class=HTMLResponse, include_in_schema=False
)
async def unsubscribe_page(
    channel_id: IdPath, token: str, request: Request, services: ServicesDep
) -> HTMLResponse:
    """The link in an e-mail: a confirmation page (mail scanners follow GETs, so no change)."""
    async with services.db.read() as conn:
        channel = await channel_store.get_any(conn, channel_id)
    if channel is None or not check_unsubscribe(channel_id, channel.secret, token):
        raise NotFound("This unsubscribe link is not valid.")
    given = request.scope.get("csrf_token")  # a signed-in browser's form needs it
    csrf = (
        f'<input type="hidden" name="csrf_token" value="{html.escape(given, quote=True)}">'
        if isinstance(given, str)
        else ""
    )
    to = html.escape(str(channel.config.get("to", "")))
    form = (
        "<h1>Stop these e-mails?</h1>"
        f"<p>This turns off e-mail notifications to {to}.</p>"
        f'<form method="post" action="?token={html.escape(token, quote=True)}">{csrf}'
        "<button>Unsubscribe</button></form>"
    )
    return HTMLResponse(_PAGE.format(form))


@router.post("/channels/{channel_id}/unsubscribe", include_in_schema=False)
async def unsubscribe(channel_id: IdPath, token: str, services: ServicesDep) -> HTMLResponse:
    """One-click unsubscribe (RFC 8058): the signed token is the credential."""
    async with services.db.write() as conn:
        channel = await channel_store.get_any(conn, channel_id)
        if channel is None or not check_unsubscribe(channel_id, channel.secret, token):
            raise NotFound("This unsubscribe link is not valid.")
        await channel_store.update(conn, channel.user_id, channel_id, enabled=False)
    return HTMLResponse(_PAGE.format("<h1>Unsubscribed</h1><p>No more e-mails will be sent.</p>"))
