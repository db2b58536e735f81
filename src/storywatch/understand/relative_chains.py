"""A cue at the end of a list of relative clauses that share one "who".

"This was the Trump who questions the independence of a judge, who fights with reporters,
claims that Univision “takes its marching orders” from Mexico, and asserts that …": each
verb after a comma continues the list the first "who" opened, so the person that "who"
stands for says what the cue reports. Without this reading the noun phrase after "claims
that" was taken for a speaker written after the cue ("…, said Tomas Berg"), and the
sentence before it for what was said.
"""

from __future__ import annotations

from storywatch.understand.spans import Sentence, Span, _inside


def chained_relative(text: str, s: Sentence, k: int) -> Span | None:
    """The "who" that opens the list of relative clauses before the cue at ``s.words[k]``
    (the cue follows a comma and reports a "that" clause), or ``None``."""
    words = s.words
    if k == 0 or k + 1 >= len(words) or words[k + 1].text != "that":
        return None
    if "," not in text[words[k - 1].end : words[k].start]:
        return None
    first: int | None = None
    i = k - 1
    while i >= 0:
        start = _segment_start(text, s, i)
        whos = [n for n in range(start, i + 1) if words[n].text == "who"]
        if not whos or _inside(s.quotes, words[whos[0]].start):
            break
        first = whos[0]
        if first != start:
            break  # "the Trump who questions …": the list opens here
        i = start - 1
    if first is None or first == k - 1:
        return None
    return words[first].start, words[first].end


def _segment_start(text: str, s: Sentence, i: int) -> int:
    """The first word of the comma-separated segment holding ``s.words[i]``."""
    words = s.words
    while i > 0 and "," not in text[words[i - 1].end : words[i].start]:
        i -= 1
    return i
