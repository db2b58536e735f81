"""Delivery fan-out benchmarks (issue 6): Web Push sends/s, SSE events/s, record → sent latency.

Three measurements, each against real local servers on 127.0.0.1, with the receiving side in
processes of its own (``fanout_support.py``) and the service run the way ``storywatch`` runs
it (on uvloop, as ``serve`` and ``worker`` do):

- ``push``: Web Push sends per second to a local push service (a minimal HTTP/1.1 server that
  answers 201 and decrypts a sample of the payloads with ``http_ece`` to prove they are real).
  Measured twice: the channel alone in this process (encrypt, VAPID, POST through the guarded
  client), and the real delivery workers: ``storywatch worker --role deliver`` with
  ``delivery_processes`` = 1 and then = N (``--delivery-processes``, default 2), sending one
  notification to each of 10,000 subscribers' devices from a SQLite outbox (claim → send →
  record). Rates are counted by the push service (first to last request); CPU is read from
  /proc for the worker processes and, separately, for the push service.
  A third figure isolates the store and the worker's loop: the same worker in this process
  with a Web Push channel that answers at once (no encryption, no HTTP).
- ``sse``: ``storywatch worker --role web`` with ``web_processes`` = N (``--web-processes``,
  default 2) on one port (SO_REUSEPORT) and the Redis bus, holding 10,000 live-stream
  connections opened by a client process (10 per user); this process announces
  notifications as the match stage does (``outbox.announce``: one LIVE message per article,
  ``--per-article`` users each); events per second as counted by the clients.
- ``latency``: 10,000 subscribers each with a device; articles arrive at a steady rate and
  each matches K subscribers, recorded through the outbox and announced as the match stage
  does, with a delivery worker in the same process (as ``serve`` runs them); the time from
  recording (the article's ``arrived_at`` at the outbox) to the push service receiving the
  decrypted push, p50/p99. The stages before the outbox have their own benchmarks.

Run: ``.venv/bin/python bench/fanout.py`` (all parts) or ``--part push|sse|latency``;
``--quick`` for smaller sizes. The SSE part needs Redis (``--redis``, default the local
server). The last line is ``name=value`` pairs for bench/gates.py.

Knobs for experiments: ``FANOUT_UVLOOP=false`` runs the service on the plain asyncio loop;
``FANOUT_SERVER=script.py`` starts that script instead of ``storywatch worker --role web``
(for instance the same role under cProfile); it gets SIGUSR1 when publishing starts.
"""

# ruff: noqa: ASYNC110, ASYNC220 - a benchmark driver polls and spawns on purpose
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fanout_support import (  # noqa: E402
    DeviceKeys,
    PushServiceProcess,
    delivery_statuses,
    drop_prefix,
    family_cpu,
    free_port,
    run_fast,
    service_env,
    start_storywatch,
    stop_storywatch,
    system_seconds,
    wait_family,
    wait_listening,
)

# ----------------------------------------------------------------------------- shared setup


POSTGRES: dict[str, str] = {}  # {"server": url} when --postgres is given


async def store_url(name: str) -> str | None:
    """A fresh PostgreSQL database for one part (``--postgres``), else None for SQLite."""
    server = POSTGRES.get("server")
    if not server:
        return None
    from sqlalchemy.ext.asyncio import create_async_engine

    db = f"fanout_{name}_{os.getpid()}"
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        await conn.exec_driver_sql(f'CREATE DATABASE "{db}"')
    await admin.dispose()
    return server.rsplit("/", 1)[0] + "/" + db


