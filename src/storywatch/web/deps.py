"""FastAPI dependencies every router uses: the services, and who is asking.

A request is authenticated by an ``Authorization: Bearer <token>`` header (API clients, the
CLI) or by the signed session cookie the web pages set. Every resource query is then scoped
to that user, so another user's id is simply "not found".
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from storywatch.app import Services
from storywatch.errors import Unauthorized
from storywatch.store import users as user_store
from storywatch.store.users import User

SESSION_COOKIE = "sw_session"


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def optional_user(request: Request) -> User | None:
    """The user making the request, or None when it carries no valid credentials."""
    services = get_services(request)
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        token = auth[7:].strip()
        async with services.db.read() as conn:
            return await user_store.user_for_token(conn, token)
    session_user = request.scope.get("session_user_id")
    if isinstance(session_user, int):
        async with services.db.read() as conn:
            return await user_store.get_user(conn, session_user)
    return None


async def current_user(request: Request) -> User:
    """The user making the request; 401 when there is none."""
    user = await optional_user(request)
    if user is None:
        raise Unauthorized("Sign in, or send an API token as 'Authorization: Bearer <token>'.")
    return user


UserDep = Annotated[User, Depends(current_user)]
