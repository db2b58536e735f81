"""The bus between stages (see ``base``): in-process (``memory``) or Redis Streams (``redis``).

``RedisBus`` is imported on first use, so commands that never touch Redis do not pay for
importing its client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storywatch.bus.base import (
    INGESTED,
    LIVE,
    NOTIFIED,
    PROCESSED,
    SUBSCRIPTIONS_CHANGED,
    Bus,
    Message,
)
from storywatch.bus.memory import MemoryBus

if TYPE_CHECKING:
    from storywatch.bus.redis import RedisBus

__all__ = [
    "INGESTED",
    "LIVE",
    "NOTIFIED",
    "PROCESSED",
    "SUBSCRIPTIONS_CHANGED",
    "Bus",
    "MemoryBus",
    "Message",
    "RedisBus",
]


def __getattr__(name: str) -> Any:
    if name == "RedisBus":
        from storywatch.bus.redis import RedisBus

        return RedisBus
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
