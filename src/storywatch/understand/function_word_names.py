"""Family names spelled like function words: "From", "Will", "May".

Al From, George Will and Theresa May are written by their family names alone once
introduced, and the word then looks like a preposition or a modal to a subject reader.
Two places of news copy show it is a name all the same:

- right before a verb of saying, after a quotation's closing comma ("… as “the party of
  overwhelming government,” From said."): no preposition stands between a quotation and
  its cue, so a capitalised one there is the speaker;
- before a verb in the third person ("While Will acknowledges …", "May says …"): no modal
  takes an "-s" form, so the word is the verb's subject.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.text import Word

# A quotation's closing comma and mark, and the space before the next word: `,” ` `," `.
_AFTER_QUOTE_COMMA = re.compile(r",\s*(?:[”\"’]|'')\s+$")

# Third-person verbs in "-s" that are no plural noun after a capitalised word: the cue
# lexicon's forms ("says", "writes", "acknowledges") only.
_NOT_THIRD_PERSON = frozenset(("was", "has", "is", "does"))


def trailer_surname(text: str, words: list[Word], i: int) -> bool:
    """``words[i]``, a capitalised function word right before the cue, follows a quotation's
    closing comma ("“…,” From said"): it is the speaker's family name."""
    w = words[i]
    if i == 0 or not w.text[:1].isupper() or not w.text[1:].islower():
        return False
    return _AFTER_QUOTE_COMMA.search(text[words[i - 1].end : w.start]) is not None


def modal_name_before(word: Word, verb: Word) -> bool:
    """ "Will acknowledges", "May says": a modal family name before a cue verb in the third
    person singular, which no modal can govern."""
    return word.text in lx.MODAL_NAMES and third_person_cue(verb.text.lower())


def third_person_cue(low: str) -> bool:
    """A cue verb's "-s" form ("says", "writes", "acknowledges"), which no modal governs."""
    return (
        low in lx.CUE_WORDS
        and low.endswith("s")
        and not low.endswith("ss")
        and low not in _NOT_THIRD_PERSON
    )
