"""The process stage: extract → understand → stories, for every stored article, in arrival order.

The work for one article splits in two:

- the heavy, stateless part — decoding, extraction, understanding the text alone, the story
  engine's reading of the text — is :func:`storywatch.pipeline.work.prepare`, run in a pool
  of worker processes (:mod:`storywatch.pipeline.pool`, ``process_workers``; 0 runs it in a
  thread here);
- the part that depends on every earlier article stays in this stage's one consumer, in
  arrival order: the site boilerplate model settles the worker's judgement
  (:func:`~storywatch.pipeline.work.settle`), people are mapped to known identities
  (:mod:`storywatch.pipeline.identities`), the story engine decides and applies, and the
  results are written (:mod:`storywatch.pipeline.commit`).

It is a pipeline: up to ``depth`` articles are read, fetched and prepared ahead of the one
being decided, so with a backlog the consumer never waits for a worker; consecutive prepared
articles are decided and written together in one transaction (a batch, bounded in size and
in time so other writers wait little).

What holds, whatever fails:

- decisions are taken in arrival order (the window is a queue; a later article that is
  ready first waits for the earlier one);
- an article fails alone: an extraction error, a worker that dies on it (retried once, then
  an error on that article), a worker past ``process_article_timeout_seconds``, an engine
  error, or rows the database refuses (a failed batch is retried article by article);
- the engine never keeps an article the store does not have: it applies each article inside
  the batch's transaction (the next article is decided on it), and if that transaction
  fails, the engine and the identity directory are rebuilt from the store
  (:meth:`ProcessStage.restore`); articles left ``new`` (by a failed transaction, a stop or
  a crash) are redone by the sweep or at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.bus import INGESTED, PROCESSED
from storywatch.errors import FetchError
from storywatch.extract import SiteBoilerplate
from storywatch.model import Understanding
from storywatch.pipeline import commit
from storywatch.pipeline.identities import resolve_identities
from storywatch.pipeline.loop import consume_until
from storywatch.pipeline.pool import JobError, PoolClosed, WorkerLost, WorkerPool, WorkerTimeout
from storywatch.pipeline.reads import RowReader, published_of, stored_window
from storywatch.pipeline.window import Slot, Window
from storywatch.pipeline.work import Job, Prepared, exact, predict, prepare, settle
from storywatch.sources.fetch import SafeFetcher, shared_fetcher
from storywatch.store.locks import exclusive
from storywatch.store.tables import articles
from storywatch.stories import StoryDoc, StoryEngine
from storywatch.understand import EntityDirectory

log = logging.getLogger(__name__)

STALE_SECONDS = 60.0  # an article still ``new`` this long after arriving missed its doorbell
SWEEP_SECONDS = 30.0
BATCH_ARTICLES = 16  # most articles decided and written in one transaction
BATCH_SECONDS = 0.2  # ... decided in at most about this long (they wait for each other)
# workers yield the cores to this process, whose one consumer is the pipeline's narrowest
# step (and which serves the web app in a one-process deployment)
WORKER_NICE = 5
# each busy worker holds its next job too (pool.py, ``ahead``): one that finishes while the
# consumer decides starts on it at once instead of idling until the consumer reads its answer
WORKER_AHEAD = True
# The garbage collector's thresholds in this stage's process and its workers. Both make many
# short-lived objects an article (understanding, the rows written) and keep few: the engine's
# state is built of untracked values (docs/design/stories.md). Python's default (a collection
# every 700 allocations net) cost ~1.1 ms an article here and ~0.3 ms in each worker;
# with these, ~0.4 ms and ~0 (bench/pipeline.py, bench/processing.py).
GC_THRESHOLDS = (20_000, 20, 20)
# what the workers' fork server imports once: the job's code, and the extractors set up
# (pipeline/warmed.py) so no article pays for that on its clock
WORKER_PRELOAD = ("storywatch.pipeline.work", "storywatch.pipeline.warmed")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one article: processed into a story, or failed with a reason."""

    article_id: int
    story_id: int | None = None
    error: str | None = None


