"""Words capitalised only because they open a sentence or a headline, before a surname.

"Understated Perez raises political profile", "Embattled Wasserman Schultz quits": a
participle or an adverb at the start joins the capitalised run of the name that follows
and makes a second person beside the real one. :func:`without_lead_words` drops it from the
mentions :func:`~storywatch.understand.mentions.find_mentions` found, when the article
gives the evidence that it is no first name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storywatch.model import EntityKind
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.name_tokens import is_first_name

if TYPE_CHECKING:
    from storywatch.understand.mentions import Mention


# First names shaped like a participle or an adverb, kept by :func:`_lead_word_shaped`.
_SHAPED_NAMES = frozenset(
    _words(
        """
        mohamed mohammed muhammed sterling channing irving manning harding fielding beverly
        kimberly shelly
        """
    )
)


def _lead_word_shaped(word: str) -> bool:
    """True for a word shaped like a participle or an adverb ("Embattled", "Following",
    "Interestingly"), which a headline or a sentence puts before a name."""
    low = word.lower()
    return (
        len(low) >= 6
        and low.endswith(("ing", "ed", "ly"))
        and low not in _SHAPED_NAMES
        and not is_first_name(word)
    )


def without_lead_words(text: str, found: list[Mention], initial: set[int]) -> list[Mention]:
    """Drop a participle or adverb that opens a sentence before a surname ("Understated
    Perez raises political profile", "Embattled Wasserman Schultz quits").

    Capitalised only by its position, such a word joins the name and makes a second
    person ("Understated Perez") beside the real one ("Thomas Perez"), who then gets half
    the quotes. It is dropped only when the article also names someone with the same
    surname and a different first word, and never writes the word capitalised elsewhere,
    so a real first name at a sentence start ("Sterling Jones said") stays."""
    candidates = [
        k
        for k, m in enumerate(found)
        if m.start in initial
        and not m.title
        and m.kind is EntityKind.PERSON
        and " " in m.name
        and _lead_word_shaped(m.name.split(" ", 1)[0])
    ]
    if not candidates:
        return found
    out = list(found)
    for k in candidates:
        m = found[k]
        lead, rest = m.name.split(" ", 1)
        if not any(
            o.name.endswith(rest) and o.name != m.name and not o.name.startswith(lead)
            for o in found
            if o.kind is EntityKind.PERSON
        ):
            continue
        if any(w.start() not in initial for w in re.finditer(rf"\b{re.escape(lead)}\b", text)):
            continue
        start = text.find(rest, m.start)
        if start < 0:
            continue
        out[k] = replace(m, name=rest, start=start)
    return out
