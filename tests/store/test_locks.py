"""Only one process runs the story engine: a second waits as a standby, then takes over."""

from __future__ import annotations

import asyncio
from pathlib import Path

from storywatch.app import Services
from storywatch.store.locks import exclusive


async def _contend(services: Services, lock_dir: Path) -> None:
    stop = asyncio.Event()
    first_in = asyncio.Event()
    release = asyncio.Event()
    order: list[str] = []

    async def holder() -> None:
        async with exclusive(services.db, "role", stop, lock_dir) as held:
            assert held
            order.append("first")
            first_in.set()
            await release.wait()
        order.append("first out")

    async def standby() -> None:
        await first_in.wait()
        async with exclusive(services.db, "role", stop, lock_dir) as held:
            assert held
            order.append("second")

    tasks = [asyncio.create_task(holder()), asyncio.create_task(standby())]
    await first_in.wait()
    await asyncio.sleep(0.5)
    assert order == ["first"]  # the standby is waiting, not running
    release.set()
    async with asyncio.timeout(10):
        await asyncio.gather(*tasks)
    assert order == ["first", "first out", "second"]

    # a standby told to stop gives up without the lock
    async with exclusive(services.db, "role", stop, lock_dir) as held:
        assert held
        stop.set()
        async with exclusive(services.db, "role", stop, lock_dir) as other:
            assert other is False


async def test_sqlite_role_lock(services: Services, tmp_path: Path) -> None:
    await _contend(services, tmp_path)


async def test_postgres_role_lock(pg_services: Services, tmp_path: Path) -> None:
    await _contend(pg_services, tmp_path)