def default_workers() -> int:
    """One worker process per CPU this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class _Ready:
    """A slot's preparation: the row as read, the job sent, and the worker's answer."""

    row: Any | None
    job: Job | None = None
    prepared: Prepared | None = None


class ProcessStage:
    """Turns ``new`` articles into processed ones inside stories; one instance per process."""

    def __init__(
        self,
        services: Services,
        *,
        fetcher: SafeFetcher | None = None,
        workers: int | None = None,
        depth: int | None = None,
    ) -> None:
        self.services = services
        settings = services.settings
        self.engine = StoryEngine(window=timedelta(days=settings.story_window_days))
        self.directory = EntityDirectory()
        self.boilerplate = SiteBoilerplate()
        if workers is None:
            workers = settings.process_workers
        self.workers = default_workers() if workers is None else workers
        # prefetch enough to keep every worker busy while the consumer decides a batch;
        # without workers, one at a time (each article judged on everything before it)
        self.depth = depth or (8 * self.workers + 4 if self.workers else 1)
        self.stats: Counter[str] = Counter()
        self._fetcher = fetcher
        self._lock = asyncio.Lock()
        self._pool: WorkerPool[Job, Prepared] | None = None
        self._pool_lock = asyncio.Lock()
        self._reader = RowReader(services)
        self._dirty = False
        self._story_ids = commit.StoryIds(services.db)
        self._last_batch = 0.0
        self.worker_cpu_seconds = 0.0  # spent in worker processes, for the benchmark
        self.engine_cpu_seconds = 0.0  # spent here in the story engine, for the benchmark
        # set once the start-up backlog is read and the stage waits on the bus: from then
        # on a new article arrives by its doorbell or, failing that, by the sweep
        self.listening = asyncio.Event()

    @property
    def fetcher(self) -> SafeFetcher:
        """The given fetcher, or the process's shared one (closed with the services)."""
        return self._fetcher or shared_fetcher(self.services)

    @property
    def pool(self) -> WorkerPool[Job, Prepared] | None:
        """The worker pool, once started (None without workers)."""
        return self._pool

    async def aclose(self) -> None:
        """Stop the worker processes (they start again on the next article)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            self.services.extras.pop(self._pool_key, None)
            await pool.aclose()

    @property
    def _pool_key(self) -> str:
        return f"process-pool-{id(self)}"

    # ------------------------------------------------------------------ start-up

    async def restore(self) -> int:
        """Replay the stored articles of the window into the engine; returns how many."""
        items = await stored_window(self.services, self.services.clock() - self.engine.window)
        for doc, _story_id in items:
            self.directory.add(doc.entities)
        return self.engine.replay(items)

    async def _rebuild(self) -> None:
        """Forget the in-memory state and rebuild it from the store (after a failed write)."""
        self.stats["rebuilds"] += 1
        self._story_ids.forget()  # the failed batch's new stories were never stored
        self.engine = StoryEngine(window=self.engine.window)
        self.directory = EntityDirectory()
        restored = await self.restore()
        log.warning("story engine rebuilt from the store: %d articles", restored)

    async def pending(self) -> list[int]:
        async with self.services.db.read() as conn:
            stmt = (
                sa.select(articles.c.id)
                .where(articles.c.status == "new")
                .order_by(articles.c.id)
                .limit(10_000)
            )
            return [int(r[0]) for r in await conn.execute(stmt)]

    # ------------------------------------------------------------------ entry points

    async def process(self, article_id: int) -> Outcome:
        """Process one article; errors are stored on the article and returned, never raised."""
        return (await self.process_many([article_id]))[0]

    async def process_many(self, article_ids: Iterable[int]) -> list[Outcome]:
        """Process articles in the given order, pipelined; one outcome per id, in order."""
        ids = list(article_ids)
        window = Window(self._ready, self.depth)
        outcomes: dict[int, Outcome] = {}

        async def feed() -> None:
            for article_id in ids:
                await window.put(article_id)
            await window.close()

        feeder = asyncio.create_task(feed())
        try:
            while (batch := await window.batch(None)) is not None:
                for outcome in await self._finish(batch):
                    outcomes[outcome.article_id] = outcome
                await window.done(batch)
        finally:
            feeder.cancel()
            await asyncio.gather(feeder, return_exceptions=True)
            await window.abandon()
        return [outcomes[i] for i in ids]

    async def run(self, stop: asyncio.Event) -> None:
        """Consume ``articles.ingested`` until ``stop``; first redo what a crash left.

        A sweep also picks up articles still ``new`` a while after arriving: their doorbell
        was lost (a publish during a Redis outage, or by a writer in another process).
        """
        async with exclusive(
            self.services.db, "process-role", stop, self.services.settings.data_dir
        ) as held:
            if held:
                try:
                    await self._run(stop)
                finally:
                    await self.aclose()

    async def _run(self, stop: asyncio.Event) -> None:
        if gc.get_threshold()[0] < GC_THRESHOLDS[0]:
            gc.set_threshold(*GC_THRESHOLDS)  # this process holds the stage from here on
        starting = asyncio.create_task(self._ensure_pool())  # workers start while restoring
        restored = await self.restore()
        await starting
        log.info("story engine restored %d articles", restored)
        messages = consume_until(self.services, INGESTED, "process", stop)
        window = Window(self._ready, self.depth)

        async def feed() -> None:
            for article_id in await self.pending():
                await window.put(article_id)
            self.listening.set()
            async for message in messages:
                await window.put(int(message.data["article_id"]), message)
            await window.close()

        feeder = asyncio.create_task(feed(), name="process-feed")
        sweeper = asyncio.create_task(self._sweep(stop, window), name="process-sweep")
        try:
            while not stop.is_set() and (batch := await window.batch(stop)) is not None:
                await self._finish(batch)
                await window.done(batch)
                for slot in batch:
                    for message in slot.messages:
                        await self.services.bus.ack(message, "process")
        finally:
            for task in (feeder, sweeper):
                task.cancel()
            await asyncio.gather(feeder, sweeper, return_exceptions=True)
            await window.abandon()

    async def stale(self) -> list[int]:
        """Articles still ``new`` :data:`STALE_SECONDS` after they arrived, oldest first."""
        cutoff = self.services.clock() - timedelta(seconds=STALE_SECONDS)
        stmt = (
            sa.select(articles.c.id)
            .where(articles.c.status == "new", articles.c.arrived_at < cutoff)
            .order_by(articles.c.id)
            .limit(1000)
        )
        async with self.services.db.read() as conn:
            return [int(r[0]) for r in await conn.execute(stmt)]

    async def _sweep(self, stop: asyncio.Event, window: Window[_Ready]) -> None:
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), SWEEP_SECONDS)
                return
            except TimeoutError:
                pass
            try:
                for article_id in await self.stale():
                    if stop.is_set():
                        return
                    await window.put(article_id)
            except Exception:
                log.exception("sweeping stale articles failed; will retry")

    # ------------------------------------------------------------------ preparing (ahead)

    async def _ready(self, article_id: int) -> _Ready:
        """Read, fetch and prepare one article (runs ahead of the consumer)."""
        row = await self._reader.get(article_id)
        if row is None or row.status != "new":
            return _Ready(row)
        job = await self._job(row)
        return _Ready(row, job, await self._compute(job))

    async def _job(self, row: Any) -> Job:
        page: bytes | None = None
        page_url = content_type = fetch_error = None
        if row.needs_page and row.url:
            try:
                result = await self.fetcher.fetch(
                    row.url, max_bytes=self.services.settings.max_page_bytes, accept="text/html"
                )
                page, page_url = result.body, result.url
                content_type = result.headers.get("content-type")
            except FetchError as exc:
                fetch_error = exc.message
        job = Job(
            article_id=int(row.id),
            url=row.url,
            source_url=row.source_url,
            title=row.title or "",
            raw_html=row.raw_html or "",
            text=row.text or "",
            summary_html=row.summary_html or "",
            needs_page=bool(row.needs_page),
            page=page,
            page_url=page_url,
            content_type=content_type,
            fetch_error=fetch_error,
            max_line_chars=self.boilerplate.max_line_chars,
        )
        return replace(job, judged=predict(self.boilerplate, job.sites()))

    async def _compute(self, job: Job, *, urgent: bool = False) -> Prepared:
        """The worker's answer for ``job``; a lost or stuck worker is an error on the article."""
        pool = await self._ensure_pool()
        if pool is None:
            return await asyncio.to_thread(prepare, job)
        for attempt in (1, 2):
            try:
                prepared = await pool.run(job, key=job.article_id, urgent=urgent or attempt > 1)
                self.worker_cpu_seconds += prepared.cpu_seconds
                return prepared
            except WorkerLost as exc:
                self.stats["worker_lost"] += 1
                if attempt == 2:
                    return Prepared(job.article_id, error=f"{exc.message}, twice")
                log.warning("article %s: %s; trying once more", job.article_id, exc.message)
            except WorkerTimeout as exc:
                self.stats["timeouts"] += 1
                return Prepared(job.article_id, error=exc.message)
            except JobError as exc:
                log.error("processing article %s failed in a worker: %s", job.article_id, exc)
                return Prepared(job.article_id, error="internal error while processing")
        raise AssertionError("unreachable")

    async def _ensure_pool(self) -> WorkerPool[Job, Prepared] | None:
        if self.workers == 0:
            return None
        async with self._pool_lock:
            if self._pool is None:
                pool: WorkerPool[Job, Prepared] = WorkerPool(
                    prepare,
                    self.workers,
                    timeout=self.services.settings.process_article_timeout_seconds,
                    preload=WORKER_PRELOAD,
                    nice=WORKER_NICE,
                    gc_thresholds=GC_THRESHOLDS,
                    ahead=WORKER_AHEAD,
                )
                await pool.start()
                self._pool = pool
                self.services.extras[self._pool_key] = self  # closed with the services
            return self._pool

    # ------------------------------------------------------------------ deciding (in order)

    async def _settled(self, ready: _Ready) -> Prepared:
        """The prepared article once the site model agrees with the worker's judgement."""
        assert ready.job is not None and ready.prepared is not None
        job, prepared = ready.job, ready.prepared
        for _ in range(4):
            if settle(self.boilerplate, prepared):
                return prepared
            self.stats["reprepared"] += 1  # the site learned a line while it was in flight
            job = exact(job, self.boilerplate, prepared)
            prepared = await self._compute(job, urgent=True)
        raise RuntimeError("the site model's judgement did not settle")

    async def _finish(self, batch: list[Slot[_Ready]]) -> list[Outcome]:
        """Decide and store a run of prepared articles, in order; one outcome per slot."""
        async with self._lock:
            outcomes: dict[int, Outcome] = {}
            todo: list[_Todo] = []
            for slot in batch:
                try:
                    if slot.task.cancelled():
                        raise PoolClosed("stopped before it was prepared")
                    ready = slot.task.result()
                    if ready.row is None or ready.prepared is None:
                        story = ready.row.story_id if ready.row is not None else None
                        outcomes[slot.article_id] = Outcome(slot.article_id, story_id=story)
                        continue
                    todo.append((slot.article_id, ready.row, await self._settled(ready)))
                except PoolClosed:  # stopping: the article stays new, to be redone
                    error = "the stage stopped before processing it; it stays new"
                    outcomes[slot.article_id] = Outcome(slot.article_id, error=error)
                except Exception:  # one bad article must not stop the stage
                    log.exception("processing article %s failed", slot.article_id)
                    todo.append((slot.article_id, None, "internal error while processing"))
            while todo:
                todo = await self._write(todo, outcomes, limit=BATCH_ARTICLES)
            return [outcomes[slot.article_id] for slot in batch]

    def _doc(self, row: Any, prepared: Prepared) -> tuple[StoryDoc, Understanding]:
        """The engine's view of the article, with its people mapped to known identities."""
        assert prepared.extracted is not None and prepared.understanding is not None
        understanding = resolve_identities(prepared.understanding, self.directory)
        doc = StoryDoc(
            article_id=int(row.id),
            source=row.source_title or row.source_url,
            url=prepared.extracted.canonical_url or row.url,
            title=prepared.title,
            text=prepared.extracted.text,
            published=published_of(row),
            entities=understanding.entities,
            statements=understanding.statements,
            key_sentences=understanding.key_sentences,
        )
        return doc, understanding

    async def _write(
        self, todo: list[_Todo], outcomes: dict[int, Outcome], *, limit: int
    ) -> list[_Todo]:
        """Decide the head of ``todo``, then store it in one transaction; returns the rest.

        The engine decides and applies each article in turn (the next one is decided on
        the ones before), then the batch is written; the database's write lock is held
        for the writing only. If the transaction fails, the engine and the directory are
        rebuilt from the store, and each article of the batch is tried alone, so that one
        article the database refuses fails alone.
        """
        services = self.services
        loop = asyncio.get_running_loop()
        started = loop.time()
        head = todo[:limit]
        fresh = await commit.still_new(services.db, [entry[0] for entry in head])
        if started - self._last_batch > 1.0:  # not in a backlog: read the largest id again
            self._story_ids.forget()
        self._last_batch = started
        self._dirty = False
        taken: list[_Todo] = []
        written: list[commit.Written] = []
        failed: list[tuple[int, str]] = []
        for entry in head:
            if taken and loop.time() - started > BATCH_SECONDS:
                break
            taken.append(entry)
            article_id, row, prepared = entry
            if article_id not in fresh:  # processed meanwhile (a duplicate doorbell)
                story = row.story_id if row is not None else None
                outcomes[article_id] = Outcome(article_id, story_id=story)
            elif isinstance(prepared, str) or prepared.error is not None:
                error = prepared if isinstance(prepared, str) else prepared.error or ""
                failed.append((article_id, error))
                outcomes[article_id] = Outcome(article_id, error=error)
            else:
                item = await self._decide_one(row, prepared, failed, outcomes)
                if item is not None:
                    written.append(item)
                # The workers' finished results are read, and their next jobs sent, only
                # when the event loop runs: without this turn they would wait idle while
                # the rest of the batch is decided (a batch is up to ~16 articles, ~2 ms each).
                await asyncio.sleep(0)
        summaries = {}
        for story_id in dict.fromkeys(item.story_id for item in written):
            with contextlib.suppress(KeyError):  # a story already out of the window
                summaries[story_id] = self.engine.headline(story_id)
        try:
            async with services.db.write() as conn:
                await commit.write_batch(conn, written, failed, summaries, services.clock())
        except Exception as exc:
            log.exception("storing %d processed articles failed", len(taken))
            await self._rebuild()
            if len(taken) > 1:
                for entry in taken:
                    await self._write([entry], outcomes, limit=1)
            else:
                await self._give_up(taken, outcomes, exc)
            return todo[len(taken) :]
        self.stats["batches"] += 1
        self.stats["processed"] += len(written)
        self.stats["failed"] += len(failed)
        for item in written:
            await services.bus.publish(PROCESSED, {"article_id": item.article_id})
        if self._dirty:
            await self._rebuild()
        return todo[len(taken) :]

    async def _give_up(
        self, taken: list[_Todo], outcomes: dict[int, Outcome], exc: Exception
    ) -> None:
        """An article that cannot be stored even alone is marked failed, if that can be."""
        for article_id, _row, _prepared in taken:
            error = f"could not be stored ({type(exc).__name__}: {exc})"
            outcomes[article_id] = Outcome(article_id, error=error)
            try:
                async with self.services.db.write() as conn:
                    await commit.write_batch(
                        conn, [], [(article_id, error)], {}, self.services.clock()
                    )
            except Exception:
                log.exception(
                    "marking article %s failed did not work either; it stays new", article_id
                )

    async def _decide_one(
        self,
        row: Any,
        prepared: Prepared,
        failed: list[tuple[int, str]],
        outcomes: dict[int, Outcome],
    ) -> commit.Written | None:
        """Decide one article and apply it to the engine; None when it failed."""
        article_id = int(row.id)
        assert prepared.extracted is not None
        error = "internal error while deciding its story; see the logs"
        started = time.process_time()
        try:
            doc, understanding = self._doc(row, prepared)
            decision = self.engine.decide(doc, prepared.reading)
        except Exception:  # one bad article must not stop the stage
            log.exception("deciding article %s failed", article_id)
            failed.append((article_id, error))
            outcomes[article_id] = Outcome(article_id, error=error)
            return None
        deciding = time.process_time() - started
        story_id = decision.story_id
        if story_id is None:  # a new story: its row is written with the batch
            story_id = await self._story_ids.take()
        started = time.process_time()  # not the wait for a new story's id
        try:
            self.engine.apply(doc, decision, story_id, prepared.reading)
            self.engine_cpu_seconds += deciding + time.process_time() - started
        except Exception:
            log.exception("applying article %s to the story engine failed", article_id)
            self._dirty = True  # the engine may hold half of it: rebuilt after the commit
            failed.append((article_id, error))
            outcomes[article_id] = Outcome(article_id, error=error)
            return None
        outcomes[article_id] = Outcome(article_id, story_id=story_id)
        return commit.Written(
            article_id=article_id,
            story_id=story_id,
            extracted=prepared.extracted,
            understanding=understanding,
            decision=decision,
            published=doc.published,
            source_title=doc.source,
            note=prepared.note,
            title=doc.title,
            new_story=decision.story_id is None,
        )


_Todo = tuple[int, Any, Prepared | str]
