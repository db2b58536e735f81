"""The noun a "that" or "which" stands for when it is the subject of a cue before a
quotation: "was replaced by a message that said, “…”", "posted under a headline which
read, “…”".

The walk leftwards from a cue in :func:`~storywatch.understand.phrases._np_before` steps
over the relative pronoun to the noun before it. "that" is a determiner too, so the phrase
ending in it has no noun of its own to judge, and the walk does not stop at a verb: it
would run back over a whole clause ("the men were wearing shirts that", "The council voted
for the resolution which"). The noun phrase a reader takes is the one right before the
pronoun, read the way :mod:`~storywatch.understand.relatives` reads one before "who".
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import plausible
from storywatch.understand.relatives import phrase_start
from storywatch.understand.spans import Span
from storywatch.understand.text import Word

_RELATIVES = frozenset(("that", "which"))


def ends_in_relative(out: list[Word]) -> bool:
    """Whether the phrase walked back from a cue ends in "that"/"which" after a noun."""
    return len(out) > 1 and out[-1].text.lower() in _RELATIVES


def relative_np(text: str, out: list[Word], floor: int) -> Span | None:
    """The span from the noun phrase before the relative pronoun to the pronoun ("a
    message that"), when a cue that opens a quotation follows (the loose reading: any
    determined noun phrase speaks), or None when no noun phrase ends right before it
    ("so that", "said that", "noting that": no noun, so no relative)."""
    start = phrase_start(text, out[-2].end, floor, False)
    if start is None:
        return None
    noun = [w for w in out[:-1] if w.start >= start]
    if not noun or noun[0].start != start or not plausible(text, noun, loose=True):
        return None
    if _published(text, start):
        return None  # "Vale released a video that said": Vale's words (carriers.py)
    return noun[0].start, out[-1].end


def _published(text: str, start: int) -> bool:
    """Whether the word right before the noun phrase at ``start`` is a verb of publishing:
    the thing is then its publisher's voice, not a speaker of its own."""
    before = text[max(0, start - 40) : start].split()
    return bool(before) and before[-1].lower() in lx.PUBLISHING_VERBS
