"""A small HTTP/1.1 client for Web Push: keep-alive pools per origin, behind the SSRF guard.

Why its own client: Web Push is the one place Storywatch sends thousands of small requests a
second, and all of them go to a handful of origins (one per browser vendor's push service).
Measured on the 2-core machine against the same local push service (bench/fanout.py), a
request cost about 1 ms of CPU through httpx and about 0.2 ms through aiohttp's session
machinery (URL objects, tracing, timers, cookie and redirect handling); writing the request
bytes ourselves and parsing the answer with ``httptools`` (llhttp, the parser uvicorn uses)
costs a few tens of µs. Webhooks and ntfy, which are low volume, keep using SafeFetcher.

What it does, and what it deliberately does not:

- **One request at a time per connection, several connections per origin** (up to
  ``per_origin``), kept alive and reused. No pipelining: if a pipelined connection breaks,
  which of the POSTs behind the first the push service acted on is unknown, and the worker
  would have to send them all again; separate connections make each answer unambiguous.
- **The SSRF guard of every other fetch** (:mod:`storywatch.sources.guard`): a host name is
  resolved once per ``dns_seconds``, every address is checked against the policy, and the
  connection is made to a checked address (with the name kept for TLS), so there is no second
  lookup for DNS rebinding to exploit. A literal IP is checked before connecting.
- **Never follows redirects** (a 3xx is an answer like any other), sends no cookies, takes no
  proxy from the environment, never decompresses; reads at most ``MAX_RESPONSE_BYTES`` of a
  body (a longer one is cut and its connection not reused).
- **One time limit per request** (``fetch_timeout_seconds``), connecting included; a
  connection that times out is closed, never reused.

Errors are the :class:`~storywatch.errors.FetchError` family SafeFetcher raises.
"""

from __future__ import annotations

import asyncio
import re
import ssl
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import httptools  # type: ignore[import-untyped]

from storywatch.errors import BlockedAddress, FetchError, FetchTimeout
from storywatch.settings import Settings
from storywatch.sources.addresses import AddressPolicy, IPAddress, parse_ip, refusal
from storywatch.sources.guard import check_addresses, resolve

MAX_RESPONSE_BYTES = 64_000
IDLE_SECONDS = 15.0  # below the keep-alive timeout of common servers, so we close first
DNS_SECONDS = 30.0
# what may appear in a request target as is; anything else is percent-encoded
_TARGET_SAFE = "/:@!$&'()*+,;=-._~%?"


@dataclass(frozen=True, slots=True)
class PostResult:
    """The parts of a response the channels read (the same names as SafeFetcher's result)."""

    status: int
    headers: Mapping[str, str]
    body: bytes


class _Headers(dict[str, str]):
    """Response headers by lower-case name (what the channels look up), read case-blind."""

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(key.lower(), default)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


@dataclass(frozen=True, slots=True)
class Target:
    """Where one request goes: its pool's key, and the bytes of its request line's target."""

    scheme: str
    host: str
    port: int
    host_header: str
    path: str

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


_PLAIN_HOST = re.compile(r"[a-z0-9.-]+(:[0-9]{1,5})?")
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/:@!$&'()*+,;=._~%?-]*")


