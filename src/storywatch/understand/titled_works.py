"""The title a work was given: "released a memo titled “The Facts on Where the Race Stands.”",
"The ad, entitled “Nuestra Historia,” features …", "a column … entitled, “Why …”".

A participle of titling right before a quotation names a memo, an ad, a column or a book,
and PolNeAR's annotators mark it as an act of naming (Cue "titled", the quotation its
content; on train 14 of 17 such titles are marked, most with no Source at all). Only the
title of a message is read: a memo's, an ad's, an editorial's title is what its makers
chose to say, and a reader sees it as what the message says of itself, so the message is
credited; when a verb of publishing puts it out ("Mook released a memo titled …"), its
subject is. The title of a book, a show or a segment only names the work (three of the
train titles marked are books: a reader would not call them statements).

Read once every sentence has been (like the colon-led quotations), so a title never takes
words another reading gave someone, and only a quotation no statement holds yet.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.broad import verb_subject
from storywatch.understand.spans import Found, Sentence, Span, _inside
from storywatch.understand.text import Quote

# The participles of titling ("a memo titled “…”", "a column entitled, “…”").
_TITLING = lx.words_of("titled entitled headlined")
# Determiners that open the work's noun phrase before the participle.
_OPENERS = lx.words_of("a an the his her its their another new")
# At most this many words from the determiner to the participle ("a new 30-second ad").
_WORK_WORDS = 6
# Things that carry a message whose title is its makers' words ("a memo", "the spot", "an
# editorial"); a book's, a show's or a novel's title only names the work.
_MESSAGES = lx.WORD_CARRIERS | lx.words_of("spot spots piece pieces op-eds")


def titled_work(text: str, s: Sentence, claimed: list[Span]) -> Found | None:
    """The first title given by a participle of titling in ``s`` that no statement in
    ``claimed`` holds, credited to its work (or to whoever published it), or ``None``."""
    words = s.words
    for k, w in enumerate(words):
        if w.text not in _TITLING or _inside(s.quotes, w.start):
            continue
        quote = _quote_after(text, s, w.end)
        if quote is None or any(a < quote.end and quote.start < b for a, b in claimed):
            continue
        speaker = _work(text, s, k)
        if speaker is None:
            continue
        return Found(quote.parts, True, speaker, (w.start, w.end), s.index)
    return None


def _quote_after(text: str, s: Sentence, end: int) -> Quote | None:
    """The quotation right after the participle, past a comma or colon only."""
    q = next((q for q in s.quotes if q.start >= end), None)
    if q is None or text[end : q.start].strip(" ,:"):
        return None
    return q


def _work(text: str, s: Sentence, k: int) -> Span | None:
    """The work's noun phrase before the participle at ``k`` (past a comma: "The ad,
    entitled …"), or the subject of the verb of publishing before it."""
    words = s.words
    head = k - 1
    if head < 1:
        return None
    if words[head].text.lower() not in _MESSAGES:
        return None  # "a faux thriller titled …", "a segment entitled …": a work's name
    for n in range(head, max(head - _WORK_WORDS, -1), -1):
        if _inside(s.quotes, words[n].start):
            return None
        if words[n].text.lower() in _OPENERS:
            if n > 0 and words[n - 1].text.lower() in lx.PUBLISHING_VERBS:
                return verb_subject(text, s, n - 1)[1] or (words[n].start, words[head].end)
            return words[n].start, words[head].end
    return None
