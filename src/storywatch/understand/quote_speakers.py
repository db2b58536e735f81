"""Who may have spoken a quotation the rules left: the candidates and what a model reads.

For a statement found by :mod:`storywatch.understand.quote_model` no rule named a speaker,
so the speaker is chosen among what the sentence offers: each name and personal or
possessive pronoun outside quotation marks, the noun phrase that opens the sentence, and
whoever spoke in the sentence before ("prev"). Features say where each stands against the
content and what follows it ("Trump … called X “…”": a name followed by a verb that ends in
-ed, just before the content, is the likely speaker; "the crowd chanted “…”" too).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis
from storywatch.understand.phrases import _np_before
from storywatch.understand.spans import Sentence
from storywatch.understand.subjects import opening_subject
from storywatch.understand.text import Word

Span = tuple[int, int]

_POSSESSIVES = lx.words_of("his her their its my our")


@dataclass(frozen=True, slots=True)
class Voice:
    """A possible speaker: ``span`` is None for the previous sentence's speaker."""

    span: Span | None
    features: tuple[str, ...]


def voices(an: Analysis, s: Sentence, content: Span, has_prev: bool) -> list[Voice]:
    """Every possible speaker of ``content`` (a span in sentence ``s``)."""
    text = an.text
    words = s.words
    k = bisect_left(words, content[0], key=_start_of)
    found: list[tuple[Span, str]] = []
    for i in an.mentions_in(s.start, s.end):
        m = an.mentions[i]
        if not an.in_quote(m.start) and not (content[0] <= m.start < content[1]):
            found.append(((m.start, m.end), "name"))
    for w in words:
        low = w.text.lower()
        if (content[0] <= w.start < content[1]) or an.in_quote(w.start):
            continue
        if low in lx.PERSONAL_PRONOUNS:
            found.append(((w.start, w.end), "pronoun"))
        elif low in _POSSESSIVES:
            found.append(((w.start, w.end), "possessive"))
    opening = opening_subject(text, s, k) if k else None
    if opening is not None:
        found.append((opening, "opening"))
    seen = {span for span, _ in found}
    for j, w in enumerate(words):
        # The subject of each verb outside the content ("the commission recognized …").
        if j == 0 or content[0] <= w.start < content[1] or an.in_quote(w.start):
            continue
        if not w.text[:1].islower() or not _verbish(w.text.lower()):
            continue
        np = _np_before(text, words, j, s.start, loose=True)
        if np is not None and np not in seen and not (content[0] <= np[0] < content[1]):
            seen.add(np)
            found.append((np, "subject"))
    found.sort()
    out = []
    for rank, (span, kind) in enumerate(found):
        out.append(Voice(span, _features(text, words, span, kind, content, rank)))
    if has_prev:
        out.append(Voice(None, ("kind=prev", f"prev|alone={not found}")))
    return out


def _features(
    text: str, words: list[Word], span: Span, kind: str, content: Span, rank: int
) -> tuple[str, ...]:
    i = bisect_left(words, span[1], key=_start_of)  # the first word after the span
    nxt = words[i].text.lower() if i < len(words) else "$"
    nxt2 = words[i + 1].text.lower() if i + 1 < len(words) else "$"
    j = bisect_left(words, span[0], key=_start_of)
    prev = words[j - 1].text.lower() if j else "^"
    side = "before" if span[1] <= content[0] else "after"
    if side == "before":
        gap = bisect_left(words, content[0], key=_start_of) - i
    else:
        gap = j - bisect_left(words, content[1], key=_start_of)
    between = text[span[1] : content[0]] if side == "before" else text[content[1] : span[0]]
    verb = _verbish(nxt) or (nxt in lx.AUXILIARIES and _verbish(nxt2))
    return (
        f"kind={kind}",
        f"side={side}",
        f"kind={kind}|side={side}",
        f"gap={_bucket(gap)}",
        f"side={side}|gap={_bucket(gap)}",
        f"rank={min(rank, 3)}",
        f"verb_after={verb}",
        f"kind={kind}|verb_after={verb}",
        f"next={nxt}",
        f"prevword={prev}",
        f"comma_between={',' in between}",
        f"opens={j == 0}",
    )


def _verbish(low: str) -> bool:
    return (
        low in lx.CUE_WORDS
        or low in lx.QUOTE_CUES
        or (low.endswith(("ed", "es")) and len(low) > 3)
        or (low.endswith("s") and not low.endswith("ss") and len(low) > 3)
    )


def _bucket(n: int) -> str:
    if n <= 3:
        return str(max(n, 0))
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


def _start_of(w: Word) -> int:
    return w[1]
