"""Each channel end to end, through the worker, against a real local receiver."""

from __future__ import annotations

import asyncio
import hmac
import json
import os
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric import ec

from storywatch.app import Services, open_services
from storywatch.deliver.channels import channel_set, close_delivery
from storywatch.deliver.channels.webpush import hmac_sha256
from storywatch.errors import InvalidInput
from storywatch.settings import Settings
from storywatch.store import channels as channel_store
from storywatch.store import deliverylog as delivery_log_store
from storywatch.store.tables import channels as channels_table
from storywatch.store.tables import deliveries, notifications
from tests.deliver.helpers import add_channel, draft, new_story, new_user, record, running_worker
from tests.deliver.receivers import NtfyServer, PushService, SmtpServer, WebhookReceiver, until
from tests.support.httpserver import LocalServer, Request, Response


async def _statuses(svc: Services, notification_id: int) -> list[str]:
    async with svc.db.read() as conn:
        stmt = sa.select(deliveries.c.status).where(deliveries.c.notification_id == notification_id)
        return [r[0] for r in await conn.execute(stmt.order_by(deliveries.c.id))]


# ----------------------------------------------------------------------------- Web Push


async def test_web_push_is_encrypted_signed_and_carries_the_payload(
    dsvc: Services, local_server: LocalServer
) -> None:
    push = PushService(local_server)
    phone, laptop = push.browser("phone"), push.browser("laptop")
    uid = await new_user(dsvc, "ana")
    await add_channel(dsvc, uid, "webpush", phone.subscription())
    await add_channel(dsvc, uid, "webpush", laptop.subscription())
    story = await new_story(dsvc)
    async with running_worker(dsvc):
        (created,) = await record(dsvc, [draft(uid, 1, story_id=story, urgent=True)])
        assert await until(lambda: len(phone.received) == 1 and len(laptop.received) == 1)
    assert push.errors == []
    assert phone.received[0] == {
        "title": "Development 1",
        "body": "What is new in development 1.",
        "url": f"http://sw.test/stories/{story}",
        "tag": f"story:{story}",
        "notification_id": created.id,
        "story_id": story,
        "urgent": True,
    }
    headers = phone.headers[0]
    assert headers["urgency"] == "high"
    assert headers["ttl"] == str(dsvc.settings.webpush_ttl_seconds)
    assert len(headers["topic"]) <= 32
    assert headers["topic"].isalnum()
    keys = (await channel_set(dsvc)).keys
    assert push.vapid_keys == {keys.application_server_key}
    assert await _statuses(dsvc, created.id) == ["sent", "sent"]


async def test_each_push_carries_its_own_urgency_and_topic(
    dsvc: Services, local_server: LocalServer
) -> None:
    """The channel encodes a set of headers once and reuses it: pushes of different stories
    and urgencies to the same push service must still each carry their own."""
    push = PushService(local_server)
    phone = push.browser("phone")
    uid = await new_user(dsvc, "ana")
    await add_channel(dsvc, uid, "webpush", phone.subscription())
    first, second = await new_story(dsvc, "One"), await new_story(dsvc, "Two")
    async with running_worker(dsvc):
        for n, (story, urgent) in enumerate([(first, True), (second, False), (None, False)]):
            await record(dsvc, [draft(uid, n + 1, story_id=story, urgent=urgent)])
            assert await until(lambda n=n: len(phone.received) == n + 1)  # type: ignore[misc]
    assert push.errors == []
    assert [h["urgency"] for h in phone.headers] == ["high", "normal", "normal"]
    topics = [h.get("topic") for h in phone.headers]
    assert topics[0] and topics[1] and topics[0] != topics[1]
    assert topics[2] is None  # no collapse key, no Topic
    assert [p["tag"] for p in phone.received][:2] == [f"story:{first}", f"story:{second}"]


