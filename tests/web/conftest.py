"""Fixtures for the web tests: three users (an admin and two others) with API tokens."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest

from storywatch.app import Services
from storywatch.store import users as user_store
from storywatch.web.app import create_app

PASSWORDS = {"admin": "admin-pass-123", "alice": "alice-pass-123", "bob": "bob-pass-123"}


@dataclass
class Web:
    services: Services
    client: httpx.AsyncClient
    ids: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def auth(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[name]}"}

    def fresh_client(self) -> httpx.AsyncClient:
        """Another browser: its own cookie jar, same app."""
        return httpx.AsyncClient(transport=self.client._transport, base_url="http://testserver")

    async def signed_in(self, name: str) -> tuple[httpx.AsyncClient, str]:
        """A new client signed in with a session cookie, and its CSRF token."""
        browser = self.fresh_client()
        r = await browser.post(
            "/api/v1/sessions", json={"username": name, "password": PASSWORDS[name]}
        )
        assert r.status_code == 201, r.text
        return browser, r.json()["csrf_token"]


async def make_users(services: Services) -> tuple[dict[str, int], dict[str, str]]:
    ids: dict[str, int] = {}
    tokens: dict[str, str] = {}
    now = services.clock()
    async with services.db.write() as conn:
        for name, password in PASSWORDS.items():
            user = await user_store.create_user(
                conn,
                name,
                now,
                is_admin=name == "admin",
                password_hash=user_store.hash_password(password),
                display_name=name.title(),
            )
            ids[name] = user.id
            tokens[name] = await user_store.create_token(conn, user.id, now, "tests")
    return ids, tokens


@pytest.fixture
async def web(services: Services) -> AsyncIterator[Web]:
    app = create_app(services)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        ids, tokens = await make_users(services)
        yield Web(services=services, client=c, ids=ids, tokens=tokens)
