"""Quotations no rule attributed, the spans they might report, and what a model reads of them.

The attribution rules (:mod:`storywatch.understand.attribution` and its neighbours) find a
speaker, a cue and a content by the shape of the sentence. About one quotation in ten in
political news escapes every shape: "…, whom he described as “a great guy”", "the
slogan “Make America Great Again” that he trademarked", a quotation governed by a verb no
list holds. :mod:`storywatch.understand.quote_model` decides, with weights learned from
labelled news, which of those leftovers report someone's words and which span does.

This module is the pure part both training and the product share: given an analysed
article and the spans the rules already claimed, the *groups* (a sentence's quotations that
nothing claimed) and each group's *candidates* (the quotations alone, or the clause leading
into them), each with named binary features. Features are plain strings so the learned
weights stay a readable table (``"prev=described"``, ``"qlen=1"``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis
from storywatch.understand.spans import Sentence, is_title_quote
from storywatch.understand.text import Quote, Word

Span = tuple[int, int]

_OPENING = "“\"‘'"
_CLOSING = "”\"’'"
# Words a reported clause often opens with, or that often sit just before one.
_LINKS = lx.words_of(
    """
    that as to of for about with by on in from if whether how what why when calling call
    called
    """
)
_PRONOUNS = lx.words_of("he she they it we i you his her their")
# Words of a speaker's own voice: a quotation holding them is someone talking.
_VOICE = lx.words_of(
    "i i'm i’m we we're we’re you my our us me your i've i’ve don't don’t can't can’t"
)
# Clause starts more than this many words before the first quotation are not tried.
_MAX_LEAD = 14


@dataclass(frozen=True, slots=True)
class Group:
    """The quotations of one sentence that no rule claimed."""

    sentence: Sentence
    quotes: tuple[Quote, ...]
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One span the group may report: ``lead`` is the index (in the sentence's words) of the
    clause's first word, or -1 when the span is the quotations alone."""

    parts: tuple[Span, ...]
    lead: int
    features: tuple[str, ...]


def groups(an: Analysis, claimed: list[Span], after_direct: set[int]) -> list[Group]:
    """Every sentence's unclaimed quotations, with the group's features.

    ``claimed`` are the parts of the statements the rules made (sorted or not);
    ``after_direct`` the indices of sentences that hold a direct statement, which tells a
    quotation continuing someone's words from a stray one."""
    bounds = sorted(claimed)
    starts = [a for a, _ in bounds]
    out = []
    for s in an.sentences:
        if not s.quotes:
            continue
        free = tuple(q for q in s.quotes if not _claimed(bounds, starts, q))
        if free:
            out.append(Group(s, free, _group_features(an, s, free, after_direct)))
    return out


def candidates(an: Analysis, g: Group) -> list[Candidate]:
    """The quotations alone, each quotation alone, and each clause from a word before the
    first quotation to the last quotation's end or the sentence's end."""
    text = an.text
    s = g.sentence
    inner = tuple(p for q in g.quotes for p in q.parts)
    qwords = _count_words(text, inner)
    out = [Candidate(inner, -1, ("kind=quotes", f"kind=quotes|qlen={_bucket(qwords)}"))]
    if len(g.quotes) > 1:
        for q in g.quotes:
            n = _count_words(text, q.parts)
            out.append(Candidate(q.parts, -1, ("kind=one", f"kind=one|qlen={_bucket(n)}")))
    first = g.quotes[0].start
    words = s.words
    k = bisect_left(words, first, key=_start_of)  # words before the first quotation
    sentence_end = _trim_end(text, s.start, s.end)
    quote_end = _trim_end(text, s.start, g.quotes[-1].end)
    for i in range(max(0, k - _MAX_LEAD), k):
        if _inside_any(s.quotes, words[i].start):
            continue
        lead = _lead_features(text, words, i, k, qwords)
        for tag, end in (("qend", quote_end), ("send", sentence_end)):
            if tag == "send" and end <= quote_end:
                continue
            span = (words[i].start, end)
            feats = (f"kind=clause_{tag}", *lead, *(f"{tag}|{f}" for f in lead[:3]))
            out.append(Candidate((span,), i, feats))
    return out


def _claimed(bounds: list[Span], starts: list[int], q: Quote) -> bool:
    i = bisect_left(starts, q.end)
    # A claimed part overlapping the quotation starts before its end; look back a little.
    for a, b in bounds[max(0, i - 8) : i]:
        if a < q.end and q.start < b:
            return True
    return False


