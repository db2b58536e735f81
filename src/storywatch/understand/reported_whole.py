"""Sentences a later act reports whole, so an earlier verb of speech in them is no act.

"Officers responded to a call, police said." and "According to police, officers responded
…" are reports of the police: "responded" is part of what they say, not a speaker's act
awaiting its words in the next sentence (the reading ``attribution`` gives "Sam Lau said
in a statement."). "Ruiz, a lawyer who argued the appeal, said …" puts the relative
clause's verb before the main one, which reports what follows it.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.clauses import NOTHING, content_start
from storywatch.understand.spans import Sentence


def reported_whole(text: str, s: Sentence, k: int) -> bool:
    """Another source reports the sentence whose cue at ``k`` would wait for its words: an
    "according to" phrase anywhere in it, or a trailer closing it."""
    return _ACCORDING.search(text, s.start, s.end) is not None or _trailer_after(text, s, k)


# "according to" anywhere in a sentence: its source reports the sentence.
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


def _trailer_after(text: str, s: Sentence, k: int) -> bool:
    """A trailer closes the sentence after the cue at ``k``: a comma, a short subject and a
    cue with only when and where after it ("…, police said Sunday."), so the sentence is
    that subject's report and the earlier verb is part of what it reports."""
    return trailer_subject_at(text, s, k) is not None


def trailer_subject_at(text: str, s: Sentence, k: int) -> int | None:
    """Index of the first word of the trailer's subject (see :func:`_trailer_after`) that
    closes the sentence after the cue at ``k``, or ``None``."""
    words = s.words
    for m in range(len(words) - 1, k + 1, -1):
        low = words[m].text.lower()
        if low not in lx.CUE_WORDS:
            continue
        comma = text.rfind(",", words[k].end, words[m].start)
        if comma < 0 or any(q.start < words[m].start < q.end for q in s.quotes):
            return None
        subject = [n for n in range(k + 1, m) if words[n].start > comma]
        if not subject or len(subject) > _TRAILER_SUBJECT_WORDS:
            return None
        rest = words[m + 1 :]
        if rest and content_start(text, words[m].end, rest, lx.CUE_LEMMA[low]) != NOTHING:
            return None
        return subject[0]
    return None


_TRAILER_SUBJECT_WORDS = 5


def relative_before_main(text: str, s: Sentence, k: int) -> bool:
    """ "Ana Ruiz, a lawyer who argued the appeal, said Monday that …": the cue at ``k`` is a
    relative clause's, set off by commas, and a cue after the closing comma is the main
    verb, which reports what comes after it."""
    words = s.words
    if k == 0 or words[k - 1].text.lower() != "who" or lx.CUE_LEMMA[words[k].text.lower()] == "say":
        return False
    if k + 1 < len(words) and (words[k + 1].text == "that" or words[k + 1].text.endswith("ing")):
        return False  # "who testified that …", "who recalled taking …": words of its own
    comma = text.find(",", words[k].end, s.end)
    nxt = next((x for x in words[k + 1 :] if x.start > comma), None) if comma >= 0 else None
    return nxt is not None and lx.CUE_LEMMA.get(nxt.text.lower()) in _MAIN_REPORTS


# Verbs that, right after a relative clause's closing comma, are the main clause's report.
_MAIN_REPORTS = frozenset(("say", "tell", "write"))
