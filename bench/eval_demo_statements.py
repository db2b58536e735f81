"""Statements (quotes and paraphrases) and their speakers on our own labelled demo story.

    .venv/bin/python bench/eval_demo_statements.py --data ../shared/data [--verbose]

What a person sees on a story page ("who said what") and in pushes is the public
``extract_statements`` output; this scores exactly that against the hand labels in
``bench/labels/demo_story.json`` (schema in ``bench/labels/README.md``): the 25 demo articles
(clean bodies) and the seed article (``{data}/../seed/seed-article.txt`` without its clutter
lines). Quotes and paraphrases are scored separately.

Tokens are word tokens of the article, by position. A statement's tokens are the words of
its text, aligned in order onto the article words between its ``start`` and ``end`` (so an
attribution between two parts of a quotation is not counted).

Quotes (labels are complete: every quoted span of every article). Predictions are the
statements of kind ``direct``. A whole quotation (label ``partial: false``) matches when
|P∩G| / max(|P|, |G|) ≥ 0.5, PolNeAR's rule. A partial quotation (a fragment inside a
reported clause; our statement is the clause) matches when P covers at least 80% of G and
stays inside G's paragraph. One to one, best overlap first.

Paraphrases (labels are a substring of the reported content, for the articles that first
report them). A gold paraphrase is found when some statement (of either kind: a clause with
a partial quotation is direct) covers at least 80% of it, stays inside its paragraph and
does not take in the attribution: the label's cue word nearest to the paraphrase and, when
the cue comes after it, the words from the first comma after the paraphrase to the cue (the
speaker: "…, a city spokeswoman, Oda Brisk, said"). Precision counts statements of kind
``indirect`` in the articles with at least one labelled paraphrase (and the seed); the
other articles' paraphrases are not labelled. Paraphrases the labels leave out on purpose
(repeats of one reported first elsewhere) or by omission are listed, each with its reason,
in ``bench/understand_demo_unlabelled.tsv``; a prediction holding one counts neither way.

Speakers, on matched pairs: a person is right when our speaker's last name word is the
label's; an organisation when the names agree after dropping "the" (or ours is a two-word
or longer tail of the label's, "Brannoc Hospital"); a group or unnamed person ("Several
families on Rope Street", "doctors at St. Brannoc Hospital") when ours is its head phrase
or the organisation named in it. ``also_accept_speakers`` are equally right. ``keyed`` is
the share of matched statements by a named person or organisation whose speaker is right
and carries a ``speaker_key`` (what a follow chip needs).

The last line is the headline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storywatch.demo.story import load_story
from storywatch.model import Statement
from storywatch.understand import extract_statements

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "labels" / "demo_story.json"
UNLABELLED = ROOT / "bench" / "understand_demo_unlabelled.tsv"
_WORD = re.compile(r"[^\W_]+(?:[’'.\-&][^\W_]+)*")
_ARTICLE_WORDS = {"the", "a", "an"}
_PREPOSITIONS = {"at", "on", "of", "from", "in", "who", "with", "for"}

Span = tuple[int, int]


@dataclass
class Doc:
    name: str
    text: str
    words: list[tuple[str, int, int]]
    paragraphs: list[Span]
    statements: list[Statement]

    def tokens_in(self, start: int, end: int) -> frozenset[int]:
        return frozenset(i for i, (_, s, e) in enumerate(self.words) if s >= start and e <= end)

    def paragraph_of(self, token: int) -> int:
        pos = self.words[token][1]
        return next((k for k, (a, b) in enumerate(self.paragraphs) if a <= pos < b), -1)


@dataclass
class GoldItem:
    doc: str
    tokens: frozenset[int]
    speaker: str
    kind: str  # person, organization, group, unnamed person
    accept: list[str]
    partial: bool
    text: str
    forbidden: frozenset[int] = frozenset()


def _norm_word(w: str) -> str:
    return w.lower().replace("’", "'").rstrip(".")


def _words(text: str) -> list[str]:
    return [_norm_word(w) for w in _WORD.findall(text)]


def _strip_possessive(w: str) -> str:
    return w[:-2] if w.endswith("'s") else w


def statement_tokens(doc: Doc, s: Statement) -> frozenset[int]:
    """The article tokens of a statement's text, aligned in order inside [start, end)."""
    want = _words(s.text)
    span = [i for i, (_, a, b) in enumerate(doc.words) if a >= s.start and b <= s.end + 1]
    out: set[int] = set()
    k = 0
    for i in span:
        if k < len(want) and _norm_word(doc.words[i][0]) == want[k]:
            out.add(i)
            k += 1
    return frozenset(out)


def _find(text: str, needle: str, after: int) -> int:
    at = text.find(needle, after)
    return at if at >= 0 else text.find(needle)


