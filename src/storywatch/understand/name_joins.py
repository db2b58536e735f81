"""Whether a small word inside a run of capitalised words joins one name or ends it.

The mention finder reads "Centers for Disease Control and Prevention" and "Department of
Health and Human Services" as one name each, but "Trump and Clinton" as two, and "Melissa
Cronin of Gawker" as a person and where she works. These are the decisions it asks about
"for", "and" and "of"; each looks only at the run so far and the words after the
connector.
"""

from __future__ import annotations

import re

from storywatch.understand import gazetteer as gz
from storywatch.understand import lexicon as lx
from storywatch.understand.name_tokens import is_first_name, joined, norm
from storywatch.understand.text import Word


def joins_over(text: str, run: list[Word], connector: Word, after: Word | None) -> bool:
    """ "for" after an organisation's head word ("Center for American Progress", "Centers
    for Disease Control"), and "and" inside what follows that "for" ("… Disease Control and
    Prevention", "Center for Strategic and International Studies") or a government body's
    "of", join one name when a capitalised word follows. Elsewhere both words end the name:
    "Trump and Clinton", "the FBI and the CIA"."""
    if after is None or not after.text[:1].isupper() or not joined(text, connector, after):
        return False
    if connector.text == "for":
        head = norm(run[-1].text)
        return head in lx.ORG_WORDS or (head.endswith("s") and head[:-1] in lx.ORG_WORDS)
    if any(w.text == "for" for w in run):
        return True
    if _paired_body(text, run, after):
        return True
    # "Department of Health and Human Services", "Ministry of Foreign Affairs and Trade": a
    # government body's "of" runs on over "and"; a company's does not ("Bank of America and
    # Wells Fargo").
    return any(w.text == "of" for w in run) and any(norm(w.text) in _BODY_HEADS for w in run)


_BODY_HEADS = frozenset(("department", "ministry", "bureau", "office", "institute", "school"))


def _paired_body(text: str, run: list[Word], after: Word) -> bool:
    """ "Food and Drug Administration", "Securities and Exchange Commission", "Fish and
    Wildlife Service": one capitalised word, "and", and at most two more ending in the head
    word of a public body is one name. Not after a given name ("Bill and Melinda Gates
    Foundation" stays as written) nor when the first word is a body itself ("the Justice
    Department and Homeland Security Agency")."""
    if run and run[0].text == "The":
        run = run[1:]  # the sentence's capital: "The Food and Drug Administration said"
    if len(run) != 1 or is_first_name(run[0].text) or norm(run[0].text) in lx.ORG_WORDS:
        return False
    return _BODY_AFTER_AND.match(text, after.start) is not None


# A body's name after "and": one or two capitalised words, the last a public body's head.
_BODY_AFTER_AND = re.compile(
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Administration|Commission|Service|Council|Agency|Board|"
    r"Bureau|Authority|Corporation|Institute)\b"
)


def person_ends_at_of(text: str, run: list[Word], after: list[Word]) -> bool:
    """Whether the name ``run`` ends before the "of" that follows it: "Melissa Cronin of
    Gawker" (a known given name), "Meenakshi Ganguly of Human Rights Watch" (see
    :func:`_person_of`), "defense attorney Warren Gotcher of McAlester" (a lowercase title
    right before the run). ``after`` holds the words after "of"."""
    return len(run) >= 2 and (
        is_first_name(run[0].text) or _person_of(run, after) or _role_before(text, run[0].start)
    )


def _role_before(text: str, start: int) -> bool:
    """Whether a lowercase title ("attorney", "spokesman") is the word right before
    ``start``: what it names is a person."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return m is not None and m.group(1) in lx.TITLE_HEADS


_WORD_BEFORE = re.compile(r"\b([a-z]+) \Z")


def _person_of(run: list[Word], after: list[Word]) -> bool:
    """ "Meenakshi Ganguly of Human Rights Watch", "Stacy Baker of Columbia": two or three
    plain capitalised words (no title, no organisation or place word) before "of" and an
    organisation, a state or a city after it are a person and where they are from, whatever
    the first name. "Bank of America", "Secretary of State", "Gun Owners of America" are
    one name. A title before the name only makes it surer: "Dr. Anish Mahajan of
    Harbor-UCLA Medical Center"."""
    titled = 0
    while titled < len(run) - 1 and norm(run[titled].text) in lx.TITLE_WORDS:
        titled += 1
    run = run[titled:]
    if len(run) > 3 or not after or not after[0].text[:1].isupper():
        return False
    low = [norm(w.text) for w in run]
    if any(w in lx.ORG_WORDS or w in lx.TITLE_WORDS for w in low):
        return False
    if " ".join(low) in gz.PLACES or low[-1] in gz.PLACES:
        return False
    names: list[str] = []
    for w in after:
        if not w.text[:1].isupper():
            break
        names.append(norm(w.text))
    # A state or a city, not a country: "Gun Owners of America" is one name.
    return any(w in lx.ORG_WORDS for w in names) or " ".join(names) in gz.US_STATES | gz.CITIES
