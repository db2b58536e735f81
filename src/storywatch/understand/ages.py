"""A person named again by age: "Gov. Maria Lopez, 56, … The 56-year-old said …".

Wire copy gives a person's age once, after the name ("Lopez, 56,", "Lopez (56)") or
before it ("56-year-old Maria Lopez"), and later writes "the 56-year-old" for that
person. The age written with a name is as good as a title: the description resolves to
the one person the article gave that age, and to no one when two people share it.
"""

from __future__ import annotations

import re

from storywatch.model import EntityKind
from storywatch.understand.analysis import Analysis

# "the 56-year-old", "the 56-year-old nurse": the description, as the speaker is written.
_AGED = re.compile(r"the (\d{1,3})-year-old(?: [a-z]+)?", re.IGNORECASE)
# After a name: "Lopez, 56," "Lopez, 56, of Ohio", "Lopez (56)".
_AGE_AFTER = re.compile(r"(?:,\s*(\d{1,3})(?=[,;.]|\s+of\s)|\s*\((\d{1,3})\))")
# Before a name: "56-year-old Maria Lopez", "56-year-old nurse Ann Lee".
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old\s+(?:[a-z]+\s+)?\Z")


def aged_person(an: Analysis, pos: int, written: str) -> int | None:
    """The identity of the one person written with the age ``written`` names, before
    ``pos``; None when ``written`` is no age description or no single person fits."""
    m = _AGED.fullmatch(written)
    if m is None:
        return None
    age = m.group(1)
    found: int | None = None
    for mi, mention in enumerate(an.mentions):
        if mention.start >= pos:
            break
        owner = an.owner[mi]
        if owner < 0 or an.identities[owner].kind is not EntityKind.PERSON:
            continue
        if _age_of(an.text, mention.start, mention.end) != age:
            continue
        if found is not None and found != owner:
            return None  # two people of that age: a reader could not tell which
        found = owner
    return found


def _age_of(text: str, start: int, end: int) -> str | None:
    """The age written right after or right before the name at ``[start, end)``."""
    after = _AGE_AFTER.match(text, end)
    if after is not None:
        return after.group(1) or after.group(2)
    before = _AGE_BEFORE.search(text, max(0, start - 40), start)
    return before.group(1) if before is not None else None
