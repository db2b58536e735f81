"""What every bus promises, checked on the in-process bus and on Redis alike.

Each test runs twice (``buses`` is parametrised): the stages are written against these
behaviours, so a deployment can switch buses without a stage noticing.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from storywatch.bus import LIVE, Bus, Message
from tests.bus.conftest import BusFactory, ensure

TOPIC = "test.events"


async def take(
    bus: Bus, topic: str, group: str, consumer: str, count: int, *, ack: bool = True
) -> list[Message]:
    """The next ``count`` messages for ``group`` as ``consumer`` (acked unless told not to)."""
    got: list[Message] = []
    async with asyncio.timeout(10):
        async with contextlib.aclosing(bus.consume(topic, group, consumer)) as messages:  # type: ignore[type-var]
            async for message in messages:
                got.append(message)
                if ack:
                    await bus.ack(message, group)
                if len(got) == count:
                    break
    return got


async def nothing_within(bus: Bus, topic: str, group: str, consumer: str, seconds: float) -> bool:
    """True when ``consumer`` of ``group`` receives nothing for ``seconds``."""
    messages = bus.consume(topic, group, consumer)
    try:
        await asyncio.wait_for(anext(messages), seconds)
    except TimeoutError:
        return True
    finally:
        await messages.aclose()  # type: ignore[attr-defined]
    return False


async def test_every_group_gets_every_message_once(buses: BusFactory) -> None:
    bus = buses()
    await ensure(bus, TOPIC, "alpha")
    await ensure(bus, TOPIC, "beta")
    for n in range(10):
        await bus.publish(TOPIC, {"n": n})
    alpha = await take(bus, TOPIC, "alpha", "a1", 10)
    beta = await take(buses(), TOPIC, "beta", "b1", 10)
    assert [m.data["n"] for m in alpha] == list(range(10))
    assert [m.data["n"] for m in beta] == list(range(10))
    assert all(m.topic == TOPIC for m in alpha + beta)
    assert len({m.id for m in alpha}) == 10
    assert await nothing_within(bus, TOPIC, "alpha", "a1", 0.5)
    assert await nothing_within(bus, TOPIC, "beta", "b2", 0.5)


async def test_consumers_of_one_group_split_its_messages(buses: BusFactory) -> None:
    first, second = buses(), buses()
    await ensure(first, TOPIC, "workers")
    seen: dict[str, list[int]] = {"one": [], "two": []}
    total = 20

    async def work(bus: Bus, consumer: str) -> None:
        async for message in bus.consume(TOPIC, "workers", consumer):
            seen[consumer].append(int(message.data["n"]))
            await asyncio.sleep(0.01)  # the work; the other consumer is free meanwhile
            await bus.ack(message, "workers")

    tasks = [asyncio.create_task(work(first, "one")), asyncio.create_task(work(second, "two"))]
    try:
        await asyncio.sleep(0.3)  # both are waiting
        for n in range(total):
            await first.publish(TOPIC, {"n": n})
            await asyncio.sleep(0.02)
        async with asyncio.timeout(10):
            while len(seen["one"]) + len(seen["two"]) < total:
                await asyncio.sleep(0.02)
        await asyncio.sleep(0.3)  # and nothing arrives twice afterwards
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    assert sorted(seen["one"] + seen["two"]) == list(range(total))
    assert not set(seen["one"]) & set(seen["two"])
    assert len(seen["one"]) >= 4 and len(seen["two"]) >= 4, seen


async def test_messages_wait_for_a_group_that_exists(buses: BusFactory) -> None:
    bus = buses()
    await ensure(bus, TOPIC, "late")
    for n in range(3):
        await bus.publish(TOPIC, {"n": n})
    got = await take(buses(), TOPIC, "late", "c", 3)  # its consumer starts only now
    assert [m.data["n"] for m in got] == [0, 1, 2]


async def test_a_new_group_starts_at_the_end_without_replaying_history(
    buses: BusFactory,
) -> None:
    bus = buses()
    await ensure(bus, TOPIC, "old")
    await bus.publish(TOPIC, {"n": "before"})
    await ensure(bus, TOPIC, "new")
    await bus.publish(TOPIC, {"n": "after"})
    got = await take(bus, TOPIC, "new", "c", 1)
    assert got[0].data == {"n": "after"}
    assert await nothing_within(bus, TOPIC, "new", "c", 0.5)
    old = await take(bus, TOPIC, "old", "c", 2)  # the older group still has both
    assert [m.data["n"] for m in old] == ["before", "after"]


async def test_an_acked_message_is_not_delivered_again(buses: BusFactory) -> None:
    bus = buses()
    await ensure(bus, TOPIC, "g")
    await bus.publish(TOPIC, {"n": 1})
    assert len(await take(bus, TOPIC, "g", "first", 1, ack=True)) == 1
    assert await nothing_within(buses(), TOPIC, "g", "second", 0.6)


async def test_messages_keep_their_json_shape(buses: BusFactory) -> None:
    bus = buses()
    await ensure(bus, TOPIC, "g")
    data: dict[str, Any] = {
        "article_id": 7,
        "notification_ids": [1, 2, 3],
        "notification": {"title": "Velmora: « port reopens » — 港", "urgent": False, "x": None},
        "ratio": 0.25,
    }
    await bus.publish(TOPIC, data)
    (got,) = await take(buses(), TOPIC, "g", "c", 1)
    assert got.data == data


async def _listen(bus: Bus, channel: str, into: list[dict[str, Any]]) -> None:
    async for data in bus.broadcast(channel):
        into.append(data)


async def test_broadcast_reaches_every_listener(buses: BusFactory) -> None:
    publisher = buses()
    heard: list[list[dict[str, Any]]] = [[], []]
    tasks = [asyncio.create_task(_listen(buses(), LIVE, into)) for into in heard]
    try:
        # Subscribing takes a moment on Redis: ring until both listeners hear the bell.
        async with asyncio.timeout(10):
            while not all(any(d.get("warmup") for d in into) for into in heard):
                await publisher.publish(LIVE, {"warmup": True})
                await asyncio.sleep(0.05)
        for n in range(5):
            await publisher.publish(LIVE, {"user_id": 1, "notification_id": n})
        async with asyncio.timeout(10):
            while not all(len([d for d in into if "notification_id" in d]) == 5 for into in heard):
                await asyncio.sleep(0.02)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    for into in heard:
        assert [d["notification_id"] for d in into if "notification_id" in d] == list(range(5))


async def test_close_ends_consumers(buses: BusFactory) -> None:
    bus = buses()
    await ensure(bus, TOPIC, "g")

    async def drain() -> list[Message]:
        return [m async for m in bus.consume(TOPIC, "g", "c")]

    task = asyncio.create_task(drain())
    await asyncio.sleep(0.3)
    await bus.close()
    async with asyncio.timeout(5):
        assert await task == []
