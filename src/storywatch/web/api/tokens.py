"""API tokens: create one (shown once), list yours, revoke one."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from storywatch.errors import NotFound
from storywatch.store import users as user_store
from storywatch.web.api.common import ERROR_RESPONSES, IdPath
from storywatch.web.deps import ServicesDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["tokens"], responses=ERROR_RESPONSES)


class TokenIn(BaseModel):
    name: str = Field("", max_length=200, description="What the token is for, e.g. 'laptop CLI'.")


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str = Field(description="The first characters, to recognise the token by.")
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(description="The token itself. Shown once: only its hash is kept.")


@router.get("/tokens", response_model=list[TokenOut])
async def list_tokens(services: ServicesDep, user: UserDep) -> list[TokenOut]:
    """Your API tokens, newest first (revoked ones included, marked)."""
    async with services.db.read() as conn:
        rows = await user_store.list_tokens(conn, user.id)
    return [TokenOut.model_validate(t, from_attributes=True) for t in rows]


@router.post("/tokens", response_model=NewTokenOut, status_code=201)
async def create_token(body: TokenIn, services: ServicesDep, user: UserDep) -> NewTokenOut:
    """A new API token; send it as `Authorization: Bearer <token>`."""
    now = services.clock()
    async with services.db.write() as conn:
        token = await user_store.create_token(conn, user.id, now, body.name.strip())
        token_id = await user_store.token_id_for(conn, user.id, token)
    assert token_id is not None
    return NewTokenOut(
        id=token_id,
        name=body.name.strip(),
        prefix=token[:10],
        created_at=now,
        last_used_at=None,
        revoked_at=None,
        token=token,
    )


@router.delete("/tokens/{token_id}", status_code=204)
async def revoke_token(token_id: IdPath, services: ServicesDep, user: UserDep) -> Response:
    """Revoke a token: requests carrying it are refused from now on."""
    async with services.db.write() as conn:
        if not await user_store.revoke_token(conn, user.id, token_id, services.clock()):
            raise NotFound("No such token.")
    return Response(status_code=204)
