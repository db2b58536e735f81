"""Consuming a bus topic until told to stop, shared by the stage workers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from storywatch.app import Services
from storywatch.bus import Message


def consume_until(
    services: Services, topic: str, group: str, stop: asyncio.Event, consumer: str = "1"
) -> AsyncIterator[Message]:
    """Messages of ``topic`` for ``group`` until ``stop`` is set.

    The group is created before this returns, so a caller that first redoes unfinished work
    from the store and then iterates cannot miss a message published in between.
    """
    ensure = getattr(services.bus, "ensure_group", None)
    if ensure is not None:
        ensure(topic, group)
    return _until(services.bus.consume(topic, group, consumer), stop)


async def _until(messages: AsyncIterator[Message], stop: asyncio.Event) -> AsyncIterator[Message]:
    stopper = asyncio.ensure_future(stop.wait())
    try:
        while not stop.is_set():
            getter = asyncio.ensure_future(anext(messages))
            try:
                done, _ = await asyncio.wait({getter, stopper}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                if not getter.done():
                    getter.cancel()
            if getter not in done:
                await asyncio.gather(getter, return_exceptions=True)
                await messages.aclose()  # type: ignore[attr-defined]
                return
            try:
                message = getter.result()
            except StopAsyncIteration:
                return
            yield message
    finally:
        stopper.cancel()