async def drop_store(url: str | None) -> None:
    if not url:
        return
    from sqlalchemy.ext.asyncio import create_async_engine

    admin = create_async_engine(POSTGRES["server"], isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.exec_driver_sql(
            f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'
        )
    await admin.dispose()


def bench_settings(data_dir: Path, **extra: Any) -> Any:
    from storywatch.settings import Settings

    values: dict[str, Any] = {
        "data_dir": data_dir,
        "allow_loopback": True,
        "base_url": "http://bench.local",
        "vapid_subject": "mailto:bench@localhost",
        "delivery_user_per_hour": 1_000_000,
        "delivery_story_per_hour": 1_000_000,
        "delivery_concurrency": 256,
        "log_level": "WARNING",
    }
    values.update(extra)
    return Settings(**values)


async def make_subscribers(
    services: Any, count: int, push: PushServiceProcess, keys: DeviceKeys
) -> list[int]:
    """``count`` users, each with one Web Push device on the local push service."""
    import sqlalchemy as sa

    from storywatch.store.tables import channels, users

    now = datetime.now(UTC)
    async with services.db.write() as conn:
        result = await conn.execute(
            sa.insert(users).returning(users.c.id),
            [
                {"username": f"u{i}", "display_name": f"u{i}", "created_at": now}
                for i in range(count)
            ],
        )
        ids = sorted(int(r[0]) for r in result)
        await conn.execute(
            sa.insert(channels),
            [
                {
                    "user_id": uid,
                    "kind": "webpush",
                    "name": "bench device",
                    "config": {
                        "endpoint": push.url(f"/push/{uid}"),
                        "keys": {"p256dh": keys.p256dh, "auth": keys.auth},
                    },
                    "created_at": now,
                }
                for uid in ids
            ],
        )
    return ids


def draft_for(uid: int, n: int, arrived: datetime) -> Any:
    from storywatch.deliver.model import NotificationDraft
    from storywatch.model import Reason

    return NotificationDraft(
        user_id=uid,
        subscription_id=None,
        article_id=None,
        story_id=None,
        title=f"Pentagon: the letter on withdrawal was a draft ({n})",
        body="Esper and Milley say the letter was a mistake; no decision to leave Iraq.",
        url=f"/stories/{n}",
        reasons=(Reason("story", "US troops in Iraq"),),
        dedupe_key=f"bench:{n}",
        collapse_key=f"bench-story:{n}",
        urgent=False,
        mode="developments",
        published_at=arrived,
        arrived_at=arrived,
    )


async def notify_each(services: Any, users: list[int]) -> None:
    """One notification per user, recorded at once in one transaction: the burst that the
    Web Push parts time."""
    from storywatch.deliver.outbox import limits_from, record_many

    now = datetime.now(UTC)
    async with services.db.write() as conn:
        await record_many(
            conn, [draft_for(u, u, now) for u in users], now, limits=limits_from(services.settings)
        )


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _close(services: Any) -> None:
    from storywatch.deliver.channels import close_delivery

    await close_delivery(services)


# ----------------------------------------------------------------------------- part 1: push


async def push_channel_only(tmp: Path, sends: int, concurrency: int) -> dict[str, float]:
    """The Web Push channel alone: encrypt + VAPID + POST through the guarded fetcher."""
    from storywatch.app import open_services
    from storywatch.deliver.channels import Outgoing, channel_set
    from storywatch.store.channels import Channel
    from storywatch.store.notifications import Notification

    keys = DeviceKeys.make()
    push = PushServiceProcess(keys, decrypt_every=200, tmp=tmp)
    try:
        async with open_services(bench_settings(tmp / "chan")) as services:
            kinds = await channel_set(services)
            channel_kind = kinds.get("webpush")
            now = datetime.now(UTC)
            messages = []
            for i in range(sends):
                n = Notification(
                    id=i + 1, user_id=1, kind="alert", subscription_id=None, article_id=None,
                    story_id=7, title=f"Development {i}", body="What is new.", url="/stories/7",
                    reasons=(), urgent=False, dedupe_key=f"d{i}", collapse_key="story:7",
                    thread_key=None, held=False, deliver_at=now, policy_note=None,
                    published_at=now, arrived_at=now, read_at=None, created_at=now, digest_id=None,
                )  # fmt: skip
                # one message per device, as in a fan-out: the channel keeps per-device
                # values (decoded keys), which must not flatter this figure
                ch = Channel(
                    id=i + 1, user_id=1, kind="webpush", name="d",
                    config={"endpoint": push.url(f"/push/{i % 1000}"),
                            "keys": {"p256dh": keys.p256dh, "auth": keys.auth}},
                    secret=None, enabled=True, fallback_channel_id=None, consecutive_failures=0,
                    last_error=None, last_success_at=None, created_at=now,
                )  # fmt: skip
                messages.append(Outgoing(f"k{i}", 1, n, ch, "http://bench.local"))
            queue = list(reversed(messages))
            failures = 0

            async def lane() -> None:
                nonlocal failures
                while queue:
                    message = queue.pop()
                    try:
                        await channel_kind.send(message)
                    except Exception as exc:
                        failures += 1
                        if failures <= 3:
                            print("push send failed:", repr(exc)[:300], file=sys.stderr)

            # warm up connections and the VAPID token cache
            measured = len(queue) - 200
            saved = queue[:measured]
            queue = queue[measured:]
            await asyncio.gather(*(lane() for _ in range(concurrency)))
            queue = saved
            started = time.perf_counter()
            cpu = time.process_time()
            await asyncio.gather(*(lane() for _ in range(concurrency)))
            took = time.perf_counter() - started
            cpu = time.process_time() - cpu
            await _close(services)
        report = push.report()
    finally:
        push.close()
    return {
        "push_channel_sends_per_s": measured / took,
        "push_channel_cpu_us_per_send": cpu / measured * 1e6,
        "push_channel_failures": float(failures),
        "push_service_decrypt_failures": float(report["failures"]),
        "push_service_decrypted": float(report["decrypted"]),
    }


async def push_workers(tmp: Path, subscribers: int, processes: int) -> dict[str, float]:
    """``storywatch worker --role deliver``: one notification per subscriber, claimed, sent and
    recorded by ``processes`` delivery processes sharing one SQLite outbox."""
    from storywatch.app import open_services

    keys = DeviceKeys.make()
    push = PushServiceProcess(keys, decrypt_every=200, tmp=tmp)
    data_dir = tmp / f"workers{processes}"
    proc = None
    try:
        url = await store_url(f"workers{processes}")
        settings = bench_settings(data_dir, database_url=url)
        async with open_services(settings) as services:
            users = await make_subscribers(services, subscribers, push, keys)
        env = service_env(data_dir, database_url=url, delivery_processes=processes)
        proc = start_storywatch(["deliver"], env)
        pids = await wait_family(proc, processes, settle=3.0)
        cpu, kernel = family_cpu(pids), system_seconds(pids)
        push_cpu = family_cpu([push.proc.pid])
        async with open_services(settings, migrate=False) as services:
            await notify_each(services, users)
            deadline = time.monotonic() + 300
            while True:
                report = push.report()
                if report["count"] >= subscribers or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.1)
            cpu, kernel = family_cpu(pids) - cpu, system_seconds(pids) - kernel
            push_cpu = family_cpu([push.proc.pid]) - push_cpu
            for _ in range(100):  # the last outcomes are committed a moment after their sends
                statuses = await delivery_statuses(services)
                if statuses.get("sent", 0) >= subscribers:
                    break
                await asyncio.sleep(0.1)
        stop_storywatch(proc)
        proc = None
        await drop_store(url)
    finally:
        if proc is not None:
            stop_storywatch(proc)
        push.close()
    span = (report["last"] or 0) - (report["first"] or 0)
    tag = f"push_workers{processes}"
    return {
        f"{tag}_processes": float(len(pids)),
        f"{tag}_sends_per_s": report["count"] / span if span > 0 else float("nan"),
        f"{tag}_cpu_us_per_send": cpu / max(1, report["count"]) * 1e6,
        f"{tag}_kernel_us_per_send": kernel / max(1, report["count"]) * 1e6,
        f"{tag}_push_service_cpu_us_per_request": push_cpu / max(1, report["count"]) * 1e6,
        f"{tag}_sent": float(statuses.get("sent", 0)),
        f"{tag}_decrypt_failures": float(report["failures"]),
    }


