"""The one interface every channel implements, and the values it is given.

A channel module knows one protocol (Web Push, SMTP, Standard Webhooks, ntfy, Apprise). It
validates a user's configuration when the channel is added, and sends one :class:`Outgoing`
message, raising :class:`~storywatch.errors.DeliveryError` (worth retrying, perhaps after
``retry_after``), :class:`~storywatch.errors.PermanentDeliveryError` (retrying cannot help)
or :class:`ChannelGone` (the destination no longer exists: a browser unsubscribed). Retries,
leases, logs and the policy are the worker's job, never the channel's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar, Protocol

from storywatch.errors import PermanentDeliveryError
from storywatch.store.channels import Channel
from storywatch.store.notifications import Notification


class ChannelGone(PermanentDeliveryError):
    """The destination is gone for good (HTTP 404/410 from a push service): remove it."""

    code = "channel_gone"


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One notification to send on one channel.

    ``idempotency_key`` is the same on every attempt, so a receiver that sees it twice knows
    it is a retry. ``items`` are the notifications a digest summarises (empty otherwise).
    ``public_url`` turns the notification's relative links into absolute ones.
    """

    idempotency_key: str
    attempt: int
    notification: Notification
    channel: Channel
    public_url: str
    items: tuple[Notification, ...] = ()

    @property
    def link(self) -> str | None:
        return absolute(self.notification.url, self.public_url)

    @property
    def is_digest(self) -> bool:
        return self.notification.kind == "digest"


@dataclass(frozen=True, slots=True)
class Sent:
    """A send the receiver accepted: its status code and a word on what it said."""

    status_code: int | None = None
    detail: str | None = None


class ChannelKind(Protocol):
    """What each channel module offers."""

    kind: ClassVar[str]

    def validate(
        self, config: Mapping[str, Any], secret: str | None
    ) -> tuple[dict[str, Any], str | None]:
        """A clean (config, secret) for a new channel; raises InvalidInput in words."""
        ...

    def describe(self, channel: Channel) -> str:
        """One line naming the destination, without secrets ("ntfy topic news on ntfy.sh")."""
        ...

    async def send(self, message: Outgoing) -> Sent:
        """Send once; raise DeliveryError / PermanentDeliveryError / ChannelGone on failure."""
        ...


def absolute(url: str | None, public_url: str) -> str | None:
    """``/stories/3`` → ``https://news.example/stories/3``; absolute URLs unchanged."""
    if not url:
        return None
    if url.startswith("/"):
        return public_url.rstrip("/") + url
    return url


def retry_after_seconds(headers: Mapping[str, str], now_epoch: float) -> float | None:
    """The ``Retry-After`` header in seconds (delta-seconds or an HTTP date), or None."""
    value = headers.get("retry-after") or headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now_epoch)


def http_failure_words(service: str, status: int, body: bytes) -> str:
    """A receiver's refusal in words a person can act on, with a little of what it said."""
    from http import HTTPStatus

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    said = body[:200].decode("utf-8", errors="replace").strip().replace("\n", " ")
    tail = f": {said}" if said else ""
    return f"{service} answered HTTP {status} {phrase}{tail}".strip()
