"""Signing in and out, and the signed-in user's own account: sessions, settings, password."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from storywatch.errors import InvalidInput, NotFound, Unauthorized
from storywatch.store import users as user_store
from storywatch.store.users import UserDetail
from storywatch.web.api.common import ERROR_RESPONSES, IdPath
from storywatch.web.deps import ServicesDep, UserDep
from storywatch.web.security import (
    SESSION_LIFETIME,
    clear_session_cookie,
    cookie_secure,
    csrf_token,
    set_session_cookie,
)

router = APIRouter(prefix="/api/v1", tags=["account"], responses=ERROR_RESPONSES)

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class UserOut(BaseModel):
    id: int
    username: str
    display_name: str
    email: str | None
    is_admin: bool
    disabled: bool
    has_password: bool
    timezone: str
    quiet_hours_start: str | None = Field(description="Local time HH:MM, or null for none.")
    quiet_hours_end: str | None
    digest: Literal["off", "hourly", "daily"] | str
    digest_hour: int
    created_at: datetime


class MeOut(UserOut):
    csrf_token: str | None = Field(
        None, description="When signed in with a cookie: send it as X-CSRF-Token on writes."
    )


class SignInIn(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class SessionOut(BaseModel):
    id: int
    user_agent: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    current: bool


class SettingsIn(BaseModel):
    display_name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=320)
    timezone: str | None = Field(None, max_length=64, description="IANA name, e.g. Europe/Paris")
    quiet_hours_start: str | None = Field(None, description="HH:MM, or empty to clear")
    quiet_hours_end: str | None = Field(None, description="HH:MM, or empty to clear")
    digest: Literal["off", "hourly", "daily"] | None = None
    digest_hour: int | None = Field(None, ge=0, le=23)


class PasswordIn(BaseModel):
    current_password: str = Field(max_length=1000)
    new_password: str = Field(min_length=8, max_length=1000)


def minutes_to_hhmm(value: int | None) -> str | None:
    return None if value is None else f"{value // 60:02d}:{value % 60:02d}"


def hhmm_to_minutes(value: str, field: str) -> int:
    match = _HHMM.match(value.strip())
    if not match:
        raise InvalidInput(f"{field}: write the time as HH:MM, e.g. 22:30.")
    return int(match.group(1)) * 60 + int(match.group(2))


def user_out(user: UserDetail) -> UserOut:
    return UserOut(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        email=user.email,
        is_admin=user.is_admin,
        disabled=user.disabled,
        has_password=user.has_password,
        timezone=user.timezone,
        quiet_hours_start=minutes_to_hhmm(user.quiet_start_minute),
        quiet_hours_end=minutes_to_hhmm(user.quiet_end_minute),
        digest=user.digest,
        digest_hour=user.digest_hour,
        created_at=user.created_at,
    )


def settings_values(body: SettingsIn) -> dict[str, object]:
    """The column values a settings change asks for, validated (pure, for pages and API)."""
    values: dict[str, object] = {}
    fields = body.model_fields_set
    if body.display_name is not None:
        values["display_name"] = body.display_name.strip()
    if "email" in fields:
        values["email"] = (body.email or "").strip() or None
    if body.timezone is not None:
        try:
            ZoneInfo(body.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidInput(f"timezone: '{body.timezone}' is not a known time zone.") from exc
        values["timezone"] = body.timezone
    for name, column in (
        ("quiet_hours_start", "quiet_start_minute"),
        ("quiet_hours_end", "quiet_end_minute"),
    ):
        if name in fields:
            raw = getattr(body, name)
            values[column] = hhmm_to_minutes(raw, name) if raw else None
    if body.digest is not None:
        values["digest"] = body.digest
    if body.digest_hour is not None:
        values["digest_hour"] = body.digest_hour
    start, end = values.get("quiet_start_minute", 0), values.get("quiet_end_minute", 0)
    if ("quiet_start_minute" in values) != ("quiet_end_minute" in values) or (
        (start is None) != (end is None)
    ):
        raise InvalidInput("Quiet hours need both a start and an end (or neither).")
    return values


async def sign_in(
    services: ServicesDep, request: Request, response: Response, username: str, password: str
) -> tuple[int, str]:
    """Check the password and start a session; sets the cookie and returns (user id, token)."""
    async with services.db.read() as conn:
        user = await user_store.check_password(conn, username.strip(), password)
    if user is None:
        raise Unauthorized("Wrong user name or password.", code="bad_credentials")
    now = services.clock()
    async with services.db.write() as conn:
        token = await user_store.create_session(
            conn,
            user.id,
            now,
            lifetime=SESSION_LIFETIME,
            user_agent=request.headers.get("user-agent", ""),
        )
    set_session_cookie(response, token, secure=cookie_secure(services.settings, request.url.scheme))
    return user.id, token


@router.post("/sessions", response_model=MeOut, status_code=201)
async def create_session(
    body: SignInIn, services: ServicesDep, request: Request, response: Response
) -> MeOut:
    """Sign in with a user name and password: sets the session cookie."""
    user_id, token = await sign_in(services, request, response, body.username, body.password)
    async with services.db.read() as conn:
        detail = await user_store.get_detail(conn, user_id)
    assert detail is not None
    return MeOut(
        **user_out(detail).model_dump(),
        csrf_token=csrf_token(request.app.state.secret_key, token),
    )


@router.get("/sessions", response_model=list[SessionOut])
async def list_sessions(services: ServicesDep, user: UserDep, request: Request) -> list[SessionOut]:
    """Your signed-in browsers."""
    async with services.db.read() as conn:
        rows = await user_store.list_sessions(conn, user.id, services.clock())
    current = request.scope.get("session_id")
    return [
        SessionOut(
            id=s.id,
            user_agent=s.user_agent,
            created_at=s.created_at,
            last_seen_at=s.last_seen_at,
            expires_at=s.expires_at,
            current=s.id == current,
        )
        for s in rows
    ]


@router.delete("/sessions/current", status_code=204)
async def sign_out(
    services: ServicesDep, user: UserDep, request: Request, response: Response
) -> Response:
    """Sign out this browser."""
    session_id = request.scope.get("session_id")
    if isinstance(session_id, int):
        async with services.db.write() as conn:
            await user_store.end_session(conn, user.id, session_id)
    out = Response(status_code=204)
    clear_session_cookie(out, secure=cookie_secure(services.settings, request.url.scheme))
    return out


@router.delete("/sessions/{session_id}", status_code=204)
async def end_session(session_id: IdPath, services: ServicesDep, user: UserDep) -> Response:
    """Sign out one of your other browsers."""
    async with services.db.write() as conn:
        if not await user_store.end_session(conn, user.id, session_id):
            raise NotFound("No such session.")
    return Response(status_code=204)


@router.get("/me", response_model=MeOut)
async def me(services: ServicesDep, user: UserDep, request: Request) -> MeOut:
    """Who you are, your settings, and (with a cookie) the CSRF token for writes."""
    async with services.db.read() as conn:
        detail = await user_store.get_detail(conn, user.id)
    if detail is None:
        raise NotFound("No such user.")
    return MeOut(**user_out(detail).model_dump(), csrf_token=request.scope.get("csrf_token"))


@router.patch("/me/settings", response_model=UserOut)
async def update_settings(body: SettingsIn, services: ServicesDep, user: UserDep) -> UserOut:
    """Change your time zone, quiet hours (local HH:MM) and digest."""
    values = settings_values(body)
    async with services.db.write() as conn:
        detail = await user_store.update_user(conn, user.id, **values)
    if detail is None:
        raise NotFound("No such user.")
    return user_out(detail)


@router.post("/me/password", status_code=204)
async def change_password(body: PasswordIn, services: ServicesDep, user: UserDep) -> Response:
    """Change your password (the current one is asked again)."""
    async with services.db.read() as conn:
        ok = await user_store.check_password(conn, user.username, body.current_password)
    if ok is None:
        raise InvalidInput("The current password is wrong.", code="bad_credentials")
    async with services.db.write() as conn:
        await user_store.set_password(conn, user.id, body.new_password)
    return Response(status_code=204)
