"""Direct-quote detection and speaker accuracy on a folder in PolNeAR's layout.

    .venv/bin/python bench/eval_quotes.py --data ../shared/data/polnear_attribution/dev

Gold. A folder holds ``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann`` (BRAT
standoff). For a document annotated twice we use the first .ann alphabetically. A gold
*direct quote* is a Content span (all its fragments, with the event's Content2 when it has
one: one annotator marks the part after a splitting trailer so) whose text holds a quotation mark
(" “ ”, or the doubled single marks '' that New York Times copy uses for quotations): that
is both whole quotations and reported clauses carrying a partial quotation, as the corpus
notes define it (dev: ~0.7k spans).

Prediction. ``storywatch.understand`` statements of kind "direct" (a quotation, or a
reported clause holding one) with a quotation mark in or right around their words, the
gold's own test; a direct statement with no mark (a transcript's turn) is scored with the
paraphrases, as the gold's unmarked Content is. Tokens are words (punctuation and quote
marks dropped), counted by position in the document. A prediction wholly inside a span the annotator
marked Discard (text outside the article proper, never annotated) is not scored.

Matching. A prediction P matches a gold G when |P∩G| / max(|P|, |G|) ≥ 0.5 (both spans
must cover at least half of the larger one); pairs are matched one to one, best overlap
first. Precision = matched / predicted, recall = matched / gold.

Speaker accuracy, over matched pairs whose gold has a Source span (strict, judged without
our resolver):
- gold Source with a capitalised head ("Esper", "Secretary Mark Esper", "The Pentagon"):
  correct when our resolved speaker's last word is one of its name words ("Mark Esper" ~
  "Esper"), or when our speaker is a name holding every one of its name words (a family
  name written first: "Ban Ki-moon" ~ "Ban"; two surnames: "Melba Acosta Febo" ~ "Ms.
  Acosta");
- gold Source a personal pronoun ("he", "she", "they", "it", ...): its referent is taken to
  be the nearest *named* gold Source before it in the document, of any attribution (quote
  or paraphrase): the annotators' own chain;
  correct by the same test against that referent. With no named
  gold Source before it, the pair is judged by span overlap (below);
- gold Source a relative pronoun ("who"): referent is what the words right before it stand
  for: a name written there, the name an appositive describes ("Harold Doley, a banker
  who"), a predicate noun's subject ("Trump … is a … bully who"), or the described noun
  ("voters who": our speaker must end in it). See ``_relative_right``;
- gold Source a description with a lowercase head ("a source", "the senator", "a Warren
  adviser"; also when a name comes after the head, in its modifiers: "The report published
  Tuesday", "A Fox News poll, conducted by …"), or an article and a party ("the Wisconsin
  Republican"): correct when our
  speaker mention overlaps the gold Source span (the gold gives no name to compare a
  resolution with).
Agreement. Where a folder holds documents annotated more than once, the line before the
headline scores the other annotators' direct quotes against the gold's annotator with the same
matching: how far people agree, the ceiling for a system.
Spread. Two lines show how much one folder's F1 says: F1 per annotator whose .ann the gold
uses (annotators differ in what they mark), and a 95% bootstrap interval over documents.
The last line is the headline: f1, precision, recall, speaker_accuracy, docs.

Paraphrases. ``--kind indirect`` scores the other side the same way: gold is every Content
span with no quotation mark, predictions are statements of kind "indirect" (and the
unmarked direct ones, above). PolNeAR marks
many attributions a reader would not call a paraphrase (beliefs, findings, "the poll
shows"), so recall is low by design and precision is the figure to watch.

Single marks. ``--marks single`` reads every document rewritten into single-mark style
(British: ‘…’ for quotations, “…” within them) before prediction, one character for one
(``quote_styles.as_single_marks``: “ ” " become ‘ ’ ', a quotation within a quotation takes
double marks, apostrophes stay). Copy that quotes with doubled singles (New York Times
''…'': 116 train documents, and one more) has no clean one-for-one rewrite and is read as
written. Gold, its selection of direct quotes (by the original marks) and the word tokens
are read from the original text, so the figures compare with the default ``--marks
double`` one for one: how much of the reading survives the other style. A line gives F1
on the rewritten documents alone, in either mode.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_styles import as_single_marks
from storywatch.understand.analysis import analyse
from storywatch.understand.attributed import Attributed
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.statements import attribute
from storywatch.understand.text import words

_T = re.compile(r"^(T\d+)\t([\w-]+) (\d+ \d+(?:;\d+ \d+)*)\t")
_WORD = re.compile(r"[^\W_]+(?:[’'.\-&][^\W_]+)*")
_QUOTES = '"“”'
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "him", "them", "their"}
_RELATIVE = {"who", "which", "that", "whom"}
_STOP = set(
    _words(
        """
        the a an mr mrs ms dr sen rep gov gen president former senator secretary of and
        democratic republican gop presidential candidate nominee u.s us
        """
    )
)

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_ARTICLES = {"the", "a", "an", "another", "one"}
_PARTY_HEADS = {"republican", "democrat", "independent", "republicans", "democrats"}

Span = tuple[int, int]


@dataclass
class Gold:
    tokens: frozenset[int]
    full: bool
    source: list[Span] | None


@dataclass
class Pred:
    tokens: frozenset[int]
    speaker: str
    speaker_span: Span | None
    full: bool = False


def token_ids(starts: list[int], ends: list[int], spans: list[Span]) -> frozenset[int]:
    out = set()
    for s, e in spans:
        for i, (ws, we) in enumerate(zip(starts, ends, strict=True)):
            if ws >= s and we <= e:
                out.add(i)
            elif ws >= e:
                break
    return frozenset(out)


def read_ann(path: Path) -> tuple[dict[str, tuple[str, list[Span]]], list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[Span]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _T.match(line)
        if m:
            pieces = [tuple(map(int, p.split())) for p in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), [(a, b) for a, b in pieces])
        elif line.startswith("E"):
            fields = line.split("\t")[1].split()
            events.append(dict(f.split(":", 1) for f in fields if ":" in f))
    return spans, events


def name_words(text: str) -> set[str]:
    return {
        w.lower().replace("’s", "").replace("'s", "")
        for w in _WORD.findall(text)
        if w[:1].isupper() and w.lower() not in _STOP
    }


def first_annotations(folder: Path) -> dict[str, Path]:
    """Document → the .ann the gold uses (the first alphabetically)."""
    anns: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return anns


def load(folder: Path, kind: str = "direct") -> list[tuple[str, str, list[Gold]]]:
    anns = first_annotations(folder)
    docs = []
    for txt in sorted((folder / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append((txt.stem, text, direct_quotes(text, anns[txt.stem], kind)))
    return docs


def gold_annotators(folder: Path) -> dict[str, str]:
    """Document → the annotator whose .ann the gold uses (the first alphabetically)."""
    out: dict[str, str] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem, annotator = ann.stem.rsplit("_", 1)
        out.setdefault(stem, annotator)
    return out


def f1_of(rows: list[tuple[int, int, int]]) -> float:
    """F1 of summed (matched, predicted, gold) counts."""
    m = sum(r[0] for r in rows)
    pg = sum(r[1] + r[2] for r in rows)
    return 2 * m / pg if pg else 0.0


def interval(rows: list[tuple[int, int, int]], rounds: int = 2000) -> tuple[float, float]:
    """95% bootstrap interval of F1 over documents (fixed seed): how far the headline could
    move on another sample of as many documents of the same kind. With 84 documents it is
    about ±0.025, which is why a few rules' gains on one split say little about another."""
    rnd = random.Random(7)
    values = sorted(f1_of([rnd.choice(rows) for _ in rows]) for _ in range(rounds))
    return values[int(rounds * 0.025)], values[int(rounds * 0.975) - 1]


