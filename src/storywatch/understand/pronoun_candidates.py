"""Which earlier names a "he" or "she" may stand for, and which it may not.

:func:`~storywatch.understand.speakers.resolve` weighs the people named before a pronoun
subject; these readers add a candidate a name alone would not give (a sentence opened by a
role the article gave to one person, :func:`described_subject`; the first fitting name of
the pronoun's own sentence, :func:`same_sentence_name`) and rule out names no reader would
take ("Marco Rubio, who he dubbed …", :func:`heads_relative_of`; "a Trump adviser",
:func:`modifying_name`). Split out of :mod:`~storywatch.understand.speakers`, which keeps
the scoring.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis
from storywatch.understand.pronoun_fit import compatible
from storywatch.understand.roles import TITLE_ALIASES, holders, role_modifiers, role_words, titled

_THE_ROLE = re.compile(
    r"(?:[A-Z][^,.“”\"]{0,60}(?:,| -| —) )?"  # an opening phrase: "Asked later, "
    r"[Tt]he ((?:[\w’'.-]+ ){0,3}?([a-z]+))\b(?! of\b)(?![’']s)"
)


def described_subject(
    an: Analysis, pos: int, pronoun: str, para: int, here: int
) -> tuple[float, int] | None:
    """A sentence opened by a role ("The admiral chuckled.", "Later, the Florida senator
    told reporters …") is about the person who holds it, when the article names one: for a
    later he/she, that person is the subject there, as a name would be. (score, identity)
    of the nearest such sentence, scored like a named subject."""
    for k in range(here, -1, -1):
        sent = an.sentences[k]
        if sent.start >= pos:
            continue
        if para - an.paragraph_of(sent.start) > 2:
            break
        m = _THE_ROLE.match(an.text, sent.start, sent.end)
        if m is None or TITLE_ALIASES.get(m.group(2), m.group(2)) not in lx.TITLE_HEADS:
            continue
        written = "the " + m.group(1)
        words = role_words(written)
        head = TITLE_ALIASES.get(words[-1], words[-1])
        # Only a title that carries the role's own words ("the Vermont senator" is no other
        # senator): a guess here would outweigh the names around it.
        wanted = role_modifiers(written, words)
        found = titled(an, m.start(1), head, wanted, words)
        if found < 0 or not compatible(an, an.identities[found], pronoun):
            continue
        if not wanted and holders(an, head) > 1:
            continue  # "the congressman" with two named: no reader could tell
        return float(here - k), found
    return None


def same_sentence_name(an: Analysis, pos: int, pronoun: str) -> int | None:
    """ "Trump stood by his comment that …": a possessive's owner is the first fitting name
    earlier in its own sentence, the one the sentence is about ("Madeleine Albright, a
    Clinton supporter, fanned controversy over her remark" is Albright's)."""
    here = an.sentence_of(pos)
    i = bisect_left(an.mention_starts, pos) - 1
    first: int | None = None
    while i >= 0:
        m = an.mentions[i]
        owner = an.owner[i]
        i -= 1
        if an.sentence_of(m.start) != here:
            break
        if owner < 0 or an.in_quote(m.start):
            continue
        if compatible(an, an.identities[owner], pronoun):
            first = owner
    return first


_RELATIVE_BEFORE = re.compile(r"\s*,?\s*(?:who|whom|which|that)\s+$")


def heads_relative_of(text: str, end: int, pos: int) -> bool:
    """ "Marco Rubio, who he dubbed “the little senator”": a pronoun that is the subject
    of a relative clause cannot stand for the name the clause is about; the one who dubbed
    is someone else, named before."""
    return pos - end < 12 and bool(_RELATIVE_BEFORE.fullmatch(text, end, pos))


_MODIFIER_BEFORE = re.compile(r"(?:^|\W)(?:[Tt]he|[Aa]n?)\s+$")
_LOWER_AFTER = re.compile(r"\s+[a-z]")


def modifying_name(text: str, start: int, end: int) -> bool:
    """ "The Murdoch outlets", "a Trump adviser": a name between an article and a
    lowercase noun describes the noun; it is no one a later pronoun can stand for."""
    return bool(_MODIFIER_BEFORE.search(text[max(0, start - 6) : start])) and bool(
        _LOWER_AFTER.match(text, end)
    )