def _group_features(
    an: Analysis, s: Sentence, quotes: tuple[Quote, ...], after_direct: set[int]
) -> tuple[str, ...]:
    text = an.text
    first, last = quotes[0], quotes[-1]
    inner = tuple(p for q in quotes for p in q.parts)
    n = _count_words(text, inner)
    body = text[first.parts[0][0] : first.parts[0][1]].strip() if first.parts else ""
    lead = text[s.start : first.start].strip()
    tail = text[last.end : s.end].strip(" .!?…")
    words = s.words
    k = bisect_left(words, first.start, key=_start_of)
    before = words[k - 1].text.lower() if k else "^"
    before2 = words[k - 2].text.lower() if k > 1 else "^"
    m = bisect_left(words, last.end, key=_start_of)
    after = words[m].text.lower() if m < len(words) else "$"
    outside = [w.text for w in words if not _inside_any(s.quotes, w.start)]
    lows = {w.lower() for w in outside}
    feats = [
        "bias",
        f"qlen={_bucket(n)}",
        f"nquotes={min(len(quotes), 3)}",
        f"before={before}",
        f"before2={before2}|{before}",
        f"after={after}",
        f"opens={'yes' if not lead else 'no'}",
        f"tail={'none' if not tail else 'some'}",
        f"title={is_title_quote(text, first)}",
        f"upper={body[:1].isupper()}",
        f"stop={body[-1:] in '.,!?' if body else False}",
        f"colon={lead.endswith(':')}",
        f"comma={lead.endswith(',')}",
        f"cue={bool(lows & lx.CUE_WORDS)}",
        f"qcue={bool(lows & lx.QUOTE_CUES)}",
        f"pronoun={bool(lows & _PRONOUNS)}",
        f"named={any(w[:1].isupper() for w in outside[1:])}",
        f"prev_direct={s.index - 1 in after_direct}",
        f"para_open={an.paragraph_starts[an.paragraph_of(s.start)] == s.start}",
        f"closed={all(q.closed for q in quotes)}",
        f"share={_bucket(round(10 * n / max(1, len(words))))}",
    ]
    feats.extend(f"cueword={w}" for w in sorted(lows & (lx.CUE_WORDS | lx.QUOTE_CUES)))
    feats.extend(f"w={w}" for w in sorted(lows))
    said = {w.lower() for a, b in inner for w in text[a:b].split()}
    feats.extend(f"voice={w}" for w in sorted(said & _VOICE))
    feats.append(f"before_ed={before.endswith('ed')}")
    return tuple(feats)


def _lead_features(text: str, words: list[Word], i: int, k: int, qwords: int) -> tuple[str, ...]:
    """What the clause starting at ``words[i]`` (quotation at ``words[k]``) looks like."""
    w = words[i].text.lower()
    prev = words[i - 1].text.lower() if i else "^"
    gap = text[words[i - 1].end : words[i].start] if i else ""
    dist = k - i
    lexical = (
        "cue"
        if prev in lx.CUE_WORDS
        else "qcue"
        if prev in lx.QUOTE_CUES
        else "link"
        if prev in _LINKS
        else "other"
    )
    return (
        f"prevkind={lexical}",
        f"dist={_bucket(dist)}",
        f"start={'sentence' if i == 0 else 'comma' if ',' in gap else 'word'}",
        f"first={w}",
        f"prev={prev}",
        f"prevkind={lexical}|dist={_bucket(dist)}",
        f"firstcap={words[i].text[:1].isupper()}",
        f"ratio={_bucket(round(10 * qwords / max(1, qwords + dist)))}",
        f"prev_ed={prev.endswith('ed')}",
        f"prev_s={prev.endswith('s')}",
    )


def _trim_end(text: str, floor: int, end: int) -> int:
    """``end`` without a closing mark, the sentence's final stop, or spaces before it."""
    while end > floor and (text[end - 1] in _CLOSING or text[end - 1] in " .,;:!?…"):
        end -= 1
    return end


def _count_words(text: str, parts: tuple[Span, ...]) -> int:
    return sum(len(text[a:b].split()) for a, b in parts)


def _inside_any(quotes: list[Quote], pos: int) -> bool:
    for q in quotes:  # noqa: SIM110 - a plain loop, run for every word of a sentence
        if q.start <= pos < q.end:
            return True
    return False


def _bucket(n: int) -> str:
    """Small counts kept exact, larger ones in doubling bins (a sparse model generalises
    better over "7–12 words" than over each length)."""
    if n <= 4:
        return str(n)
    if n <= 6:
        return "5-6"
    if n <= 12:
        return "7-12"
    if n <= 24:
        return "13-24"
    return "25+"


def _start_of(w: Word) -> int:
    return w[1]