def direct_quotes(text: str, ann: Path, kind: str = "direct") -> list[Gold]:
    """The direct quotes one annotator marked in one document (see the module docstring);
    with ``kind="indirect"`` the other Content spans, the paraphrases."""
    spans, events = read_ann(ann)
    starts, ends = zip(*[(m.start(), m.end()) for m in _WORD.finditer(text)], strict=True)
    golds = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        # "“A,” he said. “B.”": one annotator marks the second half of a quotation its
        # trailer splits as the event's Content2 (64 events on train, all of them the same
        # speaker's words going on), where the others give Content two fragments. Both are
        # one act's content.
        second = spans.get(ev.get("Content2", ""))
        if second is not None:
            content = (content[0], sorted(content[1] + second[1]))
        ctext = " ".join(text[a:b] for a, b in content[1])
        quoted = any(q in ctext for q in _QUOTES) or "''" in ctext
        if quoted != (kind == "direct"):
            continue
        src = spans.get(ev.get("Source", ""))
        golds.append(
            Gold(
                token_ids(list(starts), list(ends), content[1]),
                ctext.strip()[:1] in _QUOTES or ctext.strip()[:2] == "''",
                src[1] if src else None,
            )
        )
    return golds


def named_sources(text: str, ann: Path) -> list[tuple[int, str]]:
    """(offset, text) of every named Source span the annotator marked, of direct quotes and
    paraphrases alike, in document order: the chain a pronoun Source is read against. On
    the 57 dev pronouns whose referent we read by hand, the nearest named Source of any
    attribution is that referent 46 times; the nearest of direct quotes alone, 20."""
    spans, events = read_ann(ann)
    out = set()
    for ev in events:
        src = spans.get(ev.get("Source", ""))
        if src is None:
            continue
        st = " ".join(text[a:b] for a, b in src[1])
        if st.strip().lower() not in _PRONOUNS | _RELATIVE and name_words(st):
            out.add((src[1][0][0], st))
    return sorted(out)


