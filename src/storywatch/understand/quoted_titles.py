"""A short quoted title inside a speaker's noun phrase.

"wrote the authors of the “Bright Future Plan,”", "according to the "Care for all"
document": the title of a report, a plan or a show is written in quotation marks inside
the phrase that names who speaks. Read word by word, the phrase stopped at the opening
mark and the speaker was "the authors of the" or "the", a phrase no one can be.
"""

from __future__ import annotations

from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.text import Word

# Words a quoted title follows inside a noun phrase.
_BEFORE_TITLE = _words("the a an of his her its their our")

_CLOSERS = {"“": "”", '"': '"', "''": "''"}

# Titles are short; a longer quotation is what someone said.
_MAX_TITLE_WORDS = 6


def quoted_title(text: str, words: list[Word], n: int, last: Word) -> tuple[int, int, bool] | None:
    """When ``words[n]`` opens a short quoted title right after ``last`` (a determiner or
    "of"), the index of the first word after the title, the offset just past its closing
    mark, and whether punctuation inside the marks ends the phrase there (“… Plan,”);
    ``None`` otherwise."""
    if last.text.lower() not in _BEFORE_TITLE or n >= len(words):
        return None
    gap = text[last.end : words[n].start]
    opener = gap[1:] if gap.startswith(" ") else ""
    closer = _CLOSERS.get(opener)
    if closer is None:
        return None
    close = text.find(closer, words[n].start, words[n].start + 80)
    if close < 0:
        return None
    m = n
    while m < len(words) and words[m].end <= close:
        m += 1
    if m == n or m - n > _MAX_TITLE_WORDS or text.find("\n", words[n].start, close) >= 0:
        return None
    return m, close + len(closer), text[close - 1] in ",.;:!?"


# Small words a title writes in lower case ("Growth and Opportunity Project").
_SMALL = _words("of the a an and in on for to at with")


def title_in_phrase(text: str, start: int, inside: list[Word]) -> bool:
    """A closed quotation at ``start`` reads as a title inside a noun phrase: after "the",
    "a" or "of", up to six words, capitalised but for small words ("of the “Growth and
    Opportunity Project,”")."""
    before = text[max(0, start - 8) : start].split()
    return (
        bool(before)
        and before[-1].lower() in _BEFORE_TITLE
        and 0 < len(inside) <= _MAX_TITLE_WORDS
        and inside[0].text[:1].isupper()
        and all(w.text[:1].isupper() or w.text.lower() in _SMALL for w in inside)
    )
