"""The polling loop (S2): claim due feeds, fetch politely, decide, write in batches, announce.

One :class:`Poller` per ingest process. :meth:`Poller.run` keeps up to
``poll_concurrency`` fetches in flight (``poll_per_host_concurrency`` per host), claiming due
feeds from the store as slots free up, so a slow host never holds up the others. Results are
written in small batches (one transaction for many polls: SQLite has one writer), and each
new article id is published on the bus as :data:`storywatch.bus.INGESTED` after its
transaction commits. One bad feed is an error on that feed, never an exception out of here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.app import Services
from storywatch.bus import INGESTED
from storywatch.errors import FeedError, FetchError
from storywatch.model import ParsedFeed
from storywatch.sources import decide
from storywatch.sources.feeds import parse_feed
from storywatch.sources.fetch import SafeFetcher, shared_fetcher
from storywatch.store import articles as article_store
from storywatch.store import sources as source_store
from storywatch.store.sources import Source

log = logging.getLogger(__name__)

PARSE_IN_THREAD_BYTES = 64 * 1024
WRITE_BATCH = 200
IDLE_TICK_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll did, for callers (the API's "poll now", tests, benchmarks)."""

    source_id: int
    ok: bool
    status: int | None
    not_modified: bool
    new_article_ids: tuple[int, ...]
    error: str | None
    next_poll_at: datetime | None
    elapsed_ms: float
    moved_to: str | None = None
    late_seconds: float = 0.0


@dataclass
class PollStats:
    """Counters a benchmark or the metrics endpoint reads; lateness keeps recent samples."""

    polls: int = 0
    not_modified: int = 0
    errors: int = 0
    new_items: int = 0
    lateness: deque[float] = field(default_factory=lambda: deque(maxlen=100_000))


@dataclass
class _Pending:
    source: Source
    decision: decide.PollDecision
    status: int | None
    elapsed_ms: float
    late: float
    done: asyncio.Future[PollOutcome]


HubCallback = Callable[[int], Awaitable[object]]


