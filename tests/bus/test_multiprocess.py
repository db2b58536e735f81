"""Scale-out for real: two ``storywatch worker`` processes sharing PostgreSQL and Redis.

One process runs only the process role; the other runs web, ingest, match and deliver. A
publisher's article goes in through the web role's API, crosses to the other process over a
Redis Stream, comes back processed, is matched, and reaches a webhook receiver and the live
stream (Redis pub/sub). Nothing is shared between the processes but the two servers.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from redis.exceptions import ResponseError
from standardwebhooks.webhooks import Webhook

from storywatch.app import open_services
from storywatch.bus import INGESTED
from storywatch.settings import Settings
from storywatch.store import users
from storywatch.store.tables import articles
from tests.bus.conftest import drop_prefix
from tests.support.httpserver import LocalServer, Request, Response, free_port

STORYWATCH = [sys.executable, "-m", "storywatch.cli"]

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]


def spawn(roles: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start ``storywatch worker --role ...``, its output appended to ``log``."""
    args = [*STORYWATCH, "worker", *[a for r in roles for a in ("--role", r)]]
    with log.open("ab") as out:
        return subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM, as an operator stops a worker; SIGKILL if it hangs."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


async def wait_for_web(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    async with httpx.AsyncClient(base_url=base) as client, asyncio.timeout(40):
        while True:
            assert proc.poll() is None, f"the web worker exited:\n{tail(log)}"
            try:
                if (await client.get("/api/v1/me")).status_code == 401:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)


async def admin_token(database_url: str, tmp_path: Path) -> str:
    settings = Settings(data_dir=tmp_path / "test", database_url=database_url)
    async with open_services(settings, migrate=False) as services, services.db.write() as conn:
        admin = await users.ensure_admin(conn, services.clock())
        return await users.create_token(conn, admin.id, services.clock(), name="test")


async def first_live_event(client: httpx.AsyncClient, opened: asyncio.Event) -> dict[str, Any]:
    async with client.stream("GET", "/api/v1/live") as resp:
        assert resp.status_code == 200
        opened.set()
        event = None
        async for line in resp.aiter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event == "notification":
                found: dict[str, Any] = json.loads(line.split(":", 1)[1])
                return found
    raise AssertionError("the live stream ended without a notification")


async def consuming(redis_url: str, prefix: str, proc: subprocess.Popen[bytes]) -> None:
    """Wait until ``proc``'s process stage reads its stream (its consumer shows in Redis)."""
    import redis.asyncio as aioredis

    client: Any = aioredis.Redis.from_url(redis_url, decode_responses=True)
    mine = f"{socket.gethostname()}-{proc.pid}/"
    try:
        async with asyncio.timeout(40):
            while True:
                assert proc.poll() is None, "the process worker exited"
                try:
                    found = await client.xinfo_consumers(f"{prefix}:{INGESTED}", "process")
                except ResponseError:  # the stream or group does not exist yet
                    found = []
                if any(c["name"].startswith(mine) for c in found):
                    return
                await asyncio.sleep(0.2)
    finally:
        await client.aclose()