def agreement(folder: Path, kind: str = "direct") -> tuple[float, int, int]:
    """How far the annotators agree with each other under this scorer: every further
    annotation of a document annotated more than once, scored as predictions against the
    one the gold uses (the first alphabetically). It is the ceiling a system can be judged
    against: (F1, documents, further annotations)."""
    groups: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        groups.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    matched = predicted = gold = docs = others = 0
    for stem, anns in groups.items():
        if len(anns) < 2:
            continue
        text = (folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        reference = direct_quotes(text, anns[0], kind)
        docs += 1
        for other in anns[1:]:
            as_preds = [Pred(g.tokens, "", None) for g in direct_quotes(text, other, kind)]
            matched += len(match(as_preds, reference, 0.5))
            predicted += len(as_preds)
            gold += len(reference)
            others += 1
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), docs, others


def predict(text: str, kind: str = "direct", read: str | None = None) -> tuple[list[Pred], float]:
    """The statements read in ``read`` (``text`` rewritten one character for one, as
    ``--marks single`` does; ``text`` itself by default), as tokens of ``text``."""
    an = analyse(text if read is None else read)
    toks = words(text)
    starts = [w.start for w in toks]
    ends = [w.end for w in toks]
    preds = []
    for a in attribute(an):
        if _marked(an.text, a) != (kind == "direct"):
            continue
        # (the analysed text, where single-mark copy reads in double marks)
        full = a.parts[0][0] > 0 and an.text[a.parts[0][0] - 1] in _QUOTES + "'’"
        preds.append(Pred(token_ids(starts, ends, a.parts), a.speaker.name, a.speaker_span, full))
    return preds, 0.0


def _marked(text: str, a: Attributed) -> bool:
    """The statement is on the gold's direct side: direct, with a quotation mark in its
    words or right around them. Gold splits Content spans by whether their text holds a
    mark; a turn of a transcript ("FALLIN: I think …") is verbatim and so read as direct,
    but the annotators' span for it holds no mark and is on the paraphrase side, where the
    turn is scored too (before the transcript reader no direct statement lacked a mark, so
    this changed no figure)."""
    if not a.direct:
        return False
    # (two characters either side: New York Times copy quotes with doubled singles '')
    chunk = text[max(0, a.parts[0][0] - 2) : a.parts[-1][1] + 2]
    return any(q in chunk for q in _QUOTES) or "''" in chunk


def outside_discarded(text: str, ann: Path, preds: list[Pred]) -> list[Pred]:
    """The predictions not wholly inside a span the annotator marked Discard: text outside
    the article proper (an editor's note, a copyright line, "Follow X on Twitter", a
    newsletter's digest of other outlets' stories), which the annotators left unannotated
    (no gold Content on train lies inside one). A statement read there can be neither right
    nor wrong against this gold, so it is not scored (8 predictions on train, all in one
    digest)."""
    spans, _ = read_ann(ann)
    discarded = [p for kind, pieces in spans.values() if kind == "Discard" for p in pieces]
    if not discarded:
        return preds
    toks = words(text)
    inside = token_ids([w.start for w in toks], [w.end for w in toks], discarded)
    return [p for p in preds if not (p.tokens and p.tokens <= inside)]


