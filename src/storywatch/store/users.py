"""Users, their settings, API tokens, web sessions and invites.

API tokens, session tokens and invite tokens are random strings shown once; only their
SHA-256 is stored. A slow hash is not needed for secrets with 256 bits of entropy, and a fast
one lets every request check its credential with one indexed lookup. Passwords are chosen by
people, so they get argon2id (``argon2-cffi`` defaults).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store.tables import api_tokens, invites, users, web_sessions

TOKEN_PREFIX = "sw_"  # noqa: S105 - a prefix, not a secret
_HASHER = PasswordHasher()


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


@dataclass(frozen=True, slots=True)
class UserDetail:
    """A user with everything the settings page and the admin list show."""

    id: int
    username: str
    display_name: str
    email: str | None
    is_admin: bool
    disabled: bool
    has_password: bool
    timezone: str
    quiet_start_minute: int | None
    quiet_end_minute: int | None
    digest: str
    digest_hour: int
    created_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> UserDetail:
        return cls(
            id=int(row.id),
            username=row.username,
            display_name=row.display_name or row.username,
            email=row.email,
            is_admin=bool(row.is_admin),
            disabled=bool(row.disabled),
            has_password=row.password_hash is not None,
            timezone=row.timezone,
            quiet_start_minute=row.quiet_start_minute,
            quiet_end_minute=row.quiet_end_minute,
            digest=row.digest,
            digest_hour=int(row.digest_hour),
            created_at=row.created_at,
        )


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """An API token as listed to its owner (never the token itself)."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    user_agent: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; a missing or corrupt hash never matches."""
    if not password_hash:
        # spend the same time as a real check, so a missing user is not told apart by timing
        _HASHER.hash(password)
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# ----------------------------------------------------------------------------- users


async def get_by_username(conn: AsyncConnection, username: str) -> User | None:
    row = (await conn.execute(sa.select(users).where(users.c.username == username))).first()
    return User.from_row(row) if row else None


async def get_user(conn: AsyncConnection, user_id: int) -> User | None:
    """An enabled user by id (a disabled user is as good as absent for sign-in purposes)."""
    row = (
        await conn.execute(
            sa.select(users).where(users.c.id == user_id, users.c.disabled.is_(sa.false()))
        )
    ).first()
    return User.from_row(row) if row else None


async def get_detail(conn: AsyncConnection, user_id: int) -> UserDetail | None:
    row = (await conn.execute(sa.select(users).where(users.c.id == user_id))).first()
    return UserDetail.from_row(row) if row else None


async def list_users(conn: AsyncConnection) -> list[UserDetail]:
    rows = (await conn.execute(sa.select(users).order_by(users.c.id))).all()
    return [UserDetail.from_row(r) for r in rows]


async def create_user(
    conn: AsyncConnection,
    username: str,
    now: datetime,
    *,
    is_admin: bool = False,
    password_hash: str | None = None,
    display_name: str = "",
    timezone: str = "UTC",
    email: str | None = None,
) -> User:
    result = await conn.execute(
        sa.insert(users)
        .values(
            username=username,
            display_name=display_name or username,
            is_admin=is_admin,
            password_hash=password_hash,
            timezone=timezone,
            email=email,
            created_at=now,
        )
        .returning(users)
    )
    return User.from_row(result.one())


async def update_user(conn: AsyncConnection, user_id: int, **values: Any) -> UserDetail | None:
    """Change the named columns of one user; returns the new row, or None when absent."""
    if values:
        await conn.execute(sa.update(users).where(users.c.id == user_id).values(**values))
    return await get_detail(conn, user_id)


async def set_password(conn: AsyncConnection, user_id: int, password: str) -> None:
    await conn.execute(
        sa.update(users).where(users.c.id == user_id).values(password_hash=hash_password(password))
    )


async def check_password(conn: AsyncConnection, username: str, password: str) -> User | None:
    """The enabled user whose name and password match, or None."""
    row = (
        await conn.execute(
            sa.select(users).where(users.c.username == username, users.c.disabled.is_(sa.false()))
        )
    ).first()
    if not password_matches(row.password_hash if row else None, password) or row is None:
        return None
    return User.from_row(row)


async def ensure_admin(conn: AsyncConnection, now: datetime, username: str = "admin") -> User:
    """The local admin user, created on first use (single-person installs have only it)."""
    existing = await get_by_username(conn, username)
    if existing:
        return existing
    return await create_user(conn, username, now, is_admin=True, display_name="Admin")


# ----------------------------------------------------------------------------- API tokens


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


async def list_tokens(conn: AsyncConnection, user_id: int) -> list[TokenInfo]:
    rows = (
        await conn.execute(
            sa.select(api_tokens)
            .where(api_tokens.c.user_id == user_id)
            .order_by(api_tokens.c.id.desc())
        )
    ).all()
    return [
        TokenInfo(
            id=int(r.id),
            name=r.name,
            prefix=r.prefix,
            created_at=r.created_at,
            last_used_at=r.last_used_at,
            revoked_at=r.revoked_at,
        )
        for r in rows
    ]


