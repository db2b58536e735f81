"""Users, managed by an admin: create (with a password or an invite link), change, disable.

An invite is a one-time link that lets the new person choose their own password, so the
admin never has to know it. Accepting an invite signs the person in.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from storywatch.errors import Conflict, InvalidInput, NotFound
from storywatch.store import users as user_store
from storywatch.web.api.accounts import MeOut, UserOut, user_out
from storywatch.web.api.common import ERROR_RESPONSES, IdPath
from storywatch.web.deps import AdminDep, ServicesDep
from storywatch.web.security import (
    INVITE_LIFETIME,
    SESSION_LIFETIME,
    cookie_secure,
    csrf_token,
    set_session_cookie,
)

router = APIRouter(prefix="/api/v1", tags=["users"], responses=ERROR_RESPONSES)

USERNAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"


class UserIn(BaseModel):
    username: str = Field(pattern=USERNAME_PATTERN, description="Letters, digits, _ . -")
    display_name: str = Field("", max_length=200)
    email: str | None = Field(None, max_length=320)
    password: str | None = Field(
        None, min_length=8, max_length=1000, description="Leave out to get an invite link."
    )
    is_admin: bool = False


class UserPatch(BaseModel):
    display_name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=320)
    is_admin: bool | None = None
    disabled: bool | None = None
    password: str | None = Field(None, min_length=8, max_length=1000)


class CreatedUserOut(BaseModel):
    user: UserOut
    invite_url: str | None = Field(None, description="One-time link for the user to sign up.")


class InviteOut(BaseModel):
    invite_url: str


class AcceptInviteIn(BaseModel):
    token: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=8, max_length=1000)


class UserList(BaseModel):
    items: list[UserOut]
    total: int


def invite_url(services: ServicesDep, token: str) -> str:
    return f"{services.settings.public_url()}/invite/{token}"


@router.get("/users", response_model=UserList)
async def list_users(services: ServicesDep, _admin: AdminDep) -> UserList:
    """Every user (admin only)."""
    async with services.db.read() as conn:
        rows = await user_store.list_users(conn)
    return UserList(items=[user_out(u) for u in rows], total=len(rows))


@router.post("/users", response_model=CreatedUserOut, status_code=201)
async def create_user(body: UserIn, services: ServicesDep, _admin: AdminDep) -> CreatedUserOut:
    """Create a user with a password, or without one to get an invite link (admin only)."""
    now = services.clock()
    try:
        async with services.db.write() as conn:
            created = await user_store.create_user(
                conn,
                body.username,
                now,
                is_admin=body.is_admin,
                password_hash=user_store.hash_password(body.password) if body.password else None,
                display_name=body.display_name.strip(),
                email=(body.email or "").strip() or None,
            )
            token = None
            if not body.password:
                token = await user_store.create_invite(
                    conn, created.id, now, lifetime=INVITE_LIFETIME
                )
            detail = await user_store.get_detail(conn, created.id)
    except IntegrityError as exc:
        raise Conflict(f"The user name '{body.username}' is taken.") from exc
    assert detail is not None
    return CreatedUserOut(
        user=user_out(detail), invite_url=invite_url(services, token) if token else None
    )


@router.get("/users/{user_id}", response_model=UserOut)
async def get_user(user_id: IdPath, services: ServicesDep, _admin: AdminDep) -> UserOut:
    """One user (admin only)."""
    async with services.db.read() as conn:
        detail = await user_store.get_detail(conn, user_id)
    if detail is None:
        raise NotFound("No such user.")
    return user_out(detail)


@router.patch("/users/{user_id}", response_model=UserOut)
async def update_user(
    user_id: IdPath, body: UserPatch, services: ServicesDep, admin: AdminDep
) -> UserOut:
    """Change, promote or disable a user (admin only; you cannot disable or demote yourself)."""
    if user_id == admin.id and (body.disabled or body.is_admin is False):
        raise InvalidInput("You cannot disable or demote yourself.")
    values: dict[str, object] = {
        k: v
        for k, v in body.model_dump(exclude_unset=True).items()
        if k in {"display_name", "email", "is_admin", "disabled"} and v is not None
    }
    async with services.db.write() as conn:
        detail = await user_store.update_user(conn, user_id, **values)
        if detail is None:
            raise NotFound("No such user.")
        if body.password:
            await user_store.set_password(conn, user_id, body.password)
        if body.disabled:
            await user_store.end_all_sessions(conn, user_id)
        detail = await user_store.get_detail(conn, user_id)
    assert detail is not None
    return user_out(detail)


@router.post("/users/{user_id}/invite", response_model=InviteOut, status_code=201)
async def new_invite(user_id: IdPath, services: ServicesDep, _admin: AdminDep) -> InviteOut:
    """A fresh one-time sign-up link for a user (admin only)."""
    now = services.clock()
    async with services.db.write() as conn:
        if await user_store.get_detail(conn, user_id) is None:
            raise NotFound("No such user.")
        token = await user_store.create_invite(conn, user_id, now, lifetime=INVITE_LIFETIME)
    return InviteOut(invite_url=invite_url(services, token))


@router.post("/invites/accept", response_model=MeOut)
async def accept_invite(
    body: AcceptInviteIn, services: ServicesDep, request: Request, response: Response
) -> MeOut:
    """Choose a password with an invite token; signs you in."""
    now = services.clock()
    async with services.db.write() as conn:
        user = await user_store.use_invite(conn, body.token, body.password, now)
        if user is None:
            raise NotFound("This invite link is not valid any more; ask for a new one.")
        token = await user_store.create_session(
            conn,
            user.id,
            now,
            lifetime=SESSION_LIFETIME,
            user_agent=request.headers.get("user-agent", ""),
        )
        detail = await user_store.get_detail(conn, user.id)
    assert detail is not None
    set_session_cookie(response, token, secure=cookie_secure(services.settings, request.url.scheme))
    return MeOut(
        **user_out(detail).model_dump(),
        csrf_token=csrf_token(request.app.state.secret_key, token),
    )
