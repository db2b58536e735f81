"""The live stream (SSE): ``GET /api/v1/live`` sends a user's notifications as they happen.

Each web process subscribes *once* to the bus's ``LIVE`` broadcast (a :class:`LiveHub`) and
hands each notification to the connections of the user it is for, as an SSE frame encoded
once (``id: <notification id>``, ``event: notification``, ``data: <NotificationOut JSON>``).
So 10,000 open connections cost one bus subscription and one JSON encoding per notification,
not 10,000 of each. A ``LIVE`` message carries one notification or a batch of them
(``{"notifications": [...]}``, what :func:`storywatch.deliver.outbox.announce` publishes).

The response is written by hand (:class:`LiveResponse`) rather than with sse-starlette:
per event and connection that library opened a timeout scope and went through an async
generator, a task group and a lock, and at 10,000 connections that was most of the CPU
(bench/fanout.py --part sse). Here a connection is a :class:`Stream`: the hub appends the
preformatted bytes to its buffer and wakes its writer, which sends everything buffered in
one write. What is kept: keep-alive pings (one timer for the whole process, not one per
connection), a stalled client is cut off (its buffer fills, or a write waits longer than
``SEND_TIMEOUT``), and resumption by ``Last-Event-ID``.

The stream is best-effort and resumable: a browser's EventSource reconnects with
``Last-Event-ID`` and the endpoint replays the user's notifications after that id from the
store before following the hub, dropping anything the replay already sent. Authentication is
the session cookie (EventSource sends it) or a bearer token (the CLI); tokens in the query
string are refused, as they end up in logs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from storywatch import bus
from storywatch.app import Services
from storywatch.deliver.model import NotificationOut
from storywatch.runtime import tune_gc
from storywatch.store import notifications as store
from storywatch.web.api.common import ERROR_RESPONSES
from storywatch.web.deps import ServicesDep, UserDep

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1", tags=["live"], responses=ERROR_RESPONSES)

EXTRAS_KEY = "web.live_hub"
QUEUE_LIMIT = 1000  # frames buffered for one connection before it counts as stalled
REPLAY_BATCH = 500
PING_SECONDS = 15.0
SEND_TIMEOUT = 30.0  # a write that waits this long on a client's full socket ends the stream
PING = b": ping\n\n"

Frame = tuple[int, bytes]


def frame(notification_id: int, data: dict[str, Any]) -> bytes:
    """One SSE event, ready for the wire."""
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return f"id: {notification_id}\nevent: notification\ndata: {body}\n\n".encode()


class Stream:
    """One open connection's side of the hub: frames waiting to be written, and its writer.

    The hub appends (:meth:`push`); the writer takes everything at once (:meth:`take`).
    Ids only go up on a stream: a frame at or below the last one written (the replay already
    sent it) is dropped when taken.
    """

    __slots__ = (
        "closed",
        "frames",
        "last_id",
        "last_write",
        "sending_since",
        "task",
        "user_id",
        "waiter",
    )

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id
        self.frames: list[Frame] = []
        self.waiter: asyncio.Future[None] | None = None
        self.closed = False
        self.last_id = -1
        self.sending_since = 0.0  # monotonic time a write started and has not finished
        self.last_write = time.monotonic()
        self.task: asyncio.Task[Any] | None = None

    def push(self, item: Frame) -> bool:
        """Queue a frame; False when the connection is too far behind (it is then closed)."""
        if self.closed:
            return True
        if len(self.frames) >= QUEUE_LIMIT:
            self.close()
            return False
        self.frames.append(item)
        self._wake()
        return True

    def close(self) -> None:
        self.closed = True
        self._wake()

    def _wake(self) -> None:
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def wait(self) -> None:
        if self.frames or self.closed:
            return
        self.waiter = asyncio.get_running_loop().create_future()
        try:
            await self.waiter
        finally:
            self.waiter = None

    def take(self) -> bytes:
        """Everything queued, newer than what was written, as one chunk."""
        frames, self.frames = self.frames, []
        if len(frames) == 1:
            nid, data = frames[0]
            if nid < 0:
                return data
            if nid > self.last_id:
                self.last_id = nid
                return data
            return b""
        chunks: list[bytes] = []
        for nid, data in frames:
            if nid < 0:  # a ping: no id of its own
                chunks.append(data)
            elif nid > self.last_id:
                self.last_id = nid
                chunks.append(data)
        return b"".join(chunks)


class LiveHub:
    """This process's one listener on ``LIVE``, fanning out to per-user streams."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.listeners: dict[int, set[Stream]] = {}
        self._task: asyncio.Task[None] | None = None
        self._pinger: asyncio.Task[None] | None = None
        self.delivered = 0
        self.dropped_connections = 0

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._pump(), name="live-hub")
        if self._pinger is None or self._pinger.done():
            self._pinger = asyncio.create_task(self._ping(), name="live-ping")

    async def stop(self) -> None:
        for task in (self._task, self._pinger):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    def subscribe(self, user_id: int) -> Stream:
        self.start()
        stream = Stream(user_id)
        self.listeners.setdefault(user_id, set()).add(stream)
        return stream

    def unsubscribe(self, stream: Stream) -> None:
        found = self.listeners.get(stream.user_id)
        if found is not None:
            found.discard(stream)
            if not found:
                del self.listeners[stream.user_id]

    @property
    def connections(self) -> int:
        return sum(len(s) for s in self.listeners.values())

    async def _pump(self) -> None:
        async for message in self.services.bus.broadcast(bus.LIVE):
            try:
                batch = message.get("notifications")
                if isinstance(batch, list):
                    for one in batch:
                        if isinstance(one, dict):
                            await self.dispatch(one)
                else:
                    await self.dispatch(message)
            except Exception:
                log.exception("live stream: a message could not be fanned out")

    async def dispatch(self, message: dict[str, Any]) -> None:
        user_id = message.get("user_id")
        streams = self.listeners.get(user_id) if isinstance(user_id, int) else None
        if not streams:
            return
        nid = int(message["notification_id"])
        data = message.get("notification")
        if not isinstance(data, dict):  # a publisher that sent ids only: read it once
            async with self.services.db.read() as conn:
                found = await store.get_many(conn, [nid])
            if not found:
                return
            data = NotificationOut.from_stored(found[0]).model_dump(mode="json")
        item = (nid, frame(nid, data))
        for stream in list(streams):
            if stream.push(item):
                self.delivered += 1
            else:  # a stalled client: closed; it resumes by id when it reconnects
                self.dropped_connections += 1
                self.unsubscribe(stream)

    async def _ping(self) -> None:
        """Every few seconds: a ping to streams quiet for PING_SECONDS, and cut off writes
        stuck longer than SEND_TIMEOUT (one timer for the process, not one per stream)."""
        tick = min(PING_SECONDS, SEND_TIMEOUT) / 3
        while True:
            await asyncio.sleep(tick)
            now = time.monotonic()
            for streams in list(self.listeners.values()):
                for stream in list(streams):
                    if stream.sending_since and now - stream.sending_since > SEND_TIMEOUT:
                        self._cut_off(stream)
                    elif not stream.frames and now - stream.last_write >= PING_SECONDS:
                        stream.last_write = now
                        stream.push((-1, PING))

    def _cut_off(self, stream: Stream) -> None:
        self.dropped_connections += 1
        self.unsubscribe(stream)
        stream.close()
        if stream.task is not None:
            stream.task.cancel()


