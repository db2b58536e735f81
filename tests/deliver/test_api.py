"""The delivery API: channels, devices, notifications, latency, dead letters; each user's own."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa

from storywatch.app import Services
from storywatch.deliver.channels import channel_set
from storywatch.store.tables import deliveries, notifications
from tests.deliver.helpers import (
    draft,
    new_article,
    new_source,
    new_story,
    new_user,
    record,
    running_worker,
    token_for,
)
from tests.deliver.receivers import PushService, WebhookReceiver, until
from tests.support.httpserver import LocalServer


@pytest.fixture
async def api(dsvc: Services) -> AsyncIterator[httpx.AsyncClient]:
    from storywatch.web.app import create_app

    transport = httpx.ASGITransport(app=create_app(dsvc))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def _auth(svc: Services, name: str) -> tuple[int, dict[str, str]]:
    uid = await new_user(svc, name)
    return uid, {"Authorization": f"Bearer {await token_for(svc, uid)}"}


async def test_channels_are_added_listed_changed_and_removed(
    dsvc: Services, api: httpx.AsyncClient, local_server: LocalServer
) -> None:
    _, ana = await _auth(dsvc, "ana")
    made = await api.post(
        "/api/v1/channels",
        json={"kind": "webhook", "name": "CI", "config": {"url": local_server.url("/hook")}},
        headers=ana,
    )
    assert made.status_code == 201, made.text
    hook = made.json()
    assert hook["signing_secret"].startswith("whsec_")
    assert hook["description"] == f"webhook to {local_server.url('/hook')}"
    ntfy = await api.post(
        "/api/v1/channels",
        json={
            "kind": "ntfy",
            "config": {"server": "https://ntfy.example", "topic": "news"},
            "secret": "tk_x",
            "fallback_channel_id": hook["id"],
        },
        headers=ana,
    )
    assert ntfy.status_code == 201
    assert ntfy.json()["signing_secret"] is None  # an ntfy token is never shown back
    listed = (await api.get("/api/v1/channels", headers=ana)).json()
    assert [c["id"] for c in listed] == [hook["id"], ntfy.json()["id"]]
    patched = await api.patch(
        f"/api/v1/channels/{hook['id']}", json={"enabled": False, "digest_only": True}, headers=ana
    )
    assert patched.json()["enabled"] is False
    assert patched.json()["digest_only"] is True
    bad = await api.post(
        "/api/v1/channels", json={"kind": "ntfy", "config": {"topic": "a b"}}, headers=ana
    )
    assert bad.status_code == 422
    assert "topic" in bad.json()["error"]["message"]
    own_fallback = await api.patch(
        f"/api/v1/channels/{hook['id']}", json={"fallback_channel_id": hook["id"]}, headers=ana
    )
    assert own_fallback.status_code == 422
    assert (await api.delete(f"/api/v1/channels/{hook['id']}", headers=ana)).status_code == 204
    assert (await api.get(f"/api/v1/channels/{hook['id']}", headers=ana)).status_code == 404


async def test_other_users_ids_are_not_found_and_anonymous_is_401(
    dsvc: Services, api: httpx.AsyncClient
) -> None:
    ana_id, ana = await _auth(dsvc, "ana")
    _, ben = await _auth(dsvc, "ben")
    channel = (
        await api.post(
            "/api/v1/channels",
            json={"kind": "ntfy", "config": {"server": "https://ntfy.example", "topic": "t"}},
            headers=ana,
        )
    ).json()
    (note,) = await record(dsvc, [draft(ana_id, 1)])
    cid, nid = channel["id"], note.id
    for method, path in [
        ("GET", f"/api/v1/channels/{cid}"),
        ("PATCH", f"/api/v1/channels/{cid}"),
        ("DELETE", f"/api/v1/channels/{cid}"),
        ("POST", f"/api/v1/channels/{cid}/test"),
        ("GET", f"/api/v1/channels/{cid}/log"),
        ("DELETE", f"/api/v1/devices/{cid}"),
        ("GET", f"/api/v1/notifications/{nid}"),
        ("POST", f"/api/v1/notifications/{nid}/read"),
        ("POST", "/api/v1/channels/dead-letters/1/retry"),
    ]:
        kwargs = {"json": {}} if method in ("PATCH",) else {}
        theirs = await api.request(method, path, headers=ben, **kwargs)
        assert theirs.status_code == 404, (method, path, theirs.text)
        anonymous = await api.request(method, path, **kwargs)
        assert anonymous.status_code == 401, (method, path)
    assert (await api.get("/api/v1/notifications", headers=ben)).json()["items"] == []
    assert (await api.get("/api/v1/channels", headers=ben)).json() == []
    assert (await api.get("/api/v1/live")).status_code == 401
    assert (await api.get("/api/v1/live?token=whatever")).status_code == 401


async def test_send_a_test_and_read_the_log(
    dsvc: Services, api: httpx.AsyncClient, local_server: LocalServer
) -> None:
    _, ana = await _auth(dsvc, "ana")
    hook = WebhookReceiver(local_server)
    channel = (
        await api.post(
            "/api/v1/channels",
            json={"kind": "webhook", "config": {"url": hook.url}},
            headers=ana,
        )
    ).json()
    hook.secret = channel["signing_secret"]
    ok = await api.post(f"/api/v1/channels/{channel['id']}/test", headers=ana)
    assert ok.json()["ok"] is True
    assert ok.json()["status"] == "sent"
    assert ok.json()["status_code"] == 204
    (body,) = hook.accepted.values()
    assert body["type"] == "channel.test"
    hook.fail_next = [500]
    failed = (await api.post(f"/api/v1/channels/{channel['id']}/test", headers=ana)).json()
    assert failed["ok"] is False
    assert failed["status"] == "pending"  # it will be retried
    assert "HTTP 500" in failed["error"]
    log = (await api.get(f"/api/v1/channels/{channel['id']}/log", headers=ana)).json()
    assert [e["ok"] for e in log] == [False, True]
    assert log[0]["notification_title"] == "Test notification from Storywatch"
    only_failures = await api.get(
        f"/api/v1/channels/{channel['id']}/log?failures=true", headers=ana
    )
    assert len(only_failures.json()) == 1
    # tests stay out of the feed
    assert (await api.get("/api/v1/notifications", headers=ana)).json()["items"] == []


async def test_devices_register_once_per_browser(
    dsvc: Services, api: httpx.AsyncClient, local_server: LocalServer
) -> None:
    _, ana = await _auth(dsvc, "ana")
    push = PushService(local_server)
    browser = push.browser()
    assert (await api.get("/api/v1/push/key")).status_code == 401
    key = (await api.get("/api/v1/push/key", headers=ana)).json()["public_key"]
    assert key == (await channel_set(dsvc)).keys.application_server_key
    agent = {"User-Agent": "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile"}
    first = await api.post("/api/v1/devices", json=browser.subscription(), headers={**ana, **agent})
    assert first.status_code == 201, first.text
    assert first.json()["name"] == "Chrome on Android"
    assert first.json()["push_service"] == "127.0.0.1"
    again = await api.post("/api/v1/devices", json=browser.subscription(), headers=ana)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert len((await api.get("/api/v1/devices", headers=ana)).json()) == 1
    test = await api.post(f"/api/v1/channels/{first.json()['id']}/test", headers=ana)
    assert test.json()["ok"] is True
    assert browser.received[0]["title"] == "Test notification from Storywatch"
    bad = await api.post(
        "/api/v1/devices",
        json={"endpoint": "https://push.example/x", "keys": {"p256dh": "x", "auth": "y"}},
        headers=ana,
    )
    assert bad.status_code == 422
    gone = await api.delete(f"/api/v1/devices/{first.json()['id']}", headers=ana)
    assert gone.status_code == 204
    assert (await api.get("/api/v1/devices", headers=ana)).json() == []


async def test_notification_feed_pages_and_read_marks(
    dsvc: Services, api: httpx.AsyncClient
) -> None:
    uid, ana = await _auth(dsvc, "ana")
    made = await record(dsvc, [draft(uid, i) for i in range(5)])
    page = (await api.get("/api/v1/notifications?limit=2", headers=ana)).json()
    assert [n["id"] for n in page["items"]] == [made[4].id, made[3].id]
    nxt = (
        await api.get(f"/api/v1/notifications?limit=2&before={page['next_before']}", headers=ana)
    ).json()
    assert [n["id"] for n in nxt["items"]] == [made[2].id, made[1].id]
    last = (
        await api.get(f"/api/v1/notifications?limit=2&before={nxt['next_before']}", headers=ana)
    ).json()
    assert [n["id"] for n in last["items"]] == [made[0].id]
    assert last["next_before"] is None
    item = page["items"][0]
    assert set(item) >= {
        "id", "title", "body", "url", "story_id", "article_id", "subscription_id",
        "reasons", "urgent", "created_at", "published_at", "arrived_at",
    }  # fmt: skip
    assert (
        await api.post(f"/api/v1/notifications/{made[0].id}/read", headers=ana)
    ).status_code == 204
    unread = (await api.get("/api/v1/notifications?unread=true", headers=ana)).json()
    assert len(unread["items"]) == 4
    marked = await api.post("/api/v1/notifications/read", json={"ids": None}, headers=ana)
    assert marked.json() == {"marked": 4}


async def test_latency_per_source_and_channel_and_dead_letters(
    dsvc: Services, api: httpx.AsyncClient, local_server: LocalServer
) -> None:
    uid, ana = await _auth(dsvc, "ana")
    push = PushService(local_server)
    phone = push.browser()
    device = (await api.post("/api/v1/devices", json=phone.subscription(), headers=ana)).json()
    hook = await api.post(
        "/api/v1/channels",
        json={"kind": "webhook", "name": "broken", "config": {"url": local_server.url("/nothing")}},
        headers=ana,
    )
    wire = await new_source(dsvc, "Wire", "https://wire.example/feed")
    daily = await new_source(dsvc, "Daily", "https://daily.example/feed")
    story = await new_story(dsvc)
    now = datetime.now(UTC)
    arrived = now - timedelta(milliseconds=200)
    a1 = await new_article(dsvc, wire, story, "w1", arrived)
    a2 = await new_article(dsvc, daily, story, "d1", arrived)
    async with running_worker(dsvc):
        made = await record(
            dsvc,
            [
                draft(uid, 1, story_id=story, article_id=a1, arrived_at=arrived,
                      published_at=now - timedelta(seconds=30)),
                draft(uid, 2, story_id=None, article_id=a2, arrived_at=arrived,
                      published_at=now - timedelta(seconds=90)),
            ],
        )  # fmt: skip
        assert await until(lambda: len(phone.received) == 2)

        async def settled() -> bool:
            async with dsvc.db.read() as conn:
                rows = await conn.execute(sa.select(deliveries.c.status))
                return sorted(r[0] for r in rows) == ["dead", "dead", "sent", "sent"]

        for _ in range(200):
            if await settled():
                break
            await until(lambda: False, 0.05)
    report = (await api.get("/api/v1/notifications/latency", headers=ana)).json()
    assert report["overall"]["since_arrived"]["count"] == 2
    sources = {g["name"]: g for g in report["by_source"]}
    assert set(sources) == {"Wire", "Daily"}
    assert 30_000 <= sources["Wire"]["since_published"]["p50_ms"] < 40_000
    assert 90_000 <= sources["Daily"]["since_published"]["p50_ms"] < 100_000
    assert 200 <= sources["Wire"]["since_arrived"]["p50_ms"] < 10_000
    channels = {g["id"]: g for g in report["by_channel"]}
    assert list(channels) == [device["id"]]  # only sent deliveries count
    detail = (await api.get(f"/api/v1/notifications/{made[0].id}", headers=ana)).json()
    by_kind = {d["channel_kind"]: d for d in detail["deliveries"]}
    assert by_kind["webpush"]["status"] == "sent"
    assert by_kind["webpush"]["since_arrived_ms"] >= 200
    assert by_kind["webhook"]["status"] == "dead"
    assert "404" in by_kind["webhook"]["last_error"]
    dead = (await api.get("/api/v1/channels/dead-letters", headers=ana)).json()
    assert {d["notification_id"] for d in dead} == {made[0].id, made[1].id}
    assert all(d["channel_name"] == "broken" for d in dead)
    retry = await api.post(
        f"/api/v1/channels/dead-letters/{dead[0]['delivery_id']}/retry", headers=ana
    )
    assert retry.status_code == 204
    async with dsvc.db.read() as conn:
        status = (
            await conn.execute(
                sa.select(deliveries.c.status).where(deliveries.c.id == dead[0]["delivery_id"])
            )
        ).scalar()
    assert status == "pending"
    assert hook.status_code == 201


async def test_one_click_unsubscribe_turns_the_email_channel_off(
    dsvc: Services, api: httpx.AsyncClient
) -> None:
    from storywatch.deliver.channels.email import unsubscribe_token

    _, ana = await _auth(dsvc, "ana")
    channel = (
        await api.post(
            "/api/v1/channels", json={"kind": "email", "config": {"to": "ana@sw.test"}}, headers=ana
        )
    ).json()
    async with dsvc.db.read() as conn:
        secret = (
            await conn.execute(
                sa.text("SELECT secret FROM channels WHERE id = :i"), {"i": channel["id"]}
            )
        ).scalar()
    good = unsubscribe_token(channel["id"], secret)
    path = f"/api/v1/channels/{channel['id']}/unsubscribe"
    assert (await api.post(f"{path}?token=forged")).status_code == 404
    page = await api.get(f"{path}?token={good}")
    assert page.status_code == 200
    assert "ana@sw.test" in page.text
    assert (await api.get(f"/api/v1/channels/{channel['id']}", headers=ana)).json()["enabled"]
    done = await api.post(f"{path}?token={good}", data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert not (await api.get(f"/api/v1/channels/{channel['id']}", headers=ana)).json()["enabled"]


async def test_held_notifications_are_visible_with_the_reason(
    dsvc: Services, api: httpx.AsyncClient
) -> None:
    uid, ana = await _auth(dsvc, "ana")
    (held,) = await record(dsvc, [draft(uid, 1, mode="digest")])
    detail = (await api.get(f"/api/v1/notifications/{held.id}", headers=ana)).json()
    assert detail["held"] is True
    assert detail["policy_note"] == "held for your daily digest"
    async with dsvc.db.read() as conn:
        assert (
            await conn.execute(sa.select(sa.func.count()).select_from(notifications))
        ).scalar() == 1
