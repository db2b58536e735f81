"""Throughput of the processing stage: understand + stories, from text, on this machine.

Feeds real article texts through ``storywatch.understand.understand`` and then the story
engine (``decide`` + ``apply``), in one process, the way one process worker runs them, and
prints articles per second for each part and for both together.

Corpora (``--corpus``):

- ``allsides``: titles and leads of ``allsides_story_clusters/stream_2021_dev.jsonl``
  (short texts, a few sentences each), in time order;
- ``polnear``: the full news articles of ``polnear_attribution/{train,dev}/text`` (about
  5,000 characters each), one day apart in file order, so the window holds two weeks.

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
import gc
import json
import os
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storywatch.stories import StoryDoc, StoryEngine
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=("allsides", "polnear"), default="allsides")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)

    if args.corpus == "allsides":
        texts = allsides(args.data / "allsides_story_clusters" / "stream_2021_dev.jsonl")
    else:
        texts = polnear(args.data / "polnear_attribution")
    if args.limit:
        texts = texts[: args.limit]
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
            doc = StoryDoc(
                article_id=n,
                source=source,
                url=None,
                title=title,
                text=text,
                published=when + rnd * span,
            )
            doc = replace(
                doc, entities=u.entities, statements=u.statements, key_sentences=u.key_sentences
            )
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
    print(
        f"articles_per_s={n / total:.1f} articles_per_cpu_s={n / both_cpu:.1f} "
        f"understand_per_s={n / understand_s:.1f} stories_per_s={n / stories_s:.1f} "
        f"stories_per_cpu_s={n / stories_cpu:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
