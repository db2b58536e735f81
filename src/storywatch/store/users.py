"""Users and API tokens.

API tokens are 32 random bytes shown once; only their SHA-256 is stored. A slow password hash
is not needed for tokens with 256 bits of entropy, and a fast one lets every API request
check its token with one indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store.tables import api_tokens, users

TOKEN_PREFIX = "sw_"  # noqa: S105 - a prefix, not a secret


@dataclass(frozen=True, slots=True)
class User:
    """The signed-in person, as every request handler sees them."""

    id: int
    username: str
    display_name: str
    is_admin: bool
    timezone: str

    @classmethod
    def from_row(cls, row: Any) -> User:
        return cls(
            id=int(row.id),
            username=row.username,
            display_name=row.display_name or row.username,
            is_admin=bool(row.is_admin),
            timezone=row.timezone,
        )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def get_by_username(conn: AsyncConnection, username: str) -> User | None:
    row = (await conn.execute(sa.select(users).where(users.c.username == username))).first()
    return User.from_row(row) if row else None


async def get_user(conn: AsyncConnection, user_id: int) -> User | None:
    row = (await conn.execute(sa.select(users).where(users.c.id == user_id))).first()
    return User.from_row(row) if row else None


async def create_user(
    conn: AsyncConnection,
    username: str,
    now: datetime,
    *,
    is_admin: bool = False,
    password_hash: str | None = None,
    display_name: str = "",
    timezone: str = "UTC",
) -> User:
    result = await conn.execute(
        sa.insert(users)
        .values(
            username=username,
            display_name=display_name or username,
            is_admin=is_admin,
            password_hash=password_hash,
            timezone=timezone,
            created_at=now,
        )
        .returning(users)
    )
    return User.from_row(result.one())


async def ensure_admin(conn: AsyncConnection, now: datetime, username: str = "admin") -> User:
    """The local admin user, created on first use (single-person installs have only it)."""
    existing = await get_by_username(conn, username)
    if existing:
        return existing
    return await create_user(conn, username, now, is_admin=True, display_name="Admin")


async def create_token(conn: AsyncConnection, user_id: int, now: datetime, name: str = "") -> str:
    """A new API token for ``user_id``; the plain token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    await conn.execute(
        sa.insert(api_tokens).values(
            user_id=user_id,
            name=name,
            token_hash=hash_token(token),
            prefix=token[:10],
            created_at=now,
        )
    )
    return token


async def user_for_token(conn: AsyncConnection, token: str) -> User | None:
    """The user a live (not revoked) token belongs to, or None."""
    stmt = (
        sa.select(users)
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(
            api_tokens.c.token_hash == hash_token(token),
            api_tokens.c.revoked_at.is_(None),
            users.c.disabled.is_(sa.false()),
        )
    )
    row = (await conn.execute(stmt)).first()
    return User.from_row(row) if row else None
