"""Delivery fan-out benchmarks (issue 6): Web Push sends/s, SSE events/s, record → sent latency.

Three measurements, each against real local servers on 127.0.0.1, each in its own processes
so the receiving side does not share the sender's interpreter:

- ``push``: Web Push sends per second to a local push service (a minimal HTTP/1.1 server in
  another process that answers 201 and decrypts a sample of the payloads with ``http_ece`` to
  prove they are real). Measured twice: the channel alone (encrypt, VAPID, POST through the
  SSRF-guarded fetcher) and the whole worker path (claim → send → record in the store), with
  one notification for each of 10,000 subscribers' devices.
- ``sse``: a uvicorn server process holding N concurrent live-stream connections (opened by a
  client process, 10 per user), while the server publishes notifications on the bus; events
  delivered per second as counted by the clients.
- ``latency``: 10,000 subscribers each with a device; articles arrive at a steady rate and
  each matches K subscribers, recorded through the outbox as the match stage does; the time
  from recording (the article's ``arrived_at`` at the outbox) to the push service receiving
  the decrypted push, p50/p99. The stages before the outbox (fetch, extract, match) are not
  in this figure; they have their own benchmarks.

Run: ``.venv/bin/python bench/fanout.py`` (all parts) or ``--part push|sse|latency``;
``--quick`` for smaller sizes. The last line is ``name=value`` pairs for bench/gates.py.
"""

# ruff: noqa: ASYNC110, ASYNC220, ASYNC240 - a benchmark driver polls and spawns on purpose
from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# ----------------------------------------------------------------------------- the push service


