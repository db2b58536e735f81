"""A place written inside a speaker's words, where it only says where they are from.

"Two-thirds of Republicans in New Hampshire said", "a New Hampshire Republican said", "the
U.S. Holocaust Memorial Museum in Washington said": the place is no speaker there, the
group, the phrase or the organisation is. A place alone ("Russia said") still speaks, for
its government. Read by :mod:`~storywatch.understand.speakers` and
:mod:`~storywatch.understand.relatives`.
"""

from __future__ import annotations

import re

from storywatch.model import EntityKind
from storywatch.understand.analysis import Analysis

Span = tuple[int, int]

# The prepositions that hang a place on the words before it ("in New Hampshire", "of
# California", "from Englewood").
_PREPOSITIONS = r"(?:of|in|from|at|across|near|for)"
# Such a preposition right before a position ("… Republicans in ").
PREPOSITION_BEFORE = re.compile(rf"\b{_PREPOSITIONS}\s+(?:the\s+)?$")
# Only such a preposition between a name and a place ("Museum in Washington").
_PREPOSITION_GAP = re.compile(rf"\s+{_PREPOSITIONS}\s+(?:the\s+)?")


def is_place_or_org(an: Analysis, mi: int) -> bool:
    return an.kind_of(mi) in (EntityKind.PLACE, EntityKind.ORG)


def place_alone(an: Analysis, mi: int, span: Span) -> bool:
    """Whether mention ``mi`` is a place that opens the speaker's ``span``."""
    m = an.mentions[mi]
    return an.kind_of(mi) is EntityKind.PLACE and an.text[span[0] : m.start].strip() == ""


def place_in_phrase(an: Analysis, mi: int, span: Span) -> bool:
    """A place named inside a speaker's phrase but not as its head: after a preposition
    ("Republicans in New Hampshire") or before the noun it describes ("The Vermont
    senators", "U.S. lobbyists"). "Russia said" keeps Russia: alone, a place speaks for its
    government."""
    if an.kind_of(mi) is not EntityKind.PLACE:
        return False
    m = an.mentions[mi]
    text = an.text
    if PREPOSITION_BEFORE.search(text, max(span[0], m.start - 12), m.start):
        return True
    rest = text[m.end : span[1]].strip(" .,’'s")
    return bool(rest) and rest[:1].isalpha()


def name_ending_group(an: Analysis, start: int, place_start: int) -> int | None:
    """The mention of a person or organisation that ends the group before "in <place>"
    ("the U.S. Holocaust Memorial Museum in Washington"), if one does."""
    for mi in an.mentions_in(max(0, start - 80), place_start):
        if an.kind_of(mi) not in (EntityKind.ORG, EntityKind.PERSON):
            continue
        m = an.mentions[mi]
        if m.end > start and _PREPOSITION_GAP.fullmatch(an.text, m.end, place_start):
            return mi
    return None
