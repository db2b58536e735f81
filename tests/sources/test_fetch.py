"""SafeFetcher against a real HTTP server on 127.0.0.1: limits, redirects, the SSRF guard."""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import brotli
import httpcore
import pytest

from storywatch.errors import BlockedAddress, FetchError, FetchTimeout, TooLarge
from storywatch.settings import Settings
from storywatch.sources import guard
from storywatch.sources.addresses import AddressPolicy
from storywatch.sources.fetch import SafeFetcher, parse_content_type
from storywatch.sources.guard import GuardedBackend
from tests.support.httpserver import LocalServer, Request, Response


@pytest.fixture
async def fetcher(settings: Settings) -> AsyncIterator[SafeFetcher]:
    async with SafeFetcher(settings) as f:
        yield f


@pytest.fixture
async def strict_fetcher(tmp_path: Path) -> AsyncIterator[SafeFetcher]:
    async with SafeFetcher(Settings(data_dir=tmp_path)) as f:
        yield f


async def test_plain_fetch_returns_body_headers_and_charset(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route(
        "/feed.xml",
        Response(200, b"<rss/>", {"Content-Type": "application/rss+xml; charset=ISO-8859-1"}),
    )
    result = await fetcher.fetch(local_server.url("/feed.xml"), max_bytes=1000)
    assert result.ok
    assert result.status == 200
    assert result.body == b"<rss/>"
    assert result.content_type == "application/rss+xml"
    assert result.charset == "iso-8859-1"
    assert result.url == local_server.url("/feed.xml")
    assert result.permanent_redirect is None
    assert not result.not_modified
    assert result.elapsed_ms > 0
    sent = local_server.requests[-1].headers
    assert "gzip" in sent["accept-encoding"]
    assert "br" in sent["accept-encoding"]
    assert sent["user-agent"].startswith("Storywatch/")


async def test_conditional_get_sends_validators_and_reports_304(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    def handler(req: Request) -> Response:
        if req.headers.get("if-none-match") == '"v1"':
            return Response(304, b"", {"ETag": '"v1"'})
        return Response(200, b"<rss/>", {"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024"})

    local_server.route("/f", handler)
    first = await fetcher.fetch(local_server.url("/f"), max_bytes=1000)
    assert first.etag == '"v1"'
    assert first.last_modified == "Mon, 01 Jan 2024"
    second = await fetcher.fetch(
        local_server.url("/f"), max_bytes=1000, etag=first.etag, last_modified=first.last_modified
    )
    assert second.not_modified
    assert second.status == 304
    assert second.body == b""
    assert local_server.requests[-1].headers["if-modified-since"] == "Mon, 01 Jan 2024"


async def test_loopback_is_refused_unless_allowed(
    strict_fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route("/f", Response(200, b"secret"))
    with pytest.raises(BlockedAddress, match="loopback"):
        await strict_fetcher.fetch(local_server.url("/f"), max_bytes=1000)
    # by name too: the name is resolved and its address checked at connect time
    with pytest.raises(BlockedAddress, match="loopback"):
        await strict_fetcher.fetch(f"http://localhost:{local_server.port}/f", max_bytes=1000)
    # and in the disguises a resolver accepts
    for disguise in ("2130706433", "0x7f.1", "[::ffff:127.0.0.1]"):
        with pytest.raises(BlockedAddress):
            await strict_fetcher.fetch(f"http://{disguise}:{local_server.port}/f", max_bytes=100)
    assert local_server.requests == []


@pytest.mark.parametrize(
    "target", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/"]
)
async def test_redirect_to_a_private_address_is_refused(
    fetcher: SafeFetcher, local_server: LocalServer, target: str
) -> None:
    local_server.route("/r", Response(302, b"", {"Location": target}))
    with pytest.raises(BlockedAddress, match="Refused"):
        await fetcher.fetch(local_server.url("/r"), max_bytes=1000)


async def test_redirect_to_another_scheme_is_refused(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route("/r", Response(302, b"", {"Location": "file:///etc/passwd"}))
    with pytest.raises(BlockedAddress, match="Only http and https"):
        await fetcher.fetch(local_server.url("/r"), max_bytes=1000)


async def test_redirect_loop_and_too_many_redirects(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route("/a", Response(302, b"", {"Location": "/b"}))
    local_server.route("/b", Response(302, b"", {"Location": "/a"}))
    with pytest.raises(FetchError, match="loop"):
        await fetcher.fetch(local_server.url("/a"), max_bytes=1000)

    def chain(req: Request) -> Response:
        n = int(req.path.rsplit("/", 1)[1])
        return Response(302, b"", {"Location": f"/chain/{n + 1}"})

    local_server.route("*", chain)
    with pytest.raises(FetchError, match="more than 5 times"):
        await fetcher.fetch(local_server.url("/chain/0"), max_bytes=1000)


async def test_permanent_redirect_is_reported_and_temporary_is_not(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route("/old", Response(301, b"", {"Location": "/new"}))
    local_server.route("/tmp", Response(302, b"", {"Location": "/new"}))
    local_server.route("/new", Response(200, b"<rss/>"))
    moved = await fetcher.fetch(local_server.url("/old"), max_bytes=1000)
    assert moved.permanent_redirect == local_server.url("/new") == moved.url
    assert moved.history == (301,)
    temporary = await fetcher.fetch(local_server.url("/tmp"), max_bytes=1000)
    assert temporary.permanent_redirect is None
    assert temporary.url == local_server.url("/new")


async def test_post_does_not_follow_redirects(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route("/hook", Response(307, b"", {"Location": "/elsewhere"}))
    local_server.route("/elsewhere", Response(200, b"leaked"))
    result = await fetcher.request(
        "POST", local_server.url("/hook"), content=b"{}", headers={"X-A": "1"}
    )
    assert result.status == 307
    assert [r.path for r in local_server.requests] == ["/hook"]
    assert local_server.requests[0].body == b"{}"
    assert local_server.requests[0].headers["x-a"] == "1"
    with pytest.raises(FetchError, match="307"):
        result.raise_for_status()


async def test_huge_body_is_cut_off_by_declared_length_and_while_streaming(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route("/declared", Response(200, b"x" * 50_000))

    def endless() -> Iterator[bytes]:
        for _ in range(100_000):
            yield b"y" * 10_000

    local_server.route("/streamed", Response(200, chunks=endless()))
    with pytest.raises(TooLarge, match="50,000 bytes"):
        await fetcher.fetch(local_server.url("/declared"), max_bytes=10_000)
    started = time.perf_counter()
    with pytest.raises(TooLarge, match="limit of 100,000"):
        await fetcher.fetch(local_server.url("/streamed"), max_bytes=100_000)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
async def test_decompression_bombs_are_stopped(
    fetcher: SafeFetcher, local_server: LocalServer, coding: str
) -> None:
    payload = b"\0" * 50_000_000  # 50 MB of zeros, under 100 KB compressed
    if coding == "gzip":
        body = gzip.compress(payload, 9)
    elif coding == "deflate":
        body = zlib.compress(payload, 9)
    else:
        body = brotli.compress(payload, quality=5)
    assert len(body) < 1_000_000
    local_server.route("/bomb", Response(200, body, {"Content-Encoding": coding}))
    with pytest.raises(TooLarge, match="after decompression"):
        await fetcher.fetch(local_server.url("/bomb"), max_bytes=1_000_000)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
async def test_compressed_bodies_are_decoded(
    fetcher: SafeFetcher, local_server: LocalServer, coding: str
) -> None:
    text = b"<rss><channel><title>t</title></channel></rss>" * 100
    encoders = {
        "gzip": gzip.compress,
        "deflate": lambda b: zlib.compress(b)[2:-4],  # raw deflate, as some servers send
        "br": brotli.compress,
    }
    local_server.route("/z", Response(200, encoders[coding](text), {"Content-Encoding": coding}))
    result = await fetcher.fetch(local_server.url("/z"), max_bytes=100_000)
    assert result.body == text
    assert result.raw_bytes < len(text)


async def test_corrupt_gzip_is_a_readable_error(
    fetcher: SafeFetcher, local_server: LocalServer
) -> None:
    local_server.route("/z", Response(200, b"not gzip at all", {"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match="gzip body is corrupt"):
        await fetcher.fetch(local_server.url("/z"), max_bytes=100_000)


async def test_slow_server_times_out(fetcher: SafeFetcher, local_server: LocalServer) -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.1)
            yield b"."

    local_server.route("/slow", Response(200, chunks=drip()))
    started = time.perf_counter()
    with pytest.raises(FetchTimeout, match=r"within 0\.5 s"):
        await fetcher.fetch(local_server.url("/slow"), max_bytes=1000, timeout=0.5)
    assert time.perf_counter() - started < 2


async def test_connection_refused_is_a_readable_error(fetcher: SafeFetcher) -> None:
    with LocalServer() as server:
        port = server.port
    with pytest.raises(FetchError, match="Could not connect"):
        await fetcher.fetch(f"http://127.0.0.1:{port}/", max_bytes=100)


async def test_bad_urls_are_errors_not_crashes(fetcher: SafeFetcher) -> None:
    for bad in ("not a url", "ftp://example.com/", "http:///nohost", ""):
        with pytest.raises(FetchError):
            await fetcher.fetch(bad, max_bytes=100)


class _Recorder(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.hosts: list[str] = []

    async def connect_tcp(self, host: str, port: int, **_: object) -> httpcore.AsyncNetworkStream:
        self.hosts.append(host)
        raise httpcore.ConnectError("recorded")


async def test_guard_connects_to_the_address_it_checked_not_the_name() -> None:
    """No rebinding window: the inner backend is handed the checked IP, never the name."""
    recorder = _Recorder()
    backend = GuardedBackend(AddressPolicy(allow_loopback=True), inner=recorder)
    with pytest.raises(httpcore.ConnectError):
        await backend.connect_tcp("localhost", 80, timeout=2)
    assert recorder.hosts
    assert all(h in ("127.0.0.1", "::1") for h in recorder.hosts)


def test_content_type_parsing() -> None:
    assert parse_content_type('text/xml; charset="UTF-8"') == ("text/xml", "utf-8")
    assert parse_content_type("application/json") == ("application/json", None)
    assert parse_content_type(None) == (None, None)
    assert parse_content_type("garbage") == (None, None)


@pytest.mark.parametrize(
    ("exc", "message"),
    [
        (httpcore.ReadError(), "The connection failed: reset by the server."),
        (httpcore.WriteError(""), "The connection failed: reset by the server."),
        (httpcore.ReadError("peer closed"), "The connection failed: peer closed."),
        (httpcore.RemoteProtocolError(), "The server broke the HTTP protocol: no details."),
    ],
)
def test_a_failure_without_words_still_says_what_happened(exc: Exception, message: str) -> None:
    """An httpcore error with an empty message used to read "The connection failed: ." in a
    delivery's attempt log: an exception is true whatever its text, so its text is tested."""
    assert str(guard._translate(exc)) == message
