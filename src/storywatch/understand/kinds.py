"""A name's kind decided from the whole article, after each mention was read on its own.

A capitalised name with no first name and no title is guessed to be a person (the common
case in news). The article often says otherwise somewhere: "the container ship Corrandel
Star", "aboard the Hesk Meadow" (a vessel: no kind at all, never a speaker); "Tallis Orme,
which owns the yard", "a ferry operated by Tallis Orme", or "the company" written just
after the name (an organisation). One such sign settles the name everywhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.model import EntityKind
from storywatch.understand import gazetteer as gz
from storywatch.understand import lexicon as lx
from storywatch.understand.mentions import Mention

_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:the\s+)?$")
_RUN_BY = re.compile(r"\boperated by\s+(?:the\s+)?$")
_WHICH = re.compile(r",\s+which\b")


def _guessed_person(m: Mention) -> bool:
    if m.kind is not EntityKind.PERSON or m.title or " " not in m.name:
        return False
    toks = m.name.split()
    return (
        len(toks) >= 2
        and toks[0].lower() not in gz.MALE_NAMES
        and toks[0].lower() not in gz.FEMALE_NAMES
        and not any(len(t) == 2 and t.endswith(".") for t in toks[1:-1])  # "Warren E. Buffett"
    )


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _run_before(text: str, start: int, end: int) -> tuple[str, int]:
    """The word of ASCII letters that ends where the spaces before ``end`` begin (cut at
    ``start``; "" when none), and where it starts."""
    while end > start and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > start and text[begin - 1] in _LETTERS:
        begin -= 1
    return text[begin:end], begin


def _vessel_word_last(text: str, start: int, end: int) -> bool:
    """Whether :data:`_WORD_BEFORE`'s word in ``text[start:end]`` can be a vessel word: it is
    the letters before the window's closing spaces, or, when those letters are a "the" with
    spaces before it, the letters before those spaces (a match that starts earlier does so
    in one of these two words, and the leftmost start is the word's own or ``start``)."""
    if not text[end - 1 : end].isspace():
        return False
    word, begin = _run_before(text, start, end)
    if word.lower() in lx.VESSEL_WORDS:
        return True
    if word != "the" or begin == start or not text[begin - 1].isspace():
        return False
    return _run_before(text, start, begin)[0].lower() in lx.VESSEL_WORDS


def vessels(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with ships' names made kindless: a name written after "ship", "vessel",
    "aboard" … once in the article ("the container ship Corrandel Star") is a vessel
    everywhere in it, not a person who could speak."""
    names = set()
    for m in mentions:
        if m.kind is EntityKind.PERSON and not m.title:
            start = max(0, m.start - 30)
            if not _vessel_word_last(text, start, m.start):
                continue  # the pattern below (tried at each of 30 characters) finds none
            before = _WORD_BEFORE.search(text, start, m.start)
            if before is not None and before.group(1).lower() in lx.VESSEL_WORDS:
                names.add(m.name)
    if not names:
        return mentions
    return [replace(m, kind=None) if m.name in names else m for m in mentions]


def companies(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with guessed people that the article treats as organisations made
    organisations: "X, which …" or "operated by X".

    "The company" written soon after a name was tried as a sign too, and dropped: on
    PolNeAR train it was as often a chief executive named just before it ("Irene Rosenfeld
    … the company") as a company. "The company said" still resolves to the one company
    named before it (:mod:`storywatch.understand.speakers`)."""
    names: set[str] = set()
    for m in mentions:
        if not _guessed_person(m):
            continue
        if _WHICH.match(text, m.end) or _RUN_BY.search(text, max(0, m.start - 40), m.start):
            names.add(m.name)
    if not names:
        return mentions
    return [replace(m, kind=EntityKind.ORG) if m.name in names else m for m in mentions]


# ", Calif." / ", N.J." right after a name: the name is a city and this its state, as
# datelines and place phrases write it ("the shootings in San Bernardino, Calif.").
_STATE_AFTER = re.compile(
    r",\s+(?:" + "|".join(re.escape(a.title()) for a in sorted(gz.STATE_ABBREVIATIONS)) + r")\."
)


def cities(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with guessed people written once as "<name>, <state abbreviation>."
    made places everywhere in the article: "San Bernardino, Calif." is a city, not a man
    whom a later "his" could stand for. (A person's state follows a party letter, "R-Calif.",
    never the bare name and a comma.)"""
    names = {m.name for m in mentions if _guessed_person(m) and _STATE_AFTER.match(text, m.end)}
    if not names:
        return mentions
    return [replace(m, kind=EntityKind.PLACE) if m.name in names else m for m in mentions]
