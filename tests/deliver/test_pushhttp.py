"""The Web Push HTTP client against real local servers: keep-alive, limits, the SSRF guard."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storywatch.deliver.channels.pushhttp import MAX_RESPONSE_BYTES, PushClient, parse_target
from storywatch.errors import BlockedAddress, FetchError, FetchTimeout
from storywatch.settings import Settings
from tests.support.httpserver import LocalServer, Response


def _settings(tmp_path: Path, **extra: object) -> Settings:
    values: dict[str, object] = {"data_dir": tmp_path, "allow_loopback": True, **extra}
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[PushClient]:
    made = PushClient(_settings(tmp_path), per_origin=2)
    yield made
    await made.aclose()


async def test_requests_reuse_a_few_kept_alive_connections(
    client: PushClient, local_server: LocalServer
) -> None:
    local_server.route("/push/a", Response(201, b"", {"Location": "/m/1"}))
    for _ in range(5):
        result = await client.request("POST", local_server.url("/push/a"), content=b"x" * 10)
        assert result.status == 201
        assert result.headers["location"] == "/m/1"
        assert result.headers.get("LOCATION") == "/m/1"  # read case-blind
    assert client.connections == 1
    answers = await asyncio.gather(
        *(client.request("POST", local_server.url("/push/a"), content=b"y") for _ in range(12))
    )
    assert {a.status for a in answers} == {201}
    assert client.connections <= 2  # per_origin
    sent = [r for r in local_server.requests if r.path == "/push/a"]
    assert len(sent) == 17
    assert sent[0].headers["content-length"] == "10" and sent[0].body == b"x" * 10
    assert "storywatch" in sent[0].headers["user-agent"].lower()


async def test_a_redirect_is_an_answer_not_followed(
    client: PushClient, local_server: LocalServer
) -> None:
    local_server.route("/push/r", Response(307, b"", {"Location": "http://10.0.0.1/steal"}))
    result = await client.request("POST", local_server.url("/push/r"), content=b"secret")
    assert result.status == 307
    assert [r.path for r in local_server.requests] == ["/push/r"]


async def test_a_long_answer_is_cut_and_its_connection_dropped(
    client: PushClient, local_server: LocalServer
) -> None:
    local_server.route("/big", Response(400, b"e" * (MAX_RESPONSE_BYTES * 3)))
    result = await client.request("POST", local_server.url("/big"), content=b"")
    assert result.status == 400
    assert len(result.body) == MAX_RESPONSE_BYTES
    await asyncio.sleep(0.05)
    assert client.connections == 0


async def test_answers_that_close_or_stream_are_read(
    client: PushClient, local_server: LocalServer
) -> None:
    local_server.route("/close", Response(201, b"ok", {"Connection": "close"}))
    local_server.route("/stream", Response(429, chunks=[b"slow ", b"down"]))
    first = await client.request("POST", local_server.url("/close"), content=b"1")
    second = await client.request("POST", local_server.url("/close"), content=b"2")
    assert (first.status, first.body, second.status) == (201, b"ok", 201)
    streamed = await client.request("POST", local_server.url("/stream"), content=b"3")
    assert (streamed.status, streamed.body) == (429, b"slow down")  # body ends at close


async def test_loopback_and_private_targets_are_refused(tmp_path: Path) -> None:
    strict = PushClient(_settings(tmp_path, allow_loopback=False))
    try:
        for url in (
            "http://127.0.0.1:9/push",
            "http://localhost:9/push",  # a name is resolved and its addresses checked
            "http://[::1]:9/push",
            "http://10.1.2.3/push",
            "http://169.254.169.254/latest/meta-data",
        ):
            with pytest.raises(BlockedAddress):
                await strict.request("POST", url, content=b"")
        with pytest.raises(BlockedAddress):
            await strict.request("POST", "file:///etc/passwd", content=b"")
    finally:
        await strict.aclose()


async def test_a_silent_server_times_out(tmp_path: Path) -> None:
    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1000)
        await asyncio.sleep(5)
        writer.close()

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    quick = PushClient(_settings(tmp_path, fetch_timeout_seconds=0.3))
    try:
        with pytest.raises(FetchTimeout, match="did not answer"):
            await quick.request("POST", f"http://127.0.0.1:{port}/push", content=b"x")
        assert quick.connections == 0  # a connection out of step is never reused
    finally:
        await quick.aclose()
        server.close()


async def test_garbage_and_early_close_are_fetch_errors(tmp_path: Path) -> None:
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1000)
        writer.write(b"NOT HTTP AT ALL\r\n\r\n")
        await writer.drain()
        await asyncio.sleep(0.2)
        writer.close()

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1000)
        writer.close()

    servers = [await asyncio.start_server(h, "127.0.0.1", 0) for h in (garbage, hang_up)]
    client = PushClient(_settings(tmp_path))
    try:
        for server, words in zip(servers, ("malformed", "closed the connection"), strict=True):
            port = server.sockets[0].getsockname()[1]
            with pytest.raises(FetchError, match=words):
                await client.request("POST", f"http://127.0.0.1:{port}/p", content=b"x")
    finally:
        await client.aclose()
        for server in servers:
            server.close()


async def test_headers_cannot_smuggle_lines(client: PushClient, local_server: LocalServer) -> None:
    with pytest.raises(FetchError, match="line break"):
        await client.request(
            "POST", local_server.url("/p"), content=b"", headers={"Topic": "a\r\nX-Evil: 1"}
        )
    assert local_server.requests == []


def test_targets_are_parsed_and_escaped() -> None:
    t = parse_target("https://push.example.com/wpush/v2/abc def?x=1")
    assert (t.scheme, t.host, t.port, t.host_header) == (
        "https",
        "push.example.com",
        443,
        "push.example.com",
    )
    assert t.path == "/wpush/v2/abc%20def?x=1"
    assert parse_target("http://[::1]:8080/p").host_header == "[::1]:8080"
    assert parse_target("http://bücher.example/p").host == "xn--bcher-kva.example"
    with pytest.raises(FetchError):
        parse_target("http:///nohost")


async def test_a_reused_connection_closed_by_the_server_is_retried_once(tmp_path: Path) -> None:
    seen: list[int] = []

    async def one_answer_per_connection(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        answered = False
        while data := await reader.read(65536):
            seen.append(len(data))
            if answered:  # the idle-timeout race: close as the next request arrives
                break
            writer.write(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
            answered = True
        writer.close()

    server = await asyncio.start_server(one_answer_per_connection, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/push"
    client = PushClient(_settings(tmp_path))
    try:
        assert (await client.request("POST", url, content=b"a")).status == 201
        assert (await client.request("POST", url, content=b"b")).status == 201  # retried
        assert len(seen) == 3  # first answer, the request the server dropped, its retry
    finally:
        await client.aclose()
        server.close()