async def push_worker_loop(tmp: Path, subscribers: int) -> dict[str, float]:
    """The delivery worker with a Web Push channel that answers at once: what the store (claim,
    newer-push check, outcomes, channel health) and the worker's own loop cost per delivery,
    without encryption or HTTP. One notification per subscriber's device, as in push_workers;
    the worker runs in this process, on one SQLite outbox."""
    from storywatch.app import open_services
    from storywatch.deliver.channels import Sent, channel_set
    from storywatch.deliver.worker import DeliveryWorker

    class Instant:
        kind = "webpush"

        async def send(self, message: Any) -> Sent:
            await asyncio.sleep(0)  # one turn of the loop, as an answer would take
            return Sent(201, "accepted")

    keys = DeviceKeys.make()
    push = PushServiceProcess(keys, decrypt_every=200, tmp=tmp)  # only its URLs are used
    try:
        async with open_services(bench_settings(tmp / "loop")) as services:
            users = await make_subscribers(services, subscribers, push, keys)
            kinds = await channel_set(services)
            kinds.kinds["webpush"] = Instant()  # type: ignore[assignment]
            worker = DeliveryWorker(services)
            stop = asyncio.Event()
            task = asyncio.create_task(worker.run(stop))
            await asyncio.sleep(1.0)
            await notify_each(services, users)
            cpu, started = time.process_time(), time.perf_counter()
            deadline = started + 120
            while worker.sent < subscribers and time.perf_counter() < deadline:
                await asyncio.sleep(0.005)
            cpu, took = time.process_time() - cpu, time.perf_counter() - started
            stop.set()
            await task
            statuses = await delivery_statuses(services)
            await _close(services)
    finally:
        push.close()
    return {
        "push_loop_deliveries_per_s": worker.sent / took,
        "push_loop_cpu_us_per_delivery": cpu / max(1, worker.sent) * 1e6,
        "push_loop_sent": float(statuses.get("sent", 0)),
    }