def parse_target(url: str) -> Target:
    """Split a push endpoint into what the pool needs; refuse what is not plain http(s).

    Push endpoints are plain ASCII URLs; those take a quick path (a fan-out parses each
    device's endpoint once), anything else the general one with IDNA and escaping.
    """
    scheme, sep, rest = url.partition("://")
    if sep and scheme in ("http", "https"):
        hostport, _, tail = rest.partition("/")
        if _PLAIN_HOST.fullmatch(hostport) and _PLAIN_PATH.fullmatch(tail):
            host, colon, digits = hostport.partition(":")
            default = 443 if scheme == "https" else 80
            quick = int(digits) if colon else default
            if host and not host.endswith(".") and 0 < quick < 65536:
                shown = host if quick == default else f"{host}:{quick}"
                return Target(scheme, host, quick, shown, "/" + tail)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"Not a valid URL: {url!r} ({exc}).") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BlockedAddress(f"Only http and https URLs are used, not {scheme!r}: {url}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError(f"The URL has no host: {url}")
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise FetchError(f"The host name of {url!r} is not valid.") from exc
    default = 443 if scheme == "https" else 80
    port = port or default
    shown = f"[{host}]" if ":" in host else host
    host_header = shown if port == default else f"{shown}:{port}"
    path = quote(parts.path or "/", safe=_TARGET_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_TARGET_SAFE)
    return Target(scheme, host, port, host_header, path)


class _Connection(asyncio.Protocol):
    """One keep-alive connection: one request in flight, answers parsed by llhttp."""

    def __init__(self, origin: _Origin) -> None:
        self.origin = origin
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.idle_since = 0.0
        self.used = 0  # requests sent on this connection
        self._parser = httptools.HttpResponseParser(self)
        self._waiter: asyncio.Future[PostResult] | None = None
        self._reset()

    def _reset(self) -> None:
        self._headers: _Headers = _Headers()
        self._body: list[bytes] = []
        self._size = 0
        self._cut = False
        self._headers_done = False
        self._complete = False
        self._keep_alive = False

    # -- asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        if self._waiter is None or self._waiter.done():
            self.close()  # an answer nobody asked for: the stream is out of step
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._fail(FetchError("The push service switched protocols unasked."))
        except httptools.HttpParserError as exc:
            self._fail(FetchError(f"The push service sent a malformed answer ({exc})."))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.origin.forget(self)
        if self._waiter is not None and not self._waiter.done():
            if self._headers_done and not self._complete:  # a body that ends at close
                self._finish()
            else:
                self._fail(_Hangup("The push service closed the connection without answering."))

    # -- llhttp callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        previous = self._headers.get(key)
        dict.__setitem__(self._headers, key, f"{previous}, {text}" if previous else text)

    def on_headers_complete(self) -> None:
        self._headers_done = True

    def on_body(self, body: bytes) -> None:
        room = MAX_RESPONSE_BYTES - self._size
        if room <= 0:
            self._cut = True
            return
        if len(body) > room:
            body = body[:room]
            self._cut = True
        self._body.append(body)
        self._size += len(body)

    def on_message_complete(self) -> None:
        if self._parser.get_status_code() < 200:  # 1xx: the real answer follows
            self._reset()
            return
        self._complete = True
        # read now: llhttp forgets it once the message is over
        self._keep_alive = self._parser.should_keep_alive()
        self._finish()

    # -- requests
    def send(self, request: bytes) -> asyncio.Future[PostResult]:
        assert self.transport is not None
        self._reset()
        self.used += 1
        self._waiter = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self._waiter

    def reusable(self) -> bool:
        return not self.closed and self._complete and not self._cut and self._keep_alive

    def _finish(self) -> None:
        waiter = self._waiter
        if waiter is None or waiter.done():
            return
        status = self._parser.get_status_code()
        waiter.set_result(PostResult(status, self._headers, b"".join(self._body)))

    def _fail(self, error: Exception) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(error)
        self.close()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.origin.forget(self)
        if self.transport is not None and not self.transport.is_closing():
            self.transport.close()

    def abort(self) -> None:
        self.closed = True
        self.origin.forget(self)
        if self.transport is not None:
            self.transport.abort()


class _Origin:
    """The connections to one (scheme, host, port): idle ones, and how many exist."""

    def __init__(self, client: PushClient, target: Target) -> None:
        self.client = client
        self.scheme, self.host, self.port = target.origin
        self.idle: list[_Connection] = []
        self.open: set[_Connection] = set()
        self.connecting = 0
        self.waiters: deque[asyncio.Future[None]] = deque()
        self._addresses: list[IPAddress] = []
        self._resolved_at = -1e9

    def forget(self, conn: _Connection) -> None:
        if conn in self.open:
            self.open.discard(conn)
            self._wake_one()

    def _wake_one(self) -> None:
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def acquire(self, deadline: float) -> _Connection:
        limit = self.client.per_origin
        while True:
            now = time.monotonic()
            while self.idle:
                conn = self.idle.pop()
                if not conn.closed and now - conn.idle_since < self.client.idle_seconds:
                    return conn
                conn.close()
            if len(self.open) + self.connecting < limit:
                self.connecting += 1
                try:
                    conn = await self._connect(deadline)
                except BaseException:
                    self._wake_one()  # a waiter may try in its place
                    raise
                finally:
                    self.connecting -= 1
                self.open.add(conn)
                return conn
            waiter = asyncio.get_running_loop().create_future()
            self.waiters.append(waiter)
            try:
                async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                    await waiter
            except TimeoutError as exc:
                raise FetchTimeout(
                    f"No connection to {self.host} was free within the time limit."
                ) from exc
            except BaseException:
                if waiter.done() and not waiter.cancelled():
                    self._wake_one()  # pass the wake-up on to the next in line
                raise

    def release(self, conn: _Connection) -> None:
        if conn.reusable():
            conn.idle_since = time.monotonic()
            self.idle.append(conn)
            self._wake_one()
        else:
            conn.close()

    async def _addresses_now(self, limit: float) -> list[IPAddress]:
        policy = self.client.policy
        literal = parse_ip(self.host)
        if literal is not None:
            reason = refusal(literal, policy)
            if reason is not None:
                raise BlockedAddress(
                    f"Refused to connect to {self.host}: it is {reason}. Only public addresses "
                    "are used unless the administrator allows private ones."
                )
            return [literal]
        if time.monotonic() - self._resolved_at > self.client.dns_seconds:
            addresses = await resolve(self.host, self.port, limit)
            check_addresses(self.host, addresses, policy)
            self._addresses, self._resolved_at = addresses, time.monotonic()
        return self._addresses

    async def _connect(self, deadline: float) -> _Connection:
        loop = asyncio.get_running_loop()
        settings = self.client.settings
        timeout = min(settings.fetch_connect_timeout_seconds, max(0.0, deadline - time.monotonic()))
        addresses = await self._addresses_now(timeout)
        tls = self.client.tls() if self.scheme == "https" else None
        last: Exception | None = None
        for addr in addresses:
            conn = _Connection(self)
            try:
                async with asyncio.timeout(timeout):
                    await loop.create_connection(
                        lambda conn=conn: conn,  # type: ignore[misc]
                        host=str(addr),
                        port=self.port,
                        ssl=tls,
                        server_hostname=self.host if tls is not None else None,
                    )
                return conn
            except TimeoutError:
                last = FetchTimeout(f"Connecting to {self.host} took longer than {timeout:g} s.")
            except (OSError, ssl.SSLError) as exc:
                last = FetchError(f"Could not connect to {self.host}: {exc.strerror or exc}.")
        raise last or FetchError(f"Could not connect to {self.host}.")

    def close(self) -> None:
        for conn in list(self.open):
            conn.close()
        self.idle.clear()


class PushClient:
    """POST (or any method) to push services; see the module docstring for the guarantees."""

    def __init__(
        self,
        settings: Settings,
        *,
        per_origin: int = 64,
        idle_seconds: float = IDLE_SECONDS,
        dns_seconds: float = DNS_SECONDS,
    ) -> None:
        self.settings = settings
        self.policy = AddressPolicy(
            allow_private=settings.allow_private_addresses,
            allow_loopback=settings.allow_loopback,
        )
        self.per_origin = max(1, per_origin)
        self.idle_seconds = idle_seconds
        self.dns_seconds = dns_seconds
        self._origins: dict[tuple[str, str, int], _Origin] = {}
        self._targets: dict[str, Target] = {}
        self._tls: ssl.SSLContext | None = None
        self._agent = settings.user_agent.replace("\r", " ").replace("\n", " ")

    def tls(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = ssl.create_default_context()
        return self._tls

    def target(self, url: str) -> Target:
        """The parsed endpoint, remembered: a device's endpoint is sent to again and again."""
        found = self._targets.get(url)
        if found is None:
            found = parse_target(url)
            if len(self._targets) > 100_000:
                self._targets.clear()
            self._targets[url] = found
        return found

    def header_lines(self, headers: Mapping[str, str]) -> bytes:
        """``Name: value`` lines, checked and encoded: what ``request`` takes as ``head``, for a
        caller that sends the same headers many times (so checks and encodes them once)."""
        lines = []
        for name, value in headers.items():
            if "\n" in value or "\r" in value or "\n" in name or ":" in name:
                raise FetchError(f"Refused to send a header with a line break: {name!r}.")
            lines.append(f"{name}: {value}\r\n")
        try:
            return "".join(lines).encode("latin-1")
        except UnicodeEncodeError as exc:
            raise FetchError("Refused to send a header that is not Latin-1 text.") from exc

    def encode(self, method: str, target: Target, content: bytes, head: bytes) -> bytes:
        """The request's bytes; ``head`` are header lines from :meth:`header_lines`."""
        start = (
            f"{method} {target.path} HTTP/1.1\r\nHost: {target.host_header}\r\n"
            f"User-Agent: {self._agent}\r\nContent-Length: {len(content)}\r\n"
        )
        try:
            return b"".join((start.encode("latin-1"), head, b"\r\n", content))
        except UnicodeEncodeError as exc:  # the User-Agent (parse_target keeps host, path ASCII)
            raise FetchError("Refused to send a header that is not Latin-1 text.") from exc

    async def request(
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        head: bytes = b"",
    ) -> PostResult:
        """One request; ``head`` is extra header lines already made by :meth:`header_lines`."""
        target = self.target(url)
        if headers:
            head += self.header_lines(headers)
        payload = self.encode(method.upper(), target, content or b"", head)
        origin = self._origins.get(target.origin)
        if origin is None:
            origin = self._origins[target.origin] = _Origin(self, target)
        limit = self.settings.fetch_timeout_seconds
        deadline = time.monotonic() + limit
        loop = asyncio.get_running_loop()
        for tries in (1, 2):
            conn = await origin.acquire(deadline)
            answer = conn.send(payload)
            timer = loop.call_later(max(0.0, deadline - time.monotonic()), _expire, answer)
            try:
                result = await answer
            except asyncio.CancelledError:
                conn.abort()  # the answer may still come; this connection is out of step now
                raise
            except _Expired as exc:
                conn.abort()
                raise FetchTimeout(f"{url} did not answer within {limit:g} s.") from exc
            except _Hangup:
                # A kept-alive connection the server closed as we reused it (no byte of an
                # answer came): the usual idle-timeout race, where the request was never
                # read. Send it once more on a fresh connection; if the server had acted on
                # it after all, the device shows one notification (same Topic and tag), not
                # two. A fresh connection that hangs up is an error.
                if tries == 2 or conn.used == 1:
                    raise
                continue
            finally:
                timer.cancel()
            origin.release(conn)
            return result
        raise AssertionError("unreachable")

    async def aclose(self) -> None:
        for origin in self._origins.values():
            origin.close()
        self._origins.clear()

    @property
    def connections(self) -> int:
        """Open connections over all origins (for tests and the benchmark)."""
        return sum(len(o.open) for o in self._origins.values())


class _Hangup(FetchError):
    """The connection closed before any answer came."""


class _Expired(Exception):
    """A request's time limit ran out (turned into FetchTimeout by the caller)."""


def _expire(answer: asyncio.Future[PostResult]) -> None:
    if not answer.done():
        answer.set_exception(_Expired())


__all__ = ["PostResult", "PushClient", "Target", "parse_target"]
