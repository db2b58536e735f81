"""Family names spelled like function words: "From", "Will", "May".

Al From, George Will and Theresa May are written by their family names alone once
introduced, and the word then looks like a preposition or a modal to a subject reader.
Two places of news copy show it is a name all the same:

- right before a verb of saying, after a quotation's close ("… as “the party of
  overwhelming government,” From said."): read by
  :func:`~storywatch.understand.lone_surnames.lone_surname`, the one rule for a family name
  alone there, whatever common word it also is;
- before a verb in the third person ("While Will acknowledges …", "May says …"): no modal
  takes an "-s" form, so the word is the verb's subject.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.text import Word

# Third-person verbs in "-s" that are no plural noun after a capitalised word: the cue
# lexicon's forms ("says", "writes", "acknowledges") only.
_NOT_THIRD_PERSON = frozenset(("was", "has", "is", "does"))


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
