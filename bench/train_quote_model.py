"""Fit the learned quotation pass (``understand/quote_model.json``) on PolNeAR's train split.

    .venv/bin/python bench/train_quote_model.py --data ../shared/data/polnear_attribution/train

For every article: run the attribution rules, take the sentences whose quotations they left
unclaimed (``understand.quote_candidates``), and label them from the gold attributions the
rules did not match (the direct-quote subset ``bench/eval_quotes.py`` scores):

- a group is positive for the *emit* model when one of its candidates overlaps such a gold
  content by at least half (the scorer's own test);
- a candidate is positive for the *span* model when it is the one that overlaps best.

Both are L2-regularised logistic regressions (scikit-learn, at training time only). The
emit threshold is chosen by five-fold cross-validation over documents, to maximise the F1
the scorer would give train with the additions; the dev split is not read. The output is
deterministic for the same data: features sorted, weights rounded to 4 decimals, weights
under 0.005 in magnitude dropped.

``--folds`` prints the cross-validated figures only (no file written).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_quotes import Pred, Span, load, match, overlap, token_ids  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from storywatch.understand.analysis import Analysis, analyse  # noqa: E402
from storywatch.understand.quote_candidates import Candidate, candidates, groups  # noqa: E402
from storywatch.understand.quote_model import WEIGHTS, Linear, QuoteModel  # noqa: E402
from storywatch.understand.quote_speakers import voices  # noqa: E402
from storywatch.understand.statements import by_rules  # noqa: E402
from storywatch.understand.text import words  # noqa: E402


@dataclass
class Example:
    doc: int
    features: tuple[str, ...]
    reachable: bool
    cands: list[tuple[tuple[str, ...], float]]  # features, best overlap with a free gold
    voices: list[tuple[tuple[str, ...], bool]]  # the best candidate's speakers, and which spoke


@dataclass
class Corpus:
    examples: list[Example]
    speakers: list[tuple[tuple[str, ...], bool]]  # every gold quotation's possible speakers
    matched: int  # the rules' figures, to turn additions into an F1
    predicted: int
    gold: int


def read(folder: Path) -> Corpus:
    examples: list[Example] = []
    spoken: list[tuple[tuple[str, ...], bool]] = []
    matched = predicted = gold = 0
    for d, (_name, text, golds) in enumerate(load(folder)):
        an = analyse(text)
        out, _history = by_rules(an)
        toks = words(text)
        starts = [w.start for w in toks]
        ends = [w.end for w in toks]
        preds = [token_ids(starts, ends, a.parts) for a in out if a.direct]
        pairs = match([Pred(t, "", None) for t in preds], golds, 0.5)
        matched += len(pairs)
        predicted += len(preds)
        gold += len(golds)
        hit = {j for _, j in pairs}
        free_golds = [g for j, g in enumerate(golds) if j not in hit]
        free = [g.tokens for g in free_golds]
        last = {a.sentence: a.speaker for a in out}
        for gd in golds:
            if gd.source and gd.tokens:
                content = (toks[min(gd.tokens)].start, toks[max(gd.tokens)].end)
                spoken.extend(_labelled(an, content, gd.source, last))
        claimed = [p for a in out for p in a.parts]
        direct = {a.sentence for a in out if a.direct}
        for g in groups(an, claimed, direct):
            cands = []
            top: tuple[float, Candidate | None, int] = (0.0, None, -1)
            for c in candidates(an, g):
                t = token_ids(starts, ends, list(c.parts))
                best, which = max(((overlap(t, f), i) for i, f in enumerate(free)), default=(0, -1))
                cands.append((c.features, best))
                if best > top[0]:
                    top = (best, c, which)
            reach = any(ov >= 0.5 for _, ov in cands)
            said: list[tuple[tuple[str, ...], bool]] = []
            source = free_golds[top[2]].source if reach and top[1] is not None else None
            if source and top[1] is not None:
                content = (top[1].parts[0][0], top[1].parts[-1][1])
                said = _labelled(an, content, source, last)
            examples.append(Example(d, g.features, reach, cands, said))
    return Corpus(examples, spoken, matched, predicted, gold)


def _labelled(
    an: Analysis, content: Span, source: list[Span], last: dict[int, object]
) -> list[tuple[tuple[str, ...], bool]]:
    """The possible speakers of a gold content, each marked by whether it is the gold source
    (the previous sentence's speaker when the source lies before the sentence)."""
    s = an.sentences[an.sentence_of(content[0])]
    out = []
    for v in voices(an, s, content, s.index - 1 in last):
        if v.span is None:
            out.append((v.features, source[0][0] < s.start))
        else:
            a, b = v.span
            out.append((v.features, any(x < b and a < y for x, y in source)))
    return out if any(y for _, y in out) else []


def fit(
    examples: list[Example],
    spoken: list[tuple[tuple[str, ...], bool]],
    c_emit: float,
    c_span: float,
) -> tuple[Linear, Linear, Linear]:
    emit = _logistic(
        [e.features for e in examples], [e.reachable for e in examples], c_emit, balanced=False
    )
    xs: list[tuple[str, ...]] = []
    ys: list[bool] = []
    for e in examples:
        if not e.reachable:
            continue
        top = max(ov for _, ov in e.cands)
        for feats, ov in e.cands:
            xs.append(feats)
            ys.append(ov >= 0.5)
    span = _logistic(xs, ys, c_span, balanced=False)
    vx = [f for f, _ in spoken] + [f for e in examples for f, _ in e.voices]
    vy = [y for _, y in spoken] + [y for e in examples for _, y in e.voices]
    speaker = _logistic(vx, vy, c_span, balanced=False)
    return emit, span, speaker


def _logistic(xs: list[tuple[str, ...]], ys: list[bool], c: float, balanced: bool) -> Linear:
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in xs])
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    lr.fit(x, ys)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in sorted(zip(names, lr.coef_[0], strict=True))
        if abs(w) >= 0.005
    }
    return Linear(round(float(lr.intercept_[0]), 4), weights)


