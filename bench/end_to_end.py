"""Publish → device latency through the whole running service (SPEC quality bar: p95 ≤ 2 s).

``storywatch serve`` runs as a user runs it (one process, SQLite file, every role), and
this script plays the outside world on 127.0.0.1:

- a publisher that POSTs full news articles to ``/api/v1/articles`` (the publisher API, S4);
- a WebSub hub that pushes signed RSS to the service's callback (S3) for a subscribed feed;
- the user's two devices: a webhook receiver (Standard Webhooks, D1) and a live stream
  (``GET /api/v1/live``, what the web app and ``storywatch tail`` hold open).

The user follows a query every article matches (mode "every", so novelty never withholds a
push); each article is a different real news text (PolNeAR train, read in place) with a
marker in its title, so each arrival is matched to its publication. Latency is from the
moment the publisher starts its request (or the hub its push) to the moment the device has
the notification: the whole path of extraction, understanding, the story engine, matching,
the outbox and the send. Articles go one at a time at ``--rate`` per second, alternating
between the two ways in.

    .venv/bin/python bench/end_to_end.py [--count 60] [--rate 2]

The last line is the headline (name=value pairs).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx

from fanout_support import free_port  # bench/ is this script's folder

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
QUERY_WORD = "storywatchbench"


def texts(data: Path, count: int) -> list[str]:
    """``count`` real news articles (PolNeAR train), each a different story."""
    folder = data / "polnear_attribution" / "train" / "text"
    found = sorted(folder.iterdir())[:count]
    if len(found) < count:
        raise SystemExit(f"only {len(found)} texts in {folder}")
    return [p.read_text(encoding="utf-8", errors="replace") for p in found]


class Devices:
    """The webhook receiver and the live-stream reader: when did each marker arrive."""

    def __init__(self) -> None:
        self.webhook: dict[str, float] = {}
        self.live: dict[str, float] = {}
        self.markers: set[str] = set()
        self.expected = 0
        self.complete = asyncio.Event()  # every marker on both devices

    def _seen(self, where: dict[str, float], payload: str) -> None:
        now = time.perf_counter()
        for marker in self.markers:
            if marker in payload and marker not in where:
                where[marker] = now
        if min(len(self.webhook), len(self.live)) >= self.expected > 0:
            self.complete.set()

    async def serve_webhook(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """A minimal keep-alive HTTP/1.1 receiver: record, answer 204."""
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                body = await reader.readexactly(length) if length else b""
                if head.startswith(b"POST /hook"):
                    self._seen(self.webhook, body.decode("utf-8", "replace"))
                    writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
                else:  # the subscribed feed's topic URL, polled now and then
                    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    feed += b"</channel></rss>"
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                        + f"Content-Length: {len(feed)}\r\n\r\n".encode()
                        + feed
                    )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def read_live(self, url: str, token: str, ready: asyncio.Event) -> None:
        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        async with (
            httpx.AsyncClient(timeout=None) as client,
            client.stream("GET", f"{url}/api/v1/live", headers=headers) as response,
        ):
            response.raise_for_status()
            ready.set()
            async for line in response.aiter_lines():
                if line.startswith("data:"):
                    self._seen(self.live, line)


async def prepare(data_dir: Path, hook_url: str, topic: str, hub: str) -> dict[str, Any]:
    """The user, token, subscription, webhook channel and WebSub-subscribed feed."""
    from storywatch.app import open_services
    from storywatch.deliver.channels import channel_set, close_delivery
    from storywatch.settings import Settings
    from storywatch.store import channels as channel_store
    from storywatch.store import sources as source_store
    from storywatch.store import subscriptions as subscription_store
    from storywatch.store import users

    settings = Settings(data_dir=data_dir, allow_loopback=True)
    async with open_services(settings) as services:
        now = datetime.now(UTC)
        kinds = await channel_set(services)
        config, secret = kinds.get("webhook").validate({"url": hook_url}, None)
        websub_secret = secrets.token_hex(32)
        async with services.db.write() as conn:
            admin = await users.ensure_admin(conn, now)
            token = await users.create_token(conn, admin.id, now)
            await subscription_store.create(
                conn, admin.id, now, query=QUERY_WORD, name="bench", mode="every"
            )
            await channel_store.create(
                conn, user_id=admin.id, kind="webhook", name="hook", config=config,
                secret=secret, now=now,
            )  # fmt: skip
            source = await source_store.add(conn, topic, now)
            await source_store.update(
                conn,
                source.id,
                {
                    "hub_url": hub,
                    "topic_url": topic,
                    "websub_state": "active",
                    "websub_secret": websub_secret,
                    "websub_lease_until": now + timedelta(days=5),
                },
            )
        await close_delivery(services)
    return {"token": token, "source_id": source.id, "websub_secret": websub_secret}


def rss_item(title: str, link: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://wire.example/</link><item><title>{escape(title)}</title>"
        f"<link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{datetime.now(UTC).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<description><![CDATA[{paragraphs}]]></description></item></channel></rss>"
    ).encode()


def summary(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    if not ordered:
        return float("nan"), float("nan"), float("nan")
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


async def run(count: int, rate: float, data: Path, keep: Path | None) -> dict[str, float]:
    corpus = texts(data, count)
    devices = Devices()
    receiver = await asyncio.start_server(devices.serve_webhook, "127.0.0.1", 0)
    rport = receiver.sockets[0].getsockname()[1]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="sw-e2e-") as tmp:
        data_dir = keep or Path(tmp) / "data"
        setup = await prepare(
            data_dir,
            f"http://127.0.0.1:{rport}/hook",
            f"http://127.0.0.1:{rport}/feed.xml",
            f"http://127.0.0.1:{rport}/hub",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("STORYWATCH_")}
        env |= {
            "STORYWATCH_DATA_DIR": str(data_dir),
            "STORYWATCH_HOST": "127.0.0.1",
            "STORYWATCH_PORT": str(port),
            "STORYWATCH_BASE_URL": url,
            "STORYWATCH_ALLOW_LOOPBACK": "true",
            "STORYWATCH_DELIVERY_USER_PER_HOUR": "1000000",
            "STORYWATCH_DELIVERY_STORY_PER_HOUR": "1000000",
            "STORYWATCH_LOG_LEVEL": "WARNING",
        }
        command = [str(ROOT / ".venv" / "bin" / "storywatch"), "serve"]
        # blocking calls in the harness before anything is measured
        log = open(Path(tmp) / "serve.log", "wb")  # noqa: SIM115, ASYNC230
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: ASYNC220
        try:
            async with httpx.AsyncClient(base_url=url, timeout=30) as client:
                deadline = time.monotonic() + 120
                while True:
                    try:
                        if (await client.get("/manifest.webmanifest")).status_code < 500:
                            break
                    except httpx.TransportError:
                        pass
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("storywatch serve did not start")
                    await asyncio.sleep(0.2)
                ready = asyncio.Event()
                live = asyncio.create_task(devices.read_live(url, setup["token"], ready))
                await asyncio.wait_for(ready.wait(), 30)
                await asyncio.sleep(3)  # the stages are up and idle
                sent: dict[str, tuple[str, float]] = {}
                auth = {"Authorization": f"Bearer {setup['token']}"}
                interval = 1 / rate
                devices.expected = count
                started = time.perf_counter()
                for k, text in enumerate(corpus):
                    marker = f"swb{k:04d}q"
                    devices.markers.add(marker)
                    way = "api" if k % 2 == 0 else "websub"
                    first = text.strip().split("\n", 1)[0][:90]
                    title = f"{marker}: {first}"  # first: long titles are cut in pushes
                    body = f"{QUERY_WORD} {marker}.\n{text}"
                    link = f"https://wire.example/{marker}"
                    sent[marker] = (way, time.perf_counter())
                    if way == "api":
                        answer = await client.post(
                            "/api/v1/articles", headers=auth,
                            json={"url": link, "title": title, "text": body, "source": "Wire"},
                        )  # fmt: skip
                    else:
                        feed = rss_item(title, link, body)
                        signature = hmac.new(
                            setup["websub_secret"].encode(), feed, hashlib.sha256
                        ).hexdigest()
                        answer = await client.post(
                            f"/websub/{setup['source_id']}", content=feed,
                            headers={"X-Hub-Signature": f"sha256={signature}",
                                     "Content-Type": "application/rss+xml"},
                        )  # fmt: skip
                    if answer.status_code >= 300:
                        print(f"{way} {marker}: HTTP {answer.status_code} {answer.text[:200]}")
                    delay = started + (k + 1) * interval - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(devices.complete.wait(), 60)
                live.cancel()
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
            receiver.close()
            log.close()
            for line in (Path(tmp) / "serve.log").read_text().splitlines():
                if " WARNING " in line or " ERROR " in line:
                    print("serve:", line[:300])
    missing = sorted(m for m in sent if m not in devices.webhook or m not in devices.live)
    if missing:
        print("not received on both devices:", " ".join(missing))
    figures: dict[str, float] = {"articles": float(count), "rate_per_s": rate}
    for way in ("api", "websub"):
        for device, arrived in (("webhook", devices.webhook), ("live", devices.live)):
            ms = [
                (arrived[m] - t0) * 1000 for m, (w, t0) in sent.items() if w == way and m in arrived
            ]
            p50, p95, worst = summary(ms)
            tag = f"{way}_to_{device}"
            figures[f"{tag}_p50_ms"] = round(p50, 1)
            figures[f"{tag}_p95_ms"] = round(p95, 1)
            figures[f"{tag}_max_ms"] = round(worst, 1)
            figures[f"{tag}_missing"] = float(
                sum(1 for w, _ in sent.values() if w == way) - len(ms)
            )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=60, help="articles, half by each way in")
    parser.add_argument("--rate", type=float, default=2.0, help="articles per second")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--keep", type=Path, help="data folder to use and keep (a new one)")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"{args.count} articles at {args.rate}/s; load average {load[0]:.2f} {load[1]:.2f}")
    figures = asyncio.run(run(args.count, args.rate, args.data, args.keep))
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}} {value:>10.1f}")
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f}")
    print(" ".join(f"{k}={v}" for k, v in figures.items()))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
