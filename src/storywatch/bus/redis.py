"""The Redis bus: Streams between stages and pub/sub for broadcasts, for several processes.

Each topic of the data path is a Redis Stream (``<prefix>:<topic>``) with one consumer group
per stage; each broadcast channel (:data:`LIVE`, :data:`SUBSCRIPTIONS_CHANGED`) is a pub/sub
channel, so every web node hears every live event and nothing is stored for them. Messages
are JSON.

How the stream semantics are chosen, and why:

- **Bounded.** ``publish`` is ``XADD … MAXLEN ~ maxlen``: a consumer that is down for long
  cannot make Redis grow without limit. What is trimmed unread is still in the store (the bus
  is a doorbell), so it costs latency, not data.
- **Groups start at ``$``.** A group created on an existing stream does not replay its
  history: a new deployment, or a stage added later, starts with what is published from then
  on. So that the first deployment loses nothing either, ``publish`` first creates the
  stages' own groups for its topic (:data:`STAGE_GROUPS`) once per process: messages
  published before a stage's first start wait for it.
- **Restarted consumers get their pending messages.** A consumer is named
  ``<hostname>-<pid>/<name>``. It first reads its own pending entries (``XREADGROUP … 0``),
  which is what a restarted container with the same host name and pid finds; a consumer
  whose process died for good leaves its entries pending under its old name, and any live
  consumer of the group takes them over with ``XAUTOCLAIM`` once they have been idle longer
  than the lease. Delivery is at least once: stages ack after the work is durable and are
  idempotent on the store.
- **One message per read.** Reads fetch one entry at a time, so a slow consumer never sits on
  a batch that other consumers could take (and that the lease would then hand out twice).
- **A Redis outage is ridden out, not raised.** Reads, acks and publishes retry with backoff;
  a publish that still fails is logged and dropped, as the stages recover from the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import logging
import os
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, TypeVar

import redis.asyncio as aioredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from storywatch.bus.base import (
    INGESTED,
    LIVE,
    NOTIFIED,
    PROCESSED,
    SUBSCRIPTIONS_CHANGED,
    Message,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

# Topics that are broadcasts (pub/sub, every listener, nothing stored) rather than streams.
BROADCAST_CHANNELS: frozenset[str] = frozenset({LIVE, SUBSCRIPTIONS_CHANGED})

# The consumer groups of the stages (see pipeline/ and deliver/worker.py), created by the
# first publish so that a message published before a stage ever started is kept for it.
STAGE_GROUPS: Mapping[str, tuple[str, ...]] = {
    INGESTED: ("process",),
    PROCESSED: ("match",),
    NOTIFIED: ("deliver",),
}

FIELD = "d"  # the one field of a stream entry: the message as JSON
_TRANSIENT = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
_DEAD_CONSUMER_IDLE_MS = 3_600_000  # forget consumers gone for an hour with nothing pending


class BusClosed(Exception):
    """Raised inside the bus when it is closed during a retry; ends consumers quietly."""


def _keepalive_options() -> dict[int, int]:
    """Probe an idle connection after 30 s, every 10 s, and give up after 3 misses (Linux)."""
    names = {"TCP_KEEPIDLE": 30, "TCP_KEEPINTVL": 10, "TCP_KEEPCNT": 3}
    return {getattr(socket, k): v for k, v in names.items() if hasattr(socket, k)}


def process_name() -> str:
    """This process's name among consumers: unique per host and process."""
    return f"{socket.gethostname()}-{os.getpid()}"


def _entries(response: Any) -> list[tuple[str, dict[str, str]]]:
    """The ``(id, fields)`` entries of an ``XREADGROUP`` reply.

    RESP2 replies are ``[[stream, [entry, ...]], ...]``; RESP3 ones ``{stream: [[entry, ...]]}``.
    A trimmed entry still pending comes back with empty fields.
    """
    if not response:
        return []
    if isinstance(response, dict):
        batches = [batch for wrapped in response.values() for batch in wrapped]
    else:
        batches = [stream[1] for stream in response]
    return [(str(entry_id), dict(fields or {})) for batch in batches for entry_id, fields in batch]


