"""Accounts (W4) and R2: sign-in, cookies, CSRF, tokens, invites, admin rights, demo sign-in."""

from __future__ import annotations

import stat
from pathlib import Path

from storywatch.app import open_services
from storywatch.settings import Settings
from storywatch.web.security import load_secret_key
from tests.web.conftest import Web


async def test_sign_in_sets_a_protected_session_cookie(web: Web) -> None:
    browser = web.fresh_client()
    r = await browser.post(
        "/api/v1/sessions", json={"username": "alice", "password": "alice-pass-123"}
    )
    assert r.status_code == 201
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("sw_session=")
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    me = (await browser.get("/api/v1/me")).json()
    assert me["username"] == "alice"
    assert me["csrf_token"] == r.json()["csrf_token"]


async def test_cookie_is_secure_when_served_over_https(services, tmp_path: Path) -> None:
    from storywatch.web.app import create_app
    from tests.web.conftest import make_users

    await make_users(services)
    import httpx

    app = create_app(services)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="https://testserver"
    ) as c:
        r = await c.post("/api/v1/sessions", json={"username": "bob", "password": "bob-pass-123"})
    assert "Secure" in r.headers["set-cookie"]


async def test_wrong_password_and_unknown_user_are_refused_alike(web: Web) -> None:
    for user, password in (("alice", "nope-nope-nope"), ("nobody", "whatever-123")):
        r = await web.client.post("/api/v1/sessions", json={"username": user, "password": password})
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "bad_credentials"


async def test_stored_password_is_an_argon2_hash(web: Web) -> None:
    import sqlalchemy as sa

    from storywatch.store.tables import users

    async with web.services.db.read() as conn:
        stored = (
            await conn.execute(sa.select(users.c.password_hash).where(users.c.username == "alice"))
        ).scalar_one()
    assert stored.startswith("$argon2id$")
    assert "alice-pass-123" not in stored


