"""Safe HTTP fetching (R1): the only way Storywatch reaches another server.

Every request goes through :class:`SafeFetcher`, which adds what a plain HTTP client leaves to
the caller:

- the SSRF guard (:mod:`storywatch.sources.guard`): a name is resolved once, every address
  checked, and the socket opened to the checked address, so DNS rebinding has no window;
- redirects followed by hand, one hop at a time, each hop checked again (scheme, address,
  loops, at most ``settings.max_redirects``);
- a size limit enforced while the body streams in, after decompression, so neither a huge
  body nor a gzip/brotli bomb is ever held in memory;
- one time limit over the whole fetch, redirects and a slowly dripping body included;
- no cookies kept between requests (one feed must not see another's), no proxy taken from
  the environment (it would bypass the guard).

Errors are :class:`storywatch.errors.FetchError` and its subclasses, with messages a person
can read on a source's health line. An HTTP error status is *not* an exception: the poller
needs the 429's ``Retry-After`` and the 304, so callers read ``status`` (or call
:meth:`FetchResult.raise_for_status`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import httpx

from storywatch.errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    StorywatchError,
    TooLarge,
)
from storywatch.settings import Settings
from storywatch.sources.addresses import AddressPolicy, parse_ip, refusal
from storywatch.sources.decode import ACCEPT_ENCODING, BoundedDecoder
from storywatch.sources.guard import GuardedTransport

if TYPE_CHECKING:
    from storywatch.app import Services

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
DEFAULT_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1"
)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What came back from one fetch, after redirects.

    ``url`` is the final URL; ``permanent_redirect`` is set when every hop to it was a 301 or
    308 (the caller should store the new URL). ``body`` is decoded from its Content-Encoding
    but not from its charset: ``charset`` is the header's hint, ``text`` applies it.
    """

    status: int
    url: str
    headers: httpx.Headers
    body: bytes
    elapsed_ms: float
    requested_url: str
    not_modified: bool = False
    permanent_redirect: str | None = None
    redirects: tuple[str, ...] = ()
    content_type: str | None = None
    charset: str | None = None
    raw_bytes: int = 0
    history: tuple[int, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def etag(self) -> str | None:
        value: str | None = self.headers.get("etag")
        return value

    @property
    def last_modified(self) -> str | None:
        value: str | None = self.headers.get("last-modified")
        return value

    @property
    def text(self) -> str:
        """The body as text using the header charset, else UTF-8, never failing."""
        for candidate in (self.charset, "utf-8"):
            if candidate:
                try:
                    return self.body.decode(candidate)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.body.decode("utf-8", errors="replace")

    def raise_for_status(self) -> FetchResult:
        """Return self for 2xx and 304; raise FetchError with the status in words otherwise."""
        if self.ok or self.not_modified:
            return self
        raise FetchError(f"{self.url} answered HTTP {self.status} {_reason(self.status)}.")


def _reason(status: int) -> str:
    try:
        from http import HTTPStatus

        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) from a Content-Type header; both lower-case, or None."""
    if not value:
        return None, None
    msg = Message()
    msg["content-type"] = value
    media = msg.get_content_type() if "/" in value.split(";", 1)[0] else None
    charset = msg.get_param("charset")
    text = charset if isinstance(charset, str) else None
    return media, (text.strip().strip("'\"").lower() or None) if text else None


def _no_cookies() -> CookieJar:
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


class SafeFetcher:
    """The fetcher every component shares (``services.extras["fetcher"]`` by convention).

    ``transport`` is a seam for tests and benchmarks. With the default transport the address
    check happens at connect time on the resolved address; a custom transport decides itself
    where a request goes, so only literal-IP hosts and ``localhost`` can be checked up front.
    """

    def __init__(
        self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        self.policy = AddressPolicy(
            allow_private=settings.allow_private_addresses,
            allow_loopback=settings.allow_loopback,
        )
        self._custom_transport = transport is not None
        per_host = max(32, settings.poll_per_host_concurrency * 2)
        self._client = httpx.AsyncClient(
            transport=transport or GuardedTransport(self.policy, per_origin=per_host),
            follow_redirects=False,
            trust_env=False,
            cookies=_no_cookies(),
            timeout=httpx.Timeout(
                settings.fetch_timeout_seconds, connect=settings.fetch_connect_timeout_seconds
            ),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> SafeFetcher:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    # ------------------------------------------------------------------ checks

    def check_url(self, url: str) -> httpx.URL:
        """Parse and vet a URL before any connection: scheme, host, literal addresses."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(f"Not a valid URL: {url!r} ({exc}).") from exc
        if parsed.scheme not in ("http", "https"):
            raise BlockedAddress(
                f"Only http and https URLs are fetched, not {parsed.scheme or 'no scheme'}: {url}"
            )
        host = parsed.host
        if not host:
            raise FetchError(f"The URL has no host: {url}")
        literal = parse_ip(host)
        if literal is not None:
            reason = refusal(literal, self.policy)
            if reason is not None:
                raise BlockedAddress(
                    f"Refused to connect to {host}: it is {reason}. Only public addresses are "
                    "fetched unless the administrator allows private ones."
                )
        elif (
            self._custom_transport
            and host.rstrip(".").lower().endswith("localhost")
            and not (self.policy.allow_loopback or self.policy.allow_private)
        ):
            raise BlockedAddress(f"Refused to connect to {host}: it is a loopback name.")
        return parsed

    # ------------------------------------------------------------------ public API

    async def fetch(
        self,
        url: str,
        *,
        max_bytes: int,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 - the interface others call
    ) -> FetchResult:
        """GET ``url`` with conditional headers, following checked redirects.

        A 304 comes back with ``not_modified=True`` and an empty body.
        """
        headers = {"Accept": accept or DEFAULT_ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._run("GET", url, None, headers, max_bytes, timeout, follow=True)

    async def request(
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        max_bytes: int = 1_000_000,
        timeout: float | None = None,  # noqa: ASYNC109 - the interface others call
    ) -> FetchResult:
        """Any method (webhooks, ntfy, WebSub hubs). Redirects are followed for GET/HEAD only:
        re-sending a POST body to wherever a server points is how webhooks leak."""
        method = method.upper()
        follow = method in ("GET", "HEAD")
        return await self._run(
            method, url, content, dict(headers or {}), max_bytes, timeout, follow=follow
        )

    # ------------------------------------------------------------------ the work

    async def _run(
        self,
        method: str,
        url: str,
        content: bytes | None,
        headers: dict[str, str],
        max_bytes: int,
        timeout: float | None,  # noqa: ASYNC109
        *,
        follow: bool,
    ) -> FetchResult:
        limit = timeout if timeout is not None else self.settings.fetch_timeout_seconds
        started = time.perf_counter()
        try:
            async with asyncio.timeout(limit):
                return await self._follow(
                    method, url, content, headers, max_bytes, follow, started, limit
                )
        except TimeoutError as exc:
            raise FetchTimeout(f"{url} did not answer completely within {limit:g} s.") from exc
        except StorywatchError:
            raise
        except httpx.TimeoutException as exc:
            raise FetchTimeout(f"{url} took too long to answer.") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"Fetching {url} failed: {exc or exc.__class__.__name__}.") from exc
        except OSError as exc:
            raise FetchError(f"Fetching {url} failed: {exc.strerror or exc}.") from exc

    async def _follow(
        self,
        method: str,
        url: str,
        content: bytes | None,
        headers: dict[str, str],
        max_bytes: int,
        follow: bool,
        started: float,
        limit: float,
    ) -> FetchResult:
        current = url
        seen = {url}
        hops: list[str] = []
        statuses: list[int] = []
        permanent = True
        per_request = httpx.Timeout(limit, connect=min(limit, self._connect_timeout()))
        while True:
            target = self.check_url(current)
            request = self._client.build_request(
                method, target, content=content, headers=headers, timeout=per_request
            )
            response = await self._client.send(request, stream=True)
            try:
                status = response.status_code
                location = response.headers.get("location")
                if follow and status in REDIRECTS and location:
                    if len(hops) >= self.settings.max_redirects:
                        raise FetchError(
                            f"{url} redirected more than {self.settings.max_redirects} times; "
                            f"gave up at {current}."
                        )
                    nxt = urljoin(current, location.strip())
                    if nxt in seen:
                        raise FetchError(f"{url} redirects in a loop (back to {nxt}).")
                    seen.add(nxt)
                    hops.append(nxt)
                    statuses.append(status)
                    permanent = permanent and status in PERMANENT
                    if status == 303 and method not in ("GET", "HEAD"):
                        method, content = "GET", None
                    current = nxt
                    continue
                body, raw = await self._read(response, max_bytes, current)
            finally:
                await response.aclose()
            media, charset = parse_content_type(response.headers.get("content-type"))
            return FetchResult(
                status=status,
                url=current,
                headers=response.headers,
                body=body,
                elapsed_ms=(time.perf_counter() - started) * 1000.0,
                requested_url=url,
                not_modified=status == 304,
                permanent_redirect=current if hops and permanent else None,
                redirects=tuple(hops),
                content_type=media,
                charset=charset,
                raw_bytes=raw,
                history=tuple(statuses),
            )

    def _connect_timeout(self) -> float:
        return self.settings.fetch_connect_timeout_seconds

    async def _read(self, response: httpx.Response, max_bytes: int, url: str) -> tuple[bytes, int]:
        if response.status_code in (204, 304) or response.request.method == "HEAD":
            # Read the (empty) body to its end all the same: a response closed unread makes
            # httpcore drop the connection instead of keeping it alive for the next poll.
            async for _ in response.aiter_raw():
                break
            return b"", 0
        declared = response.headers.get("content-length")
        encoding = response.headers.get("content-encoding")
        if declared and declared.isdigit() and not encoding and int(declared) > max_bytes:
            raise TooLarge(f"{url} is {int(declared):,} bytes, over the limit of {max_bytes:,}.")
        decoder = BoundedDecoder(encoding, max_bytes, lambda: f"The response from {url}")
        parts: list[bytes] = []
        async for chunk in response.aiter_raw():
            out = decoder.feed(chunk)
            if out:
                parts.append(out)
        tail = decoder.flush()
        if tail:
            parts.append(tail)
        return b"".join(parts), decoder.raw_total


FETCHER_KEY = "fetcher"


def shared_fetcher(services: Services) -> SafeFetcher:
    """The process's one fetcher, created on first use and kept in ``services.extras``.

    Whoever opens the services closes it: ``await shared_fetcher(services).aclose()`` (the
    poller and the CLI do this for the fetcher they started with).
    """
    existing = services.extras.get(FETCHER_KEY)
    if isinstance(existing, SafeFetcher):
        return existing
    fetcher = SafeFetcher(services.settings)
    services.extras[FETCHER_KEY] = fetcher
    return fetcher
