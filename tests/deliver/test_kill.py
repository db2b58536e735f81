"""The kill test: a burst of 1,000 notifications, ``kill -9`` the worker mid-burst, restart.

Every notification must arrive on every channel, and no receiver may act on one twice. The
worker runs in a separate process against a SQLite file; the receivers (a Standard Webhooks
endpoint and a Web Push service that decrypts every push) run here. A send that was in flight
when the process died is sent again after its lease runs out, with the same idempotency key,
so the webhook receiver drops the repeat and the push "device" (keyed by notification id, as
the service worker's ``tag`` replaces a notification) shows it once; the test also reports
how many raw repeats crossed the wire, which is bounded by the sends in flight.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from storywatch.app import open_services
from storywatch.deliver.channels import close_delivery
from storywatch.settings import Settings
from storywatch.store.tables import deliveries
from tests.deliver.helpers import add_channel, draft, new_user, record
from tests.deliver.receivers import PushService, WebhookReceiver, until
from tests.support.httpserver import LocalServer

BURST = 1000
CONCURRENCY = 32
ROOT = Path(__file__).resolve().parents[2]


def _env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    for name in (
        "data_dir",
        "allow_loopback",
        "base_url",
        "delivery_lease_seconds",
        "delivery_concurrency",
        "delivery_user_per_hour",
        "delivery_backoff_base_seconds",
        "vapid_subject",
    ):
        env[f"STORYWATCH_{name.upper()}"] = str(getattr(settings, name))
    env["PYTHONPATH"] = str(ROOT)
    env.pop("STORYWATCH_CONFIG", None)
    return env


def _start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tests.deliver.worker_proc"], cwd=ROOT, env=env)


@pytest.mark.slow
async def test_kill_9_mid_burst_loses_nothing_and_receivers_act_once(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "data",
        allow_loopback=True,
        base_url="http://sw.test",
        delivery_lease_seconds=2.0,
        delivery_concurrency=CONCURRENCY,
        delivery_user_per_hour=100_000,
        delivery_backoff_base_seconds=0.2,
        vapid_subject="mailto:ops@sw.test",
    )
    with LocalServer() as hooks, LocalServer() as pushes:
        hook = WebhookReceiver(hooks)
        push = PushService(pushes)
        phone = push.browser()
        async with open_services(settings) as svc:
            uid = await new_user(svc, "ana")
            channel = await add_channel(svc, uid, "webhook", {"url": hook.url})
            hook.secret = channel.secret
            await add_channel(svc, uid, "webpush", phone.subscription())
            made = await record(svc, [draft(uid, i) for i in range(BURST)])
            assert len(made) == BURST
            await close_delivery(svc)

        env = _env(settings)
        first = _start(env)
        try:
            assert await until(lambda: len(hook.raw_ids) >= BURST // 3, 60)
            os.kill(first.pid, signal.SIGKILL)
            first.wait(10)
            at_kill = len(hook.accepted)
            assert at_kill < BURST, "the burst finished before the kill; make it bigger"
        finally:
            if first.poll() is None:
                first.kill()
        second = _start(env)
        try:
            done = await until(
                lambda: (
                    len(hook.accepted) == BURST
                    and len({p["notification_id"] for p in phone.received}) == BURST
                ),
                120,
            )
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(30)
        assert done, (len(hook.accepted), len(phone.received))

    expected = {f"n{m.id}.c{channel.id}" for m in made}
    assert set(hook.accepted) == expected
    assert set(hook.processed.values()) == {1}  # the receiver acted on each exactly once
    assert hook.rejected == []  # every complete request carried a valid signature
    assert push.errors == []
    device = Counter(p["notification_id"] for p in phone.received)
    assert set(device) == {m.id for m in made}
    raw_hook_repeats = len(hook.raw_ids) - BURST
    raw_push_repeats = len(phone.received) - BURST
    # a repeat can only be a send that was in flight at the kill
    assert 0 <= raw_hook_repeats <= CONCURRENCY
    assert 0 <= raw_push_repeats <= CONCURRENCY
    print(f"kill test: {at_kill} acted on before the kill; raw repeats on the wire: "
          f"webhook {raw_hook_repeats}, push {raw_push_repeats}")  # fmt: skip

    async with open_services(settings, migrate=False) as svc:
        async with svc.db.read() as conn:
            statuses = Counter(r[0] for r in await conn.execute(sa.select(deliveries.c.status)))
        assert statuses == {"sent": 2 * BURST}
