"""A share of those polled written as a noun phrase before a cue with no quotation: "Two in
three said …", "More than six in 10 say …", "four out of 10 voters said …", "Almost half of
respondents said …", "a third of independents say …".

The subject walk (``phrases._np_before``) stops at prepositions, so it found no subject in
"six in 10" or "half of respondents", and the share's clause ran on inside the clause before
it ("Nearly half said A, and three-quarters said B" read as one act). Here the "in" of "six
in 10" and the "of" of "half of respondents" join the phrase, and a phrase holding a share
is a speaker (as :mod:`~storywatch.understand.poll_shares` reads a share before a quotation).
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.text import Word


def _count(token: str) -> bool:
    """ "six", "10": a count in "six in 10"."""
    return token.isdigit() or token.lower() in lx.COUNT_WORDS


def share_joint(words: list[Word], i: int, out: list[Word], cue: str) -> bool:
    """``words[i]`` joins a share to the words after it (``out``) before "say"/"said"
    (``cue``, lowercased): "in" between counts ("six in 10"), "out of" between counts ("four
    out of 10"), "of" after a share ("half of respondents", "55 percent of voters"), and the
    degree before a share ("at least half", "about four in 10"). With other verbs the phrase
    is too often something else ("a plurality of refugees admitted to …")."""
    if not out or cue not in _SAY or (i > 0 and words[i].start - words[i - 1].end != 1):
        return False  # (not across a dash: "half — 55 percent — of backers")
    low = words[i].text.lower()
    before = words[i - 1].text.lower() if i > 0 else ""
    first = out[0].text.lower()
    if low == "in":
        return _count(before) and _count(first)
    if low == "out":
        return _count(before) and first == "of"
    if low == "of":
        return (before in lx.SHARE_NOUNS or before.endswith("%") or before == "out") and (
            first not in _NOT_GROUPS
        )
    if low in _DEGREES:
        return first == "least" or _count(first) or first in lx.SHARE_NOUNS
    return False


def share_goes_on(words: list[Word], i: int, out: list[Word], cue: str) -> bool:
    """``words[i]``, a count the subject walk would take for a determiner ("three"), is in
    a share that goes on before it: "Two in three" (the "in" after "Two"), "Roughly three in
    10" (a degree before the count)."""
    if i == 0 or cue not in _SAY:
        return False
    if share_joint(words, i - 1, out, cue):
        return True
    shared = len(out) > 2 and out[1].text in ("in", "out")
    return shared and words[i - 1].text.lower() in _DEGREE_ADVERBS


_DEGREE_ADVERBS = lx.COUNT_HEDGES | lx.words_of("some over under than")
_SAY = lx.words_of("say says said")
_DEGREES = lx.words_of("at about")
# "half of what researchers say …": "of" before these is no share of people.
_NOT_GROUPS = lx.words_of("what which whom whose")


def names_a_share(np: list[Word]) -> bool:
    """The phrase is a share of people: a share noun as its head or before "of" ("half",
    "majorities of Democrats", "55 percent of voters"; not "a third judgeship"), or counts
    joined by "in" or "out of" ("two in three", "four out of 10")."""
    texts = [w.text.lower() for w in np]
    last = len(texts) - 1
    for n, t in enumerate(texts):
        if (t in lx.SHARE_NOUNS or t.endswith("%")) and (n == last or texts[n + 1] == "of"):
            return True
        if 0 < n < last and t == "in" and _count(texts[n - 1]) and _count(texts[n + 1]):
            return True
        if 0 < n < last and t == "out" and _count(texts[n - 1]) and texts[n + 1] == "of":
            return True
    return False