async def test_an_article_crosses_two_worker_processes_to_a_delivered_notification(
    pg_database_url: str, redis_url: str, tmp_path: Path
) -> None:
    prefix = f"sw-test-{uuid.uuid4().hex[:12]}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "STORYWATCH_DATABASE_URL": pg_database_url,
        "STORYWATCH_REDIS_URL": redis_url,
        "STORYWATCH_REDIS_PREFIX": prefix,
        "STORYWATCH_ALLOW_LOOPBACK": "true",
        "STORYWATCH_HOST": "127.0.0.1",
        "STORYWATCH_PORT": str(port),
        "STORYWATCH_LOG_LEVEL": "info",
    }
    front_env = {**env, "STORYWATCH_DATA_DIR": str(tmp_path / "front")}
    back_env = {**env, "STORYWATCH_DATA_DIR": str(tmp_path / "back")}
    front_log, back_log = tmp_path / "front.log", tmp_path / "back.log"
    procs: list[subprocess.Popen[bytes]] = []
    received: list[dict[str, Any]] = []
    try:
        with LocalServer() as receiver:
            front = spawn(["web", "ingest", "match", "deliver"], front_env, front_log)
            procs.append(front)
            await wait_for_web(base, front, front_log)  # it has migrated the schema too
            back = spawn(["process"], back_env, back_log)
            procs.append(back)
            await consuming(redis_url, prefix, back)
            token = await admin_token(pg_database_url, tmp_path)
            async with httpx.AsyncClient(
                base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
            ) as client:
                await _first_article(client, receiver, received)

                # The process worker dies hard; what is published meanwhile waits for it.
                back.kill()
                back.wait(5)
                second = await _publish(client, "velmora-harbor-dredging", "dredging starts")
                await asyncio.sleep(1.0)
                assert await _status(pg_database_url, tmp_path, second) == "new"
                assert len(received) == 1
                again = spawn(["process"], back_env, back_log)
                procs.append(again)
                async with asyncio.timeout(40):
                    while len(received) < 2:
                        assert again.poll() is None, tail(back_log)
                        await asyncio.sleep(0.1)
                listed = (await client.get("/api/v1/notifications")).json()
            assert [n["article_id"] for n in listed["items"]][:1] == [second]
            assert await _status(pg_database_url, tmp_path, second) == "processed"
            assert front.poll() is None, tail(front_log)
    except BaseException:
        for log in (front_log, back_log):
            if log.exists():
                print(f"--- {log.name}\n{tail(log)}")
        raise
    finally:
        for proc in procs:
            stop(proc)
        await drop_prefix(redis_url, prefix)
    assert len(received) == 2  # each article notified once, none twice
    assert "Traceback" not in front_log.read_text() + back_log.read_text()


async def _publish(client: httpx.AsyncClient, slug: str, what: str) -> int:
    resp = await client.post(
        "/api/v1/articles",
        json={
            "url": f"https://news.example/{slug}",
            "title": f"Velmora harbor: {what}",
            "text": f"The harbor of Velmora: {what} on Thursday, the port authority said. "
            '"Ships are moving again," said harbor master Ilse Varga.',
            "source": "Example News",
        },
    )
    assert resp.status_code == 201, resp.text
    return int(resp.json()["id"])


async def _status(database_url: str, tmp_path: Path, article_id: int) -> str:
    settings = Settings(data_dir=tmp_path / "test", database_url=database_url)
    async with open_services(settings, migrate=False) as services, services.db.read() as conn:
        found = await conn.execute(sa.select(articles.c.status).where(articles.c.id == article_id))
        return str(found.scalar_one())


async def _first_article(
    client: httpx.AsyncClient, receiver: LocalServer, received: list[dict[str, Any]]
) -> None:
    """A webhook channel, a subscription, a live stream; then an article, end to end."""
    made = await client.post(
        "/api/v1/channels",
        json={"kind": "webhook", "name": "receiver", "config": {"url": receiver.url("/hook")}},
    )
    assert made.status_code == 201, made.text
    verifier = Webhook(made.json()["signing_secret"])

    def hook(req: Request) -> Response:
        received.append(verifier.verify(req.body.decode(), req.headers))
        return Response(204)

    receiver.route("/hook", hook)
    sub = await client.post(
        "/api/v1/subscriptions", json={"query": "Velmora harbor", "mode": "every"}
    )
    assert sub.status_code == 201, sub.text

    opened = asyncio.Event()
    live = asyncio.create_task(first_live_event(client, opened))
    try:
        async with asyncio.timeout(10):
            await opened.wait()
        await asyncio.sleep(0.5)  # the match stage has heard of the subscription (pub/sub)
        article_id = await _publish(client, "velmora-harbor-reopens", "reopened")
        async with asyncio.timeout(40):
            event = await live
            while not received:
                await asyncio.sleep(0.1)
    finally:
        live.cancel()
        await asyncio.gather(live, return_exceptions=True)
    assert event["article_id"] == article_id
    assert event["reasons"], "the live event says why it matched"
    assert "Velmora" in json.dumps(received[0])
    listed = (await client.get("/api/v1/notifications")).json()
    assert [n["id"] for n in listed["items"]] == [event["id"]]
