"""What only the Redis bus can do: survive its consumers, bound its streams, share a server."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest

from storywatch.app import make_bus
from storywatch.bus import INGESTED, LIVE, MemoryBus
from storywatch.bus.redis import RedisBus, process_name
from storywatch.errors import ConfigError
from storywatch.settings import Settings
from tests.bus.conftest import BusFactory, ensure
from tests.bus.test_behaviour import nothing_within, take

TOPIC = "test.jobs"


async def test_an_unacked_message_of_a_dead_consumer_is_taken_over_after_the_lease(
    redis_buses: BusFactory,
) -> None:
    dead = redis_buses("dead-host-1")
    await ensure(dead, TOPIC, "g")
    await dead.publish(TOPIC, {"job": 1})
    (held,) = await take(dead, TOPIC, "g", "c", 1, ack=False)
    await dead.close()  # the process dies holding the message

    alive = redis_buses("alive-host-2", lease_seconds=0.5)
    assert await alive.pending(TOPIC, "g") == 1
    started = asyncio.get_running_loop().time()
    (again,) = await take(alive, TOPIC, "g", "c", 1, ack=False)
    waited = asyncio.get_running_loop().time() - started
    assert (again.id, again.data) == (held.id, {"job": 1})
    assert waited >= 0.3  # it waited for the lease (idle time counts from the first read)
    await alive.ack(again, "g")
    assert await alive.pending(TOPIC, "g") == 0
    assert await nothing_within(redis_buses("third", lease_seconds=0.1), TOPIC, "g", "c", 0.5)


async def test_a_live_consumers_message_is_not_taken_before_the_lease(
    redis_buses: BusFactory,
) -> None:
    busy = redis_buses("busy", lease_seconds=30)
    await ensure(busy, TOPIC, "g")
    await busy.publish(TOPIC, {"job": 1})
    await take(busy, TOPIC, "g", "c", 1, ack=False)  # still working on it
    other = redis_buses("other", lease_seconds=30)
    assert await nothing_within(other, TOPIC, "g", "c", 0.8)


async def test_a_restarted_consumer_gets_its_pending_messages_at_once(
    redis_buses: BusFactory,
) -> None:
    before = redis_buses("host-7", lease_seconds=60)
    await ensure(before, TOPIC, "g")
    for n in range(3):
        await before.publish(TOPIC, {"n": n})
    await take(before, TOPIC, "g", "c", 2, ack=False)  # crashes after reading two
    await before.close()

    after = redis_buses("host-7", lease_seconds=60)  # same host name and pid after restart
    got = await take(after, TOPIC, "g", "c", 3)
    assert [m.data["n"] for m in got] == [0, 1, 2]
    assert await after.pending(TOPIC, "g") == 0


async def test_stage_groups_exist_before_their_stage_first_starts(
    redis_buses: BusFactory,
) -> None:
    publisher = redis_buses("web")
    await publisher.publish(INGESTED, {"article_id": 42})  # no process stage has run yet
    (got,) = await take(redis_buses("worker"), INGESTED, "process", "1", 1)
    assert got.data == {"article_id": 42}


async def test_broadcasts_are_not_stored(redis_buses: BusFactory, redis_prefix: str) -> None:
    bus = redis_buses()
    await bus.publish(LIVE, {"user_id": 1, "notification_id": 1})
    assert await bus.redis.exists(f"{redis_prefix}:{LIVE}") == 0


async def test_streams_are_bounded(redis_buses: BusFactory) -> None:
    bus = redis_buses(maxlen=50)
    await ensure(bus, TOPIC, "g")
    for n in range(1000):
        await bus.publish(TOPIC, {"n": n})
    length = await bus.redis.xlen(bus.key(TOPIC))
    assert 50 <= length <= 150  # approximate trimming works in whole nodes of 100


async def test_a_pending_message_trimmed_away_is_acked_and_skipped(
    redis_buses: BusFactory,
) -> None:
    before = redis_buses("host-8")
    await ensure(before, TOPIC, "g")
    await before.publish(TOPIC, {"n": "lost"})
    await take(before, TOPIC, "g", "c", 1, ack=False)
    await before.redis.xtrim(before.key(TOPIC), maxlen=0)
    await before.close()

    after = redis_buses("host-8")
    await after.publish(TOPIC, {"n": "next"})
    (got,) = await take(after, TOPIC, "g", "c", 1)
    assert got.data == {"n": "next"}
    assert await after.pending(TOPIC, "g") == 0


async def test_a_publish_during_an_outage_is_dropped_not_raised(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bus = RedisBus("redis://127.0.0.1:1/0", give_up_seconds=0.3)  # nothing listens there
    try:
        assert await bus.publish(TOPIC, {"n": 1}) == ""
        assert await bus.publish(LIVE, {"n": 1}) == ""
    finally:
        await bus.close()
    assert "dropped a message" in caplog.text


async def test_consumer_names_are_unique_per_process(redis_url: str) -> None:
    bus = RedisBus(redis_url)
    try:
        assert bus.consumer_name("1") == f"{process_name()}/1"
        assert str(os.getpid()) in bus.consumer_name("1")
    finally:
        await bus.close()


async def test_make_bus_chooses_redis_when_a_url_is_set(tmp_path: Path) -> None:
    made: Any = make_bus(Settings(data_dir=tmp_path, redis_url="redis://127.0.0.1:6379/2"))
    try:
        assert isinstance(made, RedisBus)
        assert made.prefix == "storywatch"
    finally:
        await made.close()
    plain = make_bus(Settings(data_dir=tmp_path))
    assert isinstance(plain, MemoryBus)
    with pytest.raises(ConfigError, match="redis_url"):
        make_bus(Settings(data_dir=tmp_path, redis_url="http://127.0.0.1:6379"))


async def test_a_busy_consumer_stops_when_cancelled(redis_buses: BusFactory) -> None:
    """Stopping a stage cancels its read; the cancel must never be lost mid-command."""
    bus = redis_buses()
    await ensure(bus, TOPIC, "g")

    async def feed() -> None:
        n = 0
        while True:
            await bus.publish(TOPIC, {"n": n})
            n += 1
            await asyncio.sleep(0)

    async def work() -> None:
        async for message in bus.consume(TOPIC, "g", "c"):
            await bus.ack(message, "g")

    feeder = asyncio.create_task(feed())
    try:
        for attempt in range(60):
            worker = asyncio.create_task(work())
            await asyncio.sleep(0.002 + (attempt % 10) * 0.0007)
            worker.cancel()
            done, _ = await asyncio.wait({worker}, timeout=3)
            assert worker in done and worker.cancelled(), f"attempt {attempt}: the stop was lost"
    finally:
        while not feeder.done():  # (a lost cancel would leave it running: ask again)
            feeder.cancel()
            await asyncio.wait({feeder}, timeout=0.5)
