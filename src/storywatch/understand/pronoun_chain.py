"""A he or she that goes on from an earlier sentence opened by the same pronoun.

"One voter, Tomas Vale, came in a red hat. He had met activists who backed Okafor. “…,” he
said.": the second sentence's subject is the "He" that opens it, and a reader keeps that
person in view through it; the name it mentions in passing ("Okafor", an object) does not
take over. The later pronoun refers to whoever the earlier one does.
"""

from __future__ import annotations

import re

from storywatch.understand.analysis import Analysis

# A sentence opened by a subject pronoun, after at most a linking word ("But he …").
_OPENING = re.compile(r"[\s“\"]*(?:(?:But|And|Then|Still|Yet|So)\s+)?(He|She)\b")

# How many sentences back the pronoun that opens one may be.
_REACH = 3


def earlier_pronoun(an: Analysis, pos: int, pronoun: str) -> tuple[int, int] | None:
    """(sentence index, offset) of the nearest earlier sentence, within :data:`_REACH`
    sentences and the same or previous paragraph, that a "He"/"She" (``pronoun``) opens
    outside quotation marks; ``None`` when there is none or a sentence opened by a name
    comes between (that name is the nearer subject, read as such already)."""
    if pronoun not in ("he", "she"):
        return None
    here = an.sentence_of(pos)
    para = an.paragraph_of(pos)
    for k in range(here - 1, max(here - 1 - _REACH, -1), -1):
        sent = an.sentences[k]
        if para - an.paragraph_of(sent.start) > 1:
            return None
        m = _OPENING.match(an.text, sent.start, sent.end)
        if m is None:
            if sent.quotes and sent.quotes[0].start <= sent.start + 1:
                continue  # a quotation standing alone says nothing of the subject
            return None
        if m.group(1).lower() != pronoun or an.in_quote(m.start(1)):
            return None
        return k, m.start(1)
    return None
