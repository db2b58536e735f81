"""The kind of a name (person, organisation, place) from the gazetteers and word lists alone.

:func:`classify` reads a name, and the title written before it, without its context:
gazetteer organisations and places, place words ("County", "Atoll"), organisation words
("Ministry", "Party"), a title head or a known first name for a person; an unknown run of
two or more words is taken for a person, the common case in news. Split out of
:mod:`~storywatch.understand.mentions`, which finds the names and calls it for each.
"""

from __future__ import annotations

from functools import lru_cache

from storywatch.model import EntityKind
from storywatch.understand import gazetteer as gz
from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.name_tokens import norm

_PLACE_WORDS = frozenset(
    _words(
        """
        county province island islands river mountains valley sea ocean gulf street avenue
        square city bay lake peninsula strait desert atoll coast
        """
    )
)
# Built once here, not in :func:`classify`: a name the cache has not seen (a few thousand
# per thousand articles, most of them in a new worker, whose cache starts empty) built both
# unions again, the first names' (437 words) nearly all of a miss's cost.
_PLACE_HEADS = _PLACE_WORDS | {"republic", "kingdom"}
_FIRST_NAMES = gz.MALE_NAMES | gz.FEMALE_NAMES


@lru_cache(maxsize=65536)
def classify(name: str, title: str = "") -> EntityKind | None:
    """Kind of a name from gazetteers, organisation words and title; ``None`` if unknown."""
    low = name.lower()
    if low.startswith("the "):
        low = low[4:]
    toks = low.split()
    if low in gz.KNOWN_ORGS:
        return EntityKind.ORG
    if (low in gz.PLACES or low + "." in gz.PLACES) and not title:
        return EntityKind.PLACE
    if len(toks) > 1 and toks[0] in _PLACE_HEADS:
        return EntityKind.PLACE
    if len(toks) > 1 and (toks[-1] in _PLACE_WORDS or toks[-1] in gz.COUNTRIES):
        # "South Asia", "Midway Atoll", "Central America".
        return EntityKind.PLACE
    title_words = {norm(t) for t in title.split()}
    if title_words & lx.TITLE_HEADS:
        return EntityKind.PERSON
    for k, tok in enumerate(toks):
        t = tok.rstrip(".")
        if t in lx.ORG_WORDS and (t not in lx.WEAK_ORG_WORDS or len(toks) > 1):
            if len(t) == 2 and not name.split()[k - len(toks)].isupper():
                continue  # "UN", "EU" are written in capitals; "Un" is Kim Jong Un's name
            return EntityKind.ORG
    if len(toks) == 1 and name.isupper() and len(name.replace(".", "")) >= 2:
        return EntityKind.ORG
    if toks and toks[0] in _FIRST_NAMES and len(toks) > 1:
        return EntityKind.PERSON
    if len(toks) >= 2 and name.isupper():
        return None  # a dateline or a shouted headline, not a person
    if len(toks) >= 2 and toks[-1] in lx.PEOPLES:
        return None  # "North Korean leader Kim Jong Un": "North Korean" is no one
    if len(toks) >= 2 and all(t[:1].isalpha() for t in toks):
        return EntityKind.PERSON
    return None
