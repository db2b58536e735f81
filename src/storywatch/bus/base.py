"""The bus between stages: a doorbell that carries ids, never the only copy of anything.

Each message names a record in the store (an article id, a notification id) and the stage it
reached. The store stays the source of truth: a stage that restarts re-reads what it had not
finished (articles still ``new``, deliveries still ``pending``), so a message lost with a
crashed process costs latency, never data.

Topics are consumed by groups: every group gets every message once, and within a group each
message goes to one consumer (Redis Streams semantics; the in-process bus behaves the same).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

# The topics of the data path, in order.
INGESTED = "articles.ingested"  # {"article_id": int}
PROCESSED = "articles.processed"  # {"article_id": int}
NOTIFIED = "notifications.created"  # {"notification_ids": [int, ...]}
LIVE = "live"  # broadcast to every web node: {"user_id": int, "notification_id": int}
SUBSCRIPTIONS_CHANGED = "subscriptions.changed"  # broadcast: {"subscription_id": int}


@dataclass(frozen=True, slots=True)
class Message:
    """One message as a consumer receives it; ``ack`` it when the work is durable."""

    id: str
    topic: str
    data: dict[str, Any]


class Bus(Protocol):
    """What every bus implementation offers."""

    async def publish(self, topic: str, data: dict[str, Any]) -> str:
        """Append a message to ``topic``; returns its id."""
        ...

    def consume(self, topic: str, group: str, consumer: str) -> AsyncIterator[Message]:
        """Messages of ``topic`` for ``group``, each to exactly one consumer of the group."""
        ...

    async def ack(self, message: Message, group: str) -> None:
        """Mark a message done for ``group`` so it is not redelivered."""
        ...

    def broadcast(self, channel: str) -> AsyncIterator[dict[str, Any]]:
        """Every message published to ``channel`` from now on, to every listener (pub/sub)."""
        ...

    async def close(self) -> None: ...
