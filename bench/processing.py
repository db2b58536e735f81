"""Throughput of the processing stage: understand + stories, from text, on this machine.

Feeds real article texts through ``storywatch.understand.understand`` and then the story
engine (``decide`` + ``apply``), in one process, the way one process worker runs them, and
prints articles per second for each part and for both together.

Corpora (``--corpus``):

- ``allsides``: titles and leads of ``allsides_story_clusters/stream_2021_dev.jsonl``
  (short texts, a few sentences each), in time order;
- ``polnear``: the full news articles of ``polnear_attribution/{train,dev}/text`` (about
  5,000 characters each), one day apart in file order, so the window holds two weeks.

``--workers N`` (default: one per core; 0 skips) also measures the deployed shape: the
process stage's worker pool (:class:`~storywatch.pipeline.pool.WorkerPool`, ``N`` worker
processes at the stage's lower priority) understands each text and makes the story
engine's reading of it (:func:`~storywatch.stories.analysis.read_text`), up to ``8N + 4``
articles ahead (each busy worker also holds its next job, as the stage's do: ``ahead`` in
``pipeline/pool.py``), while this process only decides and applies, in arrival order, as
the results come back. That is ``bench/pipeline.py`` without extraction and the database: the
ceiling understanding and stories put on the stage on this machine's cores. Its CPU is
given per article for this process (deciding, and unpickling what the workers send) and for
the workers (read from /proc).

It also times the start-up restore: replaying the articles of the last window into a fresh
engine (``StoryEngine.replay``), and checks the restored state equals the live one.

``--repeat`` replays the corpus several times (each pass with new article ids and later
times, so nothing is an exact duplicate of the pass before) to measure a longer run; the
first pass also fills the word caches (stems, names, word hashes) that a running process
keeps warm, so ``--repeat 2`` is nearer to a long-running worker.
Timings are given as wall-clock and as CPU time of this process: on a shared 2-core
machine the wall-clock figure is pessimistic when other work runs, and the CPU figure is
what one core does when it is not shared.
The last line is the headline.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storywatch.model import Understanding
from storywatch.pipeline.pool import WorkerPool
from storywatch.pipeline.process import (
    GC_THRESHOLDS,
    WORKER_AHEAD,
    WORKER_NICE,
    default_workers,
)
from storywatch.stories import StoryDoc, StoryEngine
from storywatch.stories.analysis import TextReading, read_text
from storywatch.understand import understand

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("STORYWATCH_DATA", ROOT.parent / "shared" / "data"))


def allsides(path: Path) -> list[tuple[str, str, str, datetime]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows.sort(key=lambda r: r["story_time"])
    return [
        (r["source"], r["title"], r["lead_text"], datetime.fromisoformat(r["story_time"]))
        for r in rows
    ]


def polnear(root: Path) -> list[tuple[str, str, str, datetime]]:
    files = sorted((root / "train" / "text").iterdir()) + sorted((root / "dev" / "text").iterdir())
    start = datetime(2016, 1, 1, tzinfo=UTC)
    out = []
    for n, path in enumerate(files):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        title = lines[0][:120] if lines else path.stem
        out.append(("polnear", title, text, start + timedelta(hours=n * 24 / 60)))
    return out


def corpus(name: str, data: Path, limit: int = 0) -> list[tuple[str, str, str, datetime]]:
    """The named corpus (``allsides`` or ``polnear``) under ``data``, its first ``limit``
    articles when ``limit`` is set (shared with bench/processing_check.py)."""
    if name == "allsides":
        texts = allsides(data / "allsides_story_clusters" / "stream_2021_dev.jsonl")
    else:
        texts = polnear(data / "polnear_attribution")
    return texts[:limit] if limit else texts


def story_doc(
    n: int, row: tuple[str, str, str, datetime], u: Understanding, shift: timedelta = timedelta(0)
) -> StoryDoc:
    """The engine's view of corpus row ``n`` with its understanding, as the process stage
    builds it (``pipeline/process.py``), ``shift`` later (a repeated pass)."""
    source, title, text, when = row
    return StoryDoc(
        article_id=n,
        source=source,
        url=None,
        title=title,
        text=text,
        published=when + shift,
        entities=u.entities,
        statements=u.statements,
        key_sentences=u.key_sentences,
    )


def read_in_worker(job: tuple[str, str]) -> tuple[Understanding, TextReading]:
    """What a process worker does for one text here: understand it, read it for the engine."""
    title, text = job
    understood = understand(text, title=title)
    return understood, read_text(title, text, statements=understood.statements)


def _proc_cpu(pids: list[int]) -> float:
    """User + system CPU seconds of the processes ``pids`` so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


