"""A family name written alone between a quotation's close and its cue: "“…,” Will wrote.",
"“…,” Read said.", "“…,” From said.".

Once introduced, a speaker is written by the family name alone, and some family names are
also common words: a modal (Will, May), a verb (Read), a month, a preposition (From). Where
such a word opens a sentence the name lists rightly refuse it; between a quotation's close
and a verb of saying nothing but the speaker stands, so one capitalised word there is the
name. Two readers meet this place: the trailer reader (:mod:`~storywatch.understand.trailers`,
the word right before its cue) and the subject walk (:mod:`~storywatch.understand.phrases`,
which stops at a preposition), and both ask here.

A preposition or a subordinator counts only after a quotation closed on its comma (“…,”):
no preposition stands between a quotation and its cue, while after a "?" or a full stop a
sentence of its own may open on one. A pronoun, a determiner or a conjunction is never a
name here ("“…,” he said", "“…,” and so …").
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.spans import _DETERMINERS, _PREPOSITIONS
from storywatch.understand.text import Word

# A quotation's closing comma and mark, as the text ends: `,”` `,"` `,''`.
_COMMA_CLOSE = re.compile(r",\s*(?:[”\"’]|'')$")

# Capitalised words that may follow a closing mark and are no one's name.
NOT_SURNAMES = frozenset(
    ("and", "but", "so", "then", "or", "nor", "yet", "who", "which", "that", "there", "here")
)

# Words that open a clause or a phrase, a name only after a closing comma.
_OPENERS = _PREPOSITIONS | lx.SUBORDINATORS | lx.words_of("whether once unless")


def lone_surname(text: str, w: Word, qend: int | None = None) -> bool:
    """``w``, the one word before a cue, stands right after a quotation's close (``qend``,
    the end of its closing mark; by default where the space before ``w`` starts), a comma
    at most between: it is the speaker's family name, whatever else the word may be."""
    if qend is None:
        qend = w.start
        while qend > 0 and text[qend - 1].isspace():
            qend -= 1
    low = w.text.lower()
    if not (w.text[:1].isupper() and w.text.isalpha()):
        return False
    if text[qend : w.start].strip() not in ("", ","):
        return False
    if low in lx.PERSONAL_PRONOUNS or low in _DETERMINERS or low in NOT_SURNAMES:
        return False
    if low in _OPENERS:
        return _COMMA_CLOSE.search(text, max(0, qend - 8), qend) is not None
    return True
