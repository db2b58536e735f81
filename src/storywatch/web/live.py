"""The live stream (SSE): ``GET /api/v1/live`` sends a user's notifications as they happen.

Each web process subscribes *once* to the bus's ``LIVE`` broadcast (a :class:`LiveHub`) and
hands each message to the connections of the user it is for, as an SSE frame encoded once
(``id: <notification id>``, ``event: notification``, ``data: <NotificationOut JSON>``). So
10,000 open connections cost one bus subscription and one JSON encoding per notification, not
10,000 of each.

The stream is best-effort and resumable: a browser's EventSource reconnects with
``Last-Event-ID`` and the endpoint replays the user's notifications after that id from the
store before following the hub, dropping anything the replay already sent. A connection whose
client cannot keep up (its queue fills) is closed, and the reconnect replays what it missed.
Authentication is the session cookie (EventSource sends it) or a bearer token (the CLI);
tokens in the query string are refused, as they end up in logs.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from sse_starlette.sse import EventSourceResponse

from storywatch import bus
from storywatch.app import Services
from storywatch.deliver.model import NotificationOut
from storywatch.store import notifications as store
from storywatch.web.api.common import ERROR_RESPONSES
from storywatch.web.deps import ServicesDep, UserDep

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1", tags=["live"], responses=ERROR_RESPONSES)

EXTRAS_KEY = "web.live_hub"
QUEUE_LIMIT = 1000
REPLAY_BATCH = 500
PING_SECONDS = 15

Frame = tuple[int, bytes]
CLOSE: Frame = (-1, b"")


def frame(notification_id: int, data: dict[str, Any]) -> bytes:
    """One SSE event, ready for the wire."""
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return f"id: {notification_id}\nevent: notification\ndata: {body}\n\n".encode()


class LiveHub:
    """This process's one listener on ``LIVE``, fanning out to per-user connection queues."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.listeners: dict[int, set[asyncio.Queue[Frame]]] = {}
        self._task: asyncio.Task[None] | None = None
        self.delivered = 0
        self.dropped_connections = 0

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._pump(), name="live-hub")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    def subscribe(self, user_id: int) -> asyncio.Queue[Frame]:
        self.start()
        queue: asyncio.Queue[Frame] = asyncio.Queue(QUEUE_LIMIT)
        self.listeners.setdefault(user_id, set()).add(queue)
        return queue

    def unsubscribe(self, user_id: int, queue: asyncio.Queue[Frame]) -> None:
        found = self.listeners.get(user_id)
        if found is not None:
            found.discard(queue)
            if not found:
                del self.listeners[user_id]

    @property
    def connections(self) -> int:
        return sum(len(q) for q in self.listeners.values())

    async def _pump(self) -> None:
        async for message in self.services.bus.broadcast(bus.LIVE):
            try:
                await self.dispatch(message)
            except Exception:
                log.exception("live stream: a message could not be fanned out")

    async def dispatch(self, message: dict[str, Any]) -> None:
        user_id = message.get("user_id")
        queues = self.listeners.get(user_id) if isinstance(user_id, int) else None
        if not queues:
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
        for queue in list(queues):
            try:
                queue.put_nowait(item)
                self.delivered += 1
            except asyncio.QueueFull:  # a stalled client: close it, it will resume by id
                self.dropped_connections += 1
                self.unsubscribe(user_id, queue)  # type: ignore[arg-type]
                with contextlib.suppress(asyncio.QueueEmpty):
                    queue.get_nowait()
                queue.put_nowait(CLOSE)


def tune_gc() -> None:
    """Collect young objects less often in a process that holds many live connections.

    Each open stream keeps a task, a generator, a queue and buffers alive; with CPython's
    default thresholds (700 allocations) the collector ran so often over them that, holding
    5,000 streams, it took more time than the fan-out itself (bench/fanout.py --part sse).
    At 50,000 it no longer shows up, and events per CPU-second nearly double. Call once at
    start-up of a web process (``storywatch serve``); it changes nothing else.
    """
    gc.set_threshold(50_000, 20, 100)


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


async def stream(
    services: Services, user_id: int, last_event_id: int | None, request: Request | None = None
) -> AsyncIterator[bytes]:
    """The frames of one connection: the replay after ``last_event_id``, then live ones."""
    hub = live_hub(services)
    queue = hub.subscribe(user_id)  # before the replay, so nothing falls between the two
    try:
        last = last_event_id if last_event_id is not None else -1
        if last_event_id is not None:
            while True:
                async with services.db.read() as conn:
                    missed = await store.after_id(conn, user_id, last, limit=REPLAY_BATCH)
                for n in missed:
                    yield frame(n.id, NotificationOut.from_stored(n).model_dump(mode="json"))
                    last = n.id
                if len(missed) < REPLAY_BATCH:
                    break
        while True:
            item = await queue.get()
            # Whatever else is already queued goes out in the same write: under load one
            # socket write carries many events instead of one each.
            chunks: list[bytes] = []
            while True:
                nid, data = item
                if nid < 0:
                    if chunks:
                        yield b"".join(chunks)
                    return
                if nid > last:
                    last = nid
                    chunks.append(data)
                try:
                    item = queue.get_nowait()
                except asyncio.QueueEmpty:
                    break
            if chunks:
                yield b"".join(chunks)
    finally:
        hub.unsubscribe(user_id, queue)


@router.get(
    "/live",
    response_class=EventSourceResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "An SSE stream."}},
)
async def live(
    request: Request,
    services: ServicesDep,
    user: UserDep,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> EventSourceResponse:
    """Your notifications as Server-Sent Events (``event: notification``, ``id`` = the
    notification id, ``data`` = the notification as JSON). Reconnect with ``Last-Event-ID``
    to receive what you missed. Pings every 15 s keep proxies from closing the connection."""
    return EventSourceResponse(
        stream(services, user.id, _last_id(last_event_id), request),
        ping=PING_SECONDS,
        send_timeout=30,
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
