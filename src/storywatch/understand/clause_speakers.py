"""Speaker spans that run on into the clause of their verb.

A reading that takes the words before a cue as the speaker sometimes takes too many:
an auxiliary and an adverb the verb leans on ("The legion has twice complained",
"Democrats have already signalled", "Fact-checkers soon noted"), or a whole clause that
is no noun phrase at all ("the party's move would cost the campaign", "it withheld
emails"). The first keeps its speaker once the verb's words are cut off; the second
names no one, and a paraphrase credited to it is a misreading.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import verb_or_aux
from storywatch.understand.finite_verbs import FINITE_AUXILIARIES
from storywatch.understand.spans import _DETERMINERS

Span = tuple[int, int]

_WORD = re.compile(r"[^\s,;:()]+")


# Adverbs the verb leans on that are not shaped "-ly".
_ADVERBS = lx.words_of(
    """already long twice once soon also still often never later again even since
    first only always ever just now then yet"""
)


def _adverb(word: str) -> bool:
    """A lowercase adverb: a name ending "-ly" ("Schlafly") is not one."""
    if not word.islower():
        return False
    return word in _ADVERBS or (
        len(word) > 4 and word.endswith("ly") and word.isalpha() and word not in lx.LY_NOUNS
    )


def _words(text: str, span: Span) -> list[tuple[str, int, int]]:
    a = span[0]
    return [(m.group(), a + m.start(), a + m.end()) for m in _WORD.finditer(text[a : span[1]])]


def trimmed(text: str, span: Span) -> Span:
    """The speaker without the lowercase adverbs and auxiliaries trailing it
    ("The legion has twice" -> "The legion"); the span itself when nothing trails or
    nothing would be left."""
    ws = _words(text, span)
    n = len(ws)
    while n > 1 and _adverb(ws[n - 1][0]):
        n -= 1
    while n > 1 and ws[n - 1][0] in FINITE_AUXILIARIES:
        n -= 1
    if n == len(ws) or n == 0:
        return span
    return (span[0], ws[n - 1][2])


_RELATIVES = lx.words_of("who whom whose which that")
# Verbs whose object, not subject, does what the participle after them says.
_PERCEIVING = lx.words_of("captured caught heard saw showed filmed recorded pictured")


def participle_subject(text: str, span: Span) -> Span:
    """The subject of the clause a participle cue follows: "The Florida senator sought to
    calm his supporters, saying …", "Mr. Sanders showed no sign of backing down, releasing
    a statement …": up to the clause's verb, a past tense after a name or a noun (the
    participle speaks for the subject, not for the clause). A participle right after a
    determiner or an adverb describes ("the retired general", "a slickly produced video"), a
    relative clause is the phrase's own ("a worker who asked …", "which included staff
    members"), and a clause with an auxiliary is left whole for :func:`is_clause` to
    judge."""
    ws = _words(text, span)
    if any(w in FINITE_AUXILIARIES or w in _RELATIVES for w, _, _ in ws):
        return span
    for n in range(1, len(ws)):
        word, before = ws[n][0], ws[n - 1][0]
        if (
            word.islower()
            and word not in lx.CUE_WORDS
            and verb_or_aux(word)
            and before.lower() not in _DETERMINERS
            and not _adverb(before)
        ):
            if word in _PERCEIVING and n + 1 < len(ws) and ws[n + 1][0][:1].isupper():
                return span  # "Project Veritas captured Rosen saying …": Rosen speaks
            return (span[0], ws[n - 1][2])
    return span


_SENSING = _PERCEIVING | lx.words_of("watch watched watching see seeing hear hearing")


def perceived_name(text: str, span: Span) -> Span:
    """The name a speaker span ends in after a verb of perceiving: "It's grimly funny to
    watch Mitt Romney, …, suddenly insist …", "the Orange County Register heard Dan
    Patrick say …": the one watched or heard speaks, not the clause around them. A span
    that is a clause ("the campaign was happy to hear Clinton pledged …") is left for
    :func:`is_clause` to judge."""
    if is_clause(text, span):
        return span
    ws = _words(text, span)
    for n in range(len(ws) - 2, -1, -1):
        if ws[n][0] in _SENSING:
            rest = ws[n + 1 :]
            if rest and all(w[:1].isupper() for w, _, _ in rest):
                return (rest[0][1], rest[-1][2])
            return span
    return span


def is_clause(text: str, span: Span) -> bool:
    """A speaker span that is a clause, not a noun phrase: a lowercase auxiliary after its
    first word ("the bulk of troops should be Arab fighters": finite auxiliaries, modals and
    the copula never stand in a noun phrase), or a personal pronoun
    followed by more words ("it withheld emails", "he truly believed …")."""
    ws = [w for w, _, _ in _words(text, span)]
    if len(ws) < 2:
        return False
    return ws[0].lower() in lx.PERSONAL_PRONOUNS or not FINITE_AUXILIARIES.isdisjoint(ws[1:])