class RedisBus:
    """The :class:`~storywatch.bus.base.Bus` over Redis Streams and pub/sub (see module doc).

    ``prefix`` namespaces every key and channel, so deployments (and tests) can share one
    Redis. ``lease_seconds`` is how long a delivered, un-acked message may stay idle before
    another consumer of its group takes it over; it must exceed the longest time a stage
    spends on one message. ``give_up_seconds`` bounds how long a publish or an ack retries
    through an outage before it is logged and dropped (reads retry until the bus closes).
    """

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "storywatch",
        maxlen: int = 100_000,
        lease_seconds: float = 60.0,
        claim_every_seconds: float = 5.0,
        block_seconds: float = 1.0,
        give_up_seconds: float = 5.0,
        name: str | None = None,
        channels: frozenset[str] = BROADCAST_CHANNELS,
        stage_groups: Mapping[str, tuple[str, ...]] = STAGE_GROUPS,
    ) -> None:
        self.url = url
        self.prefix = prefix
        self.maxlen = maxlen
        self.lease_ms = max(1, int(lease_seconds * 1000))
        self.claim_every = claim_every_seconds
        self.block_ms = max(1, int(block_seconds * 1000))
        self.give_up = give_up_seconds
        self.name = name or process_name()
        self.channels = channels
        self.stage_groups = stage_groups
        # Typed as Any: the installed stubs (types-redis) describe redis-py 4, not the
        # redis-py 5+ asyncio client used here (aclose, async pubsub).
        # No socket timeout: with one, redis-py wraps each send in ``asyncio.wait_for``,
        # which on Python 3.11 can swallow a task's cancellation (fixed in 3.12), and a
        # stage told to stop would then keep reading. Dead peers are found by TCP
        # keepalive and the health check instead; blocking reads end every block_seconds.
        self.redis: Any = aioredis.Redis.from_url(
            url,
            decode_responses=True,
            socket_timeout=None,
            socket_connect_timeout=5,
            socket_keepalive=True,
            socket_keepalive_options=_keepalive_options(),
            health_check_interval=30,
        )
        self._groups: dict[tuple[str, str], asyncio.Future[None]] = {}
        self._known: set[str] = set()
        self._ids = itertools.count(1)
        self._closed = False

    # ------------------------------------------------------------------ names

    def key(self, topic: str) -> str:
        """The Redis key of a topic's stream (or the channel of a broadcast)."""
        return f"{self.prefix}:{topic}"

    def consumer_name(self, consumer: str) -> str:
        return f"{self.name}/{consumer}"

    # ------------------------------------------------------------------ publishing

    async def publish(self, topic: str, data: dict[str, Any]) -> str:
        """Append to ``topic``'s stream (bounded), or broadcast it on a pub/sub channel.

        Returns the stream entry id (or a local id for a broadcast, which has none). Never
        raises for a Redis outage: after retrying for a while the message is logged and
        dropped, because what it points at is in the store.
        """
        body = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        try:
            if topic in self.channels:
                await self._retrying(
                    f"publish to {topic}",
                    lambda: self.redis.publish(self.key(topic), body),
                    give_up_after=self.give_up,
                )
                return f"broadcast-{next(self._ids)}"
            if topic not in self._known:
                for group in self.stage_groups.get(topic, ()):
                    ready = self._group_ready(topic, group)
                    async with asyncio.timeout(self.give_up):  # not wait_for: see __init__
                        await asyncio.shield(ready)
                self._known.add(topic)
            entry_id = await self._retrying(
                f"publish to {topic}",
                lambda: self.redis.xadd(
                    self.key(topic), {FIELD: body}, maxlen=self.maxlen, approximate=True
                ),
                give_up_after=self.give_up,
            )
            return str(entry_id)
        except (BusClosed, *_TRANSIENT) as exc:
            log.error("bus: dropped a message to %s (%r); the store still has it", topic, exc)
            return ""

    # ------------------------------------------------------------------ groups

    def ensure_group(self, topic: str, group: str) -> asyncio.Future[None]:
        """Create ``group`` on ``topic`` (at the stream's end) unless it exists.

        Callable without ``await`` (like :meth:`MemoryBus.ensure_group`): the creation runs
        at once in the background, and ``consume`` waits for it. Await the result to be sure
        the group exists before, say, re-reading unfinished work from the store.
        """
        return self._group_ready(topic, group)

    def _group_ready(self, topic: str, group: str) -> asyncio.Future[None]:
        key = (topic, group)
        fut = self._groups.get(key)
        if fut is None or (fut.done() and (fut.cancelled() or fut.exception() is not None)):
            fut = asyncio.ensure_future(self._create_group(topic, group))
            fut.add_done_callback(_observe)
            self._groups[key] = fut
        return fut

    async def _create_group(self, topic: str, group: str) -> None:
        async def create() -> None:
            try:
                await self.redis.xgroup_create(self.key(topic), group, id="$", mkstream=True)
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise

        await self._retrying(f"create group {group} on {topic}", create)

    # ------------------------------------------------------------------ consuming

    async def consume(self, topic: str, group: str, consumer: str) -> AsyncIterator[Message]:
        """Messages of ``topic`` for ``group``; each goes to one consumer of the group.

        First this consumer's own pending entries (a restart under the same name), then new
        messages, and every ``claim_every_seconds`` the entries of other consumers idle longer
        than the lease. Ends when the bus is closed.
        """
        name = self.consumer_name(consumer)
        stream = self.key(topic)
        try:
            await self._group_ready(topic, group)
            async for message in self._own_pending(topic, group, name):
                yield message
            next_claim = 0.0
            while not self._closed:
                if time.monotonic() >= next_claim:
                    async for message in self._reclaim(topic, group, name):
                        yield message
                    next_claim = time.monotonic() + self.claim_every
                response = await self._reading(
                    topic,
                    group,
                    lambda: self.redis.xreadgroup(
                        group, name, {stream: ">"}, count=1, block=self.block_ms
                    ),
                )
                for entry_id, fields in _entries(response):
                    fresh = await self._decode(topic, group, entry_id, fields)
                    if fresh is not None:
                        yield fresh
        except BusClosed:
            return

    async def _own_pending(self, topic: str, group: str, name: str) -> AsyncIterator[Message]:
        stream = self.key(topic)
        last = "0"
        while not self._closed:
            response = await self._reading(
                topic,
                group,
                functools.partial(self.redis.xreadgroup, group, name, {stream: last}, count=1),
            )
            entries = _entries(response)
            if not entries:
                return
            for entry_id, fields in entries:
                last = entry_id
                message = await self._decode(topic, group, entry_id, fields)
                if message is not None:
                    yield message

    async def _reclaim(self, topic: str, group: str, name: str) -> AsyncIterator[Message]:
        """Take over, one by one, entries left idle past the lease (their consumer died)."""
        stream = self.key(topic)
        cursor = "0-0"
        while not self._closed:
            reply = await self._reading(
                topic,
                group,
                functools.partial(
                    self.redis.xautoclaim,
                    stream,
                    group,
                    name,
                    min_idle_time=self.lease_ms,
                    start_id=cursor,
                    count=1,
                ),
            )
            cursor = str(reply[0])
            for entry_id, fields in reply[1]:
                if entry_id is None:
                    continue
                log.info("bus: %s took over %s on %s after the lease", name, entry_id, topic)
                message = await self._decode(topic, group, str(entry_id), dict(fields or {}))
                if message is not None:
                    yield message
            if cursor in ("0-0", "0"):
                break
        await self._forget_dead_consumers(topic, group, name)

    async def _forget_dead_consumers(self, topic: str, group: str, name: str) -> None:
        """Drop consumers idle for an hour with nothing pending, so the list stays short."""
        try:
            consumers = await self.redis.xinfo_consumers(self.key(topic), group)
            for info in consumers:
                if (
                    info.get("name") != name
                    and int(info.get("pending", 0)) == 0
                    and int(info.get("idle", 0)) > _DEAD_CONSUMER_IDLE_MS
                ):
                    await self.redis.xgroup_delconsumer(self.key(topic), group, info["name"])
        except (*_TRANSIENT, ResponseError):  # housekeeping only; next sweep tries again
            return

    async def _decode(
        self, topic: str, group: str, entry_id: str, fields: dict[str, str]
    ) -> Message | None:
        body = fields.get(FIELD)
        if body is None:  # trimmed away while pending, or not ours: nothing to do but ack
            await self._ack_id(topic, group, entry_id)
            return None
        try:
            data = json.loads(body)
        except ValueError:
            log.error("bus: %s on %s is not JSON; dropped", entry_id, topic)
            await self._ack_id(topic, group, entry_id)
            return None
        if not isinstance(data, dict):
            data = {"value": data}
        return Message(id=entry_id, topic=topic, data=data)

    async def ack(self, message: Message, group: str) -> None:
        """``XACK``; if Redis is unreachable the message is redelivered later (at least once)."""
        try:
            await self._ack_id(message.topic, group, message.id)
        except (BusClosed, *_TRANSIENT) as exc:
            log.warning("bus: could not ack %s on %s (%r)", message.id, message.topic, exc)

    async def _ack_id(self, topic: str, group: str, entry_id: str) -> None:
        await self._retrying(
            f"ack on {topic}",
            lambda: self.redis.xack(self.key(topic), group, entry_id),
            give_up_after=self.give_up,
        )

    # ------------------------------------------------------------------ broadcast

    async def broadcast(self, channel: str) -> AsyncIterator[dict[str, Any]]:
        """Every message published to ``channel`` from now on, via Redis pub/sub.

        Best-effort like any pub/sub: a listener that loses its connection resubscribes and
        misses what was published meanwhile (the live stream replays from the store by id).
        """
        delay = 0.1
        while not self._closed:
            pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.key(channel))
                delay = 0.1
                while not self._closed:
                    raw = await pubsub.get_message(
                        ignore_subscribe_messages=True, timeout=self.block_ms / 1000
                    )
                    if raw is None or raw.get("type") != "message":
                        continue
                    try:
                        data = json.loads(raw["data"])
                    except ValueError:
                        log.error("bus: a broadcast on %s is not JSON; dropped", channel)
                        continue
                    yield data if isinstance(data, dict) else {"value": data}
            except _TRANSIENT as exc:
                if self._closed:
                    return
                log.warning("bus: lost the %s subscription (%r); resubscribing", channel, exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()

    # ------------------------------------------------------------------ inspection, close

    async def pending(self, topic: str, group: str) -> int:
        """How many of ``group``'s messages were delivered and not yet acked (for health)."""
        try:
            summary = await self.redis.xpending(self.key(topic), group)
        except ResponseError:  # no such stream or group
            return 0
        return int(summary.get("pending", 0) if isinstance(summary, dict) else summary[0])

    async def close(self) -> None:
        """Stop consumers and listeners and close the connections."""
        self._closed = True
        for fut in self._groups.values():
            if not fut.done():
                fut.cancel()
        await self.redis.aclose()

    # ------------------------------------------------------------------ retries

    async def _reading(self, topic: str, group: str, call: Callable[[], Awaitable[T]]) -> T:
        """A read, retried through outages; a vanished group (``FLUSHALL``) is recreated."""
        while True:
            try:
                return await self._retrying(f"read {topic}", call)
            except ResponseError as exc:
                if "NOGROUP" not in str(exc):
                    raise
                log.warning("bus: group %s on %s vanished; recreating it", group, topic)
                self._groups.pop((topic, group), None)
                self._known.discard(topic)
                await self._group_ready(topic, group)

    async def _retrying(
        self, what: str, call: Callable[[], Awaitable[T]], *, give_up_after: float | None = None
    ) -> T:
        delay = 0.1
        started = time.monotonic()
        warned = False
        while True:
            if self._closed:
                raise BusClosed(what)
            try:
                return await call()
            except _TRANSIENT as exc:
                if self._closed:
                    raise BusClosed(what) from exc
                if give_up_after is not None and time.monotonic() - started > give_up_after:
                    raise
                if not warned:
                    log.warning("bus: %s failed (%r); retrying", what, exc)
                    warned = True
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)


def _observe(fut: asyncio.Future[None]) -> None:
    """Read a finished group creation's outcome, so a failure is logged once, not lost."""
    if fut.cancelled():
        return
    exc = fut.exception()
    if exc is not None and not isinstance(exc, BusClosed):
        log.error("bus: creating a consumer group failed: %r", exc)
