"""A cheap guess at finite verbs, without a tagger.

Many readers ask whether a word is a finite verb ("was", "does", "rejected") or whether a
span holds one after its first word (a reported clause, not a time or a scene). The guess
lives here, apart from :mod:`~storywatch.understand.clause_ends` where it grew, so the
readers of quotations said for themselves (:mod:`~storywatch.understand.quotes_alone`) and
of clause ends can both use it without importing each other.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.spans import Span, past_tense


def finite(token: str) -> bool:
    """A cheap guess that a word is a finite verb ("was", "does", "rejected", "lost")."""
    low = token.lower()
    return low in FINITE_AUXILIARIES or past_tense(low)


def finite_clause(text: str, span: Span) -> bool:
    """The words of ``span`` hold a finite verb after their first word: a reported clause
    ("the two cases were quite different", "the levy was “a tax”"), not a time or a place
    ("on Tuesday") nor a scene ("as she turned around")."""
    words = text[span[0] : span[1]].split()
    if not words or words[0].lower() in lx.SUBORDINATORS:
        return False  # "said as she turned around": a scene, not what was said
    return any(finite(w) for w in words[1:])


# Forms of "be", "have", "do" and the modals that are always finite ("was", "would", "did").
FINITE_AUXILIARIES = _words(
    "is are was were has had have will would could can should may might must do does did"
)
