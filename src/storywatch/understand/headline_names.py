"""Names in a Title Case headline, cut to what the article's body names.

In "Hillary Clinton And Bernie Sanders Clash Over Wall Street" or "Elizabeth Warren Rips
Trump As A …" every word is capitalised, so a run of capitals can take in the headline's
verb ("Bernie Sanders Clash") or start at it ("Rips Trump"). Left so, that run becomes a
person, and every later "Sanders said" resolves to "Bernie Sanders Clash". The body of
the article, written in sentence case, tells the name words from the rest: a word the
body also writes capitalised as a whole word belongs to a name, one it never writes so
does not. At a run's end that is the headline's verb ("Clash"), unless it is a given name
or a suffix; at its start only a headline verb is cut ("Rips"), since the body often
leaves out a given name ("Felipe Calderon" is "Calderon" below the headline).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storywatch.understand import lexicon as lx
from storywatch.understand.name_tokens import is_first_name

if TYPE_CHECKING:  # (mentions calls this module; the type is only for the checker)
    from storywatch.understand.mentions import Mention


def cut_to_body(text: str, mentions: list[Mention], lines: list[tuple[int, int]]) -> list[Mention]:
    """``mentions`` with each several-word name inside one of the headline ``lines`` (start
    and end offsets) cut to the words the rest of the article also writes capitalised."""
    if not lines:
        return mentions
    out = []
    for m in mentions:
        line = next((ln for ln in lines if ln[0] <= m.start and m.end <= ln[1]), None)
        if line is None or " " not in m.name:
            out.append(m)
            continue
        out.append(_cut(text, m, line))
    return out


def _cut(text: str, m: Mention, line: tuple[int, int]) -> Mention:
    words = [(w.group(), w.start()) for w in _WORD.finditer(text, m.start, m.end)]
    if len(words) != len(m.name.split()):
        return m  # a name rebuilt from its run (a possessive cut, a connector): leave it
    seen = [_in_body(w, text, line) for w, _ in words]
    if not any(seen):
        return m  # the body never names it: nothing to tell its words apart by
    lo, hi = 0, len(words)
    while hi - lo > 1 and not seen[hi - 1] and not _kept(words[hi - 1][0]):
        hi -= 1
    while hi - lo > 1 and not seen[lo] and _headline_verb(words[lo][0]):
        lo += 1
    if (lo, hi) == (0, len(words)):
        return m
    start = words[lo][1]
    end = words[hi - 1][1] + len(words[hi - 1][0])
    name = " ".join(w for w, _ in words[lo:hi])
    title = m.title if lo == 0 else ""
    return replace(
        m, name=name, start=start, end=end, title=title, title_start=m.title_start if title else -1
    )


def _headline_verb(word: str) -> bool:
    """A word opening a run that is a headline's verb of speech or attack ("Rips",
    "Compares", "Says"). Other first words the body leaves out are most often given names
    ("Felipe", "Tomas"), kept."""
    low = word.lower()
    return low in lx.CUE_WORDS or low in _HEADLINE_VERBS


# Verbs of attack or support that headlines put between two names ("Warren Rips Trump").
_HEADLINE_VERBS = lx.words_of(
    """
    rips slams blasts hits knocks mocks compares bashes trashes torches lashes hammers
    praises backs endorses defends attacks blames dismisses rejects questions taunts
    """
)


def _kept(word: str) -> bool:
    """A word a name keeps at its end though the body does not write it: a given name, a
    suffix, or a hyphenated name ("Ban Ki-moon" is "Ban" below the headline)."""
    return word.lower().rstrip(".") in lx.NAME_SUFFIXES or "-" in word or is_first_name(word)


def _in_body(word: str, text: str, line: tuple[int, int]) -> bool:
    """``word`` is written as a whole word somewhere in ``text`` outside the headline
    ``line`` (``str.find`` and a look at its neighbours: no pattern built per word)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        whole = (at == 0 or not _joins(text[at - 1])) and (
            end == len(text) or not (text[end].isalnum() or text[end] in "_-")
        )
        if whole and not line[0] <= at < line[1]:
            return True
        at = text.find(word, end)
    return False


def _joins(char: str) -> bool:
    return char.isalnum() or char in "_’'-"


_WORD = re.compile(r"[^\W_][\w.’'-]*")
