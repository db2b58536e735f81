"""What one word of a capitalised run is: a plain form to compare, a possessive, a word run
together with a verb, a given name; and whether two words join into one run.

Kept apart from :mod:`storywatch.understand.mentions` because every reader of names needs
these small facts about a word, while only the mention finder needs the run machinery.
"""

from __future__ import annotations

import re

from storywatch.understand import gazetteer as gz
from storywatch.understand import lexicon as lx
from storywatch.understand.text import ABBREVIATIONS, Word

POSSESSIVE = ("’s", "'s", "’", "'")


def norm(token: str) -> str:
    """Lower case without a trailing full stop ("Sen." ~ "sen"), the form every word list
    holds."""
    return token.lower().rstrip(".")


_CONTRACTION = re.compile(
    r"^(?:\w+[’'](?:m|re|ll|ve)|\w+n[’']t|(?:i|he|she|we|they|you|who)[’']d)$"
)


def contraction(token: str) -> bool:
    """ "I'm", "I’ve", "Isn’t", "We'll": a word run together with a verb or "not" is never
    part of a name. Capitalised at a sentence start or in a Title Case headline, it was
    read as one ("I'm" speaking, "Bernie Sanders Isn’t Too" for Bernie Sanders).

    Every branch of the pattern has an apostrophe, so a word without one (nearly every
    word: this runs for every capitalised word of an article) is ruled out by two substring
    tests, without lower-casing it and running the pattern."""
    if "’" not in token and "'" not in token:
        return False
    return _CONTRACTION.match(token.lower()) is not None


def strip_possessive(token: str) -> tuple[str, bool]:
    if "’" not in token and "'" not in token:
        return token, False
    for suffix in POSSESSIVE:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)], True
    return token, False


def joined(text: str, left: Word, right: Word) -> bool:
    """True when two words are one run: only spaces between, or an abbreviation's period."""
    gap = text[left.end : right.start]
    if gap == " ":
        return True
    if gap in (". ", ".") and (
        norm(left.text) in ABBREVIATIONS or len(left.text) == 1 or _INITIALS.fullmatch(left.text)
    ):
        return True  # "Mr. Lee", "George W. Bush", "H.R. McMaster"
    if gap in ("’ ", "' "):
        return inner_possessive(left.text + gap[0], right.text)
    return gap == "-"


# Joined initials ("H.R", "J.D", "E.J" before their closing period).
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")

_PLURAL_POSSESSORS = ("men’s", "men's", "children’s", "children's", "people’s", "people's")


def inner_possessive(left: str, right: str) -> bool:
    """A plural possessive followed by an organisation word is inside one name ("Velmora
    Dockworkers’ Union", "Carrow Fishermen's Association"); "Iraq’s Defense Ministry" is a
    singular possessive, two names."""
    plural = left.endswith(("s’", "s'")) or left.lower().endswith(_PLURAL_POSSESSORS)
    if plural:
        return right[:1].isupper() and norm(right) in lx.ORG_WORDS
    # "Harlow County Sheriff's Office", "the Attorney General's Office": an office named
    # for the one who holds it.
    return right == "Office" and norm(left[:-2]) in _OFFICE_HOLDERS


# Holders an "Office" is named for.
_OFFICE_HOLDERS = lx.TITLE_HEADS | lx.words_of(
    "coroner examiner prosecutor comptroller auditor treasurer clerk assessor"
)


def is_first_name(token: str) -> bool:
    low = token.lower()
    return low in gz.MALE_NAMES or low in gz.FEMALE_NAMES


def first_name_gender(name: str) -> str | None:
    """ "m", "f" or ``None`` from a person's first name."""
    first = name.split()[0].lower() if name.split() else ""
    if first in gz.FEMALE_NAMES:
        return "f"
    if first in gz.MALE_NAMES:
        return "m"
    return None
