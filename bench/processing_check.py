"""A fingerprint of what processing decides over a corpus, to compare code before and after.

Runs ``understand`` then the story engine (``decide`` + ``apply``) over the same corpora as
``bench/processing.py`` and writes, one JSON line per article, everything the stage stores:
the understanding (entities, statements, key sentences, summary) and the decision (copy of,
story, reasons, novelty, events, headline, score), then each story's title and timeline at
the end. A speed-up must leave this file byte for byte the same::

    .venv/bin/python bench/processing_check.py --corpus polnear --out /tmp/before.jsonl
    ... change the code ...
    .venv/bin/python bench/processing_check.py --corpus polnear --out /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

``--workers N`` reads the articles the way the deployed stage does (understanding and the
engine's reading in N worker processes, the engine deciding here), and also decides each
article in a second engine that reads the docs itself: it prints how many decisions differ
(and exits 1 if any do).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import pickle
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from processing import DATA, corpus, story_doc
from storywatch.model import Understanding
from storywatch.stories import StoryEngine
from storywatch.stories.analysis import TextReading
from storywatch.understand import understand


def plain(value: Any) -> Any:
    """A JSON-able form of the values processing produces."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 9)
    return value


def understood(
    texts: list[tuple[str, str, str, datetime]], workers: int
) -> Iterator[tuple[Understanding, TextReading | None]]:
    """Each text's understanding, and (with workers) the engine's reading made beside it."""
    if workers <= 0:
        for _source, title, text, _when in texts:
            yield understand(text, title=title), None
        return
    from processing import read_in_worker

    with multiprocessing.get_context("forkserver").Pool(workers) as pool:
        jobs = [(title, text) for _source, title, text, _when in texts]
        yield from pool.imap(read_in_worker, jobs, chunksize=4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=("allsides", "polnear"), default="polnear")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--understood",
        type=Path,
        help="pickle of the corpus's understanding: read if it exists, else written; "
        "compares the story engine alone while understand/ changes under it",
    )
    args = parser.parse_args(argv)
    texts = corpus(args.corpus, args.data, args.limit)
    results: Iterator[tuple[Understanding, TextReading | None]] | list[Any]
    if args.understood is not None and args.understood.exists():
        results = [(u, None) for u in pickle.loads(args.understood.read_bytes())]
    else:
        results = understood(texts, args.workers)
        if args.understood is not None:
            results = list(results)
            args.understood.write_bytes(pickle.dumps([u for u, _ in results]))
    engine = StoryEngine()
    plain_engine = StoryEngine()  # with workers: decides on the docs alone, to compare
    differ = 0
    next_story = 1
    with args.out.open("w", encoding="utf-8") as out:
        for n, (row, (u, reading)) in enumerate(zip(texts, results, strict=True), start=1):
            doc = story_doc(n, row, u)
            decision = engine.decide(doc, reading)
            story_id = decision.story_id
            if story_id is None:
                story_id, next_story = next_story, next_story + 1
            engine.apply(doc, decision, story_id, reading)
            if reading is not None:  # the same doc read by the engine itself
                alone = plain_engine.decide(doc)
                plain_engine.apply(doc, alone, story_id)
                differ += alone != decision
            line = {"n": n, "understanding": plain(u), "decision": plain(decision)}
            out.write(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n")
        for story_id in engine.story_ids():
            line = {"story": story_id, "summary": plain(engine.headline(story_id))}
            out.write(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{args.out}: {n} articles, {len(engine.story_ids())} stories")
    if args.workers > 0:
        print(f"decisions that differ from the engine reading the docs itself: {differ}")
        if differ:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
