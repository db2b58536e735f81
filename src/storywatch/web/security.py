"""Secrets and cookies of the web app: the signing key, CSRF tokens, the session cookie.

The CSRF token is an HMAC of the session token under the app's secret key. It needs no
storage, changes with every sign-in, and cannot be computed by a page on another origin,
which can neither read our cookie nor our key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from datetime import timedelta
from pathlib import Path

from starlette.responses import Response

from storywatch.settings import Settings

SESSION_COOKIE = "sw_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SESSION_LIFETIME = timedelta(days=30)
INVITE_LIFETIME = timedelta(days=7)
SECRET_FILE = "secret_key"  # noqa: S105 - a file name


def load_secret_key(settings: Settings) -> str:
    """``settings.secret_key``, else a key generated once and kept in the data directory."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / SECRET_FILE
    if path.exists():
        key = path.read_text().strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def csrf_token(secret_key: str, session_token: str) -> str:
    return hmac.new(
        secret_key.encode(), b"csrf:" + session_token.encode(), hashlib.sha256
    ).hexdigest()


def csrf_valid(secret_key: str, session_token: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(csrf_token(secret_key, session_token), given or "")


def cookie_secure(settings: Settings, scheme: str) -> bool:
    """Mark cookies ``Secure`` whenever the app is reached over HTTPS (directly or by its URL)."""
    return scheme == "https" or settings.public_url().startswith("https://")


def set_session_cookie(response: Response, token: str, *, secure: bool) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
    )


def clear_session_cookie(response: Response, *, secure: bool) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=secure, httponly=True, samesite="lax")


def session_cookie_header(token: str, *, secure: bool) -> str:
    """The ``Set-Cookie`` value of a session cookie, for middleware that has no Response."""
    parts = [
        f"{SESSION_COOKIE}={token}",
        "Path=/",
        f"Max-Age={int(SESSION_LIFETIME.total_seconds())}",
        "HttpOnly",
        "SameSite=Lax",
    ]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)