def overlap(p: frozenset[int], g: frozenset[int]) -> float:
    if not p or not g:
        return 0.0
    return len(p & g) / max(len(p), len(g))


def match(preds: list[Pred], golds: list[Gold], threshold: float) -> list[tuple[int, int]]:
    pairs = sorted(
        (
            (overlap(p.tokens, g.tokens), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
            if p.tokens & g.tokens
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for ov, i, j in pairs:
        if ov < threshold or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _within(gold_names: set[str], ours: set[str]) -> bool:
    """Every name word of the gold's is in our speaker's name: "Ban" and "Mr. Lou" are
    "Ban Ki-moon" and "Lou Jiwei" (family name first, so not their last word), "Ms. Acosta"
    is "Melba Acosta Febo"; "John Kasich" is not "John Kerry". ``ours`` is empty unless our
    speaker is a name (see :func:`_name_set`): a phrase that merely holds the gold's name
    ("Mrs. Clinton struck many of the same") earns nothing here."""
    return bool(gold_names) and gold_names <= ours


def _name_set(speaker: str) -> set[str]:
    """The words of our speaker, lowercased, when every one is capitalised (a name, not a
    phrase); else the empty set."""
    words = _WORD.findall(speaker)
    if not words or not all(w[:1].isupper() for w in words):
        return set()
    return {w.lower() for w in words}


def _last_word(name: str) -> str:
    words = [w for w in _WORD.findall(name) if w.lower().rstrip(".") not in _SUFFIXES]
    return words[-1].lower().replace("’s", "").replace("'s", "") if words else ""


def load_referents(path: Path) -> dict[tuple[str, int], str]:
    """Hand-read referents of pronoun sources: (document, source offset) → name or "-"."""
    out: dict[tuple[str, int], str] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        doc, offset, _pronoun, referent = line.split("\t")
        out[(doc, int(offset))] = referent
    return out


def judge(
    text: str,
    pred: Pred,
    gold: Gold,
    chain: list[tuple[int, str]],
    referent: str | None = None,
) -> tuple[str, bool]:
    """(category, correct) for one matched pair; see the module docstring."""
    assert gold.source is not None
    src_text = " ".join(text[a:b] for a, b in gold.source)
    start = gold.source[0][0]
    low = src_text.strip().lower()
    last = _last_word(pred.speaker)
    ours = _name_set(pred.speaker)
    if low in _PRONOUNS:
        if referent == "-":
            return "pronoun", pred.speaker.strip().lower() in _PRONOUNS
        if referent:
            said = {w.lower() for w in _WORD.findall(referent)} - _STOP
            return "pronoun", last in said or _within(said, ours)
        before = [name for at, name in chain if at < start]
        if before:
            named = name_words(before[-1])
            return "pronoun", last in named or _within(named, ours)
        return "pronoun", _span_overlap(pred.speaker_span, gold.source)
    if low in _RELATIVE:
        return "relative", _relative_right(text[max(0, start - 200) : start], pred.speaker, low)
    words = _WORD.findall(src_text)
    if words and words[0].lower() in _ARTICLES and words[-1].lower() in _PARTY_HEADS:
        # "the Wisconsin Republican", "a New Hampshire Democrat": a description whose head
        # is capitalised, judged as descriptions are.
        return "description", _span_overlap(pred.speaker_span, gold.source)
    if words and _lowercase_head(words):
        # "The report published Tuesday", "A Fox News poll, conducted by …": a description
        # whose head is a common noun, though a name comes in its modifiers.
        return "description", _span_overlap(pred.speaker_span, gold.source)
    if words and words[-1][:1].isupper() and name_words(src_text):
        # "a New Hampshire Republican": a speaker shown exactly as the gold Source is
        # written is right, though its last word is no name.
        same = " ".join(pred.speaker.lower().split()) == " ".join(low.split())
        named = name_words(src_text)
        return "named", same or last in named or _within(named, ours)
    return "description", _span_overlap(pred.speaker_span, gold.source)


# Words that open what follows a description's head: "The poll *released* Sunday", "A
# study *by* …", "A Monmouth poll *out* Monday", "eerie video *credited* to …".
_POSTMODIFIERS = {
    "by", "of", "from", "in", "at", "on", "for", "with", "out", "among", "to", "taken",
    "released", "published", "conducted", "credited", "issued", "filed", "posted",
}  # fmt: skip


def _lowercase_head(words: list[str]) -> bool:
    """The gold Source is a description whose head is a common noun: it opens with an
    article or a lowercase word, and the word before its first postmodifier (all of it when
    there is none) is lowercase. "the president of the United States" is the president;
    "the Washington Free Beacon", "The Rev. Al Sharpton" keep their capitalised head, and
    "the mayor, Dana Okafor" (an appositive, no postmodifier) is judged by the name."""
    if not (words[0].lower() in _ARTICLES or words[0][:1].islower()):
        return False
    head = next((n for n, w in enumerate(words) if n > 0 and w in _POSTMODIFIERS), len(words))
    return head > 0 and words[head - 1][:1].islower() and words[head - 1] not in _ARTICLES


_CAP_RUN = re.compile(r"(?:[A-Z][\w’'.-]*\s?)+$")
_OF_PLACE = re.compile(r"((?:[A-Z][\w’'.-]*\s?)+)\s(?:of|in|from|at)\s+(?:the\s+)?$")
_PREDICATE = re.compile(
    r"((?:[A-Z][\w’'.-]*\s)*[A-Z][\w’'.-]*)\s+(?:[a-z]+,?\s+){0,8}"
    r"(?:is|was)\s+an?\s[a-z ,’'-]{0,120}$"
)
# How an appositive after a name starts: "Harold Doley, a banker", "Nicky Driscoll, 24, from
# Manchester", "Sen. Feinstein of California, the ranking Democrat on …".
_APPOSITIVE_START = re.compile(r"(?:an?|the|from|of|in|at|\d+)\b")


def _relative_right(before: str, speaker: str, pronoun: str) -> bool:
    """Whether ``speaker`` is what a relative pronoun Source stands for, read from the
    words right before it: a name written there ("Mr. Sanders, who"; "Sen. Marco Rubio of
    Florida, who" is Rubio, not the place), the name an appositive describes ("Harold
    Doley, a banker and former official who", "Howard Rubel, a senior analyst at Jefferies,
    who"), the subject a predicate noun describes ("Trump … is a serial liar … and bully
    who"), or else the described noun itself ("voters who say": our speaker must end in that
    noun). On 25 train pairs read by hand this verdict was wrong 3 times; the earlier one
    (the last capitalised words within 100 characters) 9 times."""
    before = _this_sentence(" ".join(before.split())).rstrip("'\"”’-—– ")
    comma = before.endswith(",")
    before = before.rstrip(",").rstrip("'\"”’").rstrip()
    last = _last_word(speaker)
    predicate = _PREDICATE.search(before)
    if predicate:
        return last in name_words(predicate.group(1))
    if pronoun == "who" and (comma or not _CAP_RUN.search(before)):
        named = _appositive_of(before)
        if named is not None:
            return last in name_words(named)
    name = _name_ending(before, person=comma and pronoun == "who")
    if name is not None:
        return last in name_words(name)
    head = before.split()[-1].lower() if before.split() else ""
    return bool(head) and speaker.lower().split()[-1:] == [head]


_SENTENCE_END = re.compile(r"(\S+)[.!?][\"”’']?\s+(?=[A-Z“\"])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "sr", "lt"}


def _this_sentence(before: str) -> str:
    """The part of ``before`` in the sentence that ends it (a title's period, "Sen.", or an
    initial does not end a sentence)."""
    cut = 0
    for m in _SENTENCE_END.finditer(before):
        word = m.group(1).lower().strip('("“')
        if word in _ABBREVIATIONS or len(word) == 1 or "." in word:
            continue
        cut = m.end()
    return before[cut:]


def _appositive_of(before: str) -> str | None:
    """The name an appositive ending at the end of ``before`` describes, if any: back over
    comma-separated segments that open like an appositive, to a name."""
    end = len(before)
    for _ in range(3):
        k = before.rfind(", ", 0, end)
        if k < 0:
            return None
        segment = before[k + 2 : end]
        if len(segment.split()) > 14 or not _APPOSITIVE_START.match(segment):
            return None
        name = _name_ending(before[:k], person=True)
        if name is not None:
            return name
        end = k
    return None


def _name_ending(before: str, person: bool) -> str | None:
    """The capitalised words that end ``before``, or None; for a ``person``, the name before
    "of"/"in"/"from"/"at" and a place ("Sen. Marco Rubio of Florida" is Rubio)."""
    run = _CAP_RUN.search(before)
    if run is None:
        return None
    of_place = _OF_PLACE.search(before[: run.start()]) if person else None
    return of_place.group(1) if of_place else run.group(0)


def _span_overlap(span: Span | None, spans: list[Span]) -> bool:
    if span is None:
        return False
    return any(span[0] < b and a < span[1] for a, b in spans)


REFERENTS = Path(__file__).with_name("understand_pronoun_referents.tsv")


def evaluate(
    folder: Path, verbose: bool = False, kind: str = "direct", marks: str = "double"
) -> dict[str, float]:
    docs = load(folder, kind)
    anns = first_annotations(folder)
    annotators = gold_annotators(folder)
    per_doc: list[tuple[str, int, int, int]] = []
    restyled: list[tuple[int, int, int]] = []  # the documents --marks single rewrites
    referents = load_referents(REFERENTS)
    totals = {t: [0, 0, 0] for t in (0.3, 0.5, 0.8)}
    full_hit = full_all = part_hit = part_all = 0
    whole = [0, 0, 0]
    cats: dict[str, list[int]] = {}
    heuristic = [0, 0]
    for name, text, golds in docs:
        single = as_single_marks(text)
        preds, _ = predict(text, kind, single if marks == "single" else None)
        preds = outside_discarded(text, anns[name], preds)
        chain = named_sources(text, anns[name])
        whole_p = [p for p in preds if p.full]
        whole_g = [g for g in golds if g.full]
        whole[0] += len(match(whole_p, whole_g, 0.5))
        whole[1] += len(whole_p)
        whole[2] += len(whole_g)
        for t in totals:
            pairs = match(preds, golds, t)
            totals[t][0] += len(pairs)
            totals[t][1] += len(preds)
            totals[t][2] += len(golds)
            if t != 0.5:
                continue
            per_doc.append((annotators[name], len(pairs), len(preds), len(golds)))
            if single != text:
                restyled.append((len(pairs), len(preds), len(golds)))
            hit = {j for _, j in pairs}
            for j, g in enumerate(golds):
                if g.full:
                    full_all += 1
                    full_hit += j in hit
                else:
                    part_all += 1
                    part_hit += j in hit
            for i, j in pairs:
                if golds[j].source is None:
                    continue
                src_at = (golds[j].source or [(0, 0)])[0][0]
                cat, ok = judge(text, preds[i], golds[j], chain, referents.get((name, src_at)))
                c = cats.setdefault(cat, [0, 0])
                c[0] += ok
                c[1] += 1
                # The same judgement with the scorer's heuristic alone (no hand-read referent).
                heuristic[0] += judge(text, preds[i], golds[j], chain, None)[1]
                heuristic[1] += 1
                if verbose and not ok:
                    src = " ".join(text[a:b] for a, b in golds[j].source or [])
                    print(f"SPEAKER {name}: gold={src!r} ours={preds[i].speaker!r} [{cat}]")
            if verbose:
                for i, p in enumerate(preds):
                    if i not in {a for a, _ in pairs}:
                        print(f"FP {name}: {_show(text, p.tokens)}")
                for j, g in enumerate(golds):
                    if j not in hit:
                        print(f"FN {name}: {_show(text, g.tokens)}")
    results: dict[str, float] = {}
    for t, (m, p, g) in totals.items():
        prec = m / p if p else 0.0
        rec = m / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        results[f"f1@{t}"] = f1
        results[f"precision@{t}"] = prec
        results[f"recall@{t}"] = rec
        if t == 0.5:
            results["gold"], results["predicted"], results["matched"] = g, p, m
    judged = sum(c[1] for c in cats.values())
    right = sum(c[0] for c in cats.values())
    results["speaker_accuracy"] = right / judged if judged else 0.0
    results["speaker_judged"] = judged
    results["speaker_accuracy_heuristic"] = heuristic[0] / heuristic[1] if heuristic[1] else 0.0
    for cat, (ok, n) in sorted(cats.items()):
        results[f"speaker_{cat}"] = ok / n if n else 0.0
        results[f"speaker_{cat}_n"] = n
    results["recall_full_quotes"] = full_hit / full_all if full_all else 0.0
    results["recall_partial_quotes"] = part_hit / part_all if part_all else 0.0
    wp = whole[0] / whole[1] if whole[1] else 0.0
    wr = whole[0] / whole[2] if whole[2] else 0.0
    results["whole_precision"], results["whole_recall"] = wp, wr
    results["whole_f1"] = 2 * wp * wr / (wp + wr) if wp + wr else 0.0
    results["docs"] = len(docs)
    results["restyled_docs"] = len(restyled)
    results["restyled_f1"] = f1_of(restyled)
    rows = [(m, p, g) for _, m, p, g in per_doc]
    if rows:
        results["f1_low"], results["f1_high"] = interval(rows)
    for who in sorted({a for a, *_ in per_doc}):
        mine = [(m, p, g) for a, m, p, g in per_doc if a == who]
        results[f"by_annotator_{who}"] = f1_of(mine)
        results[f"by_annotator_{who}_n"] = len(mine)
    return results


def _show(text: str, tokens: frozenset[int]) -> str:
    words = list(_WORD.finditer(text))
    if not tokens:
        return ""
    lo, hi = min(tokens), max(tokens)
    return repr(text[words[lo].start() : words[hi].end()][:160])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", required=True, type=Path, help="folder with text/ and attributions/"
    )
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    parser.add_argument(
        "--kind",
        choices=("direct", "indirect"),
        default="direct",
        help="score direct quotes (the default) or paraphrases (Content spans with no "
        "quotation mark, against statements of kind indirect)",
    )
    parser.add_argument(
        "--marks",
        choices=("double", "single"),
        default="double",
        help="read the documents as written (the default) or rewritten into single-mark "
        "style, gold unchanged (see the module docstring)",
    )
    args = parser.parse_args()
    r = evaluate(args.data, args.verbose, args.kind, args.marks)
    print(
        f"gold direct quotes: {r['gold']:.0f}, predicted: {r['predicted']:.0f}, "
        f"matched: {r['matched']:.0f}"
    )
    for t in (0.3, 0.5, 0.8):
        print(
            f"overlap>={t}: precision={r[f'precision@{t}']:.3f} recall={r[f'recall@{t}']:.3f} "
            f"f1={r[f'f1@{t}']:.3f}"
        )
    print(
        f"recall on whole quotations={r['recall_full_quotes']:.3f}, "
        f"on clauses with a partial quotation={r['recall_partial_quotes']:.3f}"
    )
    print(
        f"whole quotations only (gold opens with a quote mark, prediction is a whole "
        f"quotation): precision={r['whole_precision']:.3f} recall={r['whole_recall']:.3f} "
        f"f1={r['whole_f1']:.3f}"
    )
    for key in sorted(k for k in r if k.startswith("speaker_") and not k.endswith("_n")):
        if key in ("speaker_accuracy", "speaker_judged", "speaker_accuracy_heuristic"):
            continue
        print(f"{key}={r[key]:.3f} (n={r[key + '_n']:.0f})")
    print(
        f"speaker accuracy with the scorer's heuristic alone (no hand-read pronoun "
        f"referents): {r['speaker_accuracy_heuristic']:.4f}"
    )
    by = ", ".join(
        f"{k.removeprefix('by_annotator_')} {r[k]:.3f} ({r[k + '_n']:.0f})"
        for k in sorted(r)
        if k.startswith("by_annotator_") and not k.endswith("_n")
    )
    print(f"f1 by the gold's annotator (documents): {by}")
    print(
        f"read in {args.marks} marks; f1 on the {r['restyled_docs']:.0f} documents --marks "
        f"single rewrites (the others are left as written: no quotation marks, or doubled "
        f"singles ''…''): {r['restyled_f1']:.4f}"
    )
    if "f1_low" in r:
        print(
            f"f1 95% interval over documents (bootstrap, 2000 resamples): "
            f"{r['f1_low']:.3f}-{r['f1_high']:.3f}"
        )
    f1, docs, others = agreement(args.data, args.kind)
    if docs:
        print(
            f"annotators against the gold's annotator on the {docs} documents annotated more "
            f"than once ({others} further annotations), same scorer: f1={f1:.3f}"
        )
    print(
        f"f1={r['f1@0.5']:.4f} precision={r['precision@0.5']:.4f} recall={r['recall@0.5']:.4f} "
        f"speaker_accuracy={r['speaker_accuracy']:.4f} "
        f"speaker_accuracy_heuristic={r['speaker_accuracy_heuristic']:.4f} docs={r['docs']:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
