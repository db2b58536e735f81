"""The in-process bus: asyncio queues, for one-process deployments and tests."""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

from storywatch.bus.base import Message


class MemoryBus:
    """Topics fan out to one queue per consumer group; broadcast channels to every listener.

    A group's queue is created on first ``consume``; messages published before any group
    exists for a topic are dropped, which is safe because stages recover from the store.
    """

    def __init__(self, maxsize: int = 100_000) -> None:
        self._maxsize = maxsize
        self._groups: dict[str, dict[str, asyncio.Queue[Message]]] = defaultdict(dict)
        self._listeners: dict[str, set[asyncio.Queue[dict[str, Any]]]] = defaultdict(set)
        self._ids = itertools.count(1)
        self._closed = asyncio.Event()

    async def publish(self, topic: str, data: dict[str, Any]) -> str:
        msg = Message(id=str(next(self._ids)), topic=topic, data=data)
        for queue in self._groups[topic].values():
            await queue.put(msg)
        for listener in list(self._listeners[topic]):
            if listener.qsize() < self._maxsize:
                listener.put_nowait(data)
        return msg.id

    def _queue(self, topic: str, group: str) -> asyncio.Queue[Message]:
        groups = self._groups[topic]
        if group not in groups:
            groups[group] = asyncio.Queue(self._maxsize)
        return groups[group]

    async def consume(self, topic: str, group: str, consumer: str) -> AsyncIterator[Message]:
        queue = self._queue(topic, group)
        while not self._closed.is_set():
            getter = asyncio.ensure_future(queue.get())
            closer = asyncio.ensure_future(self._closed.wait())
            try:
                done, _ = await asyncio.wait({getter, closer}, return_when=asyncio.FIRST_COMPLETED)
            finally:  # also when the consumer is cancelled while waiting
                closer.cancel()
                if not getter.done():
                    getter.cancel()
            if getter not in done or getter.cancelled():
                return
            yield getter.result()

    def ensure_group(self, topic: str, group: str) -> None:
        """Create a group's queue before its consumer starts, so nothing published is missed."""
        self._queue(topic, group)

    async def ack(self, message: Message, group: str) -> None:
        """Nothing to do: an in-process message is gone once taken."""

    async def broadcast(self, channel: str) -> AsyncIterator[dict[str, Any]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._listeners[channel].add(queue)
        try:
            while not self._closed.is_set():
                yield await queue.get()
        finally:
            self._listeners[channel].discard(queue)

    async def close(self) -> None:
        self._closed.set()
