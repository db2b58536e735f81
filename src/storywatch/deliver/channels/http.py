"""The HTTP seam of the channels: the SSRF-guarded fetcher, behind a small protocol.

Webhooks and ntfy send through :class:`storywatch.sources.fetch.SafeFetcher`, the client
that refuses private addresses unless the operator allows them and never follows a redirect
with a POST body. A user
registers push endpoints and webhook URLs themselves, so this is where SSRF would otherwise
happen.

Web Push, the one high-volume sender, uses :class:`~.pushhttp.PushClient` instead: the
same guard under a small keep-alive HTTP/1.1 client, for the reasons measured in that module.
Delivery keeps its own SafeFetcher instance so a burst of sends never queues behind feed
polling (or the reverse).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from storywatch.app import Services

if TYPE_CHECKING:
    from storywatch.deliver.channels.pushhttp import PushClient

EXTRAS_KEY = "deliver.fetcher"
POSTER_KEY = "deliver.push_poster"


class HttpResult(Protocol):
    """What the channels read of a response."""

    @property
    def status(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def body(self) -> bytes: ...


class HttpClient(Protocol):
    async def request(
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResult: ...

    async def aclose(self) -> None: ...


def delivery_fetcher(services: Services) -> HttpClient:
    """The process's delivery fetcher, created on first use and kept in ``services.extras``.

    Whoever closes the services' other resources should ``await ...aclose()`` it (the
    worker does, at the end of ``run``).
    """
    fetcher = services.extras.get(EXTRAS_KEY)
    if fetcher is None:
        from storywatch.sources.fetch import SafeFetcher

        fetcher = SafeFetcher(services.settings)
        services.extras[EXTRAS_KEY] = fetcher
    client: HttpClient = fetcher
    return client


def push_poster(services: Services) -> PushClient:
    """The process's guarded HTTP/1.1 client for Web Push, created on first use."""
    from storywatch.deliver.channels.pushhttp import PushClient

    poster = services.extras.get(POSTER_KEY)
    if not isinstance(poster, PushClient):
        poster = PushClient(
            services.settings, per_origin=max(16, services.settings.delivery_concurrency)
        )
        services.extras[POSTER_KEY] = poster
    return poster
