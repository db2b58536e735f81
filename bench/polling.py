"""Polling at scale and WebSub push latency (issue 3, S2/S3 quality bars).

One local feed server (a separate process, so it does not share our interpreter lock) serves
10,000 distinct RSS feeds on 127.0.0.1–127.0.0.32 (one port; 32 loopback addresses so the
per-host politeness limit applies as it would across real hosts). Feeds answer 304 to a
matching ``If-None-Match``; a few of them gain a new item every second.

Phases, each on a fresh SQLite store, with the real Poller and SafeFetcher:
1. warm-up: every feed is polled once (200, parse, store) so validators are known;
2. throughput: every feed is made due at once and we time how long the poller takes to get
   through all of them (mostly 304, some new items): polls/s sustained;
3. schedule: every feed is pinned to one poll per ``--interval`` seconds, spread evenly
   (10,000 / interval polls/s of demand), for ``--seconds``; we report scheduler lateness
   (start of the fetch minus the time it was due) p50/p99, and meanwhile a hub pushes signed
   WebSub notifications to the app served by uvicorn on 127.0.0.1: publish → stored (and on
   the bus) p50/p95.

    .venv/bin/python bench/polling.py            # full run, about 2-3 minutes
    .venv/bin/python bench/polling.py --feeds 2000 --seconds 20   # quick look
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import multiprocessing
import os
import random
import socket
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sqlalchemy as sa  # noqa: E402

from storywatch.app import Services, open_services  # noqa: E402
from storywatch.settings import Settings  # noqa: E402
from storywatch.sources.fetch import SafeFetcher  # noqa: E402
from storywatch.sources.poller import Poller  # noqa: E402
from storywatch.store.tables import sources  # noqa: E402

HOSTS = 32


# ----------------------------------------------------------------------------- feed server


def _feed_body(n: int, version: int) -> bytes:
    items = "".join(
        f"<item><guid>f{n}-{v}</guid><title>Feed {n} item {v}</title>"
        f"<link>http://example.org/{n}/{v}</link><description>Item {v} of feed {n}</description>"
        f"</item>"
        for v in range(version, max(0, version - 5), -1)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"<link>http://example.org/{n}</link>{items}</channel></rss>"
    ).encode()


def _serve(port_out: multiprocessing.connection.Connection, feeds: int, changes: float) -> None:
    """The feed server process: asyncio, keep-alive, ETag/304; ``changes`` new items/s."""
    versions = [1] * feeds
    rng = random.Random(7)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                etag_in = ""
                for line in lines[1:]:
                    if line[:14].lower() == "if-none-match:":
                        etag_in = line[14:].strip()
                try:
                    n = int(path.rsplit("/", 1)[1].split(".")[0])
                    version = versions[n]
                except (ValueError, IndexError):
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    continue
                etag = f'"{n}-{version}"'
                if etag_in == etag:
                    writer.write(f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n\r\n".encode())
                else:
                    body = _feed_body(n, version)
                    writer.write(
                        (
                            f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                            f"ETag: {etag}\r\nContent-Length: {len(body)}\r\n\r\n"
                        ).encode()
                        + body
                    )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def change() -> None:
        while True:
            await asyncio.sleep(1.0)
            for _ in range(int(changes)):
                versions[rng.randrange(feeds)] += 1

    async def main() -> None:
        first = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
        port = first.sockets[0].getsockname()[1]
        others = [
            await asyncio.start_server(handle, f"127.0.0.{h}", port, backlog=1024)
            for h in range(2, HOSTS + 1)
        ]
        port_out.send(port)
        asyncio.get_running_loop().create_task(change())
        async with first:
            await asyncio.gather(first.serve_forever(), *(o.serve_forever() for o in others))

    asyncio.run(main())


# ----------------------------------------------------------------------------- helpers


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _add_feeds(services: Services, port: int, feeds: int) -> None:
    now = services.clock()
    rows = [
        {
            "url": f"http://127.0.0.{1 + n % HOSTS}:{port}/feed/{n}.xml",
            "kind": "feed",
            "title": "",
            "enabled": True,
            "next_poll_at": now,
            "poll_interval_seconds": 3600,
            "created_at": now,
            "consecutive_failures": 0,
            "item_count": 0,
        }
        for n in range(feeds)
    ]
    async with services.db.write() as conn:
        for start in range(0, len(rows), 1000):
            await conn.execute(sa.insert(sources), rows[start : start + 1000])


async def _run_until(poller: Poller, target: int, limit: float) -> float:
    stop = asyncio.Event()
    task = asyncio.create_task(poller.run(stop))
    started = time.perf_counter()
    while poller.stats.polls < target and time.perf_counter() - started < limit:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    took = time.perf_counter() - started
    stop.set()
    await task
    return took


# ----------------------------------------------------------------------------- websub


async def _websub_pushes(
    services: Services, source_id: int, secret: str, port: int, count: int, rate: float
) -> list[float]:
    import httpx

    latencies: list[float] = []
    async with httpx.AsyncClient(timeout=30) as client:
        for n in range(count):
            body = (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Pushed</title>'
                f"<item><guid>push-{n}</guid><title>Pushed item {n}</title>"
                f"<link>http://example.org/push/{n}</link></item></channel></rss>"
            ).encode()
            sig = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            started = time.perf_counter()
            resp = await client.post(
                f"http://127.0.0.1:{port}/websub/{source_id}",
                content=body,
                headers={"X-Hub-Signature": f"sha256={sig}", "Content-Type": "application/rss+xml"},
            )
            took = time.perf_counter() - started
            if resp.headers.get("x-storywatch-new-articles") == "1":
                latencies.append(took)
            await asyncio.sleep(1.0 / rate)
    return latencies


async def _serve_app(services: Services, port: int) -> tuple[asyncio.Task[None], object]:
    import uvicorn

    from storywatch.web.app import create_app

    config = uvicorn.Config(
        create_app(services), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn exposes a flag
        await asyncio.sleep(0.02)
    return task, server


# ----------------------------------------------------------------------------- main


async def bench(args: argparse.Namespace, port: int) -> dict[str, float]:
    app_port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp),
            allow_loopback=True,
            base_url=f"http://127.0.0.1:{app_port}",
            websub_enabled=False,
        )
        async with open_services(settings) as services:
            services.rng = random.Random(1)
            await _add_feeds(services, port, args.feeds)
            fetcher = SafeFetcher(settings)
            poller = Poller(services, fetcher=fetcher)

            took = await _run_until(poller, args.feeds, 600)
            print(f"warm-up: {poller.stats.polls} polls (200 + parse + store) in {took:.1f} s")

            async with services.db.write() as conn:
                await conn.execute(sa.update(sources).values(next_poll_at=services.clock()))
            poller = Poller(services, fetcher=fetcher)
            took = await _run_until(poller, args.feeds, 600)
            rate = poller.stats.polls / took
            print(
                f"throughput: {poller.stats.polls} polls in {took:.1f} s = {rate:.0f} polls/s "
                f"({poller.stats.not_modified} not modified, {poller.stats.new_items} new items, "
                f"{poller.stats.errors} errors)"
            )

            # schedule phase: pinned interval, spread evenly
            now = services.clock()
            async with services.db.write() as conn:
                ids = [r[0] for r in await conn.execute(sa.select(sources.c.id))]
                for n, source_id in enumerate(ids):
                    offset = timedelta(seconds=args.interval * n / len(ids))
                    await conn.execute(
                        sa.update(sources)
                        .where(sources.c.id == source_id)
                        .values(poll_interval_seconds=args.interval, next_poll_at=now + offset)
                    )
                push_source = await conn.execute(
                    sa.insert(sources)
                    .values(
                        url="http://127.0.0.1:1/pushed.xml",
                        kind="push",
                        title="pushed",
                        enabled=True,
                        created_at=now,
                        websub_state="active",
                        websub_secret="bench-secret",
                        topic_url="http://127.0.0.1:1/pushed.xml",
                    )
                    .returning(sources.c.id)
                )
                push_id = int(push_source.scalar_one())
            web_task, server = await _serve_app(services, app_port)
            poller = Poller(services, fetcher=fetcher)
            stop = asyncio.Event()
            run = asyncio.create_task(poller.run(stop))
            pushes = asyncio.create_task(
                _websub_pushes(
                    services, push_id, "bench-secret", app_port, args.pushes, args.push_rate
                )
            )
            started = time.perf_counter()
            await asyncio.sleep(args.seconds)
            stop.set()
            await run
            elapsed = time.perf_counter() - started
            latencies = await pushes
            server.should_exit = True  # type: ignore[attr-defined]
            await web_task
            await fetcher.aclose()
            late = list(poller.stats.lateness)
            demand = args.feeds / args.interval
            print(
                f"schedule: demand {demand:.0f} polls/s for {elapsed:.0f} s, done "
                f"{poller.stats.polls / elapsed:.0f} polls/s; lateness p50 {pct(late, 0.5):.2f} s, "
                f"p99 {pct(late, 0.99):.2f} s, max {max(late, default=0):.2f} s"
            )
            print(
                f"websub: {len(latencies)} pushes stored, publish->stored "
                f"p50 {pct(latencies, 0.5) * 1000:.0f} ms, p95 {pct(latencies, 0.95) * 1000:.0f} ms"
            )
            return {
                "polls_per_s": rate,
                "lateness_p50_s": pct(late, 0.5),
                "lateness_p99_s": pct(late, 0.99),
                "websub_p50_ms": pct(latencies, 0.5) * 1000,
                "websub_p95_ms": pct(latencies, 0.95) * 1000,
                "demand_per_s": demand,
                "pushes": float(len(latencies)),
                "mean_late": statistics.fmean(late) if late else float("nan"),
            }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--interval", type=float, default=20.0, help="pinned poll interval (s)")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the schedule run")
    parser.add_argument("--changes", type=float, default=20.0, help="new items per second")
    parser.add_argument("--pushes", type=int, default=200)
    parser.add_argument("--push-rate", type=float, default=5.0)
    args = parser.parse_args()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(
        target=_serve, args=(child, args.feeds, args.changes), daemon=True
    )
    server.start()
    port = parent.recv()
    try:
        out = asyncio.run(bench(args, port))
    finally:
        server.terminate()
        server.join(5)
    print(f"machine: {os.cpu_count()} cores, shared with other work (figures are pessimistic)")
    print(" ".join(f"{k}={v:.3f}" for k, v in out.items()))


if __name__ == "__main__":
    main()
