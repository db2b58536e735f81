"""Throughput of the understand stage on real news text (PolNeAR articles).

    .venv/bin/python bench/understand_speed.py --data ../shared/data/polnear_attribution/train

Runs :func:`storywatch.understand.understand` over every article (with one shared
EntityDirectory, as the process stage does), for a few rounds, and prints articles per
second and per-article latency. Single process, single thread. ``articles600_per_s``
normalises to articles of 600 words (PolNeAR articles average ~740). Wall-clock figures
measured while other work runs on the machine are pessimistic; the CPU-second figure counts
only this process's own CPU time, which is what one free core would give.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storywatch.understand import EntityDirectory, understand


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path, help="folder with text/")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((args.data / "text").glob("*.txt"))]
    if args.limit:
        texts = texts[: args.limit]
    words = sum(len(t.split()) for t in texts)
    understand(texts[0])  # warm imports and regex caches
    latencies: list[float] = []
    cpu_started = time.process_time()
    started = time.perf_counter()
    for _ in range(args.rounds):
        directory = EntityDirectory()
        for text in texts:
            t0 = time.perf_counter()
            understand(text, directory=directory)
            latencies.append(time.perf_counter() - t0)
    took = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    n = len(texts) * args.rounds
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"articles={len(texts)} rounds={args.rounds} mean_words={words / len(texts):.0f}")
    print(f"latency p50={p50:.2f} ms p99={p99:.2f} ms")
    words_per_s = words * args.rounds / took
    print(f"wall: {n / took:.1f} articles/s; cpu: {n / cpu:.1f} articles per CPU-second")
    print(
        f"articles_per_s={n / took:.1f} words_per_s={words_per_s:.0f} "
        f"articles600_per_s={words_per_s / 600:.1f} "
        f"cpu_articles600_per_s={words * args.rounds / cpu / 600:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
