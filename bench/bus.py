"""Bus latency and throughput: one stage hop through Redis Streams, and a pub/sub broadcast.

- **hop**: a publisher ``publish``es one message, a consumer of a group on another
  connection receives it and acks it, then the next is published; latency is publish → in
  the consumer's hands (what a stage adds to an article's journey per arrow);
- **throughput**: ``--count`` messages published back to back while one consumer takes and
  acks them; messages per second from the first publish to the last ack;
- **broadcast**: publish on ``live`` → a listener on another connection has it.

Each is measured on the Redis bus (``--redis``, default the local server, under a key prefix
of its own that is deleted afterwards) and on the in-process bus for comparison. Wall clock
on a shared 2-core machine: pessimistic when other work runs. The last line is the headline.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from typing import Any

from storywatch.bus import LIVE, Bus, MemoryBus
from storywatch.bus.redis import RedisBus

TOPIC = "bench.hop"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


async def _ensure(bus: Bus, topic: str, group: str) -> None:
    result: Any = bus.ensure_group(topic, group)  # type: ignore[attr-defined]
    if asyncio.isfuture(result) or asyncio.iscoroutine(result):
        await result


async def hops(publisher: Bus, consumer: Bus, rounds: int) -> list[float]:
    """Latency in ms of each of ``rounds`` messages, one in flight at a time."""
    await _ensure(publisher, TOPIC, "hop")
    arrived: asyncio.Queue[float] = asyncio.Queue()

    async def take() -> None:
        async for message in consumer.consume(TOPIC, "hop", "bench"):
            await arrived.put(time.perf_counter())
            await consumer.ack(message, "hop")

    task = asyncio.create_task(take())
    await asyncio.sleep(0.2)
    out = []
    for n in range(rounds):
        sent = time.perf_counter()
        await publisher.publish(TOPIC, {"article_id": n})
        out.append((await arrived.get() - sent) * 1000)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return out


async def throughput(publisher: Bus, consumer: Bus, count: int) -> float:
    """Messages per second, published back to back while one consumer takes and acks them."""
    topic = TOPIC + ".burst"
    await _ensure(publisher, topic, "burst")
    done = asyncio.Event()
    seen = 0

    async def take() -> None:
        nonlocal seen
        async for message in consumer.consume(topic, "burst", "bench"):
            await consumer.ack(message, "burst")
            seen += 1
            if seen == count:
                done.set()

    task = asyncio.create_task(take())
    await asyncio.sleep(0.2)
    started = time.perf_counter()
    for n in range(count):
        await publisher.publish(topic, {"article_id": n})
    await asyncio.wait_for(done.wait(), 300)
    elapsed = time.perf_counter() - started
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return count / elapsed


async def broadcasts(publisher: Bus, listener: Bus, rounds: int) -> list[float]:
    arrived: asyncio.Queue[tuple[float, dict[str, Any]]] = asyncio.Queue()

    async def listen() -> None:
        async for data in listener.broadcast(LIVE):
            await arrived.put((time.perf_counter(), data))

    task = asyncio.create_task(listen())
    while True:  # until the subscription is in place
        await publisher.publish(LIVE, {"warmup": True})
        try:
            await asyncio.wait_for(arrived.get(), 0.2)
            break
        except TimeoutError:
            continue
    await asyncio.sleep(0.1)
    while not arrived.empty():
        arrived.get_nowait()
    out = []
    for n in range(rounds):
        sent = time.perf_counter()
        await publisher.publish(LIVE, {"user_id": 1, "notification_id": n})
        got, _ = await arrived.get()
        out.append((got - sent) * 1000)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return out


def line(name: str, values: list[float]) -> str:
    return (
        f"{name:<22} p50 {statistics.median(values):6.3f} ms  p99 {pct(values, 0.99):6.3f} ms"
        f"  max {max(values):6.2f} ms  (n={len(values)})"
    )


async def run(url: str, rounds: int, count: int) -> dict[str, float]:
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    figures: dict[str, float] = {}
    memory = MemoryBus()
    mem_hops = await hops(memory, memory, rounds)
    mem_rate = await throughput(memory, memory, count)
    mem_cast = await broadcasts(memory, memory, rounds)
    await memory.close()

    publisher = RedisBus(url, prefix=prefix, name="bench-publisher")
    consumer = RedisBus(url, prefix=prefix, name="bench-consumer")
    try:
        red_hops = await hops(publisher, consumer, rounds)
        red_rate = await throughput(publisher, consumer, count)
        red_cast = await broadcasts(publisher, consumer, rounds)
    finally:
        keys = [k async for k in publisher.redis.scan_iter(match=f"{prefix}:*")]
        if keys:
            await publisher.redis.delete(*keys)
        await publisher.close()
        await consumer.close()

    print(line("memory hop", mem_hops))
    print(line("redis hop", red_hops))
    print(line("memory broadcast", mem_cast))
    print(line("redis broadcast", red_cast))
    print(f"{'memory throughput':<22} {mem_rate:,.0f} messages/s (publish → consume → ack)")
    print(f"{'redis throughput':<22} {red_rate:,.0f} messages/s (publish → consume → ack)")
    figures["redis_hop_p50_ms"] = statistics.median(red_hops)
    figures["redis_hop_p99_ms"] = pct(red_hops, 0.99)
    figures["redis_broadcast_p99_ms"] = pct(red_cast, 0.99)
    figures["redis_msgs_per_s"] = red_rate
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--rounds", type=int, default=2000, help="messages timed one by one")
    parser.add_argument("--count", type=int, default=10000, help="messages in the burst")
    args = parser.parse_args(argv)
    figures = asyncio.run(run(args.redis, args.rounds, args.count))
    print(" ".join(f"{k}={v:.3f}" if v < 100 else f"{k}={v:.0f}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
