"""Sign-in sessions and CSRF protection, as one ASGI middleware in front of every route.

For each HTTP request it resolves the session cookie to a user and puts the ids in the
scope (``session_user_id``, ``session_id``, ``csrf_token``), where :mod:`storywatch.web.deps`
reads them. An unsafe request (POST, PUT, PATCH, DELETE) that a browser sends with our
cookie must prove it comes from our own pages: its ``Origin`` (when sent) must be this host,
and it must carry the CSRF token in the ``X-CSRF-Token`` header or, for a plain HTML form, in
the ``csrf_token`` field. Requests with an ``Authorization`` header are API clients and are
not subject to CSRF (a browser never adds that header on its own).

In demo mode an unauthenticated page visit signs in as the admin, so ``make demo`` opens
straight onto the live feed.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storywatch.app import Services
from storywatch.store import users as user_store
from storywatch.web.errors import error_body
from storywatch.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    SESSION_LIFETIME,
    cookie_secure,
    csrf_token,
    csrf_valid,
    session_cookie_header,
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
MAX_FORM_BYTES = 1_000_000
NOT_PAGES = ("/api/", "/static/", "/sw.js", "/manifest.webmanifest", "/favicon")


def is_page_visit(scope: Scope, headers: Headers) -> bool:
    path: str = scope["path"]
    if scope["method"] != "GET" or path.startswith(NOT_PAGES):
        return False
    return "text/html" in headers.get("accept", "")


def same_origin(headers: Headers, scheme: str) -> bool:
    """False when the browser says the request comes from another site."""
    if headers.get("sec-fetch-site") == "cross-site":
        return False
    origin = headers.get("origin")
    if origin is None:
        return True  # not a browser, or a same-origin GET-like navigation from an old one
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc == headers.get("host", "")


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        body = message.get("body", b"")
        size += len(body)
        if size > limit:
            return None
        chunks.append(body)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


class SessionMiddleware:
    def __init__(self, app: ASGIApp, services: Services, secret_key: str) -> None:
        self.app = app
        self.services = services
        self.secret_key = secret_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        has_bearer = headers.get("authorization", "").lower().startswith("bearer ")
        token = cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE)
        now = self.services.clock()
        new_cookie: str | None = None
        found: tuple[int, int] | None = None
        if token:
            async with self.services.db.read() as conn:
                found = await user_store.session_user(conn, token, now)
        if (
            found is None
            and not has_bearer
            and self.services.settings.demo
            and is_page_visit(scope, headers)
        ):
            token, found = await self._demo_session(headers)
            new_cookie = session_cookie_header(
                token, secure=cookie_secure(self.services.settings, scope["scheme"])
            )
        if found is not None and token:
            scope["session_id"], scope["session_user_id"] = found
            scope["session_token"] = token
            scope["csrf_token"] = csrf_token(self.secret_key, token)

        if scope["method"] not in SAFE_METHODS and not has_bearer:
            if not same_origin(headers, scope["scheme"]):
                await self._refuse(scope, receive, send, "This request came from another site.")
                return
            if found is not None and token:
                given = headers.get(CSRF_HEADER)
                ctype = headers.get("content-type", "")
                if not given and ctype.startswith("application/x-www-form-urlencoded"):
                    body = await _read_body(receive, MAX_FORM_BYTES)
                    if body is None:
                        await self._refuse(scope, receive, send, "The form is too large.")
                        return
                    values = parse_qs(body.decode("latin-1"))
                    given = next(iter(values.get(CSRF_FIELD, [])), None)
                    receive = _replay(body)
                if not csrf_valid(self.secret_key, token, given):
                    await self._refuse(
                        scope,
                        receive,
                        send,
                        "Missing or wrong CSRF token: reload the page and try again.",
                    )
                    return

        if new_cookie is None:
            await self.app(scope, receive, send)
            return

        cookie = new_cookie

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    async def _demo_session(self, headers: Headers) -> tuple[str, tuple[int, int]]:
        now = self.services.clock()
        async with self.services.db.write() as conn:
            admin = await user_store.ensure_admin(conn, now)
            token = await user_store.create_session(
                conn,
                admin.id,
                now,
                lifetime=SESSION_LIFETIME,
                user_agent=headers.get("user-agent", ""),
            )
            found = await user_store.session_user(conn, token, now)
        assert found is not None
        return token, found

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, message: str) -> None:
        response = JSONResponse(error_body("csrf_failed", message), status_code=403)
        await response(scope, receive, send)
