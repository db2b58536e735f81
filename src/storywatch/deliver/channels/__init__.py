"""Channels (D1): one module per protocol behind :class:`~.base.ChannelKind`.

:class:`ChannelSet` builds them for a process from its services: the shared guarded fetcher,
the VAPID keys (loaded or created on first use), the settings and the clock.
"""

from __future__ import annotations

from storywatch.app import Services
from storywatch.deliver.channels.apprise import AppriseChannel
from storywatch.deliver.channels.base import ChannelGone, ChannelKind, Outgoing, Sent
from storywatch.deliver.channels.email import EmailChannel
from storywatch.deliver.channels.http import EXTRAS_KEY as FETCHER_KEY
from storywatch.deliver.channels.http import POSTER_KEY, delivery_fetcher, push_poster
from storywatch.deliver.channels.ntfy import NtfyChannel
from storywatch.deliver.channels.webhook import WebhookChannel
from storywatch.deliver.channels.webpush import WebPushChannel
from storywatch.deliver.vapid import VapidKeys, load_or_create
from storywatch.errors import InvalidInput

EXTRAS_KEY = "deliver.channels"


class ChannelSet:
    """Every channel kind of one process, by name."""

    def __init__(self, services: Services, keys: VapidKeys) -> None:
        http = delivery_fetcher(services)
        settings = services.settings
        self.keys = keys
        self.kinds: dict[str, ChannelKind] = {
            "webpush": WebPushChannel(
                push_poster(services), keys, ttl=settings.webpush_ttl_seconds
            ),
            "email": EmailChannel(settings),
            "webhook": WebhookChannel(http, services.clock),
            "ntfy": NtfyChannel(http),
            "apprise": AppriseChannel(settings),
        }

    def get(self, kind: str) -> ChannelKind:
        found = self.kinds.get(kind)
        if found is None:
            raise InvalidInput(
                f"Unknown channel kind {kind!r}; use one of: {', '.join(sorted(self.kinds))}."
            )
        return found


async def channel_set(services: Services) -> ChannelSet:
    """The process's channels, built once and kept in ``services.extras``."""
    found = services.extras.get(EXTRAS_KEY)
    if isinstance(found, ChannelSet):
        return found
    keys = await load_or_create(services.db, services.settings.vapid_subject)
    built = ChannelSet(services, keys)
    services.extras.setdefault(EXTRAS_KEY, built)
    result: ChannelSet = services.extras[EXTRAS_KEY]
    return result


async def close_delivery(services: Services) -> None:
    """Close what delivery opened in this process (its HTTP connection pool)."""
    for key in (FETCHER_KEY, POSTER_KEY):
        client = services.extras.pop(key, None)
        if client is not None:
            await client.aclose()
    services.extras.pop(EXTRAS_KEY, None)


__all__ = [
    "ChannelGone",
    "ChannelKind",
    "ChannelSet",
    "Outgoing",
    "Sent",
    "channel_set",
    "close_delivery",
]
