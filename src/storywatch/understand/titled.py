"""A work named by its title: "Robby Mook released a memo titled “The Facts on Where the
Race Stands.”", "The ad, entitled “Nuestra Historia,” features …", "Titled “A Very Clinton
Christmas,” the video pans …".

A title is the words its makers chose, and the annotators of PolNeAR mark it as quoted
content; other readers pass it over, because a quotation in Title Case names a work rather
than reporting speech. Who gave the title is the subject of the verb that put the work out
("Mook released a memo titled …"); with no such verb the sentence names only the work, and
the work is the speaker ("The ad"), not a guessed person: "Officials were thrilled with the
editorial, entitled “…”" is the editorial's title, not the officials'.

Run among the last readers (``statements.attribute``), when no other reading found
anything in the sentence.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of
from storywatch.understand.phrases import _np_before
from storywatch.understand.spans import (
    _DETERMINERS,
    _PREPOSITIONS,
    Found,
    Sentence,
    Span,
    _inside,
    past_tense,
    subject_end,
    subject_floor,
)
from storywatch.understand.subjects import opening_subject
from storywatch.understand.text import Word

_TITLING = words_of("titled entitled headlined")

# Verbs that put a work out: their subject gave it its title.
_PUBLISHING = words_of(
    """
    released releases publish published publishes launched launches issued issues unveiled
    unveils posted posts aired airs ran runs wrote writes penned pens sent sends produced
    produces filed files introduced introduces
    """
)

# Between the titling word and its quotation: nothing, a comma or a colon.
_LEAD = re.compile(r"\s*[,:]?\s*\Z")

# The work's noun may carry a few modifiers ("a 30-second television ad").
_MAX_MODIFIERS = 3


def titled_work(text: str, s: Sentence) -> Found | None:
    """The first "titled"/"entitled" followed by a quotation, credited to whoever put the
    work out, or to the work."""
    if not s.quotes or "itled" not in text[s.start : s.end]:
        return None  # most sentences: one substring test
    words = s.words
    for k, w in enumerate(words):
        if w.text.lower() not in _TITLING or _inside(s.quotes, w.start):
            continue
        quote = next((q for q in s.quotes if q.start >= w.end), None)
        if quote is None or not _LEAD.match(text[w.end : quote.start]):
            continue
        speaker = _titler(text, s, k, quote.end)
        if speaker is None:
            continue
        return Found(quote.parts, True, speaker, (w.start, w.end), s.index)
    return None


def _titler(text: str, s: Sentence, k: int, after: int) -> Span | None:
    """Who titled the work: the subject of a publishing verb before the work, else the work
    ("a memo titled", "The ad, entitled", "Your new book is titled"); for a sentence that
    opens with "Titled “…”," the noun phrase after it."""
    words = s.words
    if k == 0:
        rest = [w for w in words if w.start > after]
        if len(rest) < 2:
            return None
        clause = Sentence(s.index, rest[0].start, s.end, rest, s.quotes)
        return opening_subject(text, clause, len(rest)) or _opening_work(rest)
    n = k - 1
    if words[n].text.lower() in lx.BE_FORMS and n > 0:
        n -= 1  # "Your new book is titled “…”"
    work = _work(text, s, n)
    if work is None:
        return None
    first = next(i for i, w in enumerate(words) if w.start == work[0])
    if first > 0 and words[first - 1].text.lower() in _PUBLISHING:
        j = subject_end(words, first - 1)
        if j > 0:
            floor = subject_floor(text, s, words[j - 1].start)
            made = _np_before(text, words, j, floor)
            if made is not None:
                return made
    return work


def _opening_work(rest: list[Word]) -> Span | None:
    """ "the 30-second video pans …": a determiner, its noun and modifiers, up to the first
    word that reads as a verb (a past tense, an auxiliary, or a word in "-s" after the noun)."""
    if rest[0].text.lower() not in _DETERMINERS:
        return None
    for m in range(1, min(len(rest), _MAX_MODIFIERS + 2)):
        low = rest[m].text.lower()
        if low in lx.AUXILIARIES or past_tense(low) or (m > 1 and low.endswith("s")):
            return (rest[0].start, rest[m - 1].end) if m > 1 else None
    return None


def _work(text: str, s: Sentence, n: int) -> Span | None:
    """The work's noun at ``words[n]`` with its determiner and modifiers."""
    words = s.words
    head = words[n]
    if not head.text.isalpha() or (not head.text[:1].islower() and n != 0):
        return None
    i = n
    while i > 0 and n - i < _MAX_MODIFIERS:
        prev = words[i - 1]
        low = prev.text.lower()
        if text[prev.end : words[i].start] != " " or _inside(s.quotes, prev.start):
            break
        if low in _DETERMINERS or low in ("your", "its", "our", "my"):
            i -= 1
            break
        if low in _PREPOSITIONS or low in lx.BE_FORMS or low in _PUBLISHING:
            break
        i -= 1  # "a 30-second ad", "a CounterPunch article"
    return words[i].start, head.end