async def token_id_for(conn: AsyncConnection, user_id: int, token: str) -> int | None:
    row = (
        await conn.execute(
            sa.select(api_tokens.c.id).where(
                api_tokens.c.user_id == user_id, api_tokens.c.token_hash == hash_token(token)
            )
        )
    ).first()
    return int(row.id) if row else None


async def revoke_token(conn: AsyncConnection, user_id: int, token_id: int, now: datetime) -> bool:
    """Revoke one of the user's tokens; False when it is not theirs (or does not exist)."""
    result = await conn.execute(
        sa.update(api_tokens)
        .where(api_tokens.c.id == token_id, api_tokens.c.user_id == user_id)
        .values(revoked_at=sa.func.coalesce(api_tokens.c.revoked_at, now))
    )
    return bool(result.rowcount)


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


async def touch_token(conn: AsyncConnection, token: str, now: datetime) -> None:
    await conn.execute(
        sa.update(api_tokens)
        .where(api_tokens.c.token_hash == hash_token(token))
        .values(last_used_at=now)
    )


# ----------------------------------------------------------------------------- sessions


async def create_session(
    conn: AsyncConnection, user_id: int, now: datetime, *, lifetime: timedelta, user_agent: str
) -> str:
    """A new sign-in session; the returned token goes into the cookie and is never stored."""
    token = secrets.token_urlsafe(32)
    await conn.execute(
        sa.insert(web_sessions).values(
            user_id=user_id,
            token_hash=hash_token(token),
            user_agent=user_agent[:300],
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
        )
    )
    return token


async def session_user(conn: AsyncConnection, token: str, now: datetime) -> tuple[int, int] | None:
    """``(session id, user id)`` of a live session of an enabled user, or None."""
    row = (
        await conn.execute(
            sa.select(web_sessions.c.id, web_sessions.c.user_id)
            .join(users, users.c.id == web_sessions.c.user_id)
            .where(
                web_sessions.c.token_hash == hash_token(token),
                web_sessions.c.expires_at > now,
                users.c.disabled.is_(sa.false()),
            )
        )
    ).first()
    return (int(row.id), int(row.user_id)) if row else None


async def list_sessions(conn: AsyncConnection, user_id: int, now: datetime) -> list[SessionInfo]:
    rows = (
        await conn.execute(
            sa.select(web_sessions)
            .where(web_sessions.c.user_id == user_id, web_sessions.c.expires_at > now)
            .order_by(web_sessions.c.last_seen_at.desc(), web_sessions.c.id.desc())
        )
    ).all()
    return [
        SessionInfo(
            id=int(r.id),
            user_agent=r.user_agent,
            created_at=r.created_at,
            last_seen_at=r.last_seen_at,
            expires_at=r.expires_at,
        )
        for r in rows
    ]


async def end_session(conn: AsyncConnection, user_id: int, session_id: int) -> bool:
    result = await conn.execute(
        sa.delete(web_sessions).where(
            web_sessions.c.id == session_id, web_sessions.c.user_id == user_id
        )
    )
    return bool(result.rowcount)


async def end_all_sessions(conn: AsyncConnection, user_id: int) -> None:
    await conn.execute(sa.delete(web_sessions).where(web_sessions.c.user_id == user_id))


# ----------------------------------------------------------------------------- invites


async def create_invite(
    conn: AsyncConnection, user_id: int, now: datetime, *, lifetime: timedelta
) -> str:
    token = secrets.token_urlsafe(24)
    await conn.execute(
        sa.insert(invites).values(
            user_id=user_id, token_hash=hash_token(token), created_at=now, expires_at=now + lifetime
        )
    )
    return token


async def invite_user(conn: AsyncConnection, token: str, now: datetime) -> User | None:
    """The user an unused, unexpired invite is for, or None."""
    row = (
        await conn.execute(
            sa.select(users)
            .join(invites, invites.c.user_id == users.c.id)
            .where(
                invites.c.token_hash == hash_token(token),
                invites.c.used_at.is_(None),
                invites.c.expires_at > now,
                users.c.disabled.is_(sa.false()),
            )
        )
    ).first()
    return User.from_row(row) if row else None


async def use_invite(
    conn: AsyncConnection, token: str, password: str, now: datetime
) -> User | None:
    """Set the invited user's password and spend the invite; None when it is not valid."""
    user = await invite_user(conn, token, now)
    if user is None:
        return None
    await set_password(conn, user.id, password)
    await conn.execute(
        sa.update(invites).where(invites.c.token_hash == hash_token(token)).values(used_at=now)
    )
    return user