def live_hub(services: Services) -> LiveHub:
    """The process's hub, created on first use and kept in ``services.extras``."""
    hub = services.extras.get(EXTRAS_KEY)
    if not isinstance(hub, LiveHub):
        hub = LiveHub(services)
        services.extras[EXTRAS_KEY] = hub
    return hub


def _last_id(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


class LiveResponse(Response):
    """An SSE response fed by the hub; see the module docstring for why it is hand-written."""

    media_type = "text/event-stream"

    def __init__(self, services: Services, user_id: int, last_event_id: int | None) -> None:
        super().__init__(
            status_code=200,
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            media_type=self.media_type,
        )
        self.services = services
        self.user_id = user_id
        self.last_event_id = last_event_id

    def init_headers(self, headers: Any = None) -> None:
        super().init_headers(headers)
        # no Content-Length: the body never ends; the server frames it (chunked)
        self.raw_headers = [(k, v) for k, v in self.raw_headers if k != b"content-length"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Write from a task of its own while this one waits for the client to leave.

        The request's task sits under a dozen middleware coroutines, and waking it for each
        event resumed all of them; the writer task is shallow, so an event costs one resume.
        """
        hub = live_hub(self.services)
        stream = hub.subscribe(self.user_id)  # before the replay: nothing falls in between
        stream.task = asyncio.current_task()
        writer = asyncio.create_task(self._write_all(stream, send), name="live-writer")
        writer.add_done_callback(_end_request(stream))
        cut_off = False
        try:
            while True:  # the client leaving, or the writer completing the response, ends it
                message: Message = await receive()
                if message["type"] == "http.disconnect":
                    break
        except asyncio.CancelledError:
            if writer.done() and not writer.cancelled() and writer.exception() is not None:
                raise writer.exception() from None  # type: ignore[misc]
            if not (stream.closed and stream.sending_since):
                raise
            cut_off = True  # our own watchdog: the client stopped reading
        finally:
            hub.unsubscribe(stream)
            stream.close()
            if cut_off or not writer.done():
                await asyncio.wait({writer}, timeout=0 if cut_off else 5)
                writer.cancel()
        if cut_off:
            log.info("live stream of user %s cut off: the client stopped reading", self.user_id)

    async def _write_all(self, stream: Stream, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        if self.last_event_id is not None:
            await self._replay(stream, send)
        while True:
            await stream.wait()
            if stream.closed:
                break
            chunk = stream.take()
            if chunk:
                await _write(stream, send, chunk)
        # closed: the client left, or fell too far behind and will resume by Last-Event-ID
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _replay(self, stream: Stream, send: Send) -> None:
        last = self.last_event_id if self.last_event_id is not None else -1
        while True:
            async with self.services.db.read() as conn:
                missed = await store.after_id(conn, self.user_id, last, limit=REPLAY_BATCH)
            if missed:
                body = b"".join(
                    frame(n.id, NotificationOut.from_stored(n).model_dump(mode="json"))
                    for n in missed
                )
                last = missed[-1].id
                stream.last_id = max(stream.last_id, last)
                await _write(stream, send, body)
            if len(missed) < REPLAY_BATCH:
                return


async def _write(stream: Stream, send: Send, chunk: bytes) -> None:
    stream.sending_since = stream.last_write = time.monotonic()
    await send({"type": "http.response.body", "body": chunk, "more_body": True})
    stream.sending_since = 0.0


def _end_request(stream: Stream) -> Any:
    """The writer's done-callback: a writer that failed ends the request's task too."""

    def done(writer: asyncio.Task[None]) -> None:
        if writer.cancelled() or writer.exception() is None:
            return  # finished: the server answers the request's receive() with a disconnect
        task = stream.task
        if task is not None and not task.done():
            task.cancel()

    return done


@router.get(
    "/live",
    status_code=200,
    response_class=LiveResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "An SSE stream."}},
)
async def live(
    request: Request,
    services: ServicesDep,
    user: UserDep,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> LiveResponse:
    """Your notifications as Server-Sent Events (``event: notification``, ``id`` = the
    notification id, ``data`` = the notification as JSON). Reconnect with ``Last-Event-ID``
    to receive what you missed. Pings every 15 s keep proxies from closing the connection."""
    return LiveResponse(services, user.id, _last_id(last_event_id))


__all__ = ["PING", "LiveHub", "LiveResponse", "Stream", "frame", "live_hub", "tune_gc"]