# ----------------------------------------------------------------------------- part 3: latency


async def ingest_latency(
    tmp: Path, subscribers: int, articles: int, per_article: int, rate: float
) -> dict[str, float]:
    """Record → push received, with ``subscribers`` devices and ``per_article`` matches each."""
    from storywatch.app import open_services
    from storywatch.deliver.outbox import announce, limits_from, record_many
    from storywatch.deliver.worker import DeliveryWorker

    keys = DeviceKeys.make()
    push = PushServiceProcess(keys, decrypt_every=1, tmp=tmp)
    rng = random.Random(6)
    arrived_at: dict[int, float] = {}
    record_ms: list[float] = []
    try:
        url = await store_url("latency")
        async with open_services(bench_settings(tmp / "latency", database_url=url)) as services:
            users = await make_subscribers(services, subscribers, push, keys)
            limits = limits_from(services.settings)
            worker = DeliveryWorker(services)
            stop = asyncio.Event()
            task = asyncio.create_task(worker.run(stop))
            await asyncio.sleep(0.5)
            interval = 1.0 / rate
            t0 = time.perf_counter()
            for a in range(articles):
                target = t0 + a * interval
                delay = target - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                chosen = rng.sample(users, per_article)
                now = datetime.now(UTC)
                stamp = now.timestamp()
                async with services.db.write() as conn:
                    created = await record_many(
                        conn, [draft_for(u, a, now) for u in chosen], now, limits=limits
                    )
                await announce(services, created)
                record_ms.append((time.time() - stamp) * 1000.0)
                for c in created:
                    arrived_at[c.id] = stamp
            expected = articles * per_article
            deadline = time.perf_counter() + 60
            while worker.sent + worker.failed < expected and time.perf_counter() < deadline:
                await asyncio.sleep(0.02)
            stop.set()
            await task
            await _close(services)
        await drop_store(url)
        report = push.report()
    finally:
        push.close()
    lat = [
        (report["received"][nid] - arrived) * 1000.0
        for nid, arrived in arrived_at.items()
        if nid in report["received"]
    ]
    return {
        "latency_subscribers": float(subscribers),
        "latency_pushes": float(len(lat)),
        "latency_missing": float(len(arrived_at) - len(lat)),
        "ingest_to_sent_p50_ms": pct(lat, 0.5),
        "ingest_to_sent_p99_ms": pct(lat, 0.99),
        "ingest_to_sent_max_ms": max(lat) if lat else float("nan"),
        "record_commit_p50_ms": pct(record_ms, 0.5),
        "record_commit_p99_ms": pct(record_ms, 0.99),
    }


