"""The live stream over real HTTP (uvicorn on 127.0.0.1): follow, filter, resume by id."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from rich.console import Console
from typer.testing import CliRunner

from storywatch.app import Services
from storywatch.deliver.cli import SseParser, app, follow, render
from storywatch.errors import Unauthorized
from tests.deliver.helpers import draft, new_user, record, token_for
from tests.deliver.receivers import until


@pytest.fixture
async def server(dsvc: Services) -> AsyncIterator[str]:
    from storywatch.web.app import create_app

    config = uvicorn.Config(create_app(dsvc), host="127.0.0.1", port=0, log_level="warning")
    srv = uvicorn.Server(config)
    task = asyncio.create_task(srv.serve())
    await until(lambda: bool(srv.started), 10)
    port = srv.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        await asyncio.wait_for(task, 10)


async def _subscribed(services: Services, user_id: int) -> None:
    """Wait until the server holds a live stream for ``user_id`` (what a client connecting
    waits for), however slow the machine is, then let the hub's pump take its turn on the
    loop so it listens on the bus before anything is published."""
    from storywatch.web.live import live_hub

    hub = live_hub(services)
    assert await until(lambda: bool(hub.listeners.get(user_id)), 10)
    for _ in range(5):
        await asyncio.sleep(0)


def test_sse_parser_handles_split_chunks_comments_and_multiline_data() -> None:
    parser = SseParser()
    assert parser.feed(": ping - 2024\n\nid: 7\nevent: notifi") == []
    events = parser.feed('cation\ndata: {"a":\ndata: 1}\n\r\nevent: other\ndata: x\n\n')
    assert [(e.event, e.id, e.data) for e in events] == [
        ("notification", "7", '{"a":\n1}'),
        ("other", None, "x"),
    ]
    assert parser.last_id == "7"


async def test_live_stream_follows_filters_and_resumes(dsvc: Services, server: str) -> None:
    ana = await new_user(dsvc, "ana")
    ben = await new_user(dsvc, "ben")
    token = await token_for(dsvc, ana)
    got: list[dict[str, Any]] = []

    listening = asyncio.create_task(follow(server, token, got.append, max_events=2))
    await _subscribed(dsvc, ana)
    await record(dsvc, [draft(ben, 100)])  # someone else's: never shown to ana
    first = await record(dsvc, [draft(ana, 1)])
    second = await record(dsvc, [draft(ana, 2, urgent=True)])
    last_id = await asyncio.wait_for(listening, 10)
    assert [n["id"] for n in got] == [first[0].id, second[0].id]
    assert last_id == str(second[0].id)
    n = got[0]
    assert n["title"] == "Development 1"
    assert n["reasons"] == [{"kind": "term", "value": "troops", "detail": "in the title"}]
    assert set(n) >= {"id", "title", "body", "url", "story_id", "article_id", "subscription_id",
                      "reasons", "urgent", "created_at", "published_at", "arrived_at"}  # fmt: skip

    # while disconnected, three more arrive; resuming from the last id replays exactly those
    missed = await record(dsvc, [draft(ana, i) for i in range(3, 6)])
    replayed: list[dict[str, Any]] = []
    await asyncio.wait_for(
        follow(server, token, replayed.append, last_event_id=last_id, max_events=3), 10
    )
    assert [r["id"] for r in replayed] == [m.id for m in missed]


async def test_live_stream_replay_and_live_do_not_overlap(dsvc: Services, server: str) -> None:
    ana = await new_user(dsvc, "ana")
    token = await token_for(dsvc, ana)
    before = await record(dsvc, [draft(ana, i) for i in range(4)])
    got: list[dict[str, Any]] = []
    task = asyncio.create_task(
        follow(server, token, got.append, last_event_id=str(before[0].id), max_events=5)
    )
    await _subscribed(dsvc, ana)
    after = await record(dsvc, [draft(ana, 10), draft(ana, 11)])
    await asyncio.wait_for(task, 10)
    expected = [b.id for b in before[1:]] + [a.id for a in after]
    assert [g["id"] for g in got] == expected  # each once, in order


async def test_raw_frames_have_id_event_and_data(dsvc: Services, server: str) -> None:
    ana = await new_user(dsvc, "ana")
    token = await token_for(dsvc, ana)
    (made,) = await record(dsvc, [draft(ana, 1)])
    async with (
        httpx.AsyncClient() as client,
        client.stream(
            "GET",
            f"{server}/api/v1/live",
            headers={"Authorization": f"Bearer {token}", "Last-Event-ID": "0"},
        ) as response,
    ):
        assert response.headers["content-type"].startswith("text/event-stream")
        buffer = ""
        async for chunk in response.aiter_text():
            buffer += chunk
            if "\n\n" in buffer:
                break
    block = buffer.replace("\r\n", "\n").split("\n\n")[0].split("\n")
    assert block[0] == f"id: {made.id}"
    assert block[1] == "event: notification"
    assert json.loads(block[2].removeprefix("data: "))["id"] == made.id


async def test_a_bad_token_is_refused(server: str) -> None:
    with pytest.raises(Unauthorized):
        await follow(server, "sw_wrong", lambda n: None, reconnect=False)


def test_render_prints_title_reason_and_link() -> None:
    console = Console(record=True, width=100)
    render(
        console,
        {
            "title": "Pentagon: the letter was a draft",
            "body": "Esper and Milley",
            "urgent": True,
            "created_at": "2024-06-03T12:00:00+00:00",
            "reasons": [{"kind": "story", "value": "US troops in Iraq", "detail": ""}],
            "url": "http://sw.test/stories/1",
        },
    )
    text = console.export_text()
    assert "Pentagon: the letter was a draft" in text
    assert "why: story US troops in Iraq" in text
    assert "http://sw.test/stories/1" in text


def test_tail_without_a_token_says_how_to_get_one() -> None:
    result = CliRunner().invoke(app, ["tail", "--url", "http://127.0.0.1:9"], env={})
    assert result.exit_code == 2
    assert "STORYWATCH_TOKEN" in result.output


async def test_a_stalled_connection_is_closed_and_resumes_by_id(dsvc: Services) -> None:
    from storywatch.web.live import QUEUE_LIMIT, LiveHub

    hub = LiveHub(dsvc)
    slow = hub.subscribe(7)
    fast = hub.subscribe(7)
    for i in range(QUEUE_LIMIT):
        await hub.dispatch({"user_id": 7, "notification_id": i + 1, "notification": {"id": i + 1}})
        assert fast.take().startswith(f"id: {i + 1}\n".encode())
    await hub.dispatch({"user_id": 7, "notification_id": 5000, "notification": {"id": 5000}})
    assert hub.dropped_connections == 1
    assert 7 in hub.listeners and hub.listeners[7] == {fast}  # the healthy one stays
    assert slow.closed  # the stalled one is told to close; its client resumes by id
    assert fast.take().startswith(b"id: 5000\n")
    await hub.stop()


async def test_a_stream_drops_what_the_replay_already_sent(dsvc: Services) -> None:
    from storywatch.web.live import PING, LiveHub

    hub = LiveHub(dsvc)
    stream = hub.subscribe(3)
    stream.last_id = 10  # the replay wrote up to 10
    for nid in (9, 10, 11):
        await hub.dispatch({"user_id": 3, "notification_id": nid, "notification": {"id": nid}})
    stream.push((-1, PING))
    chunk = stream.take()
    assert chunk.count(b"event: notification") == 1 and b"id: 11\n" in chunk
    assert chunk.endswith(PING)
    assert stream.take() == b""
    await hub.stop()


async def test_one_bus_message_carries_a_batch_to_every_stream(dsvc: Services) -> None:
    from storywatch import bus
    from storywatch.web.live import LiveHub

    hub = LiveHub(dsvc)
    ana, ben, ben2 = hub.subscribe(1), hub.subscribe(2), hub.subscribe(2)
    await asyncio.sleep(0)  # the hub's pump is listening
    notes = [
        {"user_id": uid, "notification_id": nid, "notification": {"id": nid}}
        for uid, nid in ((1, 5), (2, 6), (3, 7))
    ]
    await dsvc.bus.publish(bus.LIVE, {"notifications": notes})
    assert await until(lambda: bool(ana.frames and ben.frames and ben2.frames), 5)
    assert [nid for nid, _ in ana.frames] == [5]
    assert [nid for nid, _ in ben.frames] == [6] == [nid for nid, _ in ben2.frames]
    assert hub.delivered == 3
    await hub.stop()


async def test_quiet_streams_get_keep_alive_pings(
    dsvc: Services, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storywatch.web import live

    monkeypatch.setattr(live, "PING_SECONDS", 0.3)
    ana = await new_user(dsvc, "ana")
    token = await token_for(dsvc, ana)
    async with (
        httpx.AsyncClient(timeout=5) as client,
        client.stream(
            "GET", f"{server}/api/v1/live", headers={"Authorization": f"Bearer {token}"}
        ) as response,
    ):
        assert response.status_code == 200
        assert "content-length" not in response.headers
        seen = ""
        async for chunk in response.aiter_text():
            seen += chunk
            if seen.count(": ping") >= 2:
                break
    assert seen.startswith(": ping\n\n")


async def test_a_client_that_leaves_is_forgotten(
    dsvc: Services, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storywatch.web import live

    monkeypatch.setattr(live, "PING_SECONDS", 0.2)
    hub = live.live_hub(dsvc)
    ana = await new_user(dsvc, "ana")
    token = await token_for(dsvc, ana)
    async with (
        httpx.AsyncClient(timeout=5) as client,
        client.stream(
            "GET", f"{server}/api/v1/live", headers={"Authorization": f"Bearer {token}"}
        ) as response,
    ):
        async for _ in response.aiter_bytes():
            break  # the first ping: the stream is open
        assert hub.connections == 1
    assert await until(lambda: hub.connections == 0, 5)


async def test_a_client_that_stops_reading_is_cut_off(
    dsvc: Services, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storywatch.web import live

    monkeypatch.setattr(live, "SEND_TIMEOUT", 0.5)
    monkeypatch.setattr(live, "PING_SECONDS", 0.3)
    hub = live.live_hub(dsvc)
    ana = await new_user(dsvc, "ana")
    token = await token_for(dsvc, ana)
    host, port = server.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    head = f"GET /api/v1/live HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\r\n"
    writer.write(head.encode())
    await writer.drain()
    assert await until(lambda: hub.connections == 1, 5)
    big = {"id": 0, "text": "x" * 60_000}
    for nid in range(1, 400):  # ~24 MB: more than the sockets' buffers hold
        await hub.dispatch({"user_id": ana, "notification_id": nid, "notification": big})
        await asyncio.sleep(0)
        if hub.dropped_connections:
            break
    assert await until(lambda: hub.dropped_connections == 1, 10)  # the write waited too long
    assert hub.connections == 0
    received = 0
    while chunk := await asyncio.wait_for(reader.read(1 << 20), 10):
        received += len(chunk)
    assert received < 400 * 60_000  # the server hung up before sending everything
    writer.close()