def _atomic_write(path: Path, text: str) -> None:
    """Write then rename, so a reader polling for the file never sees it half written."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    partial.replace(path)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class DeviceKeys:
    """One receiving key pair shared by every benchmark device (sender cost is per message)."""

    private_pem: bytes
    p256dh: str
    auth: str

    @classmethod
    def make(cls) -> DeviceKeys:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return cls(pem, _b64url(public), _b64url(os.urandom(16)))


async def _push_service(port_file: Path, keys_file: Path, decrypt_every: int) -> None:
    """A push service: HTTP/1.1 keep-alive, 201 for every POST, decrypts 1 in N payloads.

    Writes ``{"port"}`` to ``port_file`` when listening; on SIGUSR1 it writes its report
    (count, decrypted count, failures, receive time of each decrypted notification id) to
    ``port_file + ".report"``.
    """
    import signal

    import http_ece
    from cryptography.hazmat.primitives import serialization

    info = json.loads(keys_file.read_text())
    private = serialization.load_pem_private_key(info["pem"].encode(), password=None)
    auth = _b64url_decode(info["auth"])
    stats: dict[str, Any] = {"count": 0, "decrypted": 0, "failures": 0, "first": None, "last": None}
    received: dict[int, float] = {}

    def decrypt(body: bytes) -> None:
        try:
            plain = http_ece.decrypt(
                body, private_key=private, auth_secret=auth, version="aes128gcm"
            )
            received[int(json.loads(plain)["notification_id"])] = time.time()
            stats["decrypted"] += 1
        except Exception:
            stats["failures"] += 1

    class Proto(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.t: Any = transport
            self.buf = b""

        def data_received(self, data: bytes) -> None:
            # Kept cheap on purpose: this server shares the 2 cores with the sender measured.
            self.buf += data
            answers = 0
            while True:
                end = self.buf.find(b"\r\n\r\n")
                if end < 0:
                    break
                head = self.buf[:end].lower()
                at = head.find(b"\r\ncontent-length:")
                length = 0
                if at >= 0:
                    stop = head.find(b"\r\n", at + 17)
                    length = int(head[at + 17 : stop if stop > 0 else None])
                if len(self.buf) < end + 4 + length:
                    break
                body = self.buf[end + 4 : end + 4 + length]
                self.buf = self.buf[end + 4 + length :]
                now = time.time()
                stats["count"] += 1
                stats["first"] = stats["first"] or now
                stats["last"] = now
                if decrypt_every and stats["count"] % decrypt_every == 0:
                    decrypt(body)
                answers += 1
            if answers:
                self.t.write(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n" * answers)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(Proto, "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]

    def report() -> None:
        out = {**stats, "received": received}
        _atomic_write(Path(str(port_file) + ".report"), json.dumps(out))

    loop.add_signal_handler(signal.SIGUSR1, report)
    _atomic_write(port_file, json.dumps({"port": port}))
    await asyncio.Event().wait()


class PushServiceProcess:
    """Starts the push service in its own process and reads its reports."""

    def __init__(self, keys: DeviceKeys, decrypt_every: int, tmp: Path) -> None:
        self.port_file = tmp / f"push-{os.getpid()}-{random.randrange(10**6)}.json"
        keys_file = tmp / "keys.json"
        keys_file.write_text(json.dumps({"pem": keys.private_pem.decode(), "auth": keys.auth}))
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "_push_service", str(self.port_file), str(keys_file),
             str(decrypt_every)]
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while not self.port_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("push service did not start")
            time.sleep(0.02)
        self.port = int(json.loads(self.port_file.read_text())["port"])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def report(self) -> dict[str, Any]:
        import signal

        target = Path(str(self.port_file) + ".report")
        target.unlink(missing_ok=True)
        self.proc.send_signal(signal.SIGUSR1)
        deadline = time.monotonic() + 10
        while True:
            try:
                data: dict[str, Any] = json.loads(target.read_text())
                data["received"] = {int(k): v for k, v in data["received"].items()}
                return data
            except (FileNotFoundError, json.JSONDecodeError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


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
    push = PushServiceProcess(keys, decrypt_every=100, tmp=tmp)
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
                ch = Channel(
                    id=i % 1000 + 1, user_id=1, kind="webpush", name="d",
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


async def push_worker_path(tmp: Path, subscribers: int) -> dict[str, float]:
    """The worker path: one notification per subscriber, claimed, sent and recorded."""
    from storywatch.app import open_services
    from storywatch.deliver.outbox import limits_from, record_many
    from storywatch.deliver.worker import DeliveryWorker

    keys = DeviceKeys.make()
    push = PushServiceProcess(keys, decrypt_every=50, tmp=tmp)
    try:
        url = await store_url("worker")
        async with open_services(bench_settings(tmp / "worker", database_url=url)) as services:
            users = await make_subscribers(services, subscribers, push, keys)
            now = datetime.now(UTC)
            async with services.db.write() as conn:
                await record_many(
                    conn,
                    [draft_for(u, u, now) for u in users],
                    now,
                    limits=limits_from(services.settings),
                )
            worker = DeliveryWorker(services)
            stop = asyncio.Event()
            started = time.perf_counter()
            cpu = time.process_time()
            task = asyncio.create_task(worker.run(stop))
            while worker.sent + worker.failed < subscribers:
                await asyncio.sleep(0.01)
            took = time.perf_counter() - started
            cpu = time.process_time() - cpu
            stop.set()
            await task
            await _close(services)
        await drop_store(url)
        report = push.report()
    finally:
        push.close()
    return {
        "push_worker_sends_per_s": subscribers / took,
        "push_worker_cpu_us_per_send": cpu / subscribers * 1e6,
        "push_worker_failures": float(worker.failed),
        "push_service_count": float(report["count"]),
        "push_worker_decrypt_failures": float(report["failures"]),
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


async def _sse_server(
    data_dir: str, port_file: str, connections: int, events: int, users: int
) -> None:
    """The web app under uvicorn; once ``connections`` streams are open, publish ``events``."""
    import uvicorn

    from storywatch import bus
    from storywatch.app import open_services
    from storywatch.web.app import create_app
    from storywatch.web.live import live_hub

    if not os.environ.get("FANOUT_GC_DEFAULT"):  # as `serve` should run: see web.live.tune_gc
        from storywatch.web.live import tune_gc

        tune_gc()
    async with open_services(bench_settings(Path(data_dir)), migrate=False) as services:
        app = create_app(services)
        config = uvicorn.Config(
            app, host="127.0.0.1", port=0, log_level="error", backlog=8192, timeout_keep_alive=600
        )
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        _atomic_write(Path(port_file), json.dumps({"port": port}))
        hub = live_hub(services)
        go = Path(port_file + ".go")  # the clients say when all their streams are open
        while not go.exists():
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)
        held = hub.connections
        gc_time = [0.0, 0.0]

        def _gc_clock(phase: str, info: dict[str, Any]) -> None:
            if phase == "start":
                gc_time[1] = time.perf_counter()
            else:
                gc_time[0] += time.perf_counter() - gc_time[1]

        import gc

        gc.callbacks.append(_gc_clock)
        if os.environ.get("FANOUT_GC_THRESHOLD"):
            gc.set_threshold(*(int(x) for x in os.environ["FANOUT_GC_THRESHOLD"].split(",")))
        if os.environ.get("FANOUT_GC_FREEZE"):
            gc.freeze()  # long-lived connection objects out of the collector's way
        payload = {
            "id": 0, "kind": "alert", "title": "Pentagon: the letter on withdrawal was a draft",
            "body": "Esper and Milley say the letter was a mistake.", "url": "http://bench.local/stories/1",
            "story_id": 1, "article_id": 1, "subscription_id": 1,
            "reasons": [{"kind": "story", "value": "US troops in Iraq", "detail": ""}],
            "urgent": False, "created_at": datetime.now(UTC).isoformat(),
            "published_at": None, "arrived_at": None,
        }  # fmt: skip
        profiler = None
        if os.environ.get("FANOUT_PROFILE"):
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        started = time.perf_counter()
        cpu = time.process_time()
        for i in range(events):
            uid = (i % users) + 1
            await services.bus.publish(
                bus.LIVE,
                {
                    "user_id": uid,
                    "notification_id": i + 1,
                    "notification": {**payload, "id": i + 1},
                },
            )
            if i % 200 == 199:
                await asyncio.sleep(0)
        published = time.perf_counter() - started
        # wait until every connection's queue is empty: all frames handed to the sockets
        while any(q.qsize() for qs in hub.listeners.values() for q in qs):
            await asyncio.sleep(0.01)
        drained = time.perf_counter() - started
        cpu = time.process_time() - cpu
        if profiler is not None:
            await asyncio.sleep(5)  # let the streams drain what was published
            profiler.disable()
            profiler.dump_stats(os.environ["FANOUT_PROFILE"])
        _atomic_write(
            Path(port_file + ".published"),
            json.dumps(
                {
                    "seconds": published,
                    "drained": drained,
                    "cpu": cpu,
                    "delivered": hub.delivered,
                    "held": held,
                    "gc_seconds": gc_time[0],
                }
            ),
        )
        await asyncio.sleep(3600)
        task.cancel()


async def _sse_clients(
    port: int, tokens_file: str, connections: int, expect: int, out_file: str, go_file: str
) -> None:
    """Open ``connections`` live streams (tokens round-robin) and count events received.

    At most 64 handshakes are in flight at once (clients arrive over a few seconds, not in
    one instant); once every stream is open, ``go_file`` tells the server to publish.
    """
    handshakes = asyncio.Semaphore(64)
    tokens = json.loads(Path(tokens_file).read_text())
    counts = {"events": 0, "connected": 0, "failed": 0}
    times: list[float] = []
    done = asyncio.Event()
    marker = b"event: notification"

    async def one(i: int) -> None:
        async with handshakes:
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                counts["failed"] += 1
                return
            token = tokens[i % len(tokens)]
            writer.write(
                f"GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n".encode()
            )
            status = await reader.readline()
            if b" 200 " not in status:
                counts["failed"] += 1
                writer.close()
                return
            counts["connected"] += 1
        tail = b""
        while not done.is_set():
            chunk = await reader.read(65536)
            if not chunk:
                break
            data = tail + chunk
            found = data.count(marker)
            if found:
                if not times:
                    times.append(time.perf_counter())
                counts["events"] += found
                if counts["events"] >= expect:
                    times.append(time.perf_counter())
                    done.set()
            tail = data[-(len(marker) - 1) :]  # a marker split across reads, never twice
        writer.close()

    started = time.perf_counter()
    tasks = []
    for i in range(connections):
        tasks.append(asyncio.create_task(one(i)))
    while counts["connected"] + counts["failed"] < connections:
        await asyncio.sleep(0.05)
    connect_seconds = time.perf_counter() - started
    _atomic_write(Path(go_file), "go")
    try:
        await asyncio.wait_for(done.wait(), 120)
    except TimeoutError:
        times.append(time.perf_counter())
    _atomic_write(Path(out_file), json.dumps({**counts, "connect_seconds": connect_seconds,
                                          "first": times[0] if times else None,
                                          "last": times[-1] if times else None}))  # fmt: skip
    os._exit(0)


async def sse_fanout(tmp: Path, connections: int, users: int, events: int) -> dict[str, float]:
    from storywatch.app import open_services
    from storywatch.store import users as user_store

    data_dir = tmp / "sse"
    tokens: list[str] = []
    async with open_services(bench_settings(data_dir)) as services:
        now = datetime.now(UTC)
        async with services.db.write() as conn:
            for i in range(users):
                user = await user_store.create_user(conn, f"sse{i}", now)
                tokens.append(await user_store.create_token(conn, user.id, now))
    tokens_file = tmp / "tokens.json"
    tokens_file.write_text(json.dumps(tokens))
    port_file = tmp / "sse-port.json"
    server = subprocess.Popen(
        [sys.executable, __file__, "_sse_server", str(data_dir), str(port_file), str(connections),
         str(events), str(users)]
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not port_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("SSE server did not start")
            await asyncio.sleep(0.05)
        port = json.loads(port_file.read_text())["port"]
        per_user = connections // users
        expect = events * per_user
        out = tmp / "sse-clients.json"
        client = subprocess.Popen(
            [sys.executable, __file__, "_sse_clients", str(port), str(tokens_file),
             str(connections), str(expect), str(out), str(port_file) + ".go"]
        )  # fmt: skip
        client.wait(600)
        result = json.loads(out.read_text())
        published_file = Path(str(port_file) + ".published")
        for _ in range(100):
            if published_file.exists():
                break
            await asyncio.sleep(0.1)
        server_side = json.loads(published_file.read_text()) if published_file.exists() else {}
    finally:
        server.kill()
        server.wait()
    span = (result["last"] or 0) - (result["first"] or 0)
    return {
        "sse_connections": float(result["connected"]),
        "sse_connect_failures": float(result["failed"]),
        "sse_connect_seconds": result["connect_seconds"],
        "sse_events_received": float(result["events"]),
        "sse_events_expected": float(expect),
        "sse_events_per_s": result["events"] / span if span > 0 else float("nan"),
        "sse_server_held": float(server_side.get("held", float("nan"))),
        "sse_publish_seconds": float(server_side.get("seconds", float("nan"))),
        "sse_server_events_per_s": server_side["delivered"] / server_side["drained"]
        if server_side
        else float("nan"),
        "sse_events_per_server_cpu_s": server_side["delivered"] / server_side["cpu"]
        if server_side
        else float("nan"),
        "sse_server_gc_seconds": float(server_side.get("gc_seconds", float("nan"))),
    }


# ----------------------------------------------------------------------------- main


def _run_fast(main: Any) -> None:
    """Run a receiver on uvloop (installed with uvicorn[standard]) so it costs the shared
    cores as little as possible; plain asyncio when uvloop is missing."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(main)
    else:
        uvloop.run(main)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        hidden = sys.argv[1]
        args = sys.argv[2:]
        if hidden == "_push_service":
            _run_fast(_push_service(Path(args[0]), Path(args[1]), int(args[2])))
        elif hidden == "_sse_server":
            asyncio.run(_sse_server(args[0], args[1], int(args[2]), int(args[3]), int(args[4])))
        elif hidden == "_sse_clients":
            asyncio.run(
                _sse_clients(int(args[0]), args[1], int(args[2]), int(args[3]), args[4], args[5])
            )
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=["push", "sse", "latency", "all"], default="all")
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=10_000)
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="run the worker and latency parts on PostgreSQL (a database created on this "
        "server, e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test)",
    )
    args = parser.parse_args()
    if args.postgres:
        POSTGRES["server"] = args.postgres
    subscribers = 1000 if args.quick else args.subscribers
    connections = 1000 if args.quick else args.connections
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as raw:
        tmp = Path(raw)
        if args.part in ("push", "all"):
            figures.update(asyncio.run(push_channel_only(tmp, 3000 if args.quick else 20_000, 128)))
            figures.update(asyncio.run(push_worker_path(tmp, subscribers)))
        if args.part in ("sse", "all"):
            users = max(1, connections // 10)
            events = 2000 if args.quick else 20_000
            figures.update(asyncio.run(sse_fanout(tmp, connections, users, events)))
        if args.part in ("latency", "all"):
            figures.update(
                asyncio.run(ingest_latency(tmp, subscribers, 100 if args.quick else 300, 20, 10.0))
            )
    for name, value in figures.items():
        print(f"{name:36s} {value:12.1f}")
    print(" ".join(f"{k}={v:.1f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
