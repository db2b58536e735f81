"""The delivery worker: claim due deliveries, send them, record what happened, repeat.

Any number of workers may run, in any number of processes, against one database:

- **claim** — a batch of due deliveries is leased to this worker for
  ``delivery_lease_seconds`` (one writer on SQLite, where delivery processes take turns
  through :mod:`.turns`; ``FOR UPDATE SKIP LOCKED`` on PostgreSQL). A worker that is killed
  holds its leases until they run out, then another worker (or itself, restarted) retakes
  them: nothing is lost, and a send that was in flight may be repeated with the same
  idempotency key;
- **send** — up to ``delivery_concurrency`` sends are in flight or waiting for their outcome
  to be committed, so a crash repeats at most that many;
- **record** — outcomes are written in batches (one transaction per batch), with retries
  scheduled by exponential backoff with jitter, dead letters after ``delivery_max_attempts``,
  channel health, removal of devices whose subscription ended, and fallback copies;
- **digests** — every few seconds, digests that are due are built and queued.

The worker wakes when the bus rings ``NOTIFIED`` and otherwise polls the store, so a lost
bus message (or a writer in another process without a shared bus) costs at most a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import time
from collections import deque
from datetime import datetime

from storywatch import bus
from storywatch.app import Services
from storywatch.deliver import send
from storywatch.deliver.channels import ChannelSet, channel_set
from storywatch.deliver.digest import send_due_digests
from storywatch.deliver.outbox import limits_from
from storywatch.deliver.turns import WriteTurns
from storywatch.store import channels as deliveries_store
from storywatch.store import notifications as store
from storywatch.store.channels import Claimed

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0
DIGEST_CHECK_SECONDS = 15.0
FLUSH_SECONDS = 0.05
FLUSH_BATCH = 500
CLAIM_MAX = 1000
QUEUE_SECONDS = 1.0  # at most this much of this worker's sending is claimed ahead


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class DeliveryWorker:
    """Sends what the outbox holds; see the module docstring.

    Claims are large and ahead of the sends: up to ``2 × concurrency`` deliveries are leased
    at a time (at least half of that per claim), kept in a local queue, and each finished send
    starts the next one from it directly. A claim and its check for newer pushes in the same
    threads cost a few milliseconds however few rows they return, so claiming in bulk is what
    keeps the store's share of a send small (bench/fanout.py). When sends go fast the queue
    grows to what this worker sends in ``QUEUE_SECONDS`` (at most ``CLAIM_MAX``), so claims
    come in batches of several hundred; the queue stays far inside the lease either way.
    """

    def __init__(self, services: Services, *, worker_id: str | None = None) -> None:
        self.services = services
        self.settings = services.settings
        self.worker_id = worker_id or default_worker_id()
        self.concurrency = max(1, self.settings.delivery_concurrency)
        self.high_water = 2 * self.concurrency
        self.claim_min = max(1, self.concurrency // 2)
        self._queue_seconds = min(QUEUE_SECONDS, self.settings.delivery_lease_seconds / 8)
        self._rate = 0.0  # sends per second, smoothed
        self._rate_sent = 0
        self._rate_since = 0.0
        self.limits = limits_from(self.settings)
        self.turns = WriteTurns(services.db)
        self._kick = asyncio.Event()
        self._more = True  # the outbox may hold due rows beyond what was claimed
        self._ready: deque[Claimed] = deque()
        self._claimed_at: dict[int, float] = {}
        self._fresh_for = self.settings.delivery_lease_seconds / 2
        self._kinds: ChannelSet | None = None
        self._stopping = False
        self._results: list[send.Result] = []
        self._tasks: set[asyncio.Task[None]] = set()
        # Sends started whose outcome is not committed yet. They hold a slot of
        # ``concurrency`` until then, so a crash re-sends at most ``concurrency`` deliveries
        # (the kill test), and a store that cannot keep up slows the sending down.
        self._unrecorded = 0
        self._flush_soon = asyncio.Event()
        self.flush_at = max(1, self.concurrency // 2)
        self.sent = 0
        self.failed = 0

    # ------------------------------------------------------------------ run

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set; then finish in-flight sends and give back leases."""
        self._kinds = await channel_set(self.services)
        self._stopping = False
        helpers = [
            asyncio.create_task(self._doorbell(stop), name="deliver-doorbell"),
            asyncio.create_task(self._recorder(stop), name="deliver-recorder"),
            asyncio.create_task(self._digests(stop), name="deliver-digests"),
            asyncio.create_task(self._stop_kick(stop), name="deliver-stop"),
        ]
        try:
            await self._loop(stop)
        finally:
            self._stopping = True
            self._ready.clear()  # their leases are given back below, unsent
            self._claimed_at.clear()
            if self._tasks:
                await asyncio.wait(set(self._tasks), timeout=self.settings.fetch_timeout_seconds)
            recorder = helpers[1]
            for task in helpers:
                if task is not recorder:
                    task.cancel()
            for task in helpers:  # the recorder ends by itself once stop is set
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            await self._flush()
            async with self.turns.write() as conn:
                await deliveries_store.release(conn, self.worker_id)
            self.turns.close()

    async def _loop(self, stop: asyncio.Event) -> None:
        idle_until = 0.0
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            self._kick.clear()
            self._start_ready()
            self._size_queue(loop.time())
            room = self.high_water - len(self._ready) - self._unrecorded
            if not self._more and loop.time() >= idle_until:
                self._more = True  # the poll: a lost doorbell or a retry that fell due
            if self._more and (room >= self.claim_min or (room > 0 and not self._ready)):
                limit = min(room, CLAIM_MAX)
                now = self.services.clock()
                async with self.turns.write() as conn:
                    ids = await deliveries_store.lease(
                        conn,
                        worker_id=self.worker_id,
                        now=now,
                        lease_seconds=self.settings.delivery_lease_seconds,
                        limit=limit,
                    )
                if ids:  # read after the commit: the write lock is held for the lease alone
                    async with self.services.db.read() as conn:
                        claimed = await deliveries_store.leased(
                            conn, ids, worker_id=self.worker_id, now=now
                        )
                    self._screen(claimed, now)
                if len(ids) < limit:  # drained for now: sleep until the next due row
                    self._more = False
                    idle_until = loop.time() + await self._idle_seconds(now)
                continue
            timeout = POLL_SECONDS if self._more else max(0.0, idle_until - loop.time())
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._kick.wait()

    def _size_queue(self, now: float) -> None:
        """Claim ahead by what this worker actually sends in ``QUEUE_SECONDS``."""
        elapsed = now - self._rate_since
        if elapsed < 0.5:
            return
        done = self.sent + self.failed
        rate = (done - self._rate_sent) / elapsed
        self._rate = rate if self._rate == 0.0 else 0.5 * self._rate + 0.5 * rate
        self._rate_sent, self._rate_since = done, now
        ahead = min(CLAIM_MAX, max(self.concurrency, int(self._rate * self._queue_seconds)))
        self.high_water = self.concurrency + ahead
        self.claim_min = max(1, self.high_water // 2)

    async def _stop_kick(self, stop: asyncio.Event) -> None:
        await stop.wait()
        self._kick.set()

    async def _idle_seconds(self, now: datetime) -> float:
        async with self.services.db.read() as conn:
            due = await deliveries_store.next_due_at(conn)
        if due is None:
            return POLL_SECONDS
        return min(POLL_SECONDS, max(0.01, (due - now).total_seconds()))

    def _screen(self, claimed: list[Claimed], now: datetime) -> None:
        """Queue claimed deliveries, except those a newer push of their thread made stale
        (the claim checks that in the same statement)."""
        at = time.monotonic()
        for item in claimed:
            if item.superseded:
                self._results.append(send.superseded(item, now))
            else:
                self._claimed_at[item.delivery_id] = at
                self._ready.append(item)
        self._start_ready()

    def _start_ready(self) -> None:
        while self._ready and self._unrecorded < self.concurrency and not self._stopping:
            self._start(self._ready.popleft())

    def _start(self, item: Claimed) -> None:
        assert self._kinds is not None
        if time.monotonic() - self._claimed_at.get(item.delivery_id, 0.0) > self._fresh_for:
            # Queued too long (slow sends): its lease may run out mid-send and another worker
            # retake it. Let the lease lapse instead; the delivery is claimed again then.
            self._claimed_at.pop(item.delivery_id, None)
            return
        self._claimed_at.pop(item.delivery_id, None)
        task = asyncio.create_task(self._send(item, self._kinds))
        self._unrecorded += 1
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if task.cancelled() or task.exception() is not None:  # no outcome will be written
            self._unrecorded -= 1
            if not task.cancelled():
                log.error("a delivery send failed outside its channel", exc_info=task.exception())
        if len(self._results) >= self.flush_at or not self._tasks:
            self._flush_soon.set()

    def _recorded(self, batch: list[send.Result]) -> None:
        """A batch of outcomes is committed: its slots take the next sends at once."""
        self._unrecorded -= sum(1 for r in batch if r.outcome.attempted)
        self._start_ready()
        if any(r.outcome.status == "pending" for r in batch):
            self._more = True  # a retry is scheduled: the loop re-reads when it falls due
            self._kick.set()
        elif self._more and self.high_water - len(self._ready) - self._unrecorded >= self.claim_min:
            self._kick.set()

    async def _send(self, item: Claimed, kinds: ChannelSet) -> None:
        items: list[store.Notification] = []
        if item.notification.kind == "digest":
            async with self.services.db.read() as conn:
                items = await store.digest_items(conn, item.notification.id)
        result = await send.attempt(
            item, kinds, self.settings, self.services.clock, self.services.rng, items=items
        )
        if result.outcome.ok:
            self.sent += 1
        else:
            self.failed += 1
            log.info(
                "delivery %s on %s channel %s failed: %s",
                item.delivery_id,
                item.channel.kind,
                item.channel.id,
                result.outcome.error,
            )
        self._results.append(result)

    # ------------------------------------------------------------------ helpers

    async def _flush(self) -> None:
        """Write buffered outcomes; a batch leaves the buffer only once it is committed."""
        while self._results:
            batch = self._results[:FLUSH_BATCH]
            async with self.turns.write() as conn:
                await send.write(conn, self.worker_id, batch)
            del self._results[: len(batch)]
            self._recorded(batch)

    async def _recorder(self, stop: asyncio.Event) -> None:
        """Commit outcomes every FLUSH_SECONDS, or sooner once a quarter of the slots wait."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(FLUSH_SECONDS):
                    await self._flush_soon.wait()
            self._flush_soon.clear()
            try:
                await self._flush()
            except Exception:
                log.exception("writing delivery outcomes failed; will retry")
                await asyncio.sleep(1.0)

    async def _doorbell(self, stop: asyncio.Event) -> None:
        group = "deliver"
        ensure = getattr(self.services.bus, "ensure_group", None)
        if callable(ensure):
            ensure(bus.NOTIFIED, group)
        async for message in self.services.bus.consume(bus.NOTIFIED, group, self.worker_id):
            self._more = True
            self._kick.set()
            await self.services.bus.ack(message, group)
            if stop.is_set():
                return

    async def _digests(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                made = await send_due_digests(self.services, self.limits)
                if made:
                    self._more = True
                    self._kick.set()
            except Exception:
                log.exception("building digests failed; will retry")
            await _wait_any(stop, asyncio.Event(), timeout=DIGEST_CHECK_SECONDS)


async def _wait_any(stop: asyncio.Event, other: asyncio.Event, *, timeout: float) -> None:  # noqa: ASYNC109
    """Sleep until ``stop`` or ``other`` is set, or ``timeout`` seconds pass."""
    waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(other.wait())]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()
