"""Key sentences and a short extractive summary (U3).

News puts the news first, so a sentence's score starts from its position (the lead is
worth most) and adds how central its words are (the article's frequent content words and
the words of the title) and how many named things it mentions. Clutter that survived
extraction ("subscribe now", photo credits) and very short or very long lines are passed
over. The chosen sentences come back in article order so the summary reads as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import chain

from storywatch.understand.analysis import Analysis, analyse
from storywatch.understand.lexicon import words_of as _words

_STOP = frozenset(
    _words(
        """
        a an the and or but if of in on at to for from by with about as into than then that
        this these those it its is are was were be been being has have had do does did not
        no he she they we i you his her their our my your him them us me who whom which what
        when where why how will would can could should may might must also just only more
        most some any all said says say told according there here so very over after before
        up out new one two mr mrs ms
        """
    )
)
_CLUTTER = re.compile(
    r"subscribe|newsletter|sign up|click here|read more|getty images|\| getty|photo:|"
    r"all rights reserved|follow us|share this|advertisement",
    re.IGNORECASE,
)
# A photo caption: someone "speaks during" something "on November 18, 2019 in Washington".
_CAPTION = re.compile(
    r"\b(speaks|looks on|attends|arrives|gestures|listens|waves|walks|poses)\b.*"
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{1,2}, \d{4}\b",
    re.IGNORECASE,
)
_CLUTTER_WORDS = (
    "subscri",
    "newsletter",
    "sign up",
    "click",
    "read more",
    "getty",
    "photo",
    "rights reserved",
    "follow us",
    "share this",
    "advertisement",
)
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may ",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DATE = re.compile(r"\d, (?:19|20)\d\d")


# Key sentences come from the first part of an article (news puts the news first); reading
# only that part keeps long articles as cheap as short ones.
_MAX_SENTENCES = 25
_STRIP = ".,;:!?\"“”‘’'()[]—–-…"


def _content_words(text: str) -> list[str]:
    out = []
    for raw in text.lower().split():
        w = raw.strip(_STRIP)
        if len(w) > 2 and w not in _STOP and w.isalpha():
            out.append(w)
    return out


def _is_clutter(sent: str) -> bool:
    low = sent.lower()
    if any(map(low.__contains__, _CLUTTER_WORDS)) and _CLUTTER.search(sent):
        return True
    # A caption's date has ", 19" or ", 20" in it: two substring scans rule out nearly every
    # sentence before the date pattern steps through it a character at a time.
    if ", 19" not in sent and ", 20" not in sent:
        return False
    if _DATE.search(sent) is None or not any(map(low.__contains__, _MONTHS)):
        return False
    return _CAPTION.search(sent) is not None


def rank_sentences(an: Analysis, title: str | None = None) -> list[tuple[float, int, str]]:
    """(score, position, sentence) for every usable sentence, best first."""
    text = an.text
    candidates: list[tuple[int, int, str, set[str]]] = []
    for s in an.sentences[:_MAX_SENTENCES]:
        n = text.count(" ", s.start, s.end) + 1
        if n < 6 or n > 90:
            continue
        sent = " ".join(text[s.start : s.end].split())
        if sent[-1] not in '.!?”"' or _is_clutter(sent):
            continue
        if title and sent.rstrip(".").strip() == title.strip():
            continue
        unique = set(_content_words(sent))
        if unique:
            candidates.append((s.start, s.end, sent, unique))
    if not candidates:
        return []
    # Counting and summing through C iterators (chain, map) rather than generator
    # expressions: this runs for every word of the first sentences of every article.
    freq = Counter(chain.from_iterable(c[3] for c in candidates))
    title_words = set(_content_words(title or ""))
    starts = an.mention_starts
    ranked = []
    for rank, (start, end, sent, unique) in enumerate(candidates):
        # Every word of ``unique`` is in ``freq``: the sum of (count - 1) over the words.
        centrality = (sum(map(freq.__getitem__, unique)) - len(unique)) / (len(unique) ** 0.5)
        overlap = len(title_words & unique) / (len(title_words) or 1)
        names = bisect_left(starts, end) - bisect_left(starts, start)
        position = 1.0 / (1.0 + rank * 0.35)
        score = 2.0 * position + 0.15 * centrality + 1.5 * overlap + 0.1 * min(names, 5)
        ranked.append((score, start, sent))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return ranked


def pick(ranked: list[tuple[float, int, str]], n: int) -> tuple[str, ...]:
    """The ``n`` best sentences in article order, skipping near-repeats."""
    chosen: list[tuple[int, str]] = []
    seen: list[set[str]] = []
    for _, start, sent in ranked:
        words = set(_content_words(sent))
        if any(len(words & other) > 0.7 * max(1, min(len(words), len(other))) for other in seen):
            continue
        chosen.append((start, sent))
        seen.append(words)
        if len(chosen) >= n:
            break
    return tuple(sent for _, sent in sorted(chosen))


def key_sentences(text: str, n: int = 3, *, title: str | None = None) -> tuple[str, ...]:
    """The ``n`` sentences that carry the article, in article order."""
    return pick(rank_sentences(analyse(text), title), n)


def summary_from(sentences: tuple[str, ...], max_words: int = 60) -> str:
    """Join key sentences up to ``max_words`` (always at least the first sentence)."""
    out: list[str] = []
    count = 0
    for sent in sentences:
        words = len(sent.split())
        if out and count + words > max_words:
            break
        out.append(sent)
        count += words
    return " ".join(out)


def summarize(text: str, max_words: int = 60, *, title: str | None = None) -> str:
    """A short extractive summary: the best sentences, in order, within ``max_words``."""
    return summary_from(key_sentences(text, 3, title=title), max_words)
