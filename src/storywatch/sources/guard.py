"""The connecting half of the SSRF guard: resolve once, check, connect to the checked address.

A check on the URL's host name alone can be beaten by DNS rebinding (the name resolves to a
public address when checked and to 127.0.0.1 when the client connects). So the guard sits in
the one place every connection is made, httpcore's network backend: it resolves the name
itself, checks every address against the policy, and opens the socket to that very address.
TLS still verifies the certificate against the host name (httpcore passes the original name
as SNI), and the ``Host`` header is built from the URL, so virtual hosting is unaffected.
Redirects need nothing special: each hop opens (or reuses) a connection through here.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import typing
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable

import httpcore
import httpx

from storywatch.errors import BlockedAddress, FetchError, FetchTimeout
from storywatch.sources.addresses import AddressPolicy, IPAddress, parse_ip, refusal


async def resolve(host: str, port: int, timeout: float | None) -> list[IPAddress]:  # noqa: ASYNC109
    """All addresses ``host`` resolves to (a literal IP resolves to itself)."""
    literal = parse_ip(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError as exc:
        raise FetchTimeout(f"Looking up {host} took longer than {timeout:g} s.") from exc
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"The host name {host} could not be resolved.") from exc
    found: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        addr = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if addr not in found:
            found.append(addr)
    if not found:
        raise FetchError(f"The host name {host} has no address.")
    return found


def check_addresses(host: str, addresses: Iterable[IPAddress], policy: AddressPolicy) -> None:
    """Refuse the host if any of its addresses is refused.

    Refusing on any (rather than picking an allowed one) keeps a name that mixes a public and
    a private address from being used to reach the private one on a later connection.
    """
    for addr in addresses:
        reason = refusal(addr, policy)
        if reason is not None:
            shown = host if str(addr) == host.strip("[]") else f"{host} ({addr})"
            raise BlockedAddress(
                f"Refused to connect to {shown}: it is {reason}. Only public addresses are "
                "fetched unless the administrator allows private ones."
            )


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """A network backend that connects only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None):
        self.policy = policy
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - the interface others call
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await resolve(host, port, timeout)
        check_addresses(host, addresses, self.policy)
        last: Exception | None = None
        for addr in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(addr),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - the interface others call
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("Unix sockets are never fetched.")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def _translate(exc: Exception) -> FetchError:
    """An httpcore failure as one of our errors, in words."""
    if isinstance(exc, httpcore.TimeoutException):
        return FetchTimeout("The server took too long to answer.")
    if isinstance(exc, httpcore.ConnectError):
        detail = str(exc) or "connection refused"
        return FetchError(f"Could not connect: {detail}.")
    if isinstance(exc, httpcore.RemoteProtocolError):
        return FetchError(f"The server broke the HTTP protocol: {str(exc) or 'no details'}.")
    if isinstance(exc, (httpcore.ReadError, httpcore.WriteError)):
        # (an exception is true even when its message is empty, so test its text)
        return FetchError(f"The connection failed: {str(exc) or 'reset by the server'}.")
    return FetchError(f"The request failed: {exc.__class__.__name__} {exc}".strip())


class _BodyStream(httpx.AsyncByteStream):
    def __init__(
        self, stream: typing.AsyncIterable[bytes], on_close: Callable[[], None] | None = None
    ) -> None:
        self._stream = stream
        self._on_close = on_close

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                yield chunk
        except httpcore.TimeoutException as exc:
            raise _translate(exc) from exc
        except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
            raise _translate(exc) from exc

    async def aclose(self) -> None:
        try:
            closer = getattr(self._stream, "aclose", None)
            if closer is not None:
                await closer()
        finally:
            if self._on_close is not None:
                self._on_close()
                self._on_close = None


class _OriginPool:
    """One origin's httpcore pool and how many requests are using it right now."""

    def __init__(self, pool: httpcore.AsyncConnectionPool) -> None:
        self.pool = pool
        self.active = 0


class GuardedTransport(httpx.AsyncBaseTransport):
    """An httpx transport whose every connection is guarded, with one small pool per origin.

    One shared httpcore pool walks all of its connections (and asks each socket whether it is
    readable) on every request: with ten thousand feeds over many hosts that costs more than
    the request. A pool per origin keeps that walk to the few connections of one host; idle
    pools beyond ``max_origins`` are closed, least recently used first.
    """

    def __init__(
        self,
        policy: AddressPolicy,
        *,
        per_origin: int = 8,
        max_origins: int = 512,
        keepalive_expiry: float = 30.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._backend = GuardedBackend(policy)
        self._ssl = ssl_context or ssl.create_default_context()
        self._per_origin = per_origin
        self._max_origins = max_origins
        self._keepalive = keepalive_expiry
        self._pools: OrderedDict[tuple[bytes, bytes, int | None], _OriginPool] = OrderedDict()

    def _pool_for(self, key: tuple[bytes, bytes, int | None]) -> _OriginPool:
        entry = self._pools.get(key)
        if entry is None:
            entry = _OriginPool(
                httpcore.AsyncConnectionPool(
                    ssl_context=self._ssl,
                    max_connections=self._per_origin,
                    max_keepalive_connections=self._per_origin,
                    keepalive_expiry=self._keepalive,
                    network_backend=self._backend,
                )
            )
            self._pools[key] = entry
        else:
            self._pools.move_to_end(key)
        return entry

    async def _evict(self) -> None:
        while len(self._pools) > self._max_origins:
            victim = next((k for k, v in self._pools.items() if v.active == 0), None)
            if victim is None:
                return
            await self._pools.pop(victim).pool.aclose()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        url = request.url
        req = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        entry = self._pool_for((url.raw_scheme, url.raw_host, url.port))
        entry.active += 1
        try:
            resp = await entry.pool.handle_async_request(req)
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            entry.active -= 1
            raise _translate(exc) from exc
        except httpcore.UnsupportedProtocol as exc:
            entry.active -= 1
            raise FetchError(f"Unsupported URL: {exc}.") from exc
        except BaseException:
            entry.active -= 1
            raise
        assert isinstance(resp.stream, typing.AsyncIterable)

        def released() -> None:
            entry.active -= 1

        await self._evict()
        return httpx.Response(
            status_code=resp.status,
            headers=resp.headers,
            stream=_BodyStream(resp.stream, on_close=released),
            extensions=resp.extensions,
        )

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        for entry in pools:
            await entry.pool.aclose()
