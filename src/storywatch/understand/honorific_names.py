"""A surname that is also a title or a trade, written after an honorific.

New York Times copy names everyone after the first mention with an honorific: "Mark Singer"
becomes "Mr. Singer", "Anna Richardson White" becomes "Ms. White", "Charlie King" becomes
"Mr. King". Alone, "Singer", "White" and "King" are title words ("the singer", "the White
House", "King Abdullah"), so the mention finder drops them; after "Mr." or "Ms." the word is
the family name of someone the article has named in full. "Mr. President" is a form of
address: no one in the article is named "… President", so it stays no name.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.text import Word

# An honorific right before a word: "Mr. ", "Mrs. ", "Ms. ", "Dr. ".
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mrs|Ms|Miss|Mr|Dr)\.?\s+\Z")

# A capitalised word right before the surname, in a full name ("Mark Singer").
_GIVEN_BEFORE = r"\b([A-Z][\w'’-]*)\s+"


def honorific_surname(text: str, word: Word) -> bool:
    """ "Mr. Singer" in an article that names "Mark Singer": ``word`` (a title word) comes
    right after an honorific, and the article writes it elsewhere as the last word of a
    full name, after a capitalised word that is neither a title nor an honorific."""
    if _HONORIFIC_BEFORE.search(text, max(0, word.start - 6), word.start) is None:
        return False
    surname = word.text
    for m in re.finditer(_GIVEN_BEFORE + re.escape(surname) + r"\b", text):
        given = m.group(1).lower().rstrip(".")
        if given not in lx.TITLE_WORDS and given not in lx.NOT_NAMES:
            return True
    return False
