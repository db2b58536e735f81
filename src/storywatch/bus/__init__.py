"""The bus between stages (see ``base``): in-process now, Redis Streams when scaled out."""

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

__all__ = [
    "INGESTED",
    "LIVE",
    "NOTIFIED",
    "PROCESSED",
    "SUBSCRIPTIONS_CHANGED",
    "Bus",
    "MemoryBus",
    "Message",
]