async def deployed(
    texts: list[tuple[str, str, str, datetime]], workers: int, send_ahead: bool = WORKER_AHEAD
) -> tuple[float, float, float]:
    """Wall seconds, this process's CPU seconds and the workers' CPU seconds for the corpus
    read in ``workers`` processes and decided here (see the module docstring)."""
    pool: WorkerPool[tuple[str, str], tuple[Understanding, TextReading]] = WorkerPool(
        read_in_worker,
        workers,
        preload=["processing"],
        nice=WORKER_NICE,
        gc_thresholds=GC_THRESHOLDS,
        ahead=send_ahead,
    )
    await pool.start()
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)  # as the process stage sets it in its process
    try:
        await asyncio.gather(*(pool.run(("warm", "Warm up.")) for _ in range(workers)))
        pids = pool.pids()
        engine = StoryEngine()
        depth = 8 * workers + 4
        ahead: list[asyncio.Task[tuple[Understanding, TextReading]]] = []
        jobs = iter(texts)

        def refill() -> None:
            while len(ahead) < depth and (job := next(jobs, None)) is not None:
                ahead.append(asyncio.ensure_future(pool.run((job[1], job[2]))))

        worker_cpu0, cpu0, started = _proc_cpu(pids), time.process_time(), time.perf_counter()
        next_story = 1
        for n, row in enumerate(texts, start=1):
            refill()
            u, reading = await ahead.pop(0)
            doc = story_doc(n, row, u)
            decision = engine.decide(doc, reading)
            story_id = decision.story_id
            if story_id is None:
                story_id, next_story = next_story, next_story + 1
            engine.apply(doc, decision, story_id, reading)
            # Let the event loop take the workers' finished results and send them their next
            # jobs now: awaiting a result that is already there does not yield, so without
            # this the workers would wait idle while several articles are decided in a row.
            await asyncio.sleep(0)
        elapsed = time.perf_counter() - started
        return elapsed, time.process_time() - cpu0, _proc_cpu(pids) - worker_cpu0
    finally:
        gc.set_threshold(*thresholds)
        await pool.aclose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=("allsides", "polnear"), default="allsides")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="worker processes for the deployed shape (default: one per core; 0 skips it)",
    )
    args = parser.parse_args(argv)

    texts = corpus(args.corpus, args.data, args.limit)
    span = max(t for *_, t in texts) - min(t for *_, t in texts) + timedelta(days=30)

    collecting = [0.0, 0.0]  # seconds in the garbage collector, start of the current pass

    def timed_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting[1] = time.perf_counter()
        else:
            collecting[0] += time.perf_counter() - collecting[1]

    gc.callbacks.append(timed_gc)
    engine = StoryEngine()
    applied: list[tuple[StoryDoc, int]] = []
    understand_s = stories_s = 0.0
    understand_cpu = stories_cpu = 0.0
    next_story = 1
    n = 0
    for rnd in range(args.repeat):
        for source, title, text, when in texts:
            n += 1
            started, started_cpu = time.perf_counter(), time.process_time()
            u = understand(text, title=title)
            middle, middle_cpu = time.perf_counter(), time.process_time()
            doc = story_doc(n, (source, title, text, when), u, rnd * span)
            decision = engine.decide(doc)
            story_id = decision.story_id
            if story_id is None:
                story_id, next_story = next_story, next_story + 1
            engine.apply(doc, decision, story_id)
            ended, ended_cpu = time.perf_counter(), time.process_time()
            applied.append((doc, story_id))
            understand_s += middle - started
            stories_s += ended - middle
            understand_cpu += middle_cpu - started_cpu
            stories_cpu += ended_cpu - middle_cpu

    # Start-up restore: replay the stored articles of the window into a fresh engine.
    window_start = max(d.published for d, _ in applied) - engine.window
    kept = [(d, s) for d, s in applied if d.published >= window_start]
    started = time.perf_counter()
    restored = StoryEngine()
    restored.replay(kept)
    replay_s = time.perf_counter() - started
    same = restored.stats() == engine.stats()

    chars = sum(len(t) for _, _, t, _ in texts) / len(texts)
    total = understand_s + stories_s
    print(
        f"corpus: {args.corpus}, {n} articles ({len(texts)} texts x {args.repeat}), "
        f"{chars:,.0f} characters per text on average"
    )
    print(
        f"understand: {understand_s:.2f} s wall ({n / understand_s:,.0f} articles/s), "
        f"{understand_cpu:.2f} s CPU ({n / understand_cpu:,.0f} articles/s)"
    )
    print(
        f"stories:    {stories_s:.2f} s wall ({n / stories_s:,.0f} articles/s), "
        f"{stories_cpu:.2f} s CPU ({n / stories_cpu:,.0f} articles/s)"
    )
    both_cpu = understand_cpu + stories_cpu
    print(
        f"both:       {total:.2f} s wall ({n / total:,.0f} articles/s), "
        f"{both_cpu:.2f} s CPU ({n / both_cpu:,.0f} articles/s on one core)"
    )
    print(
        f"garbage collector: {collecting[0]:.2f} s in all ({collecting[0] / n * 1000:.2f} ms "
        "per article, understanding and stories together)"
    )
    print(f"state at the end: {engine.stats()}")
    print(
        f"restore by replay: {len(kept)} articles of the last window in {replay_s:.2f} s "
        f"({len(kept) / replay_s:,.0f} articles/s); same state: {same}"
    )
    headline = (
        f"articles_per_s={n / total:.1f} articles_per_cpu_s={n / both_cpu:.1f} "
        f"understand_per_s={n / understand_s:.1f} stories_per_s={n / stories_s:.1f} "
        f"stories_per_cpu_s={n / stories_cpu:.1f}"
    )
    if args.workers:
        wall, own, kids = asyncio.run(deployed(texts, args.workers))
        m = len(texts)
        print(
            f"deployed, {args.workers} worker processes: {m} articles in {wall:.2f} s "
            f"({m / wall:,.0f} articles/s); CPU per article {1000 * own / m:.2f} ms deciding "
            f"(this process), {1000 * kids / m:.2f} ms in the workers; load average "
            + " ".join(f"{x:.2f}" for x in os.getloadavg())
        )
        headline += f" deployed_per_s={m / wall:.1f} deployed_workers={args.workers}"
    print(headline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
