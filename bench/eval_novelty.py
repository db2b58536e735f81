"""Novelty, contradictions, revisions and corrections (T4, T5) against the project's labels.

Replays the built-in demo story (25 articles in release order, with their simulated
publication times; the corrected version a14 arrives with a05's URL) and then the seed
article through the story engine, exactly as the pipeline would: entities and statements
from ``storywatch.understand`` (``--no-understand`` to leave them out), then ``decide`` and
``apply``. Scores against ``bench/labels/demo_story.json``:

- development: per in-story article, predicted ``is_development`` against the label;
- copies: wire copies flagged as duplicates (exact or near) of their original;
- contradictions: a predicted contradiction counts when its earlier statement contains one
  of a labelled contradiction's ``earlier`` texts and its later statement one of the
  ``later`` texts (or the other way round within one article); precision over predicted
  events, recall over labelled ones (demo C1–C4 and seed S1–S2), and primary-only recall;
- revisions: a predicted revision counts when its from/to values are a labelled pair;
- corrections: a correction event on the labelled article.

``--verbose`` prints every decision and event. The last line is the headline.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from storywatch.demo.story import STORY_TZ, load_story
from storywatch.model import StoryEvent
from storywatch.stories import StoryDecision, StoryDoc, StoryEngine

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "labels" / "demo_story.json"
HELDOUT = ROOT / "bench" / "labels" / "contradictions_heldout.json"
DATA = Path(os.environ.get("STORYWATCH_DATA", ROOT.parent / "shared" / "data"))
SEED = DATA.parent / "seed" / "seed-article.txt"
ANCHOR = datetime(2026, 3, 1, tzinfo=STORY_TZ)  # a Sunday 00:00 in Lestria


@dataclass
class Replayed:
    label: str
    doc: StoryDoc
    decision: StoryDecision
    story_id: int


def _understood(doc: StoryDoc, use: bool) -> StoryDoc:
    if not use:
        return doc
    from storywatch.understand import understand

    u = understand(doc.text, title=doc.title)
    return replace(doc, entities=u.entities, statements=u.statements, key_sentences=u.key_sentences)


def demo_docs(use_understanding: bool, ties_reversed: bool = False) -> list[tuple[str, StoryDoc]]:
    """The demo's articles in release order (``ties_reversed``: articles released at the same
    moment arrive in the opposite order, as when the feeds are fetched in another order)."""
    story = load_story()
    docs = []
    articles = list(story.articles)
    if ties_reversed:
        order = {a.id: i for i, a in enumerate(articles)}
        articles.sort(key=lambda a: (a.release_s, -order[a.id]))
    for n, article in enumerate(articles, start=1):
        outlet = story.outlet(article.outlet)
        url = f"https://{outlet.slug}.example{outlet.home_path}{article.slug}"
        published = story.published(article, ANCHOR)
        if article.replaces is not None:
            published = ANCHOR + article.simulated  # the corrected version's own time
        doc = StoryDoc(
            article_id=n,
            source=outlet.name,
            url=url,
            title=article.title,
            text=article.clean_body,
            published=published,
        )
        docs.append((article.id, _understood(doc, use_understanding)))
    return docs


def seed_doc(labels: dict[str, Any], use_understanding: bool, path: Path = SEED) -> StoryDoc:
    clutter = set(labels["seed"]["clutter_lines"])
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next(line for line in lines if line.strip())
    body = "\n".join(
        line for line in lines if line.strip() not in clutter and line.strip() != title
    )
    doc = StoryDoc(
        article_id=1000,
        source="CNBC",
        url="https://www.cnbc.com/seed",
        title=title,
        text=body.strip(),
        published=datetime(2020, 1, 10, 15, 0, tzinfo=STORY_TZ),
    )
    return _understood(doc, use_understanding)


def replay(engine: StoryEngine, docs: list[tuple[str, StoryDoc]], first_id: int) -> list[Replayed]:
    out = []
    next_id = first_id
    for label, doc in docs:
        decision = engine.decide(doc)
        story_id = decision.story_id
        if story_id is None:
            story_id, next_id = next_id, next_id + 1
        engine.apply(doc, decision, story_id)
        out.append(Replayed(label, doc, decision, story_id))
    return out


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _has(text: str, needles: list[str]) -> bool:
    hay = _norm(text)
    return any(_norm(n).strip(" .,") in hay for n in needles)


def matches_contradiction(event: StoryEvent, label: dict[str, Any]) -> bool:
    earlier, later = event.detail.get("earlier", ""), event.detail.get("later", "")
    e, lt = label["earlier"]["texts"], label["later"]["texts"]
    return (_has(earlier, e) and _has(later, lt)) or (_has(earlier, lt) and _has(later, e))


def score_contradictions(
    predicted: list[StoryEvent], gold: list[dict[str, Any]]
) -> tuple[int, list[int]]:
    """Correct predictions and the gold pairs found; an event matching a pair that an
    earlier event already matched is a repeat, counted as wrong (report each pair once)."""
    matched: set[int] = set()
    correct = 0
    for event in predicted:
        hits = [i for i, g in enumerate(gold) if matches_contradiction(event, g)]
        fresh = [i for i in hits if i not in matched]
        if fresh:
            correct += 1
            matched.add(fresh[0])
    return correct, sorted(matched)


def heldout(path: Path, use_understanding: bool, verbose: bool) -> tuple[float, float, str]:
    """Precision and recall on the held-out cases (each replayed into a fresh engine)."""
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    monday = datetime(2026, 6, 1, 8, 0, tzinfo=STORY_TZ)
    n_pred = n_correct = n_gold = n_found = 0
    notes: list[str] = []
    batches: dict[str, list[int]] = {}  # batch -> [correct, predicted, found, gold]
    for number, case in enumerate(cases):
        docs = []
        for k, row in enumerate(case["articles"]):
            doc = StoryDoc(
                article_id=number * 100 + k + 1,
                source=row["source"],
                url=f"https://{number}-{k}.example/a",
                title=row["title"],
                text=row["text"],
                published=monday + timedelta(hours=row["hours"]),
            )
            docs.append((f"{case['id']}.{k + 1}", _understood(doc, use_understanding)))
        replayed = replay(StoryEngine(), docs, first_id=number * 100 + 1)
        events = [e for r in replayed for e in r.decision.events if e.kind == "contradiction"]
        gold = case["contradictions"]
        correct, found = score_contradictions(events, gold)
        n_pred += len(events)
        n_correct += correct
        n_gold += len(gold)
        n_found += len(found)
        name = case.get("batch") or ("second" if "added" in case else "first")
        batch = batches.setdefault(name, [0, 0, 0, 0])
        for i, n in enumerate((correct, len(events), len(found), len(gold))):
            batch[i] += n
        status = f"{case['id']}: {len(found)}/{len(gold)} found, {len(events) - correct} wrong"
        notes.append(status)
        if verbose:
            print(status)
            for event in events:
                print(f"    {event.text[:240]}")
    precision, recall = _pr(n_correct, n_pred, n_found, n_gold)
    summary = (
        f"held-out contradictions ({len(cases)} cases, {n_gold} gold pairs): precision "
        f"{precision:.3f} ({n_correct}/{n_pred}) recall {recall:.3f} ({n_found}/{n_gold})"
    )
    for name, (correct, predicted, found, gold) in batches.items():
        p, r = _pr(correct, predicted, found, gold)
        summary += (
            f"\n  {name} batch: precision {p:.3f} ({correct}/{predicted}) recall {r:.3f} "
            f"({found}/{gold})"
        )
    return precision, recall, summary + "\n  " + "; ".join(notes)


def real_news(folder: Path, use_understanding: bool, verbose: bool) -> str:
    """Contradictions raised on real news with no labels: how often the rules fire."""
    paths = sorted((folder / "text").iterdir())
    engine = StoryEngine()
    docs = []
    for n, path in enumerate(paths, start=1):
        text = path.read_text(encoding="utf-8", errors="replace")
        title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
        doc = StoryDoc(
            article_id=n,
            source="real",
            url=None,
            title=title[:120],
            text=text,
            published=datetime(2016, 1, 1, tzinfo=STORY_TZ) + timedelta(hours=n),
        )
        docs.append((path.stem, _understood(doc, use_understanding)))
    replayed = replay(engine, docs, first_id=1)
    events = [e for r in replayed for e in r.decision.events if e.kind == "contradiction"]
    if verbose:
        for event in events:
            print(f"    real: {event.text[:240]}")
    within = sum(1 for e in events if len(e.article_ids) == 1)
    return (
        f"real news ({folder}): {len(events)} contradictions in {len(docs)} articles "
        f"({100 * len(events) / len(docs):.1f} per 100; {within} within one article)"
    )


def _pr(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float]:
    precision = tp_pred / n_pred if n_pred else 1.0
    recall = tp_gold / n_gold if n_gold else 1.0
    return precision, recall


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--seed-article", type=Path, default=SEED)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--heldout", type=Path, default=HELDOUT, help="held-out cases")
    parser.add_argument(
        "--real",
        type=Path,
        help="also replay the texts of a PolNeAR-style folder (DIR/text/*) and count the "
        "contradictions raised on that unlabelled real news (a noise figure, not a score)",
    )
    understanding = parser.add_mutually_exclusive_group()
    understanding.add_argument("--understand", dest="understand", action="store_true")
    understanding.add_argument("--no-understand", dest="understand", action="store_false")
    parser.set_defaults(understand=True)
    args = parser.parse_args(argv)
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    demo_labels = {row["id"]: row for row in labels["demo_story"]["articles"]}

    engine = StoryEngine()
    demo = replay(engine, demo_docs(args.understand), first_id=1)
    seed_engine = StoryEngine()
    seed_article = seed_doc(labels, args.understand, args.seed_article)
    seed = replay(seed_engine, [("seed", seed_article)], first_id=500)

    by_label = {r.label: r for r in demo}
    if args.verbose:
        for r in [*demo, *seed]:
            d = r.decision
            print(
                f"{r.label}: story {r.story_id} dup {d.duplicate_of}/{d.duplicate_kind} "
                f"dev {d.is_development} new s/st/n {len(d.novelty.new_sentences)}/"
                f"{len(d.novelty.new_statements)}/{len(d.novelty.new_numbers)}"
            )
            for event in d.events:
                print(f"    {event.kind}: {event.text[:240]}")

    # development
    tp = fp = fn = 0
    wrong: list[str] = []
    for r in demo:
        row = demo_labels[r.label]
        if not row["in_story"]:
            continue
        predicted, gold = r.decision.is_development, row["development"]
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        if predicted != gold:
            wrong.append(r.label)
    dev_p, dev_r = _pr(tp, tp + fp, tp, tp + fn)

    # clustering of the demo
    main_story = by_label["a01"].story_id
    in_story = [r for r in demo if demo_labels[r.label]["in_story"]]
    joined = sum(1 for r in in_story if r.story_id == main_story)
    outsiders = [r for r in demo if not demo_labels[r.label]["in_story"]]
    kept_out = sum(1 for r in outsiders if r.story_id != main_story)

    # copies
    ids = {r.label: r.doc.article_id for r in demo}
    copies = labels["demo_story"]["wire_copies"]
    copy_found = sum(
        1
        for c in copies
        if by_label[c["copy"]].decision.duplicate_of is not None
        and by_label[c["copy"]].decision.duplicate_of == ids[c["original"]]
    )
    flagged = [r for r in demo if r.decision.duplicate_of is not None]
    copy_pairs = {(c["copy"], c["original"]) for c in copies}
    label_of = {r.doc.article_id: r.label for r in demo}
    copy_correct = sum(
        1
        for r in flagged
        if (r.label, label_of.get(r.decision.duplicate_of or -1, "")) in copy_pairs
    )

    # events
    events = [e for r in demo for e in r.decision.events]
    seed_events = [e for r in seed for e in r.decision.events]
    demo_gold = labels["demo_story"]["contradictions"]
    seed_gold = labels["seed"]["contradictions"]
    demo_c = [e for e in events if e.kind == "contradiction"]
    seed_c = [e for e in seed_events if e.kind == "contradiction"]
    demo_correct, demo_found = score_contradictions(demo_c, demo_gold)
    seed_correct, seed_found = score_contradictions(seed_c, seed_gold)
    gold_c = [(c, events) for c in demo_gold] + [(c, seed_events) for c in seed_gold]
    predicted_c = demo_c + seed_c
    c_correct = demo_correct + seed_correct
    c_found = [demo_gold[i]["id"] for i in demo_found] + [seed_gold[i]["id"] for i in seed_found]
    primary = [c["id"] for c, _ in gold_c if c["priority"] == "primary"]
    con_p, con_r = _pr(c_correct, len(predicted_c), len(c_found), len(gold_c))
    primary_r = sum(1 for c in c_found if c in primary) / len(primary)

    gold_r = labels["demo_story"]["revisions"]
    predicted_r = [e for e in events + seed_events if e.kind == "revision"]

    def revision_ok(e: StoryEvent, g: dict[str, Any]) -> bool:
        def value(s: str) -> float:
            return float(s.replace(",", ""))

        try:
            return value(e.detail["from"]) == g["from"] and value(e.detail["to"]) == g["to"]
        except (KeyError, ValueError):
            return False

    r_correct = sum(1 for e in predicted_r if any(revision_ok(e, g) for g in gold_r))
    r_found = [g["id"] for g in gold_r if any(revision_ok(e, g) for e in predicted_r)]
    rev_p, rev_r = _pr(r_correct, len(predicted_r), len(r_found), len(gold_r))

    gold_x = labels["demo_story"]["corrections"]
    predicted_x = [(r.label, e) for r in demo for e in r.decision.events if e.kind == "correction"]
    x_correct = sum(1 for label, _ in predicted_x if any(g["article"] == label for g in gold_x))
    x_found = sum(1 for g in gold_x if any(label == g["article"] for label, _ in predicted_x))
    cor_p, cor_r = _pr(x_correct, len(predicted_x), x_found, len(gold_x))

    headline = engine.headline(main_story)
    # the same feeds fetched in another order: articles released together arrive reversed
    swapped_engine = StoryEngine()
    swapped = replay(swapped_engine, demo_docs(args.understand, ties_reversed=True), first_id=1)
    # whichever copy of a wire text arrives first reports its development, so compare
    # per text: a text is a development when one of its copies is
    group = {c["copy"]: c["original"] for c in labels["demo_story"]["wire_copies"]}
    said: dict[str, list[bool]] = {}
    for r in swapped:
        if demo_labels[r.label]["in_story"]:
            text = said.setdefault(group.get(r.label, r.label), [False, False])
            text[0] |= r.decision.is_development
            text[1] |= demo_labels[r.label]["development"]
    swapped_wrong = [label for label, (got, gold) in said.items() if got != gold]
    swapped_ids = {r.label: r.doc.article_id for r in swapped}
    swapped_originals = {
        r.label: swapped_engine.provenance(r.doc.article_id).original for r in swapped
    }
    same_provenance = sum(
        1 for c in copies if swapped_originals[c["copy"]] == swapped_ids[c["original"]]
    )
    swapped_title = swapped_engine.headline(
        next(r.story_id for r in swapped if r.label == "a01")
    ).title
    print(f"understanding: {'storywatch.understand' if args.understand else 'none'}")
    print(
        f"demo story: {joined}/{len(in_story)} articles joined one story; "
        f"{kept_out}/{len(outsiders)} unrelated articles kept out"
    )
    print(f"  title: {headline.title}")
    print(f"  timeline items: {len(headline.timeline)}")
    print(
        f"same feeds, articles released together arriving reversed: title "
        f"{'unchanged' if swapped_title == headline.title else 'now ' + repr(swapped_title)}; "
        f"texts wrongly (not) a development: {', '.join(swapped_wrong) or 'none'}; wire "
        f"copies traced to "
        f"their labelled original: {same_provenance}/{len(copies)}"
    )
    print(
        f"development: precision {dev_p:.3f} recall {dev_r:.3f} f1 {_f1(dev_p, dev_r):.3f}"
        f"  (wrong: {', '.join(wrong) or 'none'})"
    )
    print(
        f"wire copies: {copy_found}/{len(copies)} found; {copy_correct}/{len(flagged)} "
        "flagged copies right"
    )
    print(
        f"contradictions: precision {con_p:.3f} ({c_correct}/{len(predicted_c)}) recall "
        f"{con_r:.3f} (found {', '.join(c_found) or 'none'} of {len(gold_c)}); "
        f"primary recall {primary_r:.3f}"
    )
    print(
        f"revisions: precision {rev_p:.3f} ({r_correct}/{len(predicted_r)}) recall "
        f"{rev_r:.3f} (found {', '.join(r_found) or 'none'})"
    )
    print(f"corrections: precision {cor_p:.3f} recall {cor_r:.3f}")
    held_p, held_r, held_summary = heldout(args.heldout, args.understand, args.verbose)
    print(held_summary)
    if args.real is not None:
        print(real_news(args.real, args.understand, args.verbose))
    print(
        f"development_f1={_f1(dev_p, dev_r):.4f} development_precision={dev_p:.4f} "
        f"development_recall={dev_r:.4f} contradiction_precision={con_p:.4f} "
        f"contradiction_recall={con_r:.4f} revision_precision={rev_p:.4f} "
        f"revision_recall={rev_r:.4f} correction_recall={cor_r:.4f} "
        f"heldout_contradiction_precision={held_p:.4f} heldout_contradiction_recall={held_r:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
