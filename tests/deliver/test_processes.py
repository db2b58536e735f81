"""Several delivery or web processes: turns on SQLite's write lock, helper processes, one port."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from storywatch.app import Services
from storywatch.deliver.turns import WriteTurns
from storywatch.runtime import helper_roles, shared_port_socket
from storywatch.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


async def test_delivery_writers_take_turns_on_the_sqlite_file(dsvc: Services) -> None:
    # two WriteTurns are two open lock files, as two processes would have
    first, second = WriteTurns(dsvc.db), WriteTurns(dsvc.db)
    order: list[str] = []
    entered = asyncio.Event()

    async def hold() -> None:
        async with first.write():
            order.append("first in")
            entered.set()
            await asyncio.sleep(0.3)
            order.append("first out")

    async def wait_turn() -> None:
        await entered.wait()
        async with second.write():
            order.append("second in")

    await asyncio.wait_for(asyncio.gather(hold(), wait_turn()), 10)
    assert order == ["first in", "first out", "second in"]
    first.close()
    second.close()


def test_helper_processes_follow_the_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    base = {"data_dir": tmp_path}
    assert helper_roles(Settings(**base), ["web", "deliver"]) == []
    many = Settings(**base, delivery_processes=3, web_processes=2, redis_url="redis://x:6379/0")
    assert helper_roles(many, ["web", "deliver", "match"]) == ["web", "deliver", "deliver"]
    assert helper_roles(many, ["match"]) == []  # only for the roles this process runs
    with pytest.raises(ValueError, match="redis_url"):
        helper_roles(Settings(**base, web_processes=2), ["web"])


def test_web_processes_share_one_port() -> None:
    one = shared_port_socket("127.0.0.1", 0)
    port = one.getsockname()[1]
    two = shared_port_socket("127.0.0.1", port)  # a second process would do the same
    try:
        assert two.getsockname()[1] == port
        plain = socket.socket()
        with pytest.raises(
            OSError, match="in use"
        ):  # a server that did not ask to share still cannot bind
            plain.bind(("127.0.0.1", port))
        plain.close()
    finally:
        one.close()
        two.close()


@pytest.mark.slow
async def test_two_delivery_processes_share_a_burst(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``storywatch worker --role deliver`` with delivery_processes=2: both send, none twice."""
    import sqlalchemy as sa

    from storywatch.app import open_services
    from storywatch.deliver.channels import close_delivery
    from storywatch.store.tables import delivery_attempts
    from tests.deliver.helpers import add_channel, draft, new_user, record
    from tests.deliver.receivers import WebhookReceiver, until
    from tests.support.httpserver import LocalServer

    burst = 300
    settings = Settings(
        data_dir=tmp_path / "data",
        allow_loopback=True,
        base_url="http://sw.test",
        delivery_user_per_hour=100_000,
        vapid_subject="mailto:ops@sw.test",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYWATCH_")}
    env |= {
        "STORYWATCH_DATA_DIR": str(settings.data_dir),
        "STORYWATCH_ALLOW_LOOPBACK": "true",
        "STORYWATCH_BASE_URL": "http://sw.test",
        "STORYWATCH_DELIVERY_PROCESSES": "2",
        "STORYWATCH_DELIVERY_CONCURRENCY": "8",  # small slices, so both processes get some
        "STORYWATCH_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT / "src"),
    }
    with LocalServer() as hooks:
        hook = WebhookReceiver(hooks)
        async with open_services(settings) as svc:
            uid = await new_user(svc, "ana")
            channel = await add_channel(svc, uid, "webhook", {"url": hook.url})
            hook.secret = channel.secret
            await close_delivery(svc)
        proc = _start_workers(env)
        try:
            # both processes up and idle: the helper runs beside the first worker (on a
            # loaded machine its start-up took longer than a fixed 3 s)
            for _ in range(300):
                if len(_children(proc.pid)) == 1:
                    break
                await asyncio.sleep(0.1)
            assert len(_children(proc.pid)) == 1
            await asyncio.sleep(1)
            async with open_services(settings, migrate=False) as svc:
                await record(svc, [draft(uid, i) for i in range(burst)])
            assert await until(lambda: len(hook.accepted) == burst, 60)
        finally:
            proc.terminate()
            proc.wait(30)
    assert proc.returncode == 0
    assert set(hook.processed.values()) == {1}
    async with open_services(settings, migrate=False) as svc, svc.db.read() as conn:
        durations = [r[0] for r in await conn.execute(sa.select(delivery_attempts.c.id))]
    assert len(durations) == burst  # one attempt per delivery: nobody sent one twice


def _start_workers(env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from storywatch.cli import main; main()"]
    return subprocess.Popen([*command, "worker", "--role", "deliver"], env=env)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found
