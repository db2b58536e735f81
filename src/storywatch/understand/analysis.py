"""One pass over an article that every understanding step shares.

Paragraphs, quotations, sentences, words, name mentions and the identities they group into
are computed once per article; entities, statements and key sentences all read this value.
That is what keeps the stage fast (one tokenisation, one mention scan per article).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from storywatch.model import EntityKind
from storywatch.understand.entities import Identity, group_mentions
from storywatch.understand.gazetteer import KNOWN_ORGS
from storywatch.understand.kinds import cities, companies, vessels
from storywatch.understand.lexicon import CUE_WORDS, FINDING_VERBS
from storywatch.understand.mentions import Mention, find_mentions
from storywatch.understand.single_marks import single_marks_as_double
from storywatch.understand.spans import Sentence
from storywatch.understand.text import (
    Quote,
    dateline_end,
    find_quotes,
    paragraphs,
    plain_marks,
    sentences,
    words,
)
from storywatch.understand.wrapped_lines import unwrapped


@dataclass(slots=True)
class Analysis:
    """Everything read from one article, as offsets into ``text``."""

    text: str
    paragraphs: list[tuple[int, int]]
    quotes: list[Quote]
    sentences: list[Sentence]
    mentions: list[Mention]
    identities: list[Identity]
    owner: list[int]
    mention_starts: list[int]
    paragraph_starts: list[int]
    sentence_starts: list[int]
    quote_bounds: list[int]
    # Genders read from the article's own pronouns, filled on first use (speakers.py).
    genders: dict[int, str] | None = None

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect_left(self.paragraph_starts, pos + 1) - 1)

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_left(self.sentence_starts, pos + 1) - 1)

    def mentions_in(self, start: int, end: int) -> list[int]:
        """Indices of mentions lying inside ``[start, end)``."""
        i = bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(i)
            i += 1
        return out

    def kind_of(self, mi: int) -> EntityKind | None:
        """The kind of mention ``mi``: its identity's, else the mention's own guess."""
        owner = self.owner[mi]
        return self.identities[owner].kind if owner >= 0 else self.mentions[mi].kind

    def in_quote(self, pos: int) -> bool:
        # quote_bounds alternates start, end, start, end…: inside when the index is odd.
        return bisect_left(self.quote_bounds, pos + 1) % 2 == 1


_FIRST_WORD = re.compile(r"[^\W_]")
# A word in lower case: "\b[a-z]+\b", written to open with its letter class (the engine
# then skips to the next lower-case letter instead of trying a word boundary at every
# position), the boundary before it tested once that letter is read.
_LOWER = re.compile(r"[a-z](?<!\w.)[a-z]*\b")
_CUES = CUE_WORDS | FINDING_VERBS | {"according"}
# (Capitalised cue words some copy writes mid-sentence: "…!” Murphy Tweeted on Friday".)
_MARKS = ('"', "“", "”", "„", "«", "»", "''", "’’", ":", "According", "Tweeted", "Tweets")


def analyse(text: str) -> Analysis:
    text = single_marks_as_double(unwrapped(plain_marks(text)))
    paras = paragraphs(text)
    quotes = find_quotes(text, paras)
    spans, datelines = _without_datelines(text, paras, sentences(text, paras, quotes))
    lower_vocab = set(_LOWER.findall(text))
    present = tuple(lower_vocab & _CUES)
    sents: list[Sentence] = []
    initial: set[int] = set()
    qi = 0
    for index, (s, e) in enumerate(spans):
        while qi < len(quotes) and quotes[qi].end <= s:
            qi += 1
        qs = []
        k = qi
        while k < len(quotes) and quotes[k].start < e:
            qs.append(quotes[k])
            k += 1
        # Words only where an attribution may be: a quotation, a colon or a cue word. The
        # cue words this article uses are few, so a substring test per sentence is enough
        # (a cue inside a longer word only costs a tokenisation).
        chunk = text[s:e]
        # (``any`` over ``map(chunk.__contains__, …)``: the tests run in C, no generator.)
        contains = chunk.__contains__
        needs = any(map(contains, present)) or any(map(contains, _MARKS))
        toks = words(text, s, e) if needs else []
        sents.append(Sentence(index, s, e, toks, qs))
        first = _FIRST_WORD.search(text, s, e)
        if first:
            initial.add(first.start())
    for q in quotes:
        for ps, pe in q.parts:
            first = _FIRST_WORD.search(text, ps, pe)
            if first:
                initial.add(first.start())
    mentions = cities(
        text, companies(text, vessels(text, find_mentions(text, initial, lower_vocab)))
    )
    if datelines:
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in datelines)]
    idents, owner = group_mentions(text, mentions)
    return Analysis(
        text=text,
        paragraphs=paras,
        quotes=quotes,
        sentences=sents,
        mentions=mentions,
        identities=idents,
        owner=owner,
        mention_starts=[m.start for m in mentions],
        paragraph_starts=[p[0] for p in paras],
        sentence_starts=[sent.start for sent in sents],
        quote_bounds=[b for q in quotes for b in (q.start, q.end)],
    )


def _without_datelines(
    text: str, paras: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sentences with the datelines cut off their starts ("VELMORA, Lestria (MPS) — "), and
    the datelines: a dateline names where the wire filed from, not who the story is about,
    so its words are neither entities nor part of a statement."""
    cuts: dict[int, int] = {}
    for start, end in paras[:3]:
        if not text[start].isupper() and text[start] != "(":
            continue
        cut = dateline_end(text, start, end)
        first = text[start:cut].split(",")[0].split("(")[0].strip(" —–-").lower()
        if cut > start and first not in KNOWN_ORGS:
            cuts[start] = cut
    if not cuts:
        return spans, []
    out = [(cuts.get(s, s), e) for s, e in spans]
    return [(s, e) for s, e in out if e > s], [(s, e) for s, e in cuts.items()]
