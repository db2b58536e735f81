"""The HTML pages. Each handler reads what its page shows and renders one template.

Pages are for people with a browser session: an unauthenticated visit is sent to the
sign-in page (or, in demo mode, already signed in by the session middleware). Writes from
pages go through the JSON API with the CSRF header, except the sign-in, sign-out, invite and
settings forms, which also work without JavaScript.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote
from zoneinfo import available_timezones

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from storywatch.errors import InvalidInput, Unauthorized
from storywatch.store import stories as story_store
from storywatch.store import subscriptions as sub_store
from storywatch.store import users as user_store
from storywatch.store.users import User
from storywatch.web.api.accounts import SettingsIn, minutes_to_hhmm, settings_values, sign_in
from storywatch.web.deps import ServicesDep, optional_user
from storywatch.web.security import (
    SESSION_LIFETIME,
    clear_session_cookie,
    cookie_secure,
    set_session_cookie,
)
from storywatch.web.ui import queries
from storywatch.web.ui.contradictions import distinct, sides
from storywatch.web.ui.feed import group_by_story
from storywatch.web.ui.render import Renderer

router = APIRouter(include_in_schema=False)
renderer = Renderer()
ZONES = sorted(z for z in available_timezones() if "/" in z or z == "UTC")


def _safe_next(value: str | None) -> str:
    """Only same-site paths are followed after sign-in (no open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def _to_signin(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/signin?next={quote(target)}", status_code=303)


def not_found(request: Request, user: User | None, what: str, *, owned: bool = True) -> Response:
    return renderer.page(
        request,
        "error.html",
        status_code=404,
        user=user,
        title="Not found",
        message=f"There is no such {what}" + (", or it is not yours." if owned else "."),
    )


def error_page(request: Request, status_code: int, message: str) -> Response:
    """An error as a page, for a person's browser (the API keeps its JSON bodies).

    For the one error handler: a request that accepts ``text/html`` and ends in an error
    (an unknown address, a server fault) can be answered with this instead of JSON.
    """
    titles = {404: "Not found", 403: "Not allowed", 500: "Something went wrong"}
    return renderer.page(
        request,
        "error.html",
        status_code=status_code,
        user=None,
        title=titles.get(status_code, "Something went wrong"),
        message=message,
    )


MAX_ID = 2**63 - 1


def page_id(value: str) -> int | None:
    """A page address's id, or None for anything that cannot name a row (shown as not found)."""
    if not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


@router.get("/")
async def live(request: Request, services: ServicesDep) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    async with services.db.read() as conn:
        notes = await queries.recent_notifications(conn, user.id)
        names = await queries.subscription_names(conn, user.id)
    return renderer.page(
        request,
        "live.html",
        user=user,
        cards=group_by_story(notes),
        subscription_names=names,
        has_subscriptions=bool(names),
    )


@router.get("/stories")
async def stories_page(
    request: Request,
    services: ServicesDep,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    try:
        async with services.db.read() as conn:
            page, next_cursor = await story_store.list_stories(
                conn, limit=30, cursor=cursor, search=q
            )
            following = await queries.followed_story_ids(conn, user.id)
    except InvalidInput:
        return RedirectResponse("/stories", status_code=303)
    return renderer.page(
        request,
        "stories.html",
        user=user,
        stories=page,
        next_cursor=next_cursor,
        q=q,
        following=following,
    )


@router.get("/stories/{story}")
async def story_page(story: str, request: Request, services: ServicesDep) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    story_id = page_id(story)
    if story_id is None:
        return not_found(request, user, "story", owned=False)
    async with services.db.read() as conn:
        detail = await story_store.story_detail(conn, story_id)
        if detail is None:
            return not_found(request, user, "story", owned=False)
        cited = {aid for e in detail.timeline + detail.contradictions for aid in e.article_ids}
        cited |= {a.id for a in detail.articles} | {c.id for a in detail.articles for c in a.copies}
        titles = await story_store.article_titles(conn, sorted(cited))
        followed = await queries.follows(conn, user.id)
    names = {e.key: e.name for e in detail.entities}
    names |= {g.speaker_key: g.speaker for g in detail.speakers if g.speaker_key}
    return renderer.page(
        request,
        "story.html",
        user=user,
        d=detail,
        titles=titles,
        contradictions=distinct([sides(e, titles, names) for e in detail.contradictions]),
        followed=followed,
        follow_key=queries.follow_key,
    )


@router.get("/subscriptions")
@router.get("/subscriptions/{sub}")
async def subscriptions_page(
    request: Request, services: ServicesDep, sub: str | None = None
) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    sub_id = page_id(sub) if sub is not None else None
    if sub is not None and sub_id is None:
        return not_found(request, user, "subscription")
    async with services.db.read() as conn:
        subs, _total = await sub_store.list_for_user(conn, user.id, limit=500)
        editing = await sub_store.get(conn, user.id, sub_id) if sub_id is not None else None
    if sub_id is not None and editing is None:
        return not_found(request, user, "subscription")
    return renderer.page(request, "subscriptions.html", user=user, subs=subs, editing=editing)


@router.get("/devices")
async def devices_page(
    request: Request, services: ServicesDep, failures: Annotated[str, Query(max_length=10)] = ""
) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    async with services.db.read() as conn:
        chans = await queries.user_channels(conn, user.id)
        failures_only = failures not in ("", "0")
        log = await queries.delivery_log(conn, user.id, failures_only=failures_only)
    return renderer.page(
        request,
        "devices.html",
        user=user,
        devices=[c for c in chans if c["kind"] == "webpush"],
        channels=[c for c in chans if c["kind"] != "webpush"],
        log=log,
        failures=sum(1 for d in log if d["status"] == "dead" or d["error"]),
        failures_only=failures_only,
    )


@router.get("/sources")
async def sources_page(request: Request, services: ServicesDep) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    async with services.db.read() as conn:
        rows = await queries.all_sources(conn)
        followed = await queries.follows(conn, user.id)
    return renderer.page(
        request,
        "sources.html",
        user=user,
        sources=rows,
        followed=followed,
        follow_key=queries.follow_key,
    )


async def _settings_page(
    request: Request, services: ServicesDep, user: User, **extra: object
) -> Response:
    now = services.clock()
    async with services.db.read() as conn:
        me = await user_store.get_detail(conn, user.id)
        tokens = await user_store.list_tokens(conn, user.id)
        sessions = await user_store.list_sessions(conn, user.id, now)
        everyone = await user_store.list_users(conn) if user.is_admin else []
    assert me is not None
    return renderer.page(
        request,
        "settings.html",
        status_code=422 if extra.get("error") else 200,
        user=user,
        me=me,
        zones=ZONES,
        quiet_start=minutes_to_hhmm(me.quiet_start_minute),
        quiet_end=minutes_to_hhmm(me.quiet_end_minute),
        tokens=tokens,
        sessions=sessions,
        current_session=request.scope.get("session_id"),
        users=everyone,
        **extra,
    )


@router.get("/settings")
async def settings_page(
    request: Request, services: ServicesDep, saved: Annotated[str, Query(max_length=10)] = ""
) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    return await _settings_page(request, services, user, saved=saved not in ("", "0"))


@router.post("/settings")
async def save_settings(request: Request, services: ServicesDep) -> Response:
    user = await optional_user(request)
    if user is None:
        return _to_signin(request)
    form = await request.form()
    raw = {k: str(v) for k, v in form.items() if k != "csrf_token"}
    try:
        values = settings_values(SettingsIn.model_validate(raw))
    except (InvalidInput, ValidationError) as exc:
        message = exc.message if isinstance(exc, InvalidInput) else "Check the values and retry."
        return await _settings_page(request, services, user, error=message)
    async with services.db.write() as conn:
        await user_store.update_user(conn, user.id, **values)
    return RedirectResponse("/settings?saved=1", status_code=303)


@router.get("/signin")
async def signin_page(
    request: Request, next: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    user = await optional_user(request)
    if user is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return renderer.page(request, "signin.html", user=None, next=_safe_next(next))


@router.post("/signin")
async def signin_submit(
    request: Request,
    services: ServicesDep,
    username: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    redirect = RedirectResponse(_safe_next(next), status_code=303)
    try:
        await sign_in(services, request, redirect, username, password)
    except Unauthorized as exc:
        return renderer.page(
            request,
            "signin.html",
            status_code=401,
            user=None,
            next=_safe_next(next),
            username=username,
            error=exc.message,
        )
    return redirect


@router.post("/signout")
async def signout(request: Request, services: ServicesDep) -> Response:
    user = await optional_user(request)
    session_id = request.scope.get("session_id")
    if user is not None and isinstance(session_id, int):
        async with services.db.write() as conn:
            await user_store.end_session(conn, user.id, session_id)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(response, secure=cookie_secure(services.settings, request.url.scheme))
    return response


@router.get("/invite/{token}")
async def invite_page(token: str, request: Request, services: ServicesDep) -> Response:
    async with services.db.read() as conn:
        invited = await user_store.invite_user(conn, token, services.clock())
    return renderer.page(
        request,
        "invite.html",
        status_code=200 if invited else 404,
        user=None,
        invited=invited,
        token=token,
    )


@router.post("/invite/{token}")
async def invite_submit(
    token: str,
    request: Request,
    services: ServicesDep,
    password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    now = services.clock()
    async with services.db.read() as conn:
        invited = await user_store.invite_user(conn, token, now)
    if invited is None or len(password) < 8:
        return renderer.page(
            request,
            "invite.html",
            status_code=422 if invited else 404,
            user=None,
            invited=invited,
            token=token,
            error="Choose a password of at least 8 characters.",
        )
    async with services.db.write() as conn:
        user = await user_store.use_invite(conn, token, password, now)
        assert user is not None
        session = await user_store.create_session(
            conn,
            user.id,
            now,
            lifetime=SESSION_LIFETIME,
            user_agent=request.headers.get("user-agent", ""),
        )
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(
        response, session, secure=cookie_secure(services.settings, request.url.scheme)
    )
    return response