class Poller:
    """Polls every enabled feed on its own schedule; see the module docstring."""

    def __init__(self, services: Services, *, fetcher: SafeFetcher | None = None) -> None:
        self.services = services
        self.settings = services.settings
        self.fetcher = fetcher or shared_fetcher(services)
        self.stats = PollStats()
        self.on_hub_found: HubCallback | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._wake = asyncio.Event()
        self._queue: asyncio.Queue[_Pending] = asyncio.Queue()
        self._inflight: set[asyncio.Task[PollOutcome | None]] = set()
        self._batching = False
        self._background: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------------ public

    def wake(self) -> None:
        """Look for due feeds now (a source was added or pinned)."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` is set; in-flight polls are finished and written first."""
        writer = asyncio.create_task(self._writer(), name="poller-writer")
        self._batching = True
        lease = timedelta(seconds=self.settings.fetch_timeout_seconds * 3 + 60)
        try:
            while not stop.is_set():
                free = self.settings.poll_concurrency - len(self._inflight)
                claimed: list[Source] = []
                if free > 0:
                    now = self.services.clock()
                    try:
                        async with self.services.db.write() as conn:
                            claimed = await source_store.claim_due(conn, now, free, lease)
                    except Exception:
                        log.exception("claiming due sources failed; retrying")
                        await self._sleep(stop, IDLE_TICK_SECONDS)
                        continue
                    for source in claimed:
                        late = (now - (source.next_poll_at or now)).total_seconds()
                        task = asyncio.create_task(self._poll(source, max(0.0, late), wait=False))
                        self._inflight.add(task)
                        task.add_done_callback(self._inflight.discard)
                if claimed and len(claimed) == free:
                    await self._wait_for_slot(stop)
                elif not claimed:
                    await self._sleep(stop, await self._idle_seconds())
                else:
                    await self._sleep(stop, 0.05)
        finally:
            if self._inflight:
                await asyncio.gather(*self._inflight, return_exceptions=True)
            self._batching = False
            writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await writer
            await self._drain_queue()

    async def poll_source(self, source_id: int) -> PollOutcome:
        """Poll one source now, whatever its schedule, and write the result."""
        async with self.services.db.read() as conn:
            source = await source_store.require(conn, source_id)
        outcome = await self._poll(source, 0.0, batched=False)
        assert outcome is not None
        return outcome

    # ------------------------------------------------------------------ one poll

    def _host_semaphore(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        sem = self._hosts.get(host)
        if sem is None:
            sem = self._hosts[host] = asyncio.Semaphore(self.settings.poll_per_host_concurrency)
        return sem

    async def _poll(
        self, source: Source, late: float, *, batched: bool = True, wait: bool = True
    ) -> PollOutcome | None:
        """Fetch, decide and hand over for writing. ``wait=False`` (the run loop) frees the
        fetch slot as soon as the result is queued; the claim lease keeps the feed from
        being claimed again before its result is written."""
        settings, rng = self.settings, self.services.rng
        status: int | None = None
        elapsed = 0.0
        try:
            async with self._host_semaphore(source.url):
                started = time.perf_counter()
                try:
                    result = await self.fetcher.fetch(
                        source.url,
                        max_bytes=settings.max_feed_bytes,
                        etag=source.etag,
                        last_modified=source.last_modified,
                    )
                finally:
                    elapsed = (time.perf_counter() - started) * 1000
            now = self.services.clock()
            status = result.status
            if result.not_modified:
                decision = decide.not_modified(settings, source, now, rng, result)
            elif not result.ok:
                decision = decide.http_failure(settings, source, now, rng, result)
            else:
                feed = await self._parse(result.body, result.url, result.headers)
                decision = decide.fetched(settings, source, now, rng, result, feed)
        except FetchError as exc:
            decision = decide.failure(
                settings, source, self.services.clock(), rng, exc.message, elapsed_ms=elapsed
            )
        except FeedError as exc:
            decision = decide.failure(
                settings,
                source,
                self.services.clock(),
                rng,
                f"The document is not a feed we can read: {exc.message}",
                elapsed_ms=elapsed,
            )
        except Exception as exc:  # one bad source must never stop the loop
            log.exception("polling source %s failed unexpectedly", source.id)
            decision = decide.failure(
                settings,
                source,
                self.services.clock(),
                rng,
                f"Internal error while polling: {exc.__class__.__name__}: {exc}",
            )
        self.stats.lateness.append(late)
        loop = asyncio.get_running_loop()
        pending = _Pending(source, decision, status, elapsed, late, loop.create_future())
        if decision.hub_found and self.on_hub_found is not None:
            # once the hub is stored: subscribing reads it back
            pending.done.add_done_callback(lambda _f: self._spawn_hub(source.id))
        if batched and self._batching:
            await self._queue.put(pending)
            if not wait:
                return None
            return await pending.done
        return (await self._write([pending]))[0]

    def _spawn_hub(self, source_id: int) -> None:
        async def subscribe() -> None:
            assert self.on_hub_found is not None
            try:
                await self.on_hub_found(source_id)
            except Exception:
                log.exception("WebSub subscription for source %s failed", source_id)

        task = asyncio.get_running_loop().create_task(subscribe())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _parse(self, body: bytes, url: str, headers: httpx.Headers) -> ParsedFeed:
        """Parse inline when small; a big feed goes to a thread so the loop stays responsive."""
        if len(body) > PARSE_IN_THREAD_BYTES:
            return await asyncio.to_thread(parse_feed, body, url, headers=headers)
        return parse_feed(body, url, headers=headers)

    # ------------------------------------------------------------------ writing

    async def _writer(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while not self._queue.empty() and len(batch) < WRITE_BATCH:
                batch.append(self._queue.get_nowait())
            await self._write(batch)

    async def _drain_queue(self) -> None:
        batch: list[_Pending] = []
        while not self._queue.empty():
            batch.append(self._queue.get_nowait())
        if batch:
            await self._write(batch)

    async def _write(self, batch: list[_Pending]) -> list[PollOutcome]:
        """Write a batch in one transaction; on failure, each poll in its own."""
        results: list[tuple[_Pending, list[int], str | None]] = []
        try:
            async with self.services.db.write() as conn:
                simple = [
                    p for p in batch if not p.decision.items and "url" not in p.decision.values
                ]
                await source_store.update_many(
                    conn, [(p.source.id, p.decision.values) for p in simple]
                )
                results.extend((p, [], None) for p in simple)
                for pending in batch:
                    if pending in simple:
                        continue
                    new_ids, moved_error = await self._apply(conn, pending)
                    results.append((pending, new_ids, moved_error))
        except Exception:
            log.exception("writing %d poll results failed; writing them one by one", len(batch))
            results = []
            for pending in batch:
                try:
                    async with self.services.db.write() as conn:
                        new_ids, moved_error = await self._apply(conn, pending)
                except Exception as exc:
                    log.exception("writing the poll of source %s failed", pending.source.id)
                    new_ids, moved_error = [], f"Could not store the poll: {exc}"
                results.append((pending, new_ids, moved_error))
        outcomes = []
        for pending, new_ids, extra_error in results:
            for article_id in new_ids:
                await self.services.bus.publish(INGESTED, {"article_id": article_id})
            outcome = self._outcome(pending, new_ids, extra_error)
            outcomes.append(outcome)
            if not pending.done.done():
                pending.done.set_result(outcome)
        return outcomes

    async def _apply(
        self, conn: AsyncConnection, pending: _Pending
    ) -> tuple[list[int], str | None]:
        decision, source = pending.decision, pending.source
        values = dict(decision.values)
        problem: str | None = None
        moved = values.get("url")
        if moved and moved != source.url:
            other = await source_store.by_url(conn, moved)
            if other is not None and other.id != source.id:
                values.pop("url")
                problem = (
                    f"The feed moved permanently to {moved}, which is already source {other.id}."
                )
                values["last_error"] = problem
                values["last_error_at"] = self.services.clock()
        await source_store.update(conn, source.id, values)
        new_ids: list[int] = []
        if decision.items:
            known = await source_store.known_guids(
                conn, source.id, [i.guid for i in decision.items]
            )
            # known items pass again only when revised (insert_incoming decides)
            fresh = [i for i in decision.items if i.guid not in known or i.updated is not None]
            if fresh:
                new_ids = await article_store.insert_incoming(
                    conn, source.id, fresh, self.services.clock()
                )
        return new_ids, problem

    def _outcome(self, pending: _Pending, new_ids: list[int], extra: str | None) -> PollOutcome:
        decision = pending.decision
        self.stats.polls += 1
        self.stats.new_items += len(new_ids)
        if not decision.ok:
            self.stats.errors += 1
        if pending.status == 304:
            self.stats.not_modified += 1
        return PollOutcome(
            source_id=pending.source.id,
            ok=decision.ok,
            status=pending.status,
            not_modified=pending.status == 304,
            new_article_ids=tuple(new_ids),
            error=decision.error or extra,
            next_poll_at=decision.next_poll_at,
            elapsed_ms=pending.elapsed_ms,
            moved_to=decision.moved_to if extra is None else None,
            late_seconds=pending.late,
        )

    # ------------------------------------------------------------------ waiting

    async def _idle_seconds(self) -> float:
        try:
            async with self.services.db.read() as conn:
                nxt = await source_store.next_due_at(conn)
        except Exception:
            log.exception("reading the next due time failed")
            return IDLE_TICK_SECONDS
        if nxt is None:
            return IDLE_TICK_SECONDS
        return min(IDLE_TICK_SECONDS, max(0.0, (nxt - self.services.clock()).total_seconds()))

    async def _sleep(self, stop: asyncio.Event, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        waiters = {
            asyncio.ensure_future(stop.wait()),
            asyncio.ensure_future(self._wake.wait()),
        }
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            self._wake.clear()

    async def _wait_for_slot(self, stop: asyncio.Event) -> None:
        """Wait until a quarter of the fetch slots are free (or a short while has passed):
        claiming in larger groups keeps claim transactions few, since on SQLite every claim
        queues behind the single writer."""
        low_water = self.settings.poll_concurrency * 3 // 4
        deadline = asyncio.get_running_loop().time() + 0.25
        while self._inflight and len(self._inflight) > low_water and not stop.is_set():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return
            stopper = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait(
                    {*self._inflight, stopper},
                    timeout=remaining,
                    return_when=asyncio.FIRST_COMPLETED,
                )
            finally:
                stopper.cancel()
