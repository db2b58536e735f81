"""End-to-end throughput of the process stage: stored ``new`` articles → processed, stored.

The real :class:`~storywatch.pipeline.process.ProcessStage` runs on a real SQLite file in a
temporary folder, with the in-process bus, exactly as the ``process`` role runs it
(``stage.run(stop)``: it first redoes every article left ``new``, then follows the bus).
Two corpora, read in place from the shared data folder:

- ``text``: the full news articles of ``polnear_attribution/train/text`` (840 articles, about
  4,600 characters each) sent as publisher text, one source per outlet;
- ``html``: the pages of ``trafilatura_eval`` (990 pages, gzip, 141 KiB on average) stored as
  each item's HTML, one source, each page's URL on its own site (from its file name).

For each corpus and each worker count (``--workers 0,1,2``; 0 is the stage without a pool,
everything in its own process) it reports:

- backlog: every article inserted ``new`` first, then the stage started; articles/s from the
  start until the last one is processed and committed, and CPU-seconds per article of the
  whole stage (this process and its worker processes);
- steady rate (``--rate``; by default half the backlog rate; 0 skips): articles inserted one
  at a time, each announced on the bus, at a fixed rate for ``--seconds``; latency from the
  insert's commit to the stage's ``articles.processed`` message, p50 / p99.

Other work on the machine slows wall-clock figures; the CPU figure is less disturbed. The
script prints the load average before each run. The last line is the headline.

    .venv/bin/python bench/pipeline.py [--corpus text,html] [--workers 0,1,2] [--limit N]
                                       [--rate R] [--seconds S] [--pool]

``--pool`` also times ``prepare`` alone through the worker pool (no engine, no database):
the ceiling the workers put on the stage, beside what the whole stage does.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from storywatch.app import Services, open_services
from storywatch.bus import INGESTED, PROCESSED
from storywatch.extract.decode import decode_html
from storywatch.model import IncomingArticle
from storywatch.pipeline.process import ProcessStage
from storywatch.settings import Settings
from storywatch.store import sources as source_store
from storywatch.store.articles import insert_incoming
from storywatch.store.tables import articles

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("STORYWATCH_DATA", ROOT.parent / "shared" / "data"))
START = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Item:
    source: str
    article: IncomingArticle


def text_corpus(data: Path) -> list[Item]:
    """PolNeAR's training articles as publisher text (title: the first line)."""
    out = []
    files = sorted((data / "polnear_attribution" / "train" / "text").iterdir())
    for n, path in enumerate(files):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        outlet = path.name.split("_", 1)[0]
        url = f"https://{outlet}.example/{path.stem}"
        out.append(
            Item(
                outlet,
                IncomingArticle(
                    guid=url,
                    url=url,
                    title=(lines[0] if lines else path.stem)[:200],
                    text=text,
                    published=START + timedelta(minutes=n),
                ),
            )
        )
    return out


def html_corpus(data: Path) -> list[Item]:
    """trafilatura_eval's pages as each item's HTML, every page on its own site."""
    base = data / "trafilatura_eval"
    rows = [json.loads(line) for line in (base / "manifest.jsonl").read_text().splitlines() if line]
    out = []
    for n, row in enumerate(rows):
        raw = gzip.decompress((base / row["path"]).read_bytes())
        html, _encoding = decode_html(raw, None)
        name = row["file"].removesuffix(".html")
        host = name.split("-", 1)[0] if "." in name.split("-", 1)[0] else "pages.example"
        url = f"https://{host}/{name}"
        out.append(
            Item(
                "pages",
                IncomingArticle(
                    guid=url,
                    url=url,
                    title="",
                    html=html,
                    published=START + timedelta(minutes=n),
                ),
            )
        )
    return out


def settings_for(data_dir: Path, workers: int) -> Settings:
    values: dict[str, Any] = {"data_dir": data_dir, "allow_loopback": True}
    if "process_workers" in Settings.model_fields:
        values["process_workers"] = workers
    return Settings(**values)


async def _sources(services: Services, items: Sequence[Item]) -> dict[str, int]:
    ids: dict[str, int] = {}
    async with services.db.write() as conn:
        for name in dict.fromkeys(item.source for item in items):
            source = await source_store.add(
                conn, f"https://{name}.example/feed", services.clock(), title=name
            )
            ids[name] = source.id
    return ids


