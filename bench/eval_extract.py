"""Evaluate article extraction against plain trafilatura on the same pages, in the same run.

Corpora (read in place from the shared data folder):
- ``trafilatura_eval``: 990 pages with must/must-not snippets (metric in its SOURCE.md).
- ``readability_test_pages``: 130 pages with Readability.js's expected body (scored with the
  4-shingle F1 of the article-extraction benchmark) and metadata gold (title, byline,
  publishedTime, readerable).

Both extractors receive the same raw bytes. Speed is timed on our extractor only, over the
trafilatura corpus: per CPU second of one process (the figure least disturbed by other work
on a shared machine), wall clock beside it, and ``--workers 2`` adds the throughput of two
processes.

    .venv/bin/python bench/eval_extract.py [--data DIR] [--limit N] [--workers 2]

The quality gate runs ``--limit 500`` (a fixed, evenly spread half of the trafilatura pages)
to stay within a few minutes; docs/benchmarks.md records the full-corpus figures.

``--speed-only`` skips scoring: it extracts the (``--limit``) pages ``--rounds`` times with
one extractor (``--extractor``: ours, or plain trafilatura for comparison) and prints CPU
time per page. Run under valgrind it gives instruction
counts, which other work on a shared machine does not disturb; instructions per page are
the difference between ``--rounds 1`` and ``--rounds 0`` (same start-up, same warm-up)
divided by the number of pages:

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        .venv/bin/python bench/eval_extract.py --speed-only --limit 100 --rounds 1

The last line is the headline (``name=value`` pairs) read by ``bench/gates.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from lxml.html import document_fromstring

from extract_metrics import ShingleScore, SnippetScore, same_time, title_match, token_f1
from storywatch.errors import ExtractError
from storywatch.extract import extract_article_bytes, warm_up
from storywatch.model import ExtractedArticle

ROOT = Path(__file__).resolve().parents[1]
FAKE_URL = "http://fakehost/test/page.html"


@dataclass(slots=True)
class Ours:
    article: ExtractedArticle | None
    error: str | None
    seconds: float
    cpu_seconds: float


def run_ours(data: bytes, url: str | None) -> Ours:
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        article = extract_article_bytes(data, url)
        error = None
    except ExtractError as err:
        article, error = None, err.message
    return Ours(article, error, time.perf_counter() - started, time.process_time() - cpu_started)


def run_plain(data: bytes, url: str | None) -> str:
    try:
        return trafilatura.extract(data, url=url) or ""
    except Exception:  # plain trafilatura is the baseline: count a crash as empty output
        return ""


def trafilatura_corpus(
    data_dir: Path, limit: int | None
) -> list[tuple[str, bytes, dict[str, list[str]]]]:
    base = data_dir / "trafilatura_eval"
    gold = json.loads((base / "evaldata.json").read_text())
    rows = [json.loads(line) for line in (base / "manifest.jsonl").read_text().splitlines() if line]
    if limit:
        # A fixed, evenly spread subset, so a quick run still samples every kind of page.
        step = max(1, len(rows) // limit)
        rows = rows[::step][:limit]
    return [
        (r["url"], gzip.decompress((base / r["path"]).read_bytes()), gold[r["url"]]) for r in rows
    ]


def eval_trafilatura(docs: list[tuple[str, bytes, dict[str, list[str]]]]) -> dict[str, float]:
    ours, plain = SnippetScore(), SnippetScore()
    seconds = cpu_seconds = 0.0
    declined = 0
    warm_up()  # one-time set-up stays off the per-page clock
    for key, data, gold in docs:
        url = key if key.startswith("http") else None
        result = run_ours(data, url)
        seconds += result.seconds
        cpu_seconds += result.cpu_seconds
        declined += result.article is None
        ours.add(result.article.text if result.article else "", gold["with"], gold["without"])
        plain.add(run_plain(data, url), gold["with"], gold["without"])
    print(f"trafilatura_eval: {len(docs)} pages")
    for name, score in (("ours", ours), ("plain trafilatura", plain)):
        print(
            f"  {name:18} P={score.precision:.4f} R={score.recall:.4f} "
            f"Acc={score.accuracy:.4f} F1={score.f1:.4f} empty={score.failures}"
        )
    print(f"  ours declined (ExtractError): {declined}")
    return {
        "f1": ours.f1,
        "trafilatura_f1": plain.f1,
        "precision": ours.precision,
        "recall": ours.recall,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "docs": float(len(docs)),
    }


def _expected_text(path: Path) -> str:
    html = gzip.decompress(path.read_bytes()).decode("utf-8")
    return str(document_fromstring(html).text_content())


def eval_readability(data_dir: Path) -> dict[str, float]:
    base = data_dir / "readability_test_pages"
    gold_rows = [
        json.loads(line) for line in (base / "metadata_gold.jsonl").read_text().splitlines() if line
    ]
    # Body text is scored on the pages that are articles (gold readerable); declining the
    # others is right and is scored by the readerable accuracy. All pages are printed too.
    body, plain_body = ShingleScore(), ShingleScore()
    body_all, plain_all = ShingleScore(), ShingleScore()
    titles = dates = date_covered = byline_covered = readerable_ok = 0
    plain_titles = 0
    langs = langs_right = 0
    byline_scores: list[float] = []
    with_byline = [g for g in gold_rows if g.get("byline")]
    with_date = [g for g in gold_rows if g.get("publishedTime")]
    for gold in gold_rows:
        page = base / "pages" / gold["page"]
        data = gzip.decompress((page / "source.html.gz").read_bytes())
        result = run_ours(data, FAKE_URL)
        article = result.article
        expected = _expected_text(page / "expected.html.gz")
        plain_text = run_plain(data, FAKE_URL)
        body_all.add(expected, article.text if article else "")
        plain_all.add(expected, plain_text)
        if gold.get("readerable", True):
            body.add(expected, article.text if article else "")
            plain_body.add(expected, plain_text)
        readerable_ok += (article is not None) == bool(gold.get("readerable", True))
        titles += title_match(gold.get("title"), article.title if article else None)
        try:
            meta = trafilatura.extract_metadata(data)
        except Exception:
            meta = None
        plain_titles += title_match(gold.get("title"), meta.title if meta else None)
        if gold.get("lang") and article is not None:
            langs += 1
            langs_right += (article.language or "") == gold["lang"].split("-")[0].lower()
        if gold.get("byline"):
            ours_byline = article.byline if article else None
            byline_covered += ours_byline is not None
            byline_scores.append(token_f1(gold["byline"], ours_byline))
        if gold.get("publishedTime"):
            published = article.published if article else None
            date_covered += published is not None
            dates += same_time(gold["publishedTime"], published)
    n = len(gold_rows)
    bylines = sum(byline_scores) / len(byline_scores) if byline_scores else 0.0
    print(f"readability_test_pages: {n} pages")
    for label, mine, theirs in (("articles", body, plain_body), ("all pages", body_all, plain_all)):
        print(f"  body 4-shingle F1 on {label} ({len(mine.docs)}):")
        print(f"    ours              P={mine.precision:.4f} R={mine.recall:.4f} F1={mine.f1:.4f}")
        print(
            f"    plain trafilatura P={theirs.precision:.4f} R={theirs.recall:.4f} "
            f"F1={theirs.f1:.4f}"
        )
    print(f"  title exact     ours {titles / n:.4f}  trafilatura metadata {plain_titles / n:.4f}")
    print(
        f"  byline token F1 {bylines:.4f} over {len(with_byline)} pages with a byline "
        f"(coverage {byline_covered / max(1, len(with_byline)):.4f})"
    )
    print(
        f"  publishedTime   accuracy {dates / max(1, len(with_date)):.4f} over {len(with_date)} "
        f"pages with a date (coverage {date_covered / max(1, len(with_date)):.4f})"
    )
    print(f"  readerable      accuracy {readerable_ok / n:.4f}")
    print(
        f"  language        accuracy {langs_right / max(1, langs):.4f} over {langs} pages "
        "that declare one"
    )
    return {
        "readability_f1": body.f1,
        "readability_trafilatura_f1": plain_body.f1,
        "readability_all_f1": body_all.f1,
        "readability_all_trafilatura_f1": plain_all.f1,
        "title_acc": titles / n,
        "byline_f1": bylines,
        "date_acc": dates / max(1, len(with_date)),
        "date_coverage": date_covered / max(1, len(with_date)),
        "readerable_acc": readerable_ok / n,
        "language_acc": langs_right / max(1, langs),
    }


def _extract_only(item: tuple[bytes, str | None]) -> bool:
    return run_ours(*item).article is not None


def throughput(docs: list[tuple[str, bytes, dict[str, list[str]]]], workers: int) -> float:
    items = [(data, key if key.startswith("http") else None) for key, data, _ in docs]
    # Each worker loads what is set up on first use (warm_up) before the clock starts, as a
    # long-running worker has: the figure is pages per second, not start-up. Workers come
    # from a fork server, as the process stage's do (pipeline/pool.py), rather than being
    # forked from this process with the evaluation's heap (the corpus, every score), which
    # no real worker carries. (Measured both ways on a quiet machine the difference was
    # within the run-to-run spread: docs/benchmarks.md.)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up, mp_context=context) as pool:
        list(pool.map(_extract_only, items[:workers]))  # warm up the workers
        started = time.perf_counter()
        list(pool.map(_extract_only, items, chunksize=8))
        return len(items) / (time.perf_counter() - started)


def _speed(
    scores: dict[str, float], docs: list[tuple[str, bytes, dict[str, list[str]]]], workers: int
) -> dict[str, float]:
    # The headline speed is per CPU second of one process: the figure least disturbed by
    # other work on a shared machine. Wall-clock figures are printed beside it.
    per_s = scores["docs"] / scores["cpu_seconds"] if scores["cpu_seconds"] else 0.0
    wall_per_s = scores["docs"] / scores["seconds"] if scores["seconds"] else 0.0
    kib = sum(len(d) for _, d, _ in docs) // max(1, len(docs)) // 1024
    print(
        f"speed: {per_s:.1f} extractions per CPU second, {wall_per_s:.1f}/s wall clock, "
        f"one process, metadata included (average page {kib} KiB)"
    )
    found = {"extractions_per_s": per_s, "extractions_per_s_wall": wall_per_s}
    if workers > 1:
        found["extractions_per_s_pool"] = throughput(docs, workers)
        print(
            f"speed: {found['extractions_per_s_pool']:.1f} extractions/s with {workers} processes"
        )
    return found


def _plain_fast(data: bytes, url: str | None) -> str:
    return trafilatura.extract(data, url=url, fast=True) or ""


_EXTRACTORS = {"ours": run_ours, "trafilatura": run_plain, "trafilatura-fast": _plain_fast}


def speed_only(
    docs: list[tuple[str, bytes, dict[str, list[str]]]], rounds: int, extractor: str
) -> None:
    """Extract every page ``rounds`` times after a warm-up; print CPU time per page."""
    run = _EXTRACTORS[extractor]
    items = [(data, key if key.startswith("http") else None) for key, data, _ in docs]
    warm_up()  # justext's stop-word lists, built on the first short page otherwise
    for item in items[:2]:  # lazy imports and first-use caches, paid in every run alike
        run(*item)
    cpu_started = time.process_time()
    for _ in range(rounds):
        for item in items:
            run(*item)
    cpu = time.process_time() - cpu_started
    pages = len(items) * rounds
    per_page = 1000 * cpu / pages if pages else 0.0
    print(f"speed only: {pages} extractions, {cpu:.2f} CPU s, {per_page:.2f} ms CPU per page")
    rate = 1000 / per_page if pages else 0.0
    print(f"cpu_ms_per_page={per_page:.2f} extractions_per_cpu_s={rate:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_data = Path(os.environ.get("STORYWATCH_DATA", ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="read only N pages of trafilatura_eval, evenly spread (the 130 readability pages "
        "are always all read)",
    )
    parser.add_argument(
        "--corpus",
        choices=("all", "trafilatura", "readability"),
        default="all",
        help="evaluate one corpus only (each quality gate runs the part it needs)",
    )
    parser.add_argument("--workers", type=int, default=1, help="also time N worker processes")
    parser.add_argument(
        "--speed-only",
        action="store_true",
        help="only time our extractor on the trafilatura pages (no scoring; see --rounds)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="with --speed-only: passes over the pages"
    )
    parser.add_argument(
        "--extractor",
        choices=sorted(_EXTRACTORS),
        default="ours",
        help="with --speed-only: time ours or plain trafilatura (default or fast mode)",
    )
    args = parser.parse_args(argv)
    if args.speed_only:
        speed_only(trafilatura_corpus(args.data, args.limit), args.rounds, args.extractor)
        return 0
    load_before = os.getloadavg()[0]
    headline: dict[str, float] = {}
    if args.corpus in ("all", "trafilatura"):
        docs = trafilatura_corpus(args.data, args.limit)
        scores = eval_trafilatura(docs)
        headline.update(
            f1=scores["f1"],
            trafilatura_f1=scores["trafilatura_f1"],
            margin=scores["f1"] - scores["trafilatura_f1"],
        )
        speed = _speed(scores, docs, args.workers)
    if args.corpus in ("all", "readability"):
        scores = eval_readability(args.data)
        headline.update(
            readability_f1=scores["readability_f1"],
            readability_trafilatura_f1=scores["readability_trafilatura_f1"],
            readability_margin=scores["readability_f1"] - scores["readability_trafilatura_f1"],
            title_acc=scores["title_acc"],
            byline_f1=scores["byline_f1"],
            date_acc=scores["date_acc"],
            readerable_acc=scores["readerable_acc"],
            language_acc=scores["language_acc"],
        )
    if args.corpus in ("all", "trafilatura"):
        headline.update(speed)
    load_after = os.getloadavg()[0]
    print(
        f"machine load average (1 min): {load_before:.2f} before, {load_after:.2f} after, "
        f"{os.cpu_count()} cores"
    )
    print(" ".join(f"{k}={v:.1f}" if "per_s" in k else f"{k}={v:.4f}" for k, v in headline.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
