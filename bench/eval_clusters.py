"""Story clustering quality (T3): replay labelled articles online and score B-cubed.

Datasets (``--dataset``):

- ``stream`` (default): a file in the format of
  ``allsides_story_clusters/stream_2021_dev.jsonl``, replayed in time order. All articles of
  an AllSides story carry the same roundup time, so each article gets a publication time
  drawn uniformly from the ``--jitter-hours`` before that time (fixed seed): articles of one
  story then arrive spread out and interleaved with neighbouring stories, as they would be,
  and no article can be placed by an identical timestamp. Gold: ``story_id``.
- ``ecb``: ``ecbplus_event_clusters/documents.jsonl``; no dates (all articles at one
  instant, in a shuffled order). Gold: ``subtopic`` (the seminal event), the hard "same
  topic, different story" case.
- ``pool``: ``allsides_story_clusters/probe_clusters.jsonl``; no dates, no outlets. Gold:
  ``story_id``. ``--split`` selects train/val/test or all.

The engine sees exactly what the pipeline would give it: title, text, source, URL, time,
and (with ``--understand``, the default when the module exists) the entities and
statements of ``storywatch.understand``. The last line is the headline for bench/gates.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from storywatch.stories import StoryDoc, StoryEngine

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("STORYWATCH_DATA", ROOT.parent / "shared" / "data"))
DEFAULTS = {
    "stream": DATA / "allsides_story_clusters" / "stream_2021_dev.jsonl",
    "ecb": DATA / "ecbplus_event_clusters" / "documents.jsonl",
    "pool": DATA / "allsides_story_clusters" / "probe_clusters.jsonl",
}
EPOCH = datetime(2021, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    gold: Hashable
    doc: StoryDoc


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    by_pred: dict[Hashable, set[int]] = defaultdict(set)
    by_gold: dict[Hashable, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        both = len(by_pred[p] & by_gold[g])
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    def pairs(labels: Sequence[Hashable]) -> set[tuple[int, int]]:
        groups: dict[Hashable, list[int]] = defaultdict(list)
        for i, label in enumerate(labels):
            groups[label].append(i)
        return {(a, b) for m in groups.values() for i, a in enumerate(m) for b in m[i + 1 :]}

    p, g = pairs(predicted), pairs(gold)
    if not p or not g:
        return 0.0
    tp = len(p & g)
    precision, recall = tp / len(p), tp / len(g)
    return 2 * precision * recall / (precision + recall) if tp else 0.0


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_stream(path: Path, seed: int, jitter_hours: float) -> list[Item]:
    rng = random.Random(seed)
    rows = _rows(path)
    rng.shuffle(rows)  # shuffles within a story too: ties in time keep this order
    timed = []
    for row in rows:
        when = datetime.fromisoformat(row["story_time"]).astimezone(UTC)
        when -= timedelta(hours=rng.uniform(0.0, jitter_hours))
        timed.append((when, row))
    timed.sort(key=lambda pair: pair[0])
    items = []
    for n, (when, row) in enumerate(timed):
        doc = StoryDoc(
            article_id=n + 1,
            source=row.get("source", ""),
            url=row.get("url"),
            title=row.get("title", ""),
            text=row.get("lead_text", ""),
            published=when,
        )
        items.append(Item(row["story_id"], doc))
    return items


def load_undated(path: Path, seed: int, *, gold_key: str, split: str | None) -> list[Item]:
    rng = random.Random(seed)
    rows = _rows(path)
    if split and split != "all":
        rows = [r for r in rows if r.get("split") == split]
    rng.shuffle(rows)
    items = []
    for n, row in enumerate(rows):
        doc = StoryDoc(
            article_id=n + 1,
            source=row.get("source", ""),
            url=row.get("url") or row.get("source_url"),
            title=row.get("title", ""),
            text=row["text"],
            published=EPOCH + timedelta(seconds=n),
        )
        items.append(Item(row[gold_key], doc))
    return items


def with_understanding(items: list[Item]) -> tuple[list[Item], float]:
    """Fill entities, statements and key sentences from storywatch.understand."""
    from dataclasses import replace

    from storywatch.understand import understand

    started = time.perf_counter()
    out = []
    for item in items:
        u = understand(item.doc.text, title=item.doc.title)
        doc = replace(
            item.doc,
            entities=u.entities,
            statements=u.statements,
            key_sentences=u.key_sentences,
        )
        out.append(Item(item.gold, doc))
    return out, time.perf_counter() - started


def understand_available() -> bool:
    try:
        from storywatch.understand import understand  # noqa: F401
    except ImportError:
        return False
    return True


def replay(
    items: list[Item], engine: StoryEngine, duplicates: Counter[str] | None = None
) -> list[int]:
    """Decide and apply every article in order; the predicted label is its story id."""
    next_id = 1
    labels = []
    for item in items:
        decision = engine.decide(item.doc)
        if duplicates is not None and decision.duplicate_kind is not None:
            duplicates[decision.duplicate_kind] += 1
        story_id = decision.story_id
        if story_id is None:
            story_id, next_id = next_id, next_id + 1
        engine.apply(item.doc, decision, story_id)
        labels.append(story_id)
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", choices=sorted(DEFAULTS), default="stream")
    parser.add_argument("--data", type=Path, help="the dataset file (default: shared data)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jitter-hours", type=float, default=12.0)
    parser.add_argument("--split", default="test", help="pool: train, val, test or all")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--decay-days", type=float, default=None)
    understanding = parser.add_mutually_exclusive_group()
    understanding.add_argument("--understand", dest="understand", action="store_true")
    understanding.add_argument("--no-understand", dest="understand", action="store_false")
    parser.set_defaults(understand=None)
    args = parser.parse_args(argv)

    path = args.data or DEFAULTS[args.dataset]
    if args.dataset == "stream":
        items = load_stream(path, args.seed, args.jitter_hours)
    elif args.dataset == "ecb":
        items = load_undated(path, args.seed, gold_key="subtopic", split=None)
    else:
        items = load_undated(path, args.seed, gold_key="story_id", split=args.split)
    use_understanding = understand_available() if args.understand is None else args.understand
    understand_s = 0.0
    if use_understanding:
        items, understand_s = with_understanding(items)

    options: dict[str, Any] = {}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    if args.decay_days is not None:
        options["decay_days"] = args.decay_days
    engine = StoryEngine(**options)
    started = time.perf_counter()
    duplicates: Counter[str] = Counter()
    predicted = replay(items, engine, duplicates)
    took = time.perf_counter() - started

    gold = [item.gold for item in items]
    precision, recall, f1 = bcubed(predicted, gold)
    singletons = bcubed(list(range(len(gold))), gold)
    print(f"dataset: {args.dataset} ({path})")
    print(
        f"articles: {len(items)}  gold clusters: {len(set(gold))}  "
        f"predicted clusters: {len(set(predicted))}"
    )
    print(f"understanding: {'storywatch.understand' if use_understanding else 'none'}")
    if args.dataset == "stream":
        print(f"jitter: up to {args.jitter_hours:g} h before the roundup time, seed {args.seed}")
    print(f"all-singletons baseline: B-cubed F1 {singletons[2]:.3f}")
    print(f"pairwise F1: {pairwise_f1(predicted, gold):.3f}")
    print(
        f"flagged as copies: {duplicates['exact']} exact, {duplicates['near']} near "
        "(every flagged copy joins its original's story)"
    )
    rate = len(items) / took if took else float("inf")
    print(f"stories stage: {took:.2f} s ({rate:.0f} articles/s); understand: {understand_s:.2f} s")
    print(f"f1={f1:.4f} precision={precision:.4f} recall={recall:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
