"""A sentence that announces a written statement printed after it.

    On Saturday, the governor issued the following statement:
    “Our thoughts are with the families of the harbour workers …”

The verb is not one of speech ("issued", "released"), but a sentence ending on "the
following statement:" says the next quotation is that statement, by the verb's subject.
"""

from __future__ import annotations

from storywatch.understand.phrases import _np_before
from storywatch.understand.spans import Found, Sentence

# Verbs that put out a written statement, and the nouns for what they put out.
_ISSUING = frozenset(("issued", "released", "published", "posted", "sent", "gave", "made"))
_STATEMENTS = frozenset(("statement", "message", "note", "letter", "response", "remarks"))


def issued_statement(text: str, s: Sentence) -> Found | None:
    """ "Donald Trump issued the following statement:": a pending attribution whose
    speaker is the verb's subject, or ``None``."""
    if s.quotes or len(s.words) < 4 or not text[s.start : s.end].rstrip().endswith(":"):
        return None
    words = s.words
    if words[-1].text.lower() not in _STATEMENTS:
        return None
    k = next((i for i in range(len(words) - 2, 0, -1) if words[i].text in _ISSUING), None)
    if k is None or [w.text.lower() for w in words[k + 1 : -1]] not in _BETWEEN:
        return None
    speaker = _np_before(text, words, k, s.start, loose=True)
    if speaker is None:
        return None
    return Found((), True, speaker, (words[k].start, words[k].end), s.index)


# What stands between the verb and the noun: "the following", "a", "a brief".
_BETWEEN = (["the", "following"], ["a"], ["this"], ["a", "brief"], ["a", "short"])