async def test_cookie_writes_need_the_csrf_token(web: Web) -> None:
    browser, csrf = await web.signed_in("alice")
    body = {"name": "laptop"}
    refused = await browser.post("/api/v1/tokens", json=body)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    wrong = await browser.post("/api/v1/tokens", json=body, headers={"X-CSRF-Token": "0" * 64})
    assert wrong.status_code == 403
    ok = await browser.post("/api/v1/tokens", json=body, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 201


async def test_a_request_from_another_site_is_refused_even_with_the_token(web: Web) -> None:
    browser, csrf = await web.signed_in("alice")
    r = await browser.post(
        "/api/v1/tokens",
        json={"name": "x"},
        headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"},
    )
    assert r.status_code == 403
    same = await browser.post(
        "/api/v1/tokens",
        json={"name": "x"},
        headers={"X-CSRF-Token": csrf, "Origin": "http://testserver"},
    )
    assert same.status_code == 201


async def test_bearer_requests_need_no_csrf_token(web: Web) -> None:
    r = await web.client.post("/api/v1/tokens", json={"name": "ci"}, headers=web.auth("bob"))
    assert r.status_code == 201
    assert r.json()["token"].startswith("sw_")


async def test_html_form_carries_the_csrf_token_in_a_field(web: Web) -> None:
    browser, csrf = await web.signed_in("alice")
    form = {"timezone": "Europe/Paris", "quiet_hours_start": "22:00", "quiet_hours_end": "07:00"}
    refused = await browser.post("/settings", data=form)
    assert refused.status_code == 403
    saved = await browser.post("/settings", data={**form, "csrf_token": csrf})
    assert saved.status_code == 303
    assert saved.headers["location"] == "/settings?saved=1"
    me = (await browser.get("/api/v1/me")).json()
    assert me["timezone"] == "Europe/Paris"
    assert (me["quiet_hours_start"], me["quiet_hours_end"]) == ("22:00", "07:00")


async def test_sign_out_ends_the_session(web: Web) -> None:
    browser, csrf = await web.signed_in("alice")
    cookie = browser.cookies.get("sw_session")
    r = await browser.delete("/api/v1/sessions/current", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 204
    replay = web.fresh_client()
    replay.cookies.set("sw_session", cookie or "")
    assert (await replay.get("/api/v1/me")).status_code == 401


async def test_sessions_are_listed_and_can_be_ended_one_by_one(web: Web) -> None:
    first, _ = await web.signed_in("alice")
    second, csrf2 = await web.signed_in("alice")
    listed = (await second.get("/api/v1/sessions")).json()
    assert len(listed) == 2
    assert sum(s["current"] for s in listed) == 1
    other = next(s for s in listed if not s["current"])
    r = await second.delete(f"/api/v1/sessions/{other['id']}", headers={"X-CSRF-Token": csrf2})
    assert r.status_code == 204
    assert (await first.get("/api/v1/me")).status_code == 401
    assert (await second.get("/api/v1/me")).status_code == 200


async def test_tokens_are_hashed_listed_and_revocable(web: Web) -> None:
    created = await web.client.post("/api/v1/tokens", json={"name": "cli"}, headers=web.auth("bob"))
    token = created.json()["token"]
    listed = (await web.client.get("/api/v1/tokens", headers=web.auth("bob"))).json()
    assert "token" not in listed[0]
    assert listed[0]["prefix"] == token[:10]
    async with web.services.db.read() as conn:
        raw = (await conn.exec_driver_sql("SELECT token_hash FROM api_tokens")).scalars().all()
    assert token not in raw
    headers = {"Authorization": f"Bearer {token}"}
    assert (await web.client.get("/api/v1/me", headers=headers)).status_code == 200
    r = await web.client.delete(f"/api/v1/tokens/{created.json()['id']}", headers=web.auth("bob"))
    assert r.status_code == 204
    denied = await web.client.get("/api/v1/me", headers=headers)
    assert denied.status_code == 401
    assert denied.json()["error"]["code"] == "unauthorized"


async def test_admin_invites_a_user_who_chooses_a_password(web: Web) -> None:
    r = await web.client.post(
        "/api/v1/users",
        json={"username": "carol", "display_name": "Carol"},
        headers=web.auth("admin"),
    )
    assert r.status_code == 201
    invite = r.json()["invite_url"]
    token = invite.rsplit("/", 1)[1]
    assert r.json()["user"]["has_password"] is False
    page = await web.client.get(f"/invite/{token}")
    assert page.status_code == 200
    assert "Welcome, Carol" in page.text
    browser = web.fresh_client()
    accepted = await browser.post(
        "/api/v1/invites/accept", json={"token": token, "password": "carol-pass-1"}
    )
    assert accepted.status_code == 200
    assert accepted.json()["username"] == "carol"
    assert (await browser.get("/api/v1/me")).json()["username"] == "carol"
    again = await web.client.post(
        "/api/v1/invites/accept", json={"token": token, "password": "another-pass"}
    )
    assert again.status_code == 404


async def test_only_an_admin_manages_users(web: Web) -> None:
    r = await web.client.get("/api/v1/users", headers=web.auth("alice"))
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "forbidden"
    r = await web.client.post(
        "/api/v1/users",
        json={"username": "mallory", "password": "12345678"},
        headers=web.auth("alice"),
    )
    assert r.status_code == 403
    listed = (await web.client.get("/api/v1/users", headers=web.auth("admin"))).json()
    assert {u["username"] for u in listed["items"]} == {"admin", "alice", "bob"}
    dup = await web.client.post(
        "/api/v1/users",
        json={"username": "alice", "password": "12345678"},
        headers=web.auth("admin"),
    )
    assert dup.status_code == 409


async def test_disabling_a_user_ends_their_sessions_and_tokens(web: Web) -> None:
    browser, _ = await web.signed_in("bob")
    r = await web.client.patch(
        f"/api/v1/users/{web.ids['bob']}", json={"disabled": True}, headers=web.auth("admin")
    )
    assert r.status_code == 200
    assert r.json()["disabled"] is True
    assert (await browser.get("/api/v1/me")).status_code == 401
    assert (await web.client.get("/api/v1/me", headers=web.auth("bob"))).status_code == 401
    signin = await web.client.post(
        "/api/v1/sessions", json={"username": "bob", "password": "bob-pass-123"}
    )
    assert signin.status_code == 401
    self_disable = await web.client.patch(
        f"/api/v1/users/{web.ids['admin']}", json={"disabled": True}, headers=web.auth("admin")
    )
    assert self_disable.status_code == 422


async def test_settings_validation(web: Web) -> None:
    bad_zone = await web.client.patch(
        "/api/v1/me/settings", json={"timezone": "Mars/Olympus"}, headers=web.auth("alice")
    )
    assert bad_zone.status_code == 422
    assert "time zone" in bad_zone.json()["error"]["message"]
    half = await web.client.patch(
        "/api/v1/me/settings", json={"quiet_hours_start": "22:00"}, headers=web.auth("alice")
    )
    assert half.status_code == 422
    bad_time = await web.client.patch(
        "/api/v1/me/settings",
        json={"quiet_hours_start": "25:00", "quiet_hours_end": "07:00"},
        headers=web.auth("alice"),
    )
    assert bad_time.status_code == 422
    ok = await web.client.patch(
        "/api/v1/me/settings",
        json={
            "digest": "daily",
            "digest_hour": 7,
            "quiet_hours_start": "23:30",
            "quiet_hours_end": "06:15",
        },
        headers=web.auth("alice"),
    )
    assert ok.status_code == 200
    assert (ok.json()["digest"], ok.json()["quiet_hours_start"]) == ("daily", "23:30")


async def test_password_change_needs_the_current_password(web: Web) -> None:
    wrong = await web.client.post(
        "/api/v1/me/password",
        json={"current_password": "nope", "new_password": "brand-new-pass"},
        headers=web.auth("alice"),
    )
    assert wrong.status_code == 422
    ok = await web.client.post(
        "/api/v1/me/password",
        json={"current_password": "alice-pass-123", "new_password": "brand-new-pass"},
        headers=web.auth("alice"),
    )
    assert ok.status_code == 204
    r = await web.client.post(
        "/api/v1/sessions", json={"username": "alice", "password": "brand-new-pass"}
    )
    assert r.status_code == 201


async def test_pages_send_anonymous_visitors_to_sign_in(web: Web) -> None:
    r = await web.client.get("/stories?q=bridge", headers={"Accept": "text/html"})
    assert r.status_code == 303
    assert r.headers["location"] == "/signin?next=/stories%3Fq%3Dbridge"
    form = await web.client.post(
        "/signin",
        data={"username": "alice", "password": "alice-pass-123", "next": "/stories"},
    )
    assert form.status_code == 303
    assert form.headers["location"] == "/stories"
    evil = await web.fresh_client().post(
        "/signin",
        data={"username": "alice", "password": "alice-pass-123", "next": "//evil.example/"},
    )
    assert evil.headers["location"] == "/"


async def test_demo_signs_a_browser_in_as_the_admin(tmp_path: Path) -> None:
    import httpx

    from storywatch.web.app import create_app

    settings = Settings(data_dir=tmp_path / "demo", demo=True, allow_loopback=True)
    async with open_services(settings) as services:
        app = create_app(services)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            api = await c.get("/api/v1/me")
            assert api.status_code == 401  # the API is never signed in automatically
            page = await c.get("/", headers={"Accept": "text/html"})
            assert page.status_code == 200
            assert "Signed in as" in page.text
            assert (await c.get("/api/v1/me")).json()["username"] == "admin"


async def test_secret_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "d")
    first = load_secret_key(settings)
    path = tmp_path / "d" / "secret_key"
    assert path.read_text() == first
    assert len(first) >= 40
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret_key(settings) == first
    assert load_secret_key(Settings(data_dir=tmp_path / "d", secret_key="given")) == "given"