async def test_a_push_that_cannot_be_sealed_does_not_hold_up_the_others(
    patient_dsvc: Services, local_server: LocalServer
) -> None:
    """Pushes started together are sealed together; one whose keys are broken fails alone."""
    dsvc = patient_dsvc
    push = PushService(local_server)
    phone, laptop, broken = push.browser("phone"), push.browser("laptop"), push.browser("old")
    uid = await new_user(dsvc, "ana")
    await add_channel(dsvc, uid, "webpush", phone.subscription())
    bad = await add_channel(dsvc, uid, "webpush", broken.subscription())
    await add_channel(dsvc, uid, "webpush", laptop.subscription())
    config = {**broken.subscription(), "keys": {"p256dh": "AAAA", "auth": "AAAA"}}
    async with dsvc.db.write() as conn:  # as if stored before validation was this strict
        await conn.execute(
            sa.update(channels_table).where(channels_table.c.id == bad.id).values(config=config)
        )
    async with running_worker(dsvc):
        (created,) = await record(dsvc, [draft(uid, 1)])
        assert await until(lambda: len(phone.received) == 1 and len(laptop.received) == 1)
        for _ in range(100):  # its outcome is committed a moment later
            async with dsvc.db.read() as conn:
                row = (
                    await conn.execute(
                        sa.select(deliveries.c.attempts, deliveries.c.status).where(
                            deliveries.c.notification_id == created.id,
                            deliveries.c.channel_id == bad.id,
                        )
                    )
                ).one()
            if row.attempts:
                break
            await asyncio.sleep(0.05)
    assert (row.attempts, row.status) == (1, "pending")  # failed, to be retried
    assert push.errors == [] and broken.received == []
    assert sorted(await _statuses(dsvc, created.id)) == ["pending", "sent", "sent"]


def test_hmac_sha256_is_rfc_2104() -> None:
    for size in (0, 16, 32, 64, 65, 100):
        key, message = os.urandom(size), os.urandom(size * 3 + 1)
        assert hmac_sha256(key, message) == hmac.digest(key, message, "sha256")


async def test_vapid_keys_are_made_once_and_kept(dsettings: Settings) -> None:
    async with open_services(dsettings) as one:
        first = (await channel_set(one)).keys.application_server_key
        await close_delivery(one)
    async with open_services(dsettings) as two:
        assert (await channel_set(two)).keys.application_server_key == first
        await close_delivery(two)


async def test_a_newer_development_replaces_the_push_in_place(
    dsvc: Services, local_server: LocalServer
) -> None:
    push = PushService(local_server)
    phone = push.browser()
    uid = await new_user(dsvc, "ana")
    await add_channel(dsvc, uid, "webpush", phone.subscription())
    story = await new_story(dsvc)
    async with running_worker(dsvc):
        await record(dsvc, [draft(uid, 1, story_id=story)])
        assert await until(lambda: len(phone.received) == 1)
        await record(dsvc, [draft(uid, 2, story_id=story)])
        assert await until(lambda: len(phone.received) == 2)
    first, second = phone.received
    assert first["tag"] == second["tag"] == f"story:{story}"
    assert phone.headers[0]["topic"] == phone.headers[1]["topic"]
    assert second["title"] == "Development 2"


async def test_a_device_that_renews_its_keys_gets_pushes_sealed_for_the_new_ones(
    dsvc: Services, local_server: LocalServer
) -> None:
    """The Web Push channel keeps each device's decoded keys; a device whose browser
    re-subscribed (same channel, new keys) must get its next push encrypted for the new keys."""
    push = PushService(local_server)
    phone = push.browser("phone")
    uid = await new_user(dsvc, "ana")
    device = await add_channel(dsvc, uid, "webpush", phone.subscription())
    async with running_worker(dsvc):
        await record(dsvc, [draft(uid, 1)])
        assert await until(lambda: len(phone.received) == 1)
        phone.private_key = ec.generate_private_key(ec.SECP256R1())
        phone.auth = os.urandom(16)
        async with dsvc.db.write() as conn:
            await channel_store.update(conn, uid, device.id, config=phone.subscription())
        await record(dsvc, [draft(uid, 2)])
        assert await until(lambda: len(phone.received) == 2)
    assert push.errors == []
    assert [p["title"] for p in phone.received] == ["Development 1", "Development 2"]


async def test_push_service_410_removes_the_device(
    dsvc: Services, local_server: LocalServer
) -> None:
    push = PushService(local_server)
    gone = push.browser()
    gone.status = 410
    uid = await new_user(dsvc, "ana")
    device = await add_channel(dsvc, uid, "webpush", gone.subscription())
    async with running_worker(dsvc):
        (created,) = await record(dsvc, [draft(uid, 1)])

        async def retired() -> bool:
            async with dsvc.db.read() as conn:
                ch = await channel_store.get(conn, uid, device.id)
            return ch is not None and not ch.enabled and ch.config.get("gone") is True

        for _ in range(100):
            if await retired():
                break
            await asyncio.sleep(0.05)
        assert await retired()
    assert await _statuses(dsvc, created.id) == ["dead"]
    async with dsvc.db.read() as conn:
        (entry,) = await delivery_log_store.delivery_log(conn, uid, device.id)
    assert entry.status_code is None or entry.status_code == 410
    assert "410" in (entry.error or "")
    assert "device was removed" in (entry.error or "")
    # a second notification is not even attempted: the device is off
    (later,) = await record(dsvc, [draft(uid, 2)])
    assert later.channel_count == 0


