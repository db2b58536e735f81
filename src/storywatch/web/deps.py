"""FastAPI dependencies every router uses: the services, and who is asking.

A request is authenticated by an ``Authorization: Bearer <token>`` header (API clients, the
CLI) or by the session cookie the web pages set, which :class:`SessionMiddleware` has already
resolved into ``request.scope["session_user_id"]``. Every resource query is then scoped to
that user, so another user's id is simply "not found".
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from storywatch.app import Services
from storywatch.errors import Forbidden, Unauthorized
from storywatch.store import users as user_store
from storywatch.store.users import User
from storywatch.web.security import SESSION_COOKIE

__all__ = [
    "SESSION_COOKIE",
    "AdminDep",
    "ServicesDep",
    "UserDep",
    "current_user",
    "get_services",
    "optional_user",
]

TOKEN_TOUCH_SECONDS = 60.0

# Declared for the OpenAPI document (so clients see the bearer scheme); checking is ours.
_bearer = HTTPBearer(auto_error=False, description="An API token: `Authorization: Bearer sw_…`")


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def _touch(services: Services, request: Request, token: str) -> None:
    """Record a token's last use, at most once a minute per process (it costs a write)."""
    last: dict[str, float] = request.app.state.token_touched
    now = services.clock()
    stamp = now.timestamp()
    if stamp - last.get(token, 0.0) < TOKEN_TOUCH_SECONDS:
        return
    last[token] = stamp
    async with services.db.write() as conn:
        await user_store.touch_token(conn, token, now)


async def optional_user(request: Request) -> User | None:
    """The user making the request, or None when it carries no valid credentials."""
    services = get_services(request)
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        token = auth[7:].strip()
        async with services.db.read() as conn:
            user = await user_store.user_for_token(conn, token)
        if user is not None:
            request.state.auth = "token"
            await _touch(services, request, token)
        return user
    session_user = request.scope.get("session_user_id")
    if isinstance(session_user, int):
        async with services.db.read() as conn:
            user = await user_store.get_user(conn, session_user)
        if user is not None:
            request.state.auth = "session"
        return user
    return None


async def current_user(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None,
) -> User:
    """The user making the request; 401 when there is none."""
    user = await optional_user(request)
    if user is None:
        raise Unauthorized("Sign in, or send an API token as 'Authorization: Bearer <token>'.")
    return user


UserDep = Annotated[User, Depends(current_user)]


async def admin_user(user: UserDep) -> User:
    """The signed-in admin; 403 for anyone else."""
    if not user.is_admin:
        raise Forbidden("Only an admin can do this.")
    return user


AdminDep = Annotated[User, Depends(admin_user)]