# ----------------------------------------------------------------------------- part 2: SSE


def created_for(uid: int, nid: int, now: datetime) -> Any:
    """What ``outbox.record_many`` returns for one user (the SSE part announces these)."""
    from storywatch.deliver.model import CreatedNotification
    from storywatch.model import Reason

    return CreatedNotification(
        id=nid, user_id=uid, subscription_id=1, article_id=nid // 1000 + 1, story_id=1,
        title="Pentagon: the letter on withdrawal was a draft",
        body="Esper and Milley say the letter was a mistake.", url="/stories/1",
        reasons=(Reason("story", "US troops in Iraq"),), urgent=False, created_at=now,
        published_at=now, arrived_at=now, collapse_key="story:1", thread_key="story:1",
        held=False, deliver_at=now, policy_note=None, channel_count=1,
    )  # fmt: skip


async def sse_fanout(
    tmp: Path,
    connections: int,
    users: int,
    events: int,
    processes: int,
    redis_url: str,
    per_article: int,
) -> dict[str, float]:
    """``storywatch worker --role web`` × ``processes`` holding ``connections`` streams."""
    from storywatch.app import open_services
    from storywatch.bus import RedisBus
    from storywatch.deliver.outbox import announce
    from storywatch.store import users as user_store

    data_dir = tmp / f"sse{processes}"
    prefix = f"fanout{os.getpid()}x{processes}"
    tokens: list[str] = []
    async with open_services(bench_settings(data_dir)) as services:
        now = datetime.now(UTC)
        async with services.db.write() as conn:
            for i in range(users):
                user = await user_store.create_user(conn, f"sse{i}", now)
                tokens.append(await user_store.create_token(conn, user.id, now))
        user_ids = list(range(1, users + 1))
    tokens_file = tmp / "tokens.json"
    tokens_file.write_text(json.dumps(tokens))
    port = free_port()
    env = service_env(
        data_dir, redis_url=redis_url, redis_prefix=prefix, web_processes=processes,
        port=port, host="127.0.0.1",
    )  # fmt: skip
    server = start_storywatch(["web"], env)
    client = None
    bus = RedisBus(redis_url, prefix=prefix)
    try:
        await wait_listening(port)
        pids = await wait_family(server, processes, settle=4.0)
        per_user = connections // users
        expect = events * per_user
        out = tmp / f"sse-clients{processes}.json"
        go = tmp / f"sse-go{processes}"
        client = subprocess.Popen(
            [sys.executable, __file__, "_sse_clients", str(port), str(tokens_file),
             str(connections), str(expect), str(out), str(go)]
        )  # fmt: skip
        while not go.exists():
            if client.poll() is not None:
                raise RuntimeError("the SSE clients ended before connecting")
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)
        if os.environ.get("FANOUT_SERVER"):
            for pid in pids:
                os.kill(pid, signal.SIGUSR1)  # the stand-in starts profiling now
        cpu, kernel = family_cpu(pids), system_seconds(pids)
        publish = _Announcer(bus, announce)
        now = datetime.now(UTC)
        interval = per_article / 10_000  # articles paced at 10,000 notifications/s
        started = time.perf_counter()
        for a, first in enumerate(range(0, events, per_article)):
            chosen = random.Random(a).sample(user_ids, min(per_article, users))
            made = [created_for(uid, first + k + 1, now) for k, uid in enumerate(chosen)]
            await publish(made)
            delay = started + (a + 1) * interval - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
        published = time.perf_counter() - started
        while client.poll() is None and not out.exists():
            await asyncio.sleep(0.05)
        cpu, kernel = family_cpu(pids) - cpu, system_seconds(pids) - kernel
        client.wait(300)
        result = json.loads(out.read_text())
    finally:
        if client is not None and client.poll() is None:
            client.kill()
        stop_storywatch(server)
        await drop_prefix(bus, prefix)
        await bus.close()
    span = (result["last"] or 0) - (result["first"] or 0)
    tag = f"sse_web{processes}"
    return {
        f"{tag}_processes": float(len(pids)),
        f"{tag}_connections": float(result["connected"]),
        f"{tag}_connect_failures": float(result["failed"]),
        f"{tag}_events_received": float(result["events"]),
        f"{tag}_events_expected": float(expect),
        f"{tag}_events_per_s": result["events"] / span if span > 0 else float("nan"),
        f"{tag}_server_cpu_us_per_event": cpu / max(1, result["events"]) * 1e6,
        f"{tag}_server_kernel_us_per_event": kernel / max(1, result["events"]) * 1e6,
        f"{tag}_client_cpu_us_per_event": result["cpu"] / max(1, result["events"]),
        f"{tag}_publish_seconds": published,
    }


