"""The window of articles in flight in the process stage, kept in arrival order.

Producers (the backlog, the bus, the sweep) :meth:`Window.put` article ids; each admitted id
starts its preparation at once (reading, fetching, the worker's part) as a task, and
producers wait while ``depth`` articles are in flight, so memory and read-ahead stay bounded.
The consumer takes :meth:`Window.batch`: the head once it is ready, with the ready articles
right behind it, so decisions keep arrival order whatever order the workers finish in.
An id already in flight is not admitted twice; its bus message is answered with the first.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from storywatch.bus import Message

T = TypeVar("T")

BATCH_ARTICLES = 16  # most articles handed to the consumer at once


@dataclass(eq=False, slots=True)
class Slot(Generic[T]):
    """One article in flight: its preparation task and the bus messages to answer."""

    article_id: int
    task: asyncio.Task[T]
    messages: list[Message] = field(default_factory=list)


class Window(Generic[T]):
    """Articles in flight, in arrival order; producers wait while it is full."""

    def __init__(self, start: Callable[[int], Awaitable[T]], depth: int) -> None:
        self.start = start
        self.depth = depth
        self.slots: deque[Slot[T]] = deque()
        self.by_id: dict[int, Slot[T]] = {}
        self.closed = False
        self._changed = asyncio.Condition()

    async def put(self, article_id: int, message: Message | None = None) -> None:
        """Admit an article (its preparation starts now); waits while the window is full."""
        async with self._changed:
            while True:
                slot = self.by_id.get(article_id)
                if slot is not None:  # already in flight: answer its doorbell with it
                    if message is not None:
                        slot.messages.append(message)
                    return
                if len(self.by_id) < self.depth:
                    break
                await self._changed.wait()
            task = asyncio.ensure_future(self.start(article_id))
            slot = Slot(article_id, task, [message] if message is not None else [])
            self.slots.append(slot)
            self.by_id[article_id] = slot
            self._changed.notify_all()

    async def close(self) -> None:
        async with self._changed:
            self.closed = True
            self._changed.notify_all()

    async def batch(self, stop: asyncio.Event | None) -> list[Slot[T]] | None:
        """The next run of prepared articles from the head; None once closed and empty."""
        async with self._changed:
            while not self.slots and not self.closed:
                await self._changed.wait()
            if not self.slots:
                return None
            head = self.slots[0]
        waiters: set[asyncio.Future[Any]] = {head.task}
        stopping = asyncio.ensure_future(stop.wait()) if stop is not None else None
        if stopping is not None:
            waiters.add(stopping)
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if stopping is not None:
                stopping.cancel()
        taken: list[Slot[T]] = []
        while self.slots and self.slots[0].task.done() and len(taken) < BATCH_ARTICLES:
            taken.append(self.slots.popleft())
        if not taken:  # stopping before the head was ready
            return None
        return taken

    async def done(self, slots: Iterable[Slot[T]]) -> None:
        async with self._changed:
            for slot in slots:
                self.by_id.pop(slot.article_id, None)
            self._changed.notify_all()

    async def abandon(self) -> None:
        """Stop preparing what is still in flight; those articles stay ``new``."""
        slots = list(self.slots)
        self.slots.clear()
        for slot in slots:
            slot.task.cancel()
        await asyncio.gather(*(s.task for s in slots), return_exceptions=True)
        await self.done(slots)