def _paragraphs(text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def make_doc(name: str, text: str) -> Doc:
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    return Doc(name, text, words, _paragraphs(text), extract_statements(text))


def quote_golds(doc: Doc, rows: list[dict[str, Any]]) -> list[GoldItem]:
    out = []
    cursor = 0
    for row in rows:
        tokens: set[int] = set()
        for part in row.get("parts", [row["text"]]):
            at = -1
            for mark in ("“", '"'):
                at = doc.text.find(mark + part, cursor)
                if at >= 0:
                    break
            if at < 0:
                at = _find(doc.text, part, 0) - 1
            cursor = at + 1
            tokens |= doc.tokens_in(at + 1, at + 1 + len(part))
        kind = row.get("speaker_kind", "person")
        out.append(
            GoldItem(
                doc.name,
                frozenset(tokens),
                row["speaker"],
                kind,
                row.get("also_accept_speakers", []),
                bool(row.get("partial")),
                row["text"],
            )
        )
    return out


def paraphrase_golds(doc: Doc, rows: list[dict[str, Any]]) -> list[GoldItem]:
    out = []
    for row in rows:
        at = doc.text.find(row["text"])
        tokens = doc.tokens_in(at, at + len(row["text"]))
        out.append(
            GoldItem(
                doc.name,
                tokens,
                row["speaker"],
                row.get("speaker_kind", "person"),
                row.get("also_accept_speakers", []),
                True,
                row["text"],
                _attribution_tokens(doc, tokens, row["cue"]),
            )
        )
    return out


def _attribution_tokens(doc: Doc, gold: frozenset[int], cue: str) -> frozenset[int]:
    """The cue nearest to the paraphrase in its paragraph, and the speaker between them."""
    lo, hi = min(gold), max(gold)
    para = doc.paragraph_of(lo)
    cue_words = cue.lower().split()
    best: int | None = None
    for i, (w, _, _) in enumerate(doc.words):
        if doc.paragraph_of(i) != para or lo <= i <= hi:
            continue
        if w.lower() == cue_words[0] and (best is None or _gap(i, lo, hi) < _gap(best, lo, hi)):
            best = i
    if best is None:
        return frozenset()
    if best < lo:
        return frozenset([best])
    # "CONTENT …, SPEAKER CUE": from the first comma after the paraphrase to the cue.
    comma = doc.text.find(",", doc.words[hi][2], doc.words[best][1])
    first = next((i for i in range(hi + 1, best) if comma >= 0 and doc.words[i][1] > comma), best)
    return frozenset(range(first, best + 1))


def _gap(i: int, lo: int, hi: int) -> int:
    return lo - i if i < lo else i - hi


def match(
    doc: Doc, preds: list[tuple[int, frozenset[int]]], golds: list[GoldItem], paraphrase: bool
) -> list[tuple[int, int]]:
    """One-to-one pairs (prediction index, gold index), best overlap first."""
    scored = []
    for pi, ptoks in preds:
        for gi, g in enumerate(golds):
            common = len(ptoks & g.tokens)
            if not common or not g.tokens:
                continue
            if paraphrase or g.partial:
                cover = common / len(g.tokens)
                paras = {doc.paragraph_of(t) for t in ptoks}
                inside = paras == {doc.paragraph_of(min(g.tokens))}
                clean = not (ptoks & g.forbidden)
                if cover >= 0.8 and inside and clean:
                    scored.append((cover, pi, gi))
            else:
                ov = common / max(len(ptoks), len(g.tokens))
                if ov >= 0.5:
                    scored.append((ov, pi, gi))
    scored.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, pi, gi in scored:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


def _name(text: str) -> list[str]:
    words = [_strip_possessive(w) for w in _words(text)]
    while words and words[0] in _ARTICLE_WORDS:
        words = words[1:]
    return words


def speaker_right(ours: str, gold: GoldItem) -> bool:
    mine = _name(ours)
    if not mine:
        return False
    for label in [gold.speaker, *gold.accept]:
        theirs = _name(label)
        if mine == theirs:
            return True
        if gold.kind == "person" and label == gold.speaker:
            if mine[-1] == theirs[-1]:
                return True
            continue
        if gold.kind in ("group", "unnamed person"):
            cut = next((k for k, w in enumerate(theirs) if w in _PREPOSITIONS), len(theirs))
            head, tail = theirs[:cut], theirs[cut + 1 :]
            if mine == head or mine == head[-1:] or (tail and mine == _name(" ".join(tail))):
                return True
            continue
        if len(mine) >= 2 and theirs[-len(mine) :] == mine:
            return True
    return False


def unlabelled() -> dict[str, list[str]]:
    """Known paraphrases the labels leave out (repeats, one omission): article → texts."""
    out: dict[str, list[str]] = {}
    for line in UNLABELLED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, text, _reason = line.split("\t")
            out.setdefault(article, []).append(text)
    return out


@dataclass
class Tally:
    ignored: int = 0
    predicted: int = 0
    matched_pred: int = 0
    gold: int = 0
    found: int = 0
    speaker_right: int = 0
    named: int = 0
    keyed: int = 0

    def scores(self) -> dict[str, float]:
        p = self.matched_pred / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_right / self.found if self.found else 0.0
        keyed = self.keyed / self.named if self.named else 0.0
        return {"precision": p, "recall": r, "f1": f, "speaker": acc, "keyed": keyed}


def score(
    doc: Doc,
    golds: list[GoldItem],
    tally: Tally,
    paraphrase: bool,
    counted: bool,
    verbose: bool,
    ignore: list[str] | None = None,
) -> None:
    kind = "indirect" if paraphrase else "direct"
    allp = [(i, statement_tokens(doc, s)) for i, s in enumerate(doc.statements)]
    preds = allp if paraphrase else [(i, t) for i, t in allp if doc.statements[i].kind == kind]
    pairs = match(doc, preds, golds, paraphrase)
    tally.gold += len(golds)
    tally.found += len(pairs)
    matched = {pi for pi, _ in pairs}
    if counted:
        mine = [i for i, s in enumerate(doc.statements) if s.kind == kind]
        skip = [
            i
            for i in mine
            if i not in matched and any(t in doc.statements[i].text for t in ignore or [])
        ]
        tally.ignored += len(skip)
        mine = [i for i in mine if i not in skip]
        tally.predicted += len(mine)
        tally.matched_pred += len([i for i in mine if i in matched])
        if verbose:
            for i in mine:
                if i not in matched:
                    s = doc.statements[i]
                    print(f"  FP {doc.name} {kind}: {s.speaker!r}: {s.text[:110]!r}")
    for pi, gi in pairs:
        s, g = doc.statements[pi], golds[gi]
        ok = speaker_right(s.speaker, g)
        tally.speaker_right += ok
        if g.kind in ("person", "organization"):
            tally.named += 1
            tally.keyed += ok and s.speaker_key is not None
        if verbose and not ok:
            print(f"  SPEAKER {doc.name} {kind}: gold={g.speaker!r} ours={s.speaker!r}")
        elif verbose and g.kind in ("person", "organization") and s.speaker_key is None:
            print(f"  NO KEY {doc.name} {kind}: {s.speaker!r}")
    if verbose:
        hit = {gi for _, gi in pairs}
        for gi, g in enumerate(golds):
            if gi not in hit:
                print(f"  FN {doc.name} {kind}: {g.speaker!r}: {g.text[:110]!r}")


def seed_body(data: Path, seed: dict[str, Any]) -> str:
    text = (data.parent / "seed" / "seed-article.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(p for p in paragraphs if p not in seed["clutter_lines"])


def evaluate(data: Path, verbose: bool) -> tuple[Tally, Tally]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    story = load_story()
    quotes, paras = Tally(), Tally()
    demo = labels["demo_story"]
    docs: list[tuple[Doc, list[dict[str, Any]], list[dict[str, Any]]]] = []
    for article in story.articles:
        doc = make_doc(article.id, article.clean_body)
        q = [r for r in demo["quotes"] if r["article"] == article.id]
        p = [r for r in demo["paraphrases"] if r["article"] == article.id]
        docs.append((doc, q, p))
    seed = labels["seed"]
    docs.append((make_doc("seed", seed_body(data, seed)), seed["quotes"], seed["paraphrases"]))
    known = unlabelled()
    for doc, q, p in docs:
        score(doc, quote_golds(doc, q), quotes, False, True, verbose)
        golds = paraphrase_golds(doc, p)
        score(doc, golds, paras, True, bool(p), verbose, known.get(doc.name))
    return quotes, paras


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    quotes, paras = evaluate(args.data, args.verbose)
    q, p = quotes.scores(), paras.scores()
    print(
        f"quotes: gold={quotes.gold} predicted={quotes.predicted} matched={quotes.found} "
        f"precision={q['precision']:.3f} recall={q['recall']:.3f} f1={q['f1']:.3f} "
        f"speaker={q['speaker']:.3f} keyed={q['keyed']:.3f}"
    )
    print(
        f"paraphrases: gold={paras.gold} predicted(indirect, labelled articles)="
        f"{paras.predicted} (+{paras.ignored} known unlabelled) found={paras.found} "
        f"precision={p['precision']:.3f} "
        f"recall={p['recall']:.3f} f1={p['f1']:.3f} speaker={p['speaker']:.3f} "
        f"keyed={p['keyed']:.3f}"
    )
    print(
        " ".join(
            f"{kind}_{name}={value:.4f}"
            for kind, scores in (("quote", q), ("para", p))
            for name, value in scores.items()
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
