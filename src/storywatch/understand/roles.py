"""The person a role names: "the senator" is the one the article wrote with that title.

A role resolves only to someone the article itself titled: "the Florida senator" to the
person written "Florida Sen. …", "the former secretary of state" to the one whose title
holds "of State". Read by :mod:`~storywatch.understand.speakers` for a speaker written as a
role and for a sentence opened by one ("The admiral chuckled.").
"""

from __future__ import annotations

from storywatch.model import EntityKind
from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis

# Abbreviated and gendered forms of a title, read as the office they name.
TITLE_ALIASES = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "capt": "captain",
    "cmdr": "commander",
    "maj": "major",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "congressman": "representative",
    "congresswoman": "representative",
}


def role_words(written: str) -> list[str]:
    """A role's words as titles are compared: lower case, no period, no possessive."""
    return [w.lower().rstrip(".").replace("’s", "").replace("'s", "") for w in written.split()]


def _title_words(title: str) -> set[str]:
    """A written title's words, each read as the office it names ("Sen." is "senator")."""
    return {TITLE_ALIASES.get(t, t) for t in title.lower().replace(".", "").split()}


def role_modifiers(written: str, words: list[str]) -> frozenset[str]:
    """Words of a role the person's title should carry, first tried strictly: the
    capitalised word before the head ("The Florida senator" is the "Florida Sen.") and
    "former" ("the former president" is not the sitting one)."""
    out = {"former"} & set(words)
    shown = written.split()
    if (
        len(shown) >= 3
        and shown[-2][:1].isupper()
        and words[-2] not in lx.NOT_NAMES
        and words[-2].isalpha()
    ):
        out.add(words[-2])
    return frozenset(out)


# A title word that makes another office of the head: "the president" is not the "Vice
# President", "the governor" not the "Lieutenant Governor".
_LESSER = frozenset(("vice", "deputy", "assistant", "lieutenant", "lt", "associate"))


def titled(an: Analysis, pos: int, head: str, wanted: frozenset[str], words: list[str]) -> int:
    """The person written with a title holding ``head`` (and ``wanted``), nearest to ``pos``;
    a title with a lesser office ("Vice President") only for a role that says so."""
    best = -1
    for j, ident in enumerate(an.identities):
        if ident.kind is not EntityKind.PERSON:
            continue
        for title in ident.titles:
            tw = _title_words(title)
            if (
                head in tw
                and wanted <= tw
                and not (tw & _LESSER) - set(words)
                and (
                    best < 0 or abs(ident.first_at - pos) < abs(an.identities[best].first_at - pos)
                )
            ):
                best = j
    return best


def holders(an: Analysis, head: str) -> int:
    """How many people the article names with a title holding ``head``."""
    return sum(
        1
        for ident in an.identities
        if ident.kind is EntityKind.PERSON
        and any(head in _title_words(title) for title in ident.titles)
    )