async def test_push_service_429_is_retried_after_retry_after(
    dsvc: Services, local_server: LocalServer
) -> None:
    push = PushService(local_server)
    phone = push.browser()
    push.retry_after[phone.path] = [429]
    uid = await new_user(dsvc, "ana")
    device = await add_channel(dsvc, uid, "webpush", phone.subscription())
    async with running_worker(dsvc):
        (created,) = await record(dsvc, [draft(uid, 1)])
        assert await until(lambda: len(phone.received) == 1, 10)
    async with dsvc.db.read() as conn:
        log = await delivery_log_store.delivery_log(conn, uid, device.id)
    assert [e.ok for e in reversed(log)] == [False, True]
    failed, succeeded = log[1], log[0]
    assert failed.status_code == 429
    assert "too many requests" in (failed.error or "")
    assert (succeeded.at - failed.at).total_seconds() >= 1.0  # Retry-After: 1 honoured
    assert await _statuses(dsvc, created.id) == ["sent"]


async def test_web_push_refuses_a_malformed_subscription(dsvc: Services) -> None:
    kinds = await channel_set(dsvc)
    with pytest.raises(InvalidInput, match="p256dh"):
        kinds.get("webpush").validate(
            {
                "endpoint": "https://push.example/x",
                "keys": {"p256dh": "AAAA", "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
            },
            None,
        )


# ----------------------------------------------------------------------------- webhooks


async def test_webhook_is_signed_and_retried_with_the_same_id(
    dsvc: Services, local_server: LocalServer
) -> None:
    hook = WebhookReceiver(local_server)
    hook.fail_next = [500, 503]
    uid = await new_user(dsvc, "ana")
    channel = await add_channel(dsvc, uid, "webhook", {"url": hook.url})
    assert channel.secret is not None
    assert channel.secret.startswith("whsec_")
    hook.secret = channel.secret
    async with running_worker(dsvc):
        (created,) = await record(dsvc, [draft(uid, 1)])
        assert await until(lambda: len(hook.accepted) == 1)
    assert hook.rejected == []
    key = f"n{created.id}.c{channel.id}"
    assert list(hook.accepted) == [key]
    body = hook.accepted[key]
    assert body["type"] == "notification.created"
    assert body["data"]["id"] == created.id
    assert body["data"]["url"] == "http://sw.test/n/1"
    assert body["data"]["reasons"] == [
        {"kind": "term", "value": "troops", "detail": "in the title"}
    ]
    async with dsvc.db.read() as conn:
        log = await delivery_log_store.delivery_log(conn, uid, channel.id)
    assert [e.status_code for e in reversed(log)] == [500, 503, 204]
    assert "HTTP 500" in (log[-1].error or "")


async def test_a_forged_signature_is_refused_by_the_receiver(
    dsvc: Services, local_server: LocalServer
) -> None:
    hook = WebhookReceiver(local_server)
    uid = await new_user(dsvc, "ana")
    channel = await add_channel(dsvc, uid, "webhook", {"url": hook.url})
    hook.secret = "whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB"  # not the channel's secret
    async with running_worker(dsvc):
        (_created,) = await record(dsvc, [draft(uid, 1)])
        assert await until(lambda: len(hook.rejected) >= 1)
    assert hook.accepted == {}
    assert channel.secret != hook.secret


async def test_dead_letter_after_max_attempts_and_fallback_takes_over(
    dsvc: Services, local_server: LocalServer
) -> None:
    hook = WebhookReceiver(local_server)
    hook.fail_next = [500] * 10
    ntfy_server = LocalServer().__enter__()
    try:
        ntfy = NtfyServer(ntfy_server)
        uid = await new_user(dsvc, "ana")
        backup = await add_channel(
            dsvc, uid, "ntfy", {"server": ntfy_server.url(""), "topic": "backup"}
        )
        main = await add_channel(dsvc, uid, "webhook", {"url": hook.url}, fallback=backup.id)
        async with dsvc.db.write() as conn:
            await channel_store.update(
                conn, uid, backup.id, config={**backup.config, "digest_only": True}
            )
        hook.secret = main.secret
        async with running_worker(dsvc):
            (created,) = await record(dsvc, [draft(uid, 1)])
            assert await until(lambda: len(ntfy.messages) == 1, 10)
        async with dsvc.db.read() as conn:
            dead = await delivery_log_store.dead_letters(conn, uid)
            health = await channel_store.get(conn, uid, main.id)
        assert [d.notification_id for d in dead] == [created.id]
        assert dead[0].attempts == dsvc.settings.delivery_max_attempts
        assert "gave up after 3 attempts" in (dead[0].last_error or "")
        assert health is not None
        assert health.consecutive_failures == 3
        assert ntfy.messages[0]["title"] == "Development 1"
    finally:
        ntfy_server.__exit__()


async def test_ssrf_guard_refuses_private_webhook_targets(
    tmp_path, local_server: LocalServer
) -> None:
    strict = Settings(data_dir=tmp_path / "d", allow_loopback=False, delivery_max_attempts=3)
    hook = WebhookReceiver(local_server)
    async with open_services(strict) as svc:
        uid = await new_user(svc, "ana")
        channel = await add_channel(svc, uid, "webhook", {"url": hook.url})
        async with running_worker(svc):
            (created,) = await record(svc, [draft(uid, 1)])
            for _ in range(100):
                if await _statuses(svc, created.id) == ["dead"]:
                    break
                await asyncio.sleep(0.05)
        async with svc.db.read() as conn:
            (entry,) = await delivery_log_store.delivery_log(conn, uid, channel.id)
        await close_delivery(svc)
    assert hook.raw_ids == []
    assert local_server.requests == []
    assert "Refused to connect to 127.0.0.1" in (entry.error or "")


# ----------------------------------------------------------------------------- ntfy


async def test_ntfy_publishes_and_updates_in_place(
    dsvc: Services, local_server: LocalServer
) -> None:
    ntfy = NtfyServer(local_server, token="tk_secret")
    uid = await new_user(dsvc, "ana")
    await add_channel(
        dsvc,
        uid,
        "ntfy",
        {"server": local_server.url(""), "topic": "world-news"},
        secret="tk_secret",
    )
    story = await new_story(dsvc)
    async with running_worker(dsvc):
        await record(
            dsvc, [draft(uid, 1, story_id=story, title="Pentagon: the letter was a “draft”")]
        )
        assert await until(lambda: len(ntfy.messages) == 1)
        await record(dsvc, [draft(uid, 2, story_id=story, urgent=True)])
        assert await until(lambda: len(ntfy.messages) == 2)
    first, second = ntfy.messages
    assert first["topic"] == "world-news"
    assert first["title"] == "Pentagon: the letter was a “draft”"  # RFC 2047 round trip
    assert first["priority"] == 3
    assert first["tags"] == ["newspaper"]
    assert second["priority"] == 5
    assert "rotating_light" in second["tags"]
    assert first["click"] == f"http://sw.test/stories/{story}"
    assert "Matched “troops”" in first["message"]
    assert first["sequence_id"] == second["sequence_id"]
    assert len(ntfy.phone) == 1  # the phone shows one notification, now the second
    assert next(iter(ntfy.phone.values()))["title"] == "Development 2"


async def test_ntfy_bad_token_is_a_permanent_failure(
    dsvc: Services, local_server: LocalServer
) -> None:
    NtfyServer(local_server, token="right")
    uid = await new_user(dsvc, "ana")
    await add_channel(
        dsvc, uid, "ntfy", {"server": local_server.url(""), "topic": "t"}, secret="wrong"
    )
    async with running_worker(dsvc):
        (created,) = await record(dsvc, [draft(uid, 1)])
        for _ in range(100):
            if await _statuses(dsvc, created.id) == ["dead"]:
                break
            await asyncio.sleep(0.05)
    assert await _statuses(dsvc, created.id) == ["dead"]


# ----------------------------------------------------------------------------- e-mail


async def test_email_has_text_html_and_one_click_unsubscribe(tmp_path) -> None:
    with SmtpServer(refuse={"nobody@sw.test"}) as smtp:
        settings = Settings(
            data_dir=tmp_path / "d",
            allow_loopback=True,
            base_url="http://sw.test",
            smtp_host="127.0.0.1",
            smtp_port=smtp.port,
            smtp_from="news@sw.test",
            delivery_max_attempts=3,
        )
        async with open_services(settings) as svc:
            uid = await new_user(svc, "ana")
            box = await add_channel(svc, uid, "email", {"to": "ana@sw.test"})
            await add_channel(svc, uid, "email", {"to": "nobody@sw.test"})
            story = await new_story(svc)
            async with running_worker(svc):
                (created,) = await record(
                    svc, [draft(uid, 1, story_id=story, title="Esper <b>denies</b>")]
                )
                assert await until(lambda: len(smtp.messages) == 1)
                for _ in range(100):
                    if sorted(await _statuses(svc, created.id)) == ["dead", "sent"]:
                        break
                    await asyncio.sleep(0.05)
            statuses = await _statuses(svc, created.id)
            await close_delivery(svc)
    (mail,) = smtp.messages
    assert mail["To"] == "ana@sw.test"
    assert mail["Subject"] == "Esper <b>denies</b>"
    assert mail["Message-ID"] == f"<n{created.id}.c{box.id}@sw.test>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["List-Unsubscribe"].startswith(
        f"<http://sw.test/api/v1/channels/{box.id}/unsubscribe?token="
    )
    assert mail["References"]
    assert mail["In-Reply-To"] == mail["References"]
    text = mail.get_body(preferencelist=("plain",)).get_content()
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert "What is new in development 1." in text
    assert f"http://sw.test/stories/{story}" in text
    assert "Esper &lt;b&gt;denies&lt;/b&gt;" in html
    assert "<b>denies" not in html
    assert sorted(statuses) == ["dead", "sent"]  # the refused address is a dead letter at once