async def _insert(services: Services, ids: dict[str, int], items: Sequence[Item]) -> list[int]:
    new: list[int] = []
    async with services.db.write() as conn:
        for item in items:
            new += await insert_incoming(conn, ids[item.source], [item.article], services.clock())
    return new


async def _count_left(services: Services) -> int:
    async with services.db.read() as conn:
        stmt = sa.select(sa.func.count()).where(articles.c.status == "new")
        return int((await conn.execute(stmt)).scalar_one())


async def _statuses(services: Services) -> dict[str, int]:
    async with services.db.read() as conn:
        rows = await conn.execute(
            sa.select(articles.c.status, sa.func.count()).group_by(articles.c.status)
        )
        return {str(status): int(n) for status, n in rows}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@dataclass(slots=True)
class Backlog:
    n: int
    seconds: float
    cpu: float  # this process and its worker processes
    worker_cpu: float  # the worker processes' part
    engine_cpu: float  # the story engine's part of this process (identities included)
    statuses: dict[str, int]
    stats: dict[str, int]

    @property
    def rate(self) -> float:
        return self.n / self.seconds

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu / self.n


async def backlog(items: Sequence[Item], workers: int) -> Backlog:
    """Insert everything ``new``, then time the stage from its start to the last commit."""
    with tempfile.TemporaryDirectory(prefix="sw-bench-pipeline-") as tmp:
        async with open_services(settings_for(Path(tmp), workers)) as services:
            ids = await _sources(services, items)
            for start in range(0, len(items), 200):
                await _insert(services, ids, items[start : start + 200])
            stage = ProcessStage(services)
            stop = asyncio.Event()
            cpu0 = _cpu()
            started = time.perf_counter()
            running = asyncio.create_task(stage.run(stop))
            while await _count_left(services):
                if running.done():
                    running.result()
                    raise RuntimeError("the stage stopped with articles left")
                await asyncio.sleep(0.1)  # the stage shares this process: poll gently
            elapsed = time.perf_counter() - started
            stop.set()
            await running
            # this process, plus what the worker processes report (they are the fork
            # server's children, so the operating system does not count them as ours)
            worker_cpu = getattr(stage, "worker_cpu_seconds", 0.0)  # (absent before the pool)
            cpu = _cpu() - cpu0 + worker_cpu
            return Backlog(
                len(items),
                elapsed,
                cpu,
                worker_cpu,
                getattr(stage, "engine_cpu_seconds", 0.0),
                await _statuses(services),
                dict(getattr(stage, "stats", {})),
            )


@dataclass(slots=True)
class Steady:
    rate: float
    sent: int
    done: int
    latencies: list[float]

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def steady(items: Sequence[Item], workers: int, rate: float, seconds: float) -> Steady:
    """Articles arriving one by one at ``rate``; latency insert-commit → processed message."""
    with tempfile.TemporaryDirectory(prefix="sw-bench-pipeline-") as tmp:
        async with open_services(settings_for(Path(tmp), workers)) as services:
            ids = await _sources(services, items)
            stage = ProcessStage(services)
            stop = asyncio.Event()
            ensure = getattr(services.bus, "ensure_group", None)
            if ensure is not None:
                ensure(PROCESSED, "bench")
            sent_at: dict[int, float] = {}
            latencies: list[float] = []

            async def listen() -> None:
                async for message in services.bus.consume(PROCESSED, "bench", "1"):
                    aid = int(message.data["article_id"])
                    if aid in sent_at:
                        latencies.append(time.perf_counter() - sent_at[aid])

            listener = asyncio.create_task(listen())
            running = asyncio.create_task(stage.run(stop))
            await asyncio.sleep(1.0)  # the stage is up (pool started, nothing to redo)
            total = min(len(items), int(rate * seconds))
            began = time.perf_counter()
            for n in range(total):
                due = began + n / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                (article_id,) = await _insert(services, ids, [items[n]])
                sent_at[article_id] = time.perf_counter()
                await services.bus.publish(INGESTED, {"article_id": article_id})
            for _ in range(1200):  # at most a minute for the last ones
                if not await _count_left(services):
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.1)
            stop.set()
            await running
            listener.cancel()
            await asyncio.gather(listener, return_exceptions=True)
            return Steady(rate, total, len(latencies), latencies)


