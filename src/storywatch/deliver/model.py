"""Values of the delivery stage: what the match stage hands in, and what goes out.

``NotificationDraft`` is the contract with the match stage; ``CreatedNotification`` is what
:func:`storywatch.deliver.outbox.record` wrote; ``NotificationOut`` is the one JSON shape a
notification has everywhere a person or program sees it (API, live stream, webhooks, tail).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from storywatch.model import Reason

Mode = Literal["every", "developments", "digest"]


@dataclass(frozen=True)
class NotificationDraft:
    """A notification the match stage wants to send to one user.

    ``dedupe_key`` is unique per user: one per development per story (for example
    ``f"story:{story_id}:article:{article_id}"``); a repeat is silently not recorded.
    ``collapse_key`` groups notifications that replace each other on devices
    (``f"story:{story_id}"``).
    """

    user_id: int
    subscription_id: int | None
    article_id: int | None
    story_id: int | None
    title: str
    body: str
    url: str | None
    reasons: tuple[Reason, ...]
    dedupe_key: str
    collapse_key: str | None
    urgent: bool
    mode: Mode
    published_at: datetime | None
    arrived_at: datetime | None


@dataclass(frozen=True)
class CreatedNotification:
    """A notification as recorded, with what the attention policy decided for it."""

    id: int
    user_id: int
    subscription_id: int | None
    article_id: int | None
    story_id: int | None
    title: str
    body: str
    url: str | None
    reasons: tuple[Reason, ...]
    urgent: bool
    created_at: datetime
    published_at: datetime | None
    arrived_at: datetime | None
    collapse_key: str | None
    thread_key: str | None
    held: bool
    deliver_at: datetime
    policy_note: str | None
    channel_count: int
    kind: str = "alert"

    def out(self) -> NotificationOut:
        return NotificationOut(
            id=self.id,
            kind=self.kind,
            title=self.title,
            body=self.body,
            url=self.url,
            story_id=self.story_id,
            article_id=self.article_id,
            subscription_id=self.subscription_id,
            reasons=[ReasonOut(kind=r.kind, value=r.value, detail=r.detail) for r in self.reasons],
            urgent=self.urgent,
            created_at=self.created_at,
            published_at=self.published_at,
            arrived_at=self.arrived_at,
        )


class ReasonOut(BaseModel):
    """Why a notification was sent: a matched term, phrase, person, story..."""

    kind: str
    value: str
    detail: str = ""


class NotificationOut(BaseModel):
    """A notification as the API, the live stream, webhooks and ``storywatch tail`` show it."""

    id: int
    kind: str = Field("alert", description="alert, or digest (a summary of held alerts)")
    title: str
    body: str
    url: str | None
    story_id: int | None
    article_id: int | None
    subscription_id: int | None
    reasons: list[ReasonOut]
    urgent: bool
    created_at: datetime
    published_at: datetime | None
    arrived_at: datetime | None
    read_at: datetime | None = None

    @classmethod
    def from_stored(cls, n: Any) -> NotificationOut:
        """From a :class:`storywatch.store.notifications.Notification`."""
        return cls(
            id=n.id,
            kind=n.kind,
            title=n.title,
            body=n.body,
            url=n.url,
            story_id=n.story_id,
            article_id=n.article_id,
            subscription_id=n.subscription_id,
            reasons=[ReasonOut(kind=r.kind, value=r.value, detail=r.detail) for r in n.reasons],
            urgent=n.urgent,
            created_at=n.created_at,
            published_at=n.published_at,
            arrived_at=n.arrived_at,
            read_at=n.read_at,
        )
