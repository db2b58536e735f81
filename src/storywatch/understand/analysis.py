"""One pass over an article that every understanding step shares.

Paragraphs, quotations, sentences, words, name mentions and the identities they group into
are computed once per article; entities, statements and key sentences all read this value.
That is what keeps the stage fast (one tokenisation, one mention scan per article).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from storywatch.understand.attribution import _Sentence
from storywatch.understand.entities import Identity, group_mentions
from storywatch.understand.mentions import Mention, find_mentions
from storywatch.understand.text import Quote, Word, find_quotes, paragraphs, sentences, words


@dataclass(slots=True)
class Analysis:
    """Everything read from one article, as offsets into ``text``."""

    text: str
    paragraphs: list[tuple[int, int]]
    quotes: list[Quote]
    sentences: list[_Sentence]
    words: list[Word]
    mentions: list[Mention]
    identities: list[Identity]
    owner: list[int]
    mention_starts: list[int]

    def paragraph_of(self, pos: int) -> int:
        starts = [p[0] for p in self.paragraphs]
        return max(0, bisect_left(starts, pos + 1) - 1)

    def mentions_in(self, start: int, end: int) -> list[int]:
        """Indices of mentions lying inside ``[start, end)``."""
        i = bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(i)
            i += 1
        return out

    def in_quote(self, pos: int) -> bool:
        return any(q.start <= pos < q.end for q in self.quotes)


def analyse(text: str) -> Analysis:
    paras = paragraphs(text)
    quotes = find_quotes(text, paras)
    spans = sentences(text, paras, quotes)
    toks = words(text)
    starts = [w.start for w in toks]
    sents: list[_Sentence] = []
    qi = 0
    for index, (s, e) in enumerate(spans):
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        while qi < len(quotes) and quotes[qi].end <= s:
            qi += 1
        qs = []
        k = qi
        while k < len(quotes) and quotes[k].start < e:
            qs.append(quotes[k])
            k += 1
        sents.append(_Sentence(index, s, e, toks[lo:hi], qs))
    initial: set[int] = set()
    for sent in sents:
        if sent.words:
            initial.add(sent.words[0].start)
    for q in quotes:
        for ps, _ in q.parts:
            i = bisect_left(starts, ps)
            if i < len(toks):
                initial.add(toks[i].start)
    lower_vocab = {w.text for w in toks if w.text.islower()}
    mentions = find_mentions(text, toks, initial, lower_vocab)
    idents, owner = group_mentions(text, mentions)
    return Analysis(
        text=text,
        paragraphs=paras,
        quotes=quotes,
        sentences=sents,
        words=toks,
        mentions=mentions,
        identities=idents,
        owner=owner,
        mention_starts=[m.start for m in mentions],
    )