def additions(examples: list[Example], model: QuoteModel) -> tuple[int, int]:
    """(matched, emitted) when ``model`` decides these groups."""
    hit = made = 0
    for e in examples:
        if model.emit.probability(e.features) < model.threshold:
            continue
        made += 1
        best = max(e.cands, key=lambda c: model.span.score(c[0]))
        hit += best[1] >= 0.5
    return hit, made


def f1(corpus: Corpus, hit: int, made: int) -> float:
    m = corpus.matched + hit
    p = m / (corpus.predicted + made)
    r = m / corpus.gold
    return 2 * p * r / (p + r)


def cross_validate(
    corpus: Corpus, c_emit: float, c_span: float, folds: int = 5
) -> dict[float, tuple[int, int]]:
    """Additions (matched, emitted) at each threshold, every document scored by a model that
    never saw it."""
    thresholds = [round(0.30 + 0.05 * i, 2) for i in range(11)]
    totals = {t: (0, 0) for t in thresholds}
    for k in range(folds):
        train = [e for e in corpus.examples if e.doc % folds != k]
        test = [e for e in corpus.examples if e.doc % folds == k]
        emit, span, speaker = fit(train, corpus.speakers, c_emit, c_span)
        for t in thresholds:
            h, m = additions(test, QuoteModel(emit, span, speaker, t))
            totals[t] = (totals[t][0] + h, totals[t][1] + m)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--folds", action="store_true", help="cross-validate only")
    parser.add_argument("--c-emit", type=float, default=0.03)
    parser.add_argument("--c-span", type=float, default=0.1)
    args = parser.parse_args()
    corpus = read(args.data)
    print(
        f"rules: matched {corpus.matched} of {corpus.gold} gold, {corpus.predicted} predicted, "
        f"f1={f1(corpus, 0, 0):.4f}; unclaimed groups {len(corpus.examples)}, reachable "
        f"{sum(e.reachable for e in corpus.examples)}"
    )
    cv = cross_validate(corpus, args.c_emit, args.c_span)
    for t, (h, m) in cv.items():
        print(f"threshold {t:.2f}: +{h} matched of +{m} emitted, f1={f1(corpus, h, m):.4f}")
    best = max(cv, key=lambda t: f1(corpus, *cv[t]))
    print(f"chosen threshold {best:.2f}")
    if args.folds:
        return 0
    emit, span, speaker = fit(corpus.examples, corpus.speakers, args.c_emit, args.c_span)
    model = QuoteModel(emit, span, speaker, best)
    args.out.write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n")
    print(f"wrote {args.out} ({len(emit.weights)} emit and {len(span.weights)} span weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