class _Announcer:
    """``outbox.announce`` over the benchmark's Redis bus (no store: the rows are not needed)."""

    def __init__(self, bus: Any, announce: Any) -> None:
        self.services = type("S", (), {"bus": bus})()
        self.announce = announce

    async def __call__(self, created: list[Any]) -> None:
        await self.announce(self.services, created)


# ----------------------------------------------------------------------------- main


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        from fanout_support import _push_service, sse_clients

        hidden = sys.argv[1]
        args = sys.argv[2:]
        if hidden == "_push_service":
            run_fast(_push_service(Path(args[0]), Path(args[1]), int(args[2])))
        elif hidden == "_sse_clients":
            run_fast(
                sse_clients(int(args[0]), args[1], int(args[2]), int(args[3]), args[4], args[5])
            )
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=["push", "sse", "latency", "all"], default="all")
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=10_000)
    parser.add_argument("--delivery-processes", type=int, default=2)
    parser.add_argument("--web-processes", type=int, default=2)
    parser.add_argument("--per-article", type=int, default=100, help="users per article")
    parser.add_argument(
        "--redis", default="redis://127.0.0.1:6379/0", help="Redis for the SSE part"
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="run the worker and latency parts on PostgreSQL (a database created on this "
        "server, e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test)",
    )
    args = parser.parse_args()
    from storywatch.runtime import tune_gc

    tune_gc()  # this process stands in for a service process (channel and latency parts)
    if args.postgres:
        POSTGRES["server"] = args.postgres
    subscribers = 1000 if args.quick else args.subscribers
    connections = 1000 if args.quick else args.connections
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as raw:
        tmp = Path(raw)
        if args.part in ("push", "all"):
            figures.update(run_fast(push_channel_only(tmp, 3000 if args.quick else 20_000, 128)))
            figures.update(run_fast(push_worker_loop(tmp, subscribers)))
            for n in dict.fromkeys((1, args.delivery_processes)):
                figures.update(run_fast(push_workers(tmp, subscribers, n)))
        if args.part in ("sse", "all"):
            users = max(1, connections // 10)
            events = 2000 if args.quick else 20_000
            for n in dict.fromkeys((1, args.web_processes)):
                figures.update(
                    run_fast(
                        sse_fanout(tmp, connections, users, events, n, args.redis, args.per_article)
                    )
                )
        if args.part in ("latency", "all"):
            figures.update(
                run_fast(ingest_latency(tmp, subscribers, 100 if args.quick else 300, 20, 10.0))
            )
    for name, value in figures.items():
        print(f"{name:44s} {value:12.1f}")
    print(" ".join(f"{k}={v:.1f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