# ----------------------------------------------------------------------------- Apprise


async def test_apprise_delivers_through_its_json_plugin(
    dsvc: Services, local_server: LocalServer
) -> None:
    got: list[dict] = []

    def handler(req: Request) -> Response:
        got.append(json.loads(req.body))
        return Response(200, b"{}")

    local_server.route("/apprise", handler)
    uid = await new_user(dsvc, "ana")
    target = f"json://127.0.0.1:{local_server.port}/apprise"
    channel = await add_channel(dsvc, uid, "apprise", {}, secret=target)
    assert channel.config == {"scheme": "json"}
    async with running_worker(dsvc):
        await record(dsvc, [draft(uid, 1)])
        assert await until(lambda: len(got) == 1)
    assert got[0]["title"] == "Development 1"
    assert "What is new in development 1." in got[0]["message"]


async def test_apprise_refuses_unknown_urls(dsvc: Services) -> None:
    kinds = await channel_set(dsvc)
    with pytest.raises(InvalidInput, match="Apprise does not recognise"):
        kinds.get("apprise").validate({}, "nosuchservice://x")


# ----------------------------------------------------------------------------- digests


async def test_held_notifications_go_out_as_one_digest(
    dsvc: Services, local_server: LocalServer
) -> None:
    from storywatch.deliver.digest import send_due_digests
    from storywatch.deliver.outbox import limits_from

    ntfy = NtfyServer(local_server)
    uid = await new_user(dsvc, "ana", digest="hourly")
    await add_channel(dsvc, uid, "ntfy", {"server": local_server.url(""), "topic": "d"})
    async with running_worker(dsvc):
        made = await record(dsvc, [draft(uid, i, mode="digest") for i in range(3)])
        assert all(m.held for m in made)
        await asyncio.sleep(0.3)
        assert ntfy.messages == []  # held: nothing sent yet
        assert await send_due_digests(dsvc, limits_from(dsvc.settings)) == []  # not due yet
        earlier = datetime.now(UTC) - timedelta(hours=1, minutes=1)
        async with dsvc.db.write() as conn:  # as if they had been held an hour ago
            await conn.execute(sa.update(notifications).values(created_at=earlier))
        ids = await send_due_digests(dsvc, limits_from(dsvc.settings))
        again = await send_due_digests(dsvc, limits_from(dsvc.settings))
        assert len(ids) == 1
        assert again == []
        assert await until(lambda: len(ntfy.messages) == 1)
    (msg,) = ntfy.messages
    assert msg["title"] == "Your hourly digest: 3 updates"
    assert msg["priority"] == 2
    for i in range(3):
        assert f"Development {i}" in msg["message"]
    assert {s for m in made for s in await _statuses(dsvc, m.id)} == {"digested"}
