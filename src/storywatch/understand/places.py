"""A place written after a place between commas ("in Ames, Iowa, on Sunday, …").

News copy names a town and then its state or country, each closed by a comma: "At a
campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried …", "At a conference in
Aspen, Colo., the graduate ended her speech …". The state is part of the opening phrase,
never the subject that follows it.
"""

from __future__ import annotations

from storywatch.understand import gazetteer as gz
from storywatch.understand.text import Word

_REGIONS = gz.US_STATES | gz.COUNTRIES | gz.STATE_ABBREVIATIONS

# Words that open a short phrase of time or place after the state ("on Sunday,").
_TIME_OPENERS = frozenset(("on", "in", "at", "last", "this", "earlier", "late", "early"))


def _comma_after(text: str, words: list[Word], j: int) -> bool:
    """Whether a comma follows ``words[j]`` (after an abbreviation's full stop)."""
    end = words[j + 1].start if j + 1 < len(words) else min(len(text), words[j].end + 2)
    return "," in text[words[j].end : end]


def _segment_end(text: str, words: list[Word], i: int, most: int) -> int:
    """Index of the word closing, with a comma, the segment that starts at ``words[i]``
    within ``most`` words; -1 when no comma comes that soon."""
    for j in range(i, min(len(words), i + most)):
        if _comma_after(text, words, j):
            return j
    return -1


def past_place_appositives(text: str, words: list[Word], i: int) -> int:
    """Index of the first word after a place appositive that starts at ``words[i]``: a
    state or country ("Iowa", "Calif.") right after the comma that follows a capitalised
    word (the town), itself closed by a comma, is skipped, and so is a short phrase of time
    or place that then runs to another comma ("on Sunday,"). ``i`` itself when none is
    there."""
    if not 0 < i < len(words) or not words[i - 1].text[:1].isupper():
        return i
    if not _comma_after(text, words, i - 1):
        return i
    j = _segment_end(text, words, i, 3)
    if j < 0 or not is_place_appositive(words[i : j + 1], words[:i]):
        return i
    k = j + 1
    if k < len(words) and words[k].text.lower() in _TIME_OPENERS:
        end = _segment_end(text, words, k, 4)
        if end >= 0:
            return end + 1
    return k


def is_place_appositive(chunk: list[Word], before: list[Word]) -> bool:
    """Whether ``chunk`` (words between commas) is a state or country written after the
    town that ends the chunk ``before`` ("in Ames" + "Iowa", "in Aspen" + "Colo.")."""
    if not chunk or len(chunk) > 3 or not before or not before[-1].text[:1].isupper():
        return False
    return " ".join(w.text for w in chunk).lower().rstrip(".") in _REGIONS
