"""Buses for the bus tests: the in-process one, and Redis under a key prefix unique per test.

``buses`` yields a factory: each call gives another handle on the *same* bus, as another
process would see it (a second ``RedisBus`` with its own connections and process name; for
the in-process bus, the same object, since it has no other processes).
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from storywatch.bus import Bus, MemoryBus
from storywatch.bus.redis import RedisBus

BusFactory = Callable[..., Any]


async def drop_prefix(url: str, prefix: str) -> None:
    """Delete every key under ``prefix`` (the test's streams)."""
    import redis.asyncio as aioredis

    client: Any = aioredis.Redis.from_url(url, decode_responses=True)
    try:
        keys = [k async for k in client.scan_iter(match=f"{prefix}:*", count=500)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


async def ensure(bus: Bus, topic: str, group: str) -> None:
    """``ensure_group`` on either bus, waiting for it where it is asynchronous."""
    result = bus.ensure_group(topic, group)  # type: ignore[attr-defined]
    if inspect.isawaitable(result):
        await result


@pytest.fixture
def redis_prefix() -> str:
    return f"sw-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def redis_buses(redis_url: str, redis_prefix: str) -> AsyncIterator[BusFactory]:
    made: list[RedisBus] = []

    def make(name: str | None = None, **options: Any) -> RedisBus:
        options.setdefault("block_seconds", 0.1)
        options.setdefault("claim_every_seconds", 0.1)
        bus = RedisBus(redis_url, prefix=redis_prefix, name=name or f"proc{len(made)}", **options)
        made.append(bus)
        return bus

    try:
        yield make
    finally:
        for bus in made:
            await bus.close()
        await drop_prefix(redis_url, redis_prefix)


@pytest.fixture
async def memory_buses() -> AsyncIterator[BusFactory]:
    shared = MemoryBus()

    def make(name: str | None = None, **options: Any) -> MemoryBus:
        return shared

    try:
        yield make
    finally:
        await shared.close()


@pytest.fixture(params=["memory", "redis"])
def buses(request: pytest.FixtureRequest) -> BusFactory:
    """The same tests on both buses, so they provably behave alike."""
    factory: BusFactory = request.getfixturevalue(f"{request.param}_buses")
    return factory
