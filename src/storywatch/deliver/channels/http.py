"""The HTTP seam of the channels: the SSRF-guarded fetcher, behind a small protocol.

Every channel that speaks HTTP (Web Push, webhooks, ntfy) sends through
:class:`storywatch.sources.fetch.SafeFetcher`, the one client that refuses private addresses
unless the operator allows them and never follows a redirect with a POST body. A user
registers push endpoints and webhook URLs themselves, so this is where SSRF would otherwise
happen. The process shares one fetcher (``services.extras["fetcher"]``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from storywatch.app import Services


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


def shared_fetcher(services: Services) -> HttpClient:
    """The process's SafeFetcher, created on first use and kept in ``services.extras``."""
    fetcher = services.extras.get("fetcher")
    if fetcher is None:
        from storywatch.sources.fetch import SafeFetcher

        fetcher = SafeFetcher(services.settings)
        services.extras["fetcher"] = fetcher
    client: HttpClient = fetcher
    return client
