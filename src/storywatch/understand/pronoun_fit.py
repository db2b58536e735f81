"""Which named identity a pronoun can stand for: "he" and "she" for a person of a gender
that fits, "it", "they" and "we" for an organisation.

A gender comes from the first name, an honorific or title ("Mrs."), the article's own
pronouns around a person named alone in a sentence, and, as a hint only, a masculine role
("spokesman", which news copy also writes for women). Kept apart from the resolver in
:mod:`storywatch.understand.speakers` because it is a fact about a person, not about where a
speaker is written.
"""

from __future__ import annotations

import re

from storywatch.model import EntityKind
from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis
from storywatch.understand.entities import Identity

# The gender of someone known only by a role like "spokesman" (see lx.MASCULINE_ROLES).
MASCULINE_HINT = "m?"


def gender_of(an: Analysis, ident: Identity) -> str | None:
    """ "m", "f", :data:`MASCULINE_HINT` or None (unknown): from the first name, else an
    honorific or title, else the article's own pronouns, else a masculine role."""
    if ident.gender:
        return ident.gender
    title_words = [{w.lower().rstrip(".") for w in title.split()} for title in ident.titles]
    for words in title_words:
        if words & lx.FEMALE_TITLES:
            return "f"
        if words & lx.MALE_TITLES:
            return "m"
    if an.genders is None:
        an.genders = _learn_genders(an)
    learned = an.genders.get(id(ident))
    if learned is None and any(words & lx.MASCULINE_ROLES for words in title_words):
        return MASCULINE_HINT
    return learned


_HE = re.compile(r"\b[Hh]e\b")
_SHE = re.compile(r"\b[Ss]he\b")


def _learn_genders(an: Analysis) -> dict[int, str]:
    """Gender of people whose first name we do not know, read from the article itself:
    the pronouns in sentences where that person is the only one named ("Melanie said yes …
    she was switching off the television")."""
    votes: dict[int, list[int]] = {}
    text = an.text
    for k, sent in enumerate(an.sentences):
        owners = {
            an.owner[mi]
            for mi in an.mentions_in(sent.start, sent.end)
            if an.owner[mi] >= 0 and an.identities[an.owner[mi]].kind is EntityKind.PERSON
        }
        if len(owners) != 1:
            continue
        owner = owners.pop()
        if an.identities[owner].gender:
            continue
        end = sent.end
        if k + 1 < len(an.sentences):
            nxt = an.sentences[k + 1]
            if not an.mentions_in(nxt.start, nxt.end):
                end = nxt.end
        span = text[sent.start : end]
        tally = votes.setdefault(owner, [0, 0])
        tally[0] += len(_HE.findall(span))
        tally[1] += len(_SHE.findall(span))
    out: dict[int, str] = {}
    for owner, (he, she) in votes.items():
        if he >= 2 and she == 0:
            out[id(an.identities[owner])] = "m"
        elif she >= 2 and he == 0:
            out[id(an.identities[owner])] = "f"
    return out


def compatible(an: Analysis, ident: Identity, pronoun: str) -> bool:
    """Whether a pronoun can stand for an identity: he/she/I for a person (of a gender
    that fits, when the article shows one), it/they/we for an organisation only — "they"
    for a group of people has no identity to resolve to."""
    if pronoun in ("he", "she", "i"):
        if ident.kind is not EntityKind.PERSON or _group_name(ident.name):
            return False
        g = gender_of(an, ident)
        return g in (None, MASCULINE_HINT) or pronoun == "i" or (g == "m") == (pronoun == "he")
    if pronoun in ("it", "they", "we"):
        return ident.kind is EntityKind.ORG
    return True


def _group_name(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in lx.PEOPLES