async def pool_only(items: Sequence[Item], workers: int) -> tuple[float, float]:
    """Articles/s and worker CPU ms per article of ``prepare`` alone through the pool.

    No database and no story engine: what the worker processes deliver when the consumer
    never holds them back (the ceiling the pool puts on the stage).
    """
    from storywatch.pipeline.pool import WorkerPool
    from storywatch.pipeline.process import WORKER_PRELOAD
    from storywatch.pipeline.work import Job, Prepared, prepare

    pool: WorkerPool[Job, Prepared] = WorkerPool(prepare, workers, preload=WORKER_PRELOAD)
    await pool.start()
    jobs = [
        Job(
            n,
            item.article.url,
            f"https://{item.source}.example/feed",
            item.article.title,
            raw_html=item.article.html,
            text=item.article.text,
        )
        for n, item in enumerate(items)
    ]
    gate = asyncio.Semaphore(4 * workers)
    cpu = 0.0

    async def one(job: Job) -> None:
        nonlocal cpu
        async with gate:
            prepared = await pool.run(job)
        cpu += prepared.cpu_seconds

    try:
        # warm: every worker has started and run a job before the clock starts
        await asyncio.gather(*(pool.run(job) for job in jobs[: 2 * workers]))
        started = time.perf_counter()
        await asyncio.gather(*(one(job) for job in jobs))
        elapsed = time.perf_counter() - started
    finally:
        await pool.aclose()
    return len(jobs) / elapsed, 1000 * cpu / len(jobs)


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


async def run(args: argparse.Namespace) -> int:
    corpora = {"text": text_corpus, "html": html_corpus}
    headline: dict[str, float] = {}
    for corpus in args.corpus.split(","):
        items = corpora[corpus](args.data)
        if args.limit:
            items = items[: args.limit]
        for workers in (int(w) for w in args.workers.split(",")):
            print(f"[{corpus}, workers={workers}] {len(items)} articles; {_load()}", flush=True)
            if workers and args.pool:
                rate, worker_ms = await pool_only(items, workers)
                print(
                    f"  pool alone (prepare, no engine, no database): {rate:.1f} articles/s, "
                    f"{worker_ms:.1f} ms CPU per article in workers",
                    flush=True,
                )
                headline[f"{corpus}_w{workers}_pool_per_s"] = round(rate, 1)
            result = await backlog(items, workers)
            worker_ms = 1000 * result.worker_cpu / result.n
            engine_ms = 1000 * result.engine_cpu / result.n
            print(
                f"  backlog: {result.rate:.1f} articles/s ({result.seconds:.1f} s), "
                f"{result.cpu_ms:.1f} ms CPU per article ({result.cpu_ms - worker_ms:.1f} in "
                f"the stage's process, of which {engine_ms:.1f} in the story engine; "
                f"{worker_ms:.1f} in workers), {result.statuses}, "
                f"{result.stats}",
                flush=True,
            )
            headline[f"{corpus}_w{workers}_per_s"] = round(result.rate, 1)
            headline[f"{corpus}_w{workers}_cpu_ms"] = round(result.cpu_ms, 2)
            if args.rate:
                # by default half of what the backlog run sustained: a steady rate the stage
                # keeps up with, so latency is the pipeline's, not a growing queue's
                rate = args.rate if args.rate > 0 else max(1.0, round(result.rate / 2))
                st = await steady(items, workers, rate, args.seconds)
                print(
                    f"  steady {st.rate:.0f}/s for {st.sent} articles: latency p50 "
                    f"{1000 * st.pct(0.5):.0f} ms, p99 {1000 * st.pct(0.99):.0f} ms "
                    f"({st.done} processed messages); {_load()}",
                    flush=True,
                )
                headline[f"{corpus}_w{workers}_p50_ms"] = round(1000 * st.pct(0.5), 1)
                headline[f"{corpus}_w{workers}_p99_ms"] = round(1000 * st.pct(0.99), 1)
    print(" ".join(f"{k}={v}" for k, v in headline.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--corpus", default="text,html", help="text, html or both (comma)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run (0: no pool)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--rate",
        type=float,
        default=-1,
        help="steady arrivals/s for the latency run (default: half the backlog rate; 0: skip)",
    )
    parser.add_argument("--seconds", type=float, default=8.0, help="length of the steady run")
    parser.add_argument(
        "--pool", action="store_true", help="also time prepare() alone through the worker pool"
    )
    args = parser.parse_args(argv)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
